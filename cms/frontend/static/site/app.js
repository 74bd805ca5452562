// The reader site: a small History API router over /site/ that draws pages from API v1.

import { api, ApiError } from "./api.js";
import { h, siteLink } from "./dom.js";
import { guideList, renderGuide, renderHome } from "./guide.js";
import { chooseLocale, htmlLang, loadLabels, locale, saveLocale, t } from "./i18n.js";
import { renderReport, renderResult, renderTest } from "./quiz.js";
import { renderSearch, searchForm } from "./search.js";
import { fetchTopics, renderSeries, renderTopic, topicChips } from "./topics.js";

const main = document.getElementById("main");
const enc = encodeURIComponent;
// The admin's preview (cms/frontend/preview.py) embeds {locale, page} at its own address.
const embedded = JSON.parse(document.getElementById("preview-page")?.textContent || "null");
const embeddedPath = window.location.pathname;

// A draft page, with a banner that says so.
async function previewOf(data) {
  let node;
  if (Array.isArray(data.questions)) node = renderTest(data, { preview: true });
  else if (Array.isArray(data.body)) node = renderGuide(data);
  else {
    const guides = await api("guides/", { params: { locale: locale(), limit: 100 } })
      .catch(() => null);
    node = renderHome(data, guides);
  }
  const banner = h("div", { class: "preview-banner", role: "status" },
    h("strong", {}, t("preview")));
  return { title: `${t("previewTitle")}: ${data.title}`, node: h("div", {}, banner, node) };
}

// Each view returns {title, node}; `ctx` has the path parameters and the query string.
const views = {
  async home() {
    const [home, guides, topics] = await Promise.all([
      api("home/", { params: { locale: locale() } }),
      api("guides/", { params: { locale: locale(), limit: 100 } }).catch(() => null),
      fetchTopics().catch(() => null),
    ]);
    const node = renderHome(home, guides);
    const chips = topicChips(topics);
    if (chips) node.append(chips);
    return { title: null, node };
  },

  async guides() {
    const [guides, topics] = await Promise.all([
      api("guides/", { params: { locale: locale(), limit: 100 } }),
      fetchTopics().catch(() => null),
    ]);
    return {
      title: t("guidesHeading"),
      node: h("div", {}, h("h1", {}, t("guidesHeading")),
        h("p", { class: "meta" }, t("guideCount", { count: guides.count })),
        topicChips(topics),
        guideList(guides.items || [], "h2")),
    };
  },

  async guide(ctx) {
    const guide = await api(`guides/${enc(ctx.params[0])}/`, { params: { locale: locale() } });
    // A slug works in either language; show the one that matches the page's language.
    if (guide.slug && guide.slug !== ctx.params[0]) {
      history.replaceState(null, "", `/site/guides/${enc(guide.slug)}/${window.location.search}`);
    }
    return { title: guide.title, node: renderGuide(guide) };
  },

  topic: (ctx) => renderTopic(ctx.params[0]),
  series: (ctx) => renderSeries(ctx.params[0]),
  search: (ctx) => renderSearch(ctx.query),

  async test(ctx) {
    const test = await api(`tests/${enc(ctx.params[0])}/`, { params: { locale: locale() } });
    return { title: test.title, node: renderTest(test, { navigate }) };
  },

  async result(ctx) {
    const token = ctx.params[0];
    const result = await api(`results/${enc(token)}/`, { params: { locale: locale() } });
    // The test names the four profiles for the chart's quadrants; generic names otherwise.
    const slug = result.test?.slug;
    const test = slug
      ? await api(`tests/${enc(slug)}/`, { params: { locale: locale() } }).catch(() => null)
      : null;
    return { title: result.profile?.name || t("yourResult"),
      node: renderResult(result, test, token, main) };
  },

  async report(ctx) {
    const token = ctx.params[0];
    const report = await api(`results/${enc(token)}/report/`, { params: { locale: locale() } });
    return { title: t("reportHeading"), node: renderReport(report, token) };
  },

  async preview(ctx) {
    const token = ctx.query.get("token");
    if (!token) throw new ApiError(403, { error: { message: t("previewMissing") } });
    const data = await api("preview/", { params: { token, locale: ctx.query.get("locale") } });
    return previewOf(data);
  },

  embedded: () => previewOf(embedded.page),
};

const routes = [
  [/^\/site\/$/, views.home],
  [/^\/site\/guides\/$/, views.guides],
  [/^\/site\/guides\/([^/]+)\/$/, views.guide],
  [/^\/site\/topics\/([^/]+)\/$/, views.topic],
  [/^\/site\/series\/([^/]+)\/$/, views.series],
  [/^\/site\/search\/$/, views.search],
  [/^\/site\/tests\/([^/]+)\/$/, views.test],
  [/^\/site\/results\/([^/]+)\/$/, views.result],
  [/^\/site\/results\/([^/]+)\/report\/$/, views.report],
  [/^\/site\/preview\/$/, views.preview],
];

