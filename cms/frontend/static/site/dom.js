// Small DOM helpers: elements, rich text from the CMS, copy buttons, fallback markers.

import { htmlLang, t } from "./i18n.js";

const SVG_NS = "http://www.w3.org/2000/svg";

function build(el, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.setAttribute("class", value);
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false || child === "") continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

// h("p", {class: "lead"}, "text", otherNode)
export function h(tag, attrs = {}, ...children) {
  return build(document.createElement(tag), attrs, children);
}

export function svg(tag, attrs = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

// Rich text (HTML) from the CMS; links to guides stay on this site.
export function rich(html, attrs = {}) {
  const box = h("div", { class: "rich", ...attrs });
  box.innerHTML = html || "";
  for (const link of box.querySelectorAll('a[href^="/guides/"]')) {
    link.setAttribute("href", `/site${link.getAttribute("href")}`);
    link.setAttribute("data-link", "");
  }
  for (const image of box.querySelectorAll("img:not([alt])")) image.setAttribute("alt", "");
  return box;
}

// Plain text with blank lines between paragraphs.
export function paragraphs(text, attrs = {}) {
  const parts = String(text || "")
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean);
  return parts.map((part) => h("p", attrs, part));
}

export function siteLink(href, attrs, ...children) {
  return h("a", { href, "data-link": "", ...attrs }, ...children);
}

export function guideHref(path) {
  const slug = String(path || "")
    .split("/")
    .filter(Boolean)
    .pop();
  return slug ? `/site/guides/${encodeURIComponent(slug)}/` : "/site/guides/";
}

export function dayRange(from, to) {
  if (!to || from === to) return t("day", { day: from });
  return t("days", { from, to });
}

// Visible marker for content served in English inside a Chinese page.
export function fallbackMarker() {
  return h("p", { class: "fallback-marker", lang: htmlLang() }, t("fallbackPart"));
}

export function fallbackNotice() {
  return h("div", { class: "notice notice-fallback", role: "note", lang: htmlLang() },
    h("p", {}, t("fallbackPage")));
}

export function outdatedMarker() {
  return h("p", { class: "outdated-marker", lang: htmlLang() }, t("outdatedPart"));
}

export function outdatedNotice() {
  return h("div", { class: "notice notice-outdated", role: "note", lang: htmlLang() },
    h("p", {}, t("outdatedPage")));
}

async function copyText(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the older way
  }
  const buffer = h("textarea", { class: "copy-buffer", readonly: true, "aria-hidden": "true" });
  buffer.value = text;
  document.body.append(buffer);
  buffer.select();
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } catch {
    copied = false;
  }
  buffer.remove();
  return copied;
}

// A "Copy" button with its own live status ("Copied").
export function copyControl(getText, describedBy) {
  const status = h("span", { class: "copy-status", role: "status", "aria-live": "polite" });
  let timer;
  const button = h(
    "button",
    {
      type: "button",
      class: "button button-small",
      "aria-describedby": describedBy,
      onclick: async () => {
        const copied = await copyText(getText());
        status.textContent = copied ? t("copied") : t("copyFailed");
        status.classList.toggle("copy-status-error", !copied);
        clearTimeout(timer);
        timer = setTimeout(() => {
          status.textContent = "";
        }, 6000);
      },
    },
    t("copy"),
  );
  return h("div", { class: "copy-control" }, button, status);
}
