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
import { showSeo } from "./seo.js";

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
  image(value) {
    const img = picture(value.image);
    return img && h("figure", { class: "block block-image" }, img,
      value.caption && h("figcaption", {}, value.caption));
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

// An API image as <picture>: a <source> per modern format, a JPEG <img> as the fallback. Only
// renditions the CMS has made are listed; an image with none yet is left out.
const PICTURE_SIZES = "(min-width: 48rem) 48rem, 100vw";
const SOURCE_TYPES = [["avif", "image/avif"], ["webp", "image/webp"]];

function picture(image, { className, lazy = true } = {}) {
  if (!image?.src) return null;
  const srcset = image.srcset || {};
  return h(
    "picture",
    {},
    SOURCE_TYPES.filter(([format]) => srcset[format]).map(([format, type]) =>
      h("source", { type, srcset: srcset[format], sizes: PICTURE_SIZES })),
    h("img", {
      class: className,
      src: image.src,
      srcset: srcset.jpeg,
      sizes: PICTURE_SIZES,
      width: image.width,
      height: image.height,
      alt: image.alt || "",
      loading: lazy ? "lazy" : null,
      decoding: "async",
    }),
  );
}

// The API's outline anchors by block: the block's (or its run's) heading and its steps. An
// anchor starts with its block's, "b-" and the block id's first 8 characters.
const blockAnchor = (block) => `b-${block.id.slice(0, 8)}`;

function anchorsOf(outline) {
  const anchors = new Map();
  for (const entry of outline) {
    const block = entry.id.split("-s-")[0];
    if (!anchors.has(block)) anchors.set(block, { heading: null, steps: [] });
    if (entry.level === 1) anchors.get(block).heading = entry.id;
    else anchors.get(block).steps.push(entry.id);
  }
  return anchors;
}

// Runs of copy phrases and of FAQs are shown together under one heading.
const GROUPS = {
  copy_phrase: { key: "copy_phrases", list: "ul", className: "phrases" },
  faq: { key: "faq", list: "div", className: "faqs" },
  faq_snippet: { key: "faq", list: "div", className: "faqs" },
};

// `targets` collects the elements given an outline anchor, by anchor.
function renderBody(body, marks, anchors, targets) {
  const out = [];
  let group = null;
  const anchor = (el, id) => {
    if (!el || !id) return;
    el.id = id;
    el.classList.add("toc-target");
    targets.set(id, el);
  };
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
    const own = anchors.get(blockAnchor(block));
    if (!kind) {
      group = null;
      anchor(node.querySelector(":scope > h2"), own?.heading);
      node.querySelectorAll(".timeline-step").forEach((step, i) => anchor(step, own?.steps[i]));
      out.push(node);
      return;
    }
    if (!group || group.kind.key !== kind.key) {
      group = { kind, list: h(kind.list, { class: kind.className }) };
      const heading = h("h2", {}, t(kind.key));
      anchor(heading, own?.heading);
      out.push(h("section", { class: `block block-${kind.className}` }, heading, group.list));
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

const WIDE = "(min-width: 78rem)";

function onScreen(el) {
  const box = el.getBoundingClientRect();
  return box.bottom > 0 && box.top < window.innerHeight;
}

// The current section: the first target in the top part of the window, else the last one
// scrolled past; its link gets aria-current. A target chosen in the contents stays current
// while it is on screen (near the end of the page it may never reach the top).
function followReading(nav, links, targets) {
  const visible = new Set();
  const ids = [...links.keys()];
  const follow = { chosen: null };
  const observer = new IntersectionObserver(
    (entries) => {
      if (!nav.isConnected) {
        observer.disconnect(); // the reader left the guide
        return;
      }
      for (const entry of entries) {
        if (entry.isIntersecting) visible.add(entry.target.id);
        else visible.delete(entry.target.id);
      }
      if (follow.chosen && onScreen(targets.get(follow.chosen))) return;
      follow.chosen = null;
      const current = ids.find((id) => visible.has(id)) ??
        ids.findLast((id) => targets.get(id).getBoundingClientRect().top < 0);
      if (current) markCurrent(links, current);
    },
    { rootMargin: "0px 0px -60% 0px" },
  );
  for (const id of ids) observer.observe(targets.get(id));
  return follow;
}

function markCurrent(links, current) {
  for (const [id, link] of links) {
    if (id === current) link.setAttribute("aria-current", "location");
    else link.removeAttribute("aria-current");
  }
}

// The outline as a table of contents: a sticky column on wide screens, a collapsible bar on
// narrow ones. Only entries drawn on the page are listed.
function tableOfContents(outline, targets) {
  const links = new Map();
  const list = h("ol", { class: "toc-list" });
  let parent = list;
  for (const entry of outline) {
    if (!targets.has(entry.id)) continue;
    const link = h(
      "a",
      { href: `#${entry.id}` },
      entry.level === 2 && entry.day_from &&
        h("span", { class: "toc-days" }, dayRange(entry.day_from, entry.day_to)),
      entry.title,
    );
    links.set(entry.id, link);
    const item = h("li", { class: `toc-level-${entry.level}` }, link);
    if (entry.level === 1) {
      list.append(item);
      parent = item.appendChild(h("ol", {}));
    } else parent.append(item);
  }
  if (!links.size) return null;
  for (const sub of list.querySelectorAll("ol:empty")) sub.remove();
  const box = h("details", { open: window.matchMedia(WIDE).matches },
    h("summary", {}, t("toc")), list);
  const nav = h("nav", { class: "toc", "aria-label": t("tocLabel") }, box);
  const follow = followReading(nav, links, targets);
  list.addEventListener("click", (event) => {
    const link = event.target.closest("a");
    if (!link) return;
    follow.chosen = link.hash.slice(1);
    markCurrent(links, follow.chosen);
    if (!window.matchMedia(WIDE).matches) box.open = false;
  });
  return nav;
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
  const targets = new Map();
  const body = renderBody(guide.body || [], marks, anchorsOf(guide.outline || []), targets);
  const article = h(
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
      guide.series?.slug &&
        h("p", { class: "meta" }, `${t("seriesLabel")}: `,
          siteLink(`/site/series/${encodeURIComponent(guide.series.slug)}/`, {}, guide.series.name)),
      guide.topics?.length > 0 &&
        h("p", { class: "meta" }, `${t("topics")}: `, guide.topics.map((x, i) => [i > 0 && ", ",
          siteLink(`/site/topics/${encodeURIComponent(x.slug)}/`, {}, x.name)])),
    ),
    marks.any && fallbackNotice(),
    (marks.outdated.blocks.size > 0 || marks.outdated.fields.size > 0) && outdatedNotice(),
    picture(image, { className: "hero", lazy: false }),
    guide.summary && field(marks, "summary", h("p", { class: "summary" }, guide.summary)),
    headerMarked && fallbackMarker(),
    headerOutdated && outdatedMarker(),
    body,
    quizCta(guide.quiz_cta, marks.fields.has("quiz_cta")),
  );
  showSeo(guide.seo, article);
  const toc = tableOfContents(guide.outline || [], targets);
  return toc ? h("div", { class: "guide-layout" }, toc, article) : article;
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