function errorView(error) {
  const network = error instanceof ApiError && error.status === 0;
  const notFound = !(error instanceof ApiError) ? false : error.status === 404;
  const forbidden = error instanceof ApiError && error.status === 403;
  const heading = notFound ? t("notFound") : forbidden ? t("forbidden") : t("errorHeading");
  const message = network ? t("networkError")
    : notFound ? t("notFoundText")
    : (error instanceof ApiError && error.apiMessage) || t("networkError");
  return {
    title: heading,
    node: h(
      "div",
      { class: "error-page" },
      h("h1", {}, heading),
      h("p", { role: "alert" }, message),
      // The API's own words for a 404 add detail ("Guide “x” was not found.").
      notFound && error.apiMessage && h("p", { class: "meta" }, error.apiMessage),
      h("p", { class: "button-row" },
        !notFound && h("button", { type: "button", class: "button", onclick: () => render() },
          t("tryAgain")),
        siteLink("/site/", { class: "button button-plain" }, t("backHome"))),
    ),
  };
}

// Header, footer and other fixed text follow the chosen language.
function updateChrome() {
  document.documentElement.lang = htmlLang();
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll("[data-i18n-label]")) {
    el.setAttribute("aria-label", t(el.dataset.i18nLabel));
  }
  for (const button of document.querySelectorAll("[data-locale]")) {
    button.setAttribute("aria-pressed", String(button.dataset.locale === locale()));
  }
  for (const link of document.querySelectorAll(".site-nav a")) {
    const here = window.location.pathname.startsWith(link.getAttribute("href"));
    if (here) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

let renderCount = 0;
let shownAt = null; // the path and query the page shows

async function render({ focus = false } = {}) {
  const current = ++renderCount;
  const path = window.location.pathname;
  const query = new URLSearchParams(window.location.search);
  const inEmbedded = embedded && path === embeddedPath;
  // A preview's locale belongs to its token or its page, not to the reader's saved choice.
  chooseLocale(inEmbedded ? new URLSearchParams({ locale: embedded.locale }) : query,
    { remember: !inEmbedded && !path.startsWith("/site/preview/") });
  await loadLabels(locale());
  updateChrome();
  main.setAttribute("aria-busy", "true");
  let view;
  try {
    const match = inEmbedded ? [[path], views.embedded]
      : routes.map(([re, fn]) => [re.exec(path), fn]).find(([m]) => m);
    if (!match) throw new ApiError(404, null);
    const [found, fn] = match;
    view = await fn({ params: found.slice(1).map(decodeURIComponent), query });
  } catch (error) {
    if (!(error instanceof ApiError)) console.error(error);
    view = errorView(error instanceof ApiError ? error : new ApiError(500, null));
  }
  if (current !== renderCount) return; // a newer navigation won
  main.replaceChildren(view.node);
  shownAt = window.location.pathname + window.location.search;
  main.removeAttribute("aria-busy");
  document.title = view.title ? `${view.title} · ${t("siteName")}` : t("siteName");
  updateChrome();
  if (focus) {
    const heading = main.querySelector("h1");
    heading?.setAttribute("tabindex", "-1");
    (heading || main).focus();
    window.scrollTo(0, 0);
  }
}

export function navigate(href) {
  const url = new URL(href, window.location.href);
  history.pushState(null, "", url.pathname + url.search + url.hash);
  render({ focus: true });
}

document.addEventListener("click", (event) => {
  const link = event.target.closest("a[href]");
  if (!link || event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || link.target) return;
  const url = new URL(link.href, window.location.href);
  if (url.origin !== window.location.origin || !url.pathname.startsWith("/site/")) return;
  if (url.pathname === window.location.pathname && url.hash) return; // in-page anchors
  event.preventDefault();
  navigate(url.href);
});

for (const button of document.querySelectorAll("[data-locale]")) {
  button.addEventListener("click", () => {
    saveLocale(button.dataset.locale);
    const url = new URL(window.location.href);
    // Search results keep their language in the address, to be shared.
    const keep = url.searchParams.has("locale") || url.pathname === "/site/search/";
    if (keep && !url.pathname.startsWith("/site/preview/")) {
      url.searchParams.set("locale", button.dataset.locale);
      history.replaceState(null, "", url.pathname + url.search + url.hash);
    }
    render();
  });
}

window.addEventListener("popstate", () => {
  // Following an in-page anchor (or going back from one) changes only the hash.
  if (window.location.pathname + window.location.search === shownAt) return;
  render({ focus: true });
});

document.querySelector(".header-inner")
  ?.insertBefore(searchForm(navigate), document.querySelector(".lang-switch"));

// /site/guides/x → /site/guides/x/
if (!window.location.pathname.endsWith("/")) {
  history.replaceState(null, "", `${window.location.pathname}/${window.location.search}`);
}
render();
