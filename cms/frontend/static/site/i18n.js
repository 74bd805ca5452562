// Interface strings in both languages, the reader's language choice, and the API's labels.

export const LOCALES = ["en", "zh-hans"];
const STORAGE_KEY = "site-locale";

const STRINGS = {
  en: {
    siteName: "Relationship Guides",
    skip: "Skip to main content",
    mainNav: "Main",
    language: "Language",
    navGuides: "Guides",
    navTest: "Relationship test",
    loading: "Loading…",
    footer: "Practical, research-informed guides to attachment and communication.",
    home: "Home",
    guidesHeading: "Guides",
    allGuides: "All guides",
    guideCount: "%(count)s guides",
    noGuides: "There are no guides yet.",
    testPromoHeading: "Relationship test",
    testPromoText: "Find out which attachment pattern fits you, in about three minutes.",
    take_the_test: "Take the relationship test",
    start_the_test: "Start the test",
    guideNumber: "No. %(number)s",
    reading_time: "%(minutes)s min read",
    topics: "Topics",
    topicLabel: "Topic",
    topicFilter: "Browse by topic",
    seriesLabel: "Series",
    guideCountOne: "1 guide",
    searchLabel: "Search the guides",
    searchButton: "Search",
    searchHeading: "Search",
    searchResultsFor: "Results for “%(q)s”",
    searchPrompt: "Type a word in the search box to find guides.",
    searchCount: "%(count)s results",
    searchCountOne: "1 result",
    searchEmpty: "No guides match “%(q)s”. Try another word, or browse by topic.",
    reviewedBy: "Reviewed by %(name)s",
    lastReviewed: "Last reviewed %(date)s",
    age: "%(age)s years old",
    kind_theory: "Theory",
    kind_researcher: "Researcher",
    kind_study: "Study",
    pathway: "Step-by-step pathway",
    days: "Days %(from)s–%(to)s",
    day: "Day %(day)s",
    actions: "Actions",
    prerequisites: "Before you start",
    safetyNote: "Safety note",
    case_example: "Case example",
    presenting_pattern: "The pattern",
    approach: "Approach",
    process: "Process",
    outcome: "Outcome",
    copy_phrases: "Phrases you can copy",
    copy: "Copy",
    copied: "Copied",
    copyFailed: "Copying did not work. Select the text and copy it yourself.",
    key_insights: "Key insights",
    faq: "Frequently asked questions",
    references: "References",
    toc: "Contents",
    tocLabel: "Table of contents",
    fallbackPage: "Some parts of this page are not yet translated and are shown in English.",
    fallbackPart: "This part is not yet translated",
    outdatedPage:
      "The English of some parts was updated after they were translated; their Chinese may be out of date.",
    outdatedPart: "The English was updated after this translation",
    outdatedCard: "Translation may be out of date.",
    not_yet_translated: "Not yet translated: shown in English.",
    questionN: "Question %(n)s of %(total)s",
    seeResult: "See my result",
    sending: "Sending…",
    errorSummary: "Some answers need attention",
    chooseAnswer: "Please choose an answer.",
    previewNoSubmit: "Answers cannot be sent from a preview.",
    yourResult: "Your result",
    yourScores: "Your scores",
    sharedResult: "A shared result",
    scores: "Scores",
    chartLabel:
      "Chart of your scores. %(x)s: %(xs)s on a scale from %(xmin)s to %(xmax)s. " +
      "%(y)s: %(ys)s on a scale from %(ymin)s to %(ymax)s. Your point is in the %(quadrant)s quadrant.",
    scoreRange: "%(score)s (scale %(min)s–%(max)s)",
    you: "You",
    secure: "Secure",
    anxious: "Anxious",
    avoidant: "Avoidant",
    fearful: "Fearful-avoidant",
    strengths: "Strengths",
    growthEdges: "Growth edges",
    tips: "Tips",
    playbook: "Your playbook",
    playbookIntro: "Steps from our guides that suit your pattern, in order.",
    stepN: "Step %(n)s: %(title)s",
    share: "Share your result",
    shareText: "Anyone with this link can see your result until %(date)s.",
    shareLink: "Link to your result",
    reportLink: "See your day-by-day action report",
    sharedReportLink: "See the day-by-day action report",
    sharedNote: "Someone shared this result with you. Only the person who took the test can delete it.",
    deleteResult: "Delete my result",
    deleteConfirm: "Delete this result for good? The link will stop working.",
    deleteYes: "Yes, delete it",
    cancel: "Cancel",
    deleted: "Your result has been deleted.",
    retake: "Take the test again",
    reportHeading: "Your day-by-day action report",
    backToResult: "Back to your result",
    sharedReportHeading: "Day-by-day action report",
    backToSharedResult: "Back to the result",
    preview: "Preview: this draft is not published.",
    previewTitle: "Preview",
    previewMissing: "This preview link has no token.",
    notFound: "Page not found",
    notFoundText: "We could not find what you were looking for.",
    errorHeading: "Something went wrong",
    networkError: "The site could not be reached. Check your connection and try again.",
    forbidden: "You cannot see this page",
    tryAgain: "Try again",
    backHome: "Back to the home page",
  },
  "zh-hans": {
    siteName: "关系指南",
    skip: "跳到主要内容",
    mainNav: "主导航",
    language: "语言",
    navGuides: "指南",
    navTest: "关系测试",
    loading: "正在加载…",
    footer: "以研究为依据、关于依恋与沟通的实用指南。",
    home: "首页",
    guidesHeading: "指南",
    allGuides: "全部指南",
    guideCount: "共 %(count)s 篇指南",
    noGuides: "还没有指南。",
    testPromoHeading: "关系测试",
    testPromoText: "大约三分钟，了解哪一种依恋模式最接近你。",
    take_the_test: "参加关系测试",
    start_the_test: "开始测试",
    guideNumber: "第 %(number)s 篇",
    reading_time: "阅读约 %(minutes)s 分钟",
    topics: "主题",
    topicLabel: "主题",
    topicFilter: "按主题浏览",
    seriesLabel: "系列",
    guideCountOne: "共 1 篇指南",
    searchLabel: "搜索指南",
    searchButton: "搜索",
    searchHeading: "搜索",
    searchResultsFor: "“%(q)s”的搜索结果",
    searchPrompt: "在搜索框中输入关键词来查找指南。",
    searchCount: "共 %(count)s 条结果",
    searchCountOne: "共 1 条结果",
    searchEmpty: "没有与“%(q)s”匹配的指南。换个词试试，或按主题浏览。",
    reviewedBy: "审阅：%(name)s",
    lastReviewed: "最近审阅：%(date)s",
    age: "%(age)s 岁",
    kind_theory: "理论",
    kind_researcher: "研究者",
    kind_study: "研究",
    pathway: "分步练习路径",
    days: "第 %(from)s–%(to)s 天",
    day: "第 %(day)s 天",
    actions: "行动",
    prerequisites: "开始之前",
    safetyNote: "安全提示",
    case_example: "案例",
    presenting_pattern: "呈现的模式",
    approach: "做法",
    process: "过程",
    outcome: "结果",
    copy_phrases: "可以直接复制的话",
    copy: "复制",
    copied: "已复制",
    copyFailed: "复制没有成功，请选中文字后手动复制。",
    key_insights: "核心洞见",
    faq: "常见问题",
    references: "参考文献",
    toc: "目录",
    tocLabel: "本文目录",
    fallbackPage: "本页部分内容尚未翻译，暂以英文显示。",
    fallbackPart: "此部分尚未翻译",
    outdatedPage: "部分内容的英文在翻译之后有更新，其中文可能已过时。",
    outdatedPart: "英文在此译文之后有更新",
    outdatedCard: "译文可能已过时。",
    not_yet_translated: "尚未翻译：以英文显示。",
    questionN: "第 %(n)s 题，共 %(total)s 题",
    seeResult: "查看我的结果",
    sending: "正在提交…",
    errorSummary: "有些答案需要检查",
    chooseAnswer: "请选择一个答案。",
    previewNoSubmit: "预览中无法提交答案。",
    yourResult: "你的结果",
    yourScores: "你的得分",
    sharedResult: "他人分享的结果",
    scores: "得分",
    chartLabel:
      "你的得分图。%(x)s：%(xs)s（范围 %(xmin)s–%(xmax)s）。" +
      "%(y)s：%(ys)s（范围 %(ymin)s–%(ymax)s）。你的位置在“%(quadrant)s”象限。",
    scoreRange: "%(score)s（范围 %(min)s–%(max)s）",
    you: "你",
    secure: "安全型",
    anxious: "焦虑型",
    avoidant: "回避型",
    fearful: "恐惧-回避型",
    strengths: "你的优势",
    growthEdges: "成长空间",
    tips: "实用建议",
    playbook: "你的行动手册",
    playbookIntro: "按顺序排列、适合你的模式的指南步骤。",
    stepN: "第 %(n)s 步：%(title)s",
    share: "分享你的结果",
    shareText: "在 %(date)s 之前，任何拿到此链接的人都能查看你的结果。",
    shareLink: "结果链接",
    reportLink: "查看逐日行动报告",
    sharedReportLink: "查看逐日行动报告",
    sharedNote: "这是别人分享给你的结果。只有参加测试的本人才能删除它。",
    deleteResult: "删除我的结果",
    deleteConfirm: "确定要永久删除这个结果吗？删除后链接将失效。",
    deleteYes: "确定删除",
    cancel: "取消",
    deleted: "你的结果已删除。",
    retake: "重新测试",
    reportHeading: "你的逐日行动报告",
    backToResult: "返回你的结果",
    sharedReportHeading: "逐日行动报告",
    backToSharedResult: "返回结果",
    preview: "预览：此草稿尚未发布。",
    previewTitle: "预览",
    previewMissing: "此预览链接缺少令牌。",
    notFound: "找不到页面",
    notFoundText: "我们找不到你要查看的内容。",
    errorHeading: "出了点问题",
    networkError: "无法连接到网站，请检查网络后重试。",
    forbidden: "你无法查看此页面",
    tryAgain: "重试",
    backHome: "返回首页",
  },
};

