// Topic and series pages, and the topic chips that lead to them.

import { api, ApiError } from "./api.js";
import { h, paragraphs, siteLink } from "./dom.js";
import { guideList } from "./guide.js";
import { locale, t } from "./i18n.js";

const enc = encodeURIComponent;

export const topicHref = (slug) => `/site/topics/${enc(slug)}/`;
export const seriesHref = (slug) => `/site/series/${enc(slug)}/`;

export function guideCount(count) {
  return count === 1 ? t("guideCountOne") : t("guideCount", { count });
}

export function fetchTopics() {
  return api("topics/", { params: { locale: locale() } });
}

// Links to every topic page; `current` marks the one being shown.
export function topicChips(topics, current = null) {
  const items = topics?.items || [];
  if (!items.length) return null;
  return h(
    "nav",
    { class: "topic-chips", "aria-label": t("topicFilter") },
    h("h2", { class: "topic-chips-heading" }, t("topicFilter")),
    h("ul", {}, items.map((topic) =>
      h("li", {}, siteLink(topicHref(topic.slug),
        { class: "chip", "aria-current": topic.slug === current ? "page" : null }, topic.name)))),
  );
}

function breadcrumbs() {
  return h("nav", { class: "breadcrumbs", "aria-label": t("allGuides") },
    siteLink("/site/guides/", {}, `← ${t("allGuides")}`));
}

export async function renderTopic(slug) {
  const [topics, guides] = await Promise.all([
    fetchTopics(),
    api("guides/", { params: { locale: locale(), topic: slug, ordering: "title", limit: 100 } }),
  ]);
  const topic = topics.items.find((item) => item.slug === slug);
  if (!topic) throw new ApiError(404, null);
  return {
    title: topic.name,
    node: h("div", { class: "topic-page" },
      breadcrumbs(),
      h("p", { class: "eyebrow" }, t("topicLabel")),
      h("h1", {}, topic.name),
      h("p", { class: "meta" }, guideCount(guides.count)),
      guideList(guides.items || [], "h2"),
      topicChips(topics, slug)),
  };
}

export async function renderSeries(slug) {
  const [series, guides] = await Promise.all([
    api(`series/${enc(slug)}/`, { params: { locale: locale() } }),
    api("guides/", { params: { locale: locale(), series: slug, ordering: "number", limit: 100 } }),
  ]);
  return {
    title: series.name,
    node: h("div", { class: "series-page" },
      breadcrumbs(),
      h("p", { class: "eyebrow" }, t("seriesLabel")),
      h("h1", {}, series.name),
      paragraphs(series.description, { class: "lead" }),
      h("p", { class: "meta" }, guideCount(guides.count)),
      guideList(guides.items || [], "h2")),
  };
}
