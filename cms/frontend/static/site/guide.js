// Guides: cards for lists, and the full guide with every body block type the API sends.

import {
  copyControl,
  dayRange,
  fallbackMarker,
  fallbackNotice,
  guideHref,
  outdatedMarker,
  outdatedNotice,
  h,
  paragraphs,
  rich,
  siteLink,
} from "./dom.js";
import { formatDate, htmlLang, locale, t } from "./i18n.js";

export const TEST_HREF = "/site/tests/relationship-test/";

function seriesLine(guide) {
  const parts = [];
  if (guide.series?.name) parts.push(guide.series.name);
  if (guide.number) parts.push(t("guideNumber", { number: guide.number }));
  if (guide.reading_time) parts.push(t("reading_time", { minutes: guide.reading_time }));
  return parts.join(" · ");
}

export function guideCard(guide, level = "h2") {
  const untranslated = locale() !== "en" && guide.translation_state === "missing";
  const outdated = locale() !== "en" && guide.translation_state === "outdated";
  return h(
    "li",
    { class: "card", lang: untranslated ? "en" : null },
    h(level, { class: "card-title" }, siteLink(guideHref(guide.path), {}, guide.title)),
    h("p", { class: "meta" }, seriesLine(guide)),
    guide.subtitle && h("p", { class: "card-subtitle" }, guide.subtitle),
    guide.summary && h("p", {}, guide.summary),
    untranslated && h("p", { class: "fallback-marker", lang: htmlLang() }, t("not_yet_translated")),
    outdated && h("p", { class: "outdated-marker", lang: htmlLang() }, t("outdatedCard")),
  );
}

export function guideList(items, level) {
  if (!items.length) return h("p", {}, t("noGuides"));
  return h("ul", { class: "cards" }, items.map((guide) => guideCard(guide, level)));
}

