// Search: the form in the site header and the results page at /site/search/?q=…

import { api, ApiError } from "./api.js";
import { guideHref, h, siteLink } from "./dom.js";
import { locale, t } from "./i18n.js";
import { fetchTopics, topicChips } from "./topics.js";

const INPUT_ID = "site-search-q";

// Shareable: the query and, for Chinese, the language are in the address.
export function searchHref(query) {
  const params = new URLSearchParams({ q: query });
  if (locale() !== "en") params.set("locale", locale());
  return `/site/search/?${params}`;
}

// The header's search form (its text follows the language through data-i18n).
export function searchForm(navigate) {
  const input = h("input", { type: "search", id: INPUT_ID, name: "q", maxlength: 200,
    autocomplete: "off", enterkeyhint: "search" });
  return h(
    "form",
    {
      class: "site-search",
      role: "search",
      action: "/site/search/",
      method: "get",
      "aria-label": t("searchLabel"),
      "data-i18n-label": "searchLabel",
      onsubmit: (event) => {
        event.preventDefault();
        navigate(input.value.trim() ? searchHref(input.value.trim()) : "/site/search/");
      },
    },
    h("label", { for: INPUT_ID, class: "visually-hidden", "data-i18n": "searchLabel" },
      t("searchLabel")),
    input,
    h("button", { type: "submit", class: "button button-small", "data-i18n": "searchButton" },
      t("searchButton")),
  );
}

// The API's snippet is escaped text plus <mark>…</mark>: only the marks become elements.
const ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#x27;": "'" };
const unescape = (text) => text.replace(/&(?:amp|lt|gt|quot|#x27);/g, (m) => ENTITIES[m]);

export function highlighted(snippet) {
  return String(snippet || "")
    .split(/<mark>(.*?)<\/mark>/s)
    .map((part, i) => (i % 2 ? h("mark", {}, unescape(part)) : unescape(part)));
}

function resultItem(hit) {
  return h("li", { class: "search-result" },
    h("h2", { class: "card-title" }, siteLink(guideHref(hit.path), {}, hit.title)),
    h("p", { class: "snippet" }, highlighted(hit.snippet)));
}

export async function renderSearch(query) {
  const q = (query.get("q") || "").trim();
  const input = document.getElementById(INPUT_ID);
  if (input && input !== document.activeElement) input.value = q;
  const heading = h("h1", {}, q ? t("searchResultsFor", { q }) : t("searchHeading"));
  const page = (...children) => ({
    title: q ? `${t("searchHeading")}: ${q}` : t("searchHeading"),
    node: h("div", { class: "search-page" }, heading, ...children),
  });
  if (!q) return page(h("p", {}, t("searchPrompt")));
  let results;
  try {
    results = await api("search/", { params: { q, locale: locale(), limit: 50 } });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 400) throw error;
    return page(h("p", { class: "search-error", role: "alert" }, error.apiMessage));
  }
  const count = results.count;
  const status = h("p", { class: "meta", role: "status" },
    count === 0 ? t("searchEmpty", { q })
      : count === 1 ? t("searchCountOne") : t("searchCount", { count }));
  if (!count) {
    const topics = await fetchTopics().catch(() => null);
    return page(status, topicChips(topics));
  }
  return page(status, h("ol", { class: "search-results" }, results.items.map(resultItem)));
}