let current = "en";

export function locale() {
  return current;
}

export function htmlLang(code = current) {
  return code === "zh-hans" ? "zh-Hans" : "en";
}

// ?locale= wins, then the remembered choice, then English.
export function chooseLocale(params, { remember = true } = {}) {
  const asked = params.get("locale");
  let stored = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // storage can be blocked; the choice then lasts for this page only
  }
  current = LOCALES.includes(asked) ? asked : LOCALES.includes(stored) ? stored : current;
  if (remember && LOCALES.includes(asked)) saveLocale(asked);
  return current;
}

export function saveLocale(code) {
  current = code;
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // see above
  }
}

// "%(name)s" placeholders, as in the API's labels.
export function t(key, vars = {}) {
  const text = STRINGS[current][key] ?? STRINGS.en[key] ?? key;
  return text.replace(/%\((\w+)\)s/g, (_, name) => String(vars[name] ?? ""));
}

// The CMS's own interface labels override the built-in ones where they exist.
const labelRequests = {};
export function loadLabels(code) {
  labelRequests[code] ??= fetch(`/api/v1/labels/?locale=${code}`)
    .then((response) => (response.ok ? response.json() : {}))
    .then((labels) => {
      for (const [key, value] of Object.entries(labels)) {
        if (typeof value === "string" && value) STRINGS[code][key] = value;
      }
    })
    .catch(() => {});
  return labelRequests[code];
}

export function formatDate(value) {
  if (!value) return "";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const tag = current === "zh-hans" ? "zh-CN" : "en-GB";
  return new Intl.DateTimeFormat(tag, { dateStyle: "long" }).format(date);
}

export function formatNumber(value) {
  return Number(value).toLocaleString(current === "zh-hans" ? "zh-CN" : "en-GB", {
    maximumFractionDigits: 2,
  });
}