// Where meta lists paths (English fallbacks, or outdated Chinese): top-level fields and body
// block indexes.
function placesOf(paths) {
  const blocks = new Set();
  const fields = new Set();
  let wholeBody = false;
  for (const path of paths) {
    const match = /^body\[(\d+)\]/.exec(path);
    if (match) blocks.add(Number(match[1]));
    else if (path === "body") wholeBody = true;
    else fields.add(path.split(/[.[]/)[0]);
  }
  return { blocks, fields, wholeBody };
}

function fallbacks(meta) {
  const paths = meta?.fallback || [];
  const any = paths.length > 0 || meta?.translation_state === "missing";
  return { any, ...placesOf(paths), outdated: placesOf(meta?.outdated || []) };
}

const BLOCKS = {
  scenario(value) {
    const persona = value.persona;
    const who =
      persona?.name &&
      [persona.name, persona.age && t("age", { age: persona.age }), persona.role]
        .filter(Boolean)
        .join(" · ");
    return h(
      "section",
      { class: "block block-scenario" },
      h("h2", {}, value.heading),
      who && h("p", { class: "persona" }, who),
      rich(value.narrative),
      value.quote && h("blockquote", { class: "quote" }, h("p", {}, value.quote)),
    );
  },
  section(value) {
    return h("section", { class: "block" }, h("h2", {}, value.heading), rich(value.body));
  },
  spotlight(value) {
    return h(
      "aside",
      { class: "block block-spotlight", "aria-label": value.title },
      h("p", { class: "eyebrow" }, t(`kind_${value.kind}`), value.subject && ` · ${value.subject}`),
      h("h2", {}, value.title),
      rich(value.body),
    );
  },
  mechanisms(value) {
    return h(
      "section",
      { class: "block" },
      h("h2", {}, value.heading),
      paragraphs(value.intro),
      h(
        "ul",
        { class: "mechanisms" },
        (value.items || []).map((item) =>
          h("li", {}, h("h3", {}, item.name), paragraphs(item.description)),
        ),
      ),
    );
  },
  pathway(value) {
    return h(
      "section",
      { class: "block block-pathway" },
      h("h2", {}, value.heading || t("pathway")),
      paragraphs(value.intro),
      h(
        "ol",
        { class: "timeline" },
        (value.steps || []).map((step) =>
          h(
            "li",
            { class: "timeline-step" },
            h("p", { class: "day-range" }, dayRange(step.day_from, step.day_to)),
            h("h3", {}, step.title),
            step.focus && h("p", { class: "focus" }, step.focus),
            step.prerequisites &&
              h("p", { class: "prerequisites" }, h("strong", {}, `${t("prerequisites")}: `),
                step.prerequisites),
            step.actions?.length &&
              h("div", { class: "actions" }, h("h4", {}, t("actions")),
                h("ul", {}, step.actions.map((action) => h("li", {}, action)))),
            step.safety_note &&
              h("p", { class: "safety-note", role: "note" },
                h("strong", {}, `${t("safetyNote")}: `), step.safety_note),
          ),
        ),
      ),
    );
  },
  case_example(value) {
    const parts = ["presenting_pattern", "approach", "process", "outcome"].filter((k) => value[k]);
    return h(
      "aside",
      { class: "block block-case", "aria-label": t("case_example") },
      h("p", { class: "eyebrow" }, t("case_example")),
      h("h2", {}, value.title),
      value.person && h("p", { class: "persona" }, value.person),
      h("dl", {}, parts.map((key) => [h("dt", {}, t(key)), h("dd", {}, value[key])])),
    );
  },
  key_insights(value) {
    return h(
      "section",
      { class: "block block-insights" },
      h("h2", {}, value.heading || t("key_insights")),
      paragraphs(value.intro),
      h("ul", {}, (value.insights || []).map((insight) => h("li", {}, insight))),
      value.closing && h("p", { class: "closing" }, value.closing),
    );
  },
  copy_phrase(value, index) {
    const id = `phrase-${index}`;
    return h(
      "li",
      { class: "phrase" },
      h("blockquote", { id }, h("p", {}, value.phrase)),
      value.situation && h("p", { class: "meta" }, value.situation),
      copyControl(() => value.phrase, id),
    );
  },
  faq(value) {
    return h("details", { class: "faq" }, h("summary", {}, value.question), rich(value.answer));
  },
  faq_snippet(value) {
    return value.faq ? BLOCKS.faq(value.faq) : null;
  },
  references(value) {
    return h(
      "section",
      { class: "block block-references" },
      h("h2", {}, value.heading || t("references")),
      h(
        "ol",
        { class: "references" },
        (value.items || []).map((item) =>
          h(
            "li",
            {},
            item.author,
            item.year && ` (${item.year}). `,
            item.url ? h("a", { href: item.url, rel: "noopener" }, item.work || item.url) : item.work,
          ),
        ),
      ),
    );
  },
};

// Runs of copy phrases and of FAQs are shown together under one heading.
const GROUPS = {
  copy_phrase: { key: "copy_phrases", list: "ul", className: "phrases" },
  faq: { key: "faq", list: "div", className: "faqs" },
  faq_snippet: { key: "faq", list: "div", className: "faqs" },
};

function renderBody(body, marks) {
  const out = [];
  let group = null;
  body.forEach((block, index) => {
    const render = BLOCKS[block.type];
    if (!render) return;
    let node = render(block.value || {}, index);
    if (!node) return;
    // A marker goes under the block's heading (or an FAQ's question).
    const mark = (marker) => {
      const title = node.querySelector(":scope > summary, :scope > h2");
      if (title) title.after(marker);
      else node.prepend(marker);
    };
    if (marks.wholeBody || marks.blocks.has(index)) {
      node.setAttribute("lang", "en");
      mark(fallbackMarker());
    } else if (marks.outdated.blocks.has(index)) {
      node.classList.add("outdated");
      mark(outdatedMarker());
    }
    const kind = GROUPS[block.type];
    if (!kind) {
      group = null;
      out.push(node);
      return;
    }
    if (!group || group.kind.key !== kind.key) {
      group = { kind, list: h(kind.list, { class: kind.className }) };
      out.push(h("section", { class: `block block-${kind.className}` }, h("h2", {}, t(kind.key)),
        group.list));
    }
    group.list.append(node);
  });
  return out;
}

function quizCta(cta, marked) {
  if (!cta) return null;
  // The button stays on this site, whatever external link the CMS holds.
  const href = cta.quiz_url?.startsWith("/site/") ? cta.quiz_url : TEST_HREF;
  return h(
    "section",
    { class: "block cta", lang: marked ? "en" : null },
    marked && fallbackMarker(),
    h("h2", {}, cta.heading || t("take_the_test")),
    paragraphs(cta.text),
    siteLink(href, { class: "button" }, cta.button_label || t("start_the_test")),
    cta.closing_heading && h("h3", {}, cta.closing_heading),
    paragraphs(cta.closing_text),
  );
}

function field(marks, name, node) {
  if (node && marks.fields.has(name)) node.setAttribute("lang", "en");
  return node;
}

export function renderGuide(guide) {
  const marks = fallbacks(guide.meta);
  const header = ["title", "subtitle", "summary"];
  const headerMarked = header.some((name) => marks.fields.has(name));
  const headerOutdated = !headerMarked && header.some((name) => marks.outdated.fields.has(name));
  const reviewed = [
    guide.expert_reviewer && t("reviewedBy", { name: guide.expert_reviewer }),
    guide.last_reviewed && t("lastReviewed", { date: formatDate(guide.last_reviewed) }),
  ].filter(Boolean);
  const image = guide.hero_image;
  return h(
    "article",
    { class: "guide", lang: htmlLang(guide.meta?.locale || locale()) },
    h("nav", { class: "breadcrumbs", "aria-label": t("allGuides") },
      siteLink("/site/guides/", {}, `← ${t("allGuides")}`)),
    h(
      "header",
      { class: "guide-header" },
      h("p", { class: "eyebrow" }, seriesLine(guide)),
      field(marks, "title", h("h1", {}, guide.title)),
      guide.subtitle && field(marks, "subtitle", h("p", { class: "lead" }, guide.subtitle)),
      reviewed.length > 0 && h("p", { class: "meta" }, reviewed.join(" · ")),
      guide.topics?.length > 0 &&
        h("p", { class: "meta" }, `${t("topics")}: `, guide.topics.map((x) => x.name).join(", ")),
    ),
    marks.any && fallbackNotice(),
    (marks.outdated.blocks.size > 0 || marks.outdated.fields.size > 0) && outdatedNotice(),
    image &&
      h("img", { class: "hero", src: image.url, alt: image.title || "", width: image.width,
        height: image.height }),
    guide.summary && field(marks, "summary", h("p", { class: "summary" }, guide.summary)),
    headerMarked && fallbackMarker(),
    headerOutdated && outdatedMarker(),
    renderBody(guide.body || [], marks),
    quizCta(guide.quiz_cta, marks.fields.has("quiz_cta")),
  );
}

export function renderHome(home, guides) {
  const marked = (home.meta?.fallback || []).length > 0;
  return h(
    "div",
    { class: "home", lang: htmlLang(home.meta?.locale || locale()) },
    h("section", { class: "hero-block" },
      h("h1", {}, home.heading || home.title),
      marked && fallbackNotice(),
      rich(home.introduction, { class: "rich lead" })),
    h("section", { class: "block test-promo" },
      h("h2", {}, t("testPromoHeading")),
      h("p", {}, t("testPromoText")),
      siteLink(TEST_HREF, { class: "button" }, t("take_the_test"))),
    h("section", { class: "block" },
      h("h2", {}, t("guidesHeading")),
      guides ? guideList(guides.items || [], "h3") : null,
      siteLink("/site/guides/", { class: "more" }, `${t("allGuides")} →`)),
  );
}
