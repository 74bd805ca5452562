// A guide's search and social data (API v1 `seo`) in the document's head: title, description,
// canonical and hreflang links, Open Graph and JSON-LD. JSON-LD is data, not script, so the
// site's Content-Security-Policy (no inline scripts) lets it in.

import { h } from "./dom.js";
import { t } from "./i18n.js";

const main = document.getElementById("main");
let shown = null; // {tags, observer} of the guide on screen

function clear() {
  if (!shown) return;
  shown.observer.disconnect();
  for (const tag of shown.tags) tag.remove();
  shown = null;
}

function openGraph(og) {
  const meta = (property, content) => h("meta", { property, content });
  const { image, ...rest } = og;
  const tags = Object.entries(rest).map(([key, value]) => meta(`og:${key}`, value));
  if (image) {
    tags.push(meta("og:image", image.url), meta("og:image:width", image.width),
      meta("og:image:height", image.height));
  }
  return tags;
}

// `node` is the drawn guide: the tags go when the reader leaves it. A preview is left out.
export function showSeo(seo, node) {
  clear();
  if (!seo || document.getElementById("preview-page") ||
    window.location.pathname.startsWith("/site/preview/")) return;
  const tags = [
    h("meta", { name: "description", content: seo.description }),
    h("link", { rel: "canonical", href: seo.canonical }),
    ...seo.alternates.map((link) =>
      h("link", { rel: "alternate", hreflang: link.hreflang, href: link.href })),
    ...openGraph(seo.open_graph),
    ...seo.json_ld.map((data) =>
      h("script", { type: "application/ld+json" }, JSON.stringify(data))),
  ];
  document.head.append(...tags);
  const observer = new MutationObserver(() => {
    if (!node.isConnected) clear();
  });
  observer.observe(main, { childList: true });
  shown = { tags, observer };
  // The router titles the page once it has drawn it; the search title takes its place.
  setTimeout(() => {
    if (node.isConnected) document.title = `${seo.title} · ${t("siteName")}`;
  });
}
