// The relationship test: the form, the result (chart, playbook, sharing) and the day-by-day report.

import { api, ApiError } from "./api.js";
import { copyControl, dayRange, guideHref, h, paragraphs, siteLink, svg } from "./dom.js";
import { formatDate, formatNumber, htmlLang, locale, t } from "./i18n.js";
import { TEST_HREF } from "./guide.js";

// Option ids by position in English. Chinese responses may number options "0", "1"…
// while the scoring key uses the English ids; a position means the same option in both.
async function englishOptionIds(slug) {
  const english = await api(`tests/${encodeURIComponent(slug)}/`, { params: { locale: "en" } });
  return new Map(english.questions.map((q) => [q.id, q.options.map((o) => o.id)]));
}

// Only the person who took the test gets the delete secret; it stays in this browser, keyed by
// the result's token, and never goes into the share link. Without it a result is read-only.
const SECRET_KEY = "result-delete-secret:";

function deleteSecret(token) {
  try {
    return localStorage.getItem(SECRET_KEY + token);
  } catch {
    return null; // storage can be blocked: the result is then read-only here
  }
}

function keepDeleteSecret(token, secret) {
  try {
    if (secret) localStorage.setItem(SECRET_KEY + token, secret);
    else localStorage.removeItem(SECRET_KEY + token);
  } catch {
    // see above
  }
}

function errorSummary(messages) {
  return h(
    "div",
    { class: "error-summary", role: "alert", tabindex: "-1" },
    h("h2", {}, t("errorSummary")),
    h("ul", {}, messages.map(([href, text]) => h("li", {}, href ? h("a", { href }, text) : text))),
  );
}

export function renderTest(test, { preview = false, navigate } = {}) {
  const total = test.questions.length;
  const summarySlot = h("div", {});
  const fieldsets = test.questions.map((question, qIndex) => {
    const name = `q${qIndex}`;
    return h(
      "fieldset",
      { class: "question", id: `question-${qIndex}`, "data-question": question.id },
      h("legend", {},
        h("span", { class: "question-number" }, t("questionN", { n: qIndex + 1, total })),
        h("span", { class: "question-text" }, question.text)),
      h("p", { class: "field-error", id: `${name}-error`, hidden: true }),
      h(
        "ul",
        { class: "options" },
        question.options.map((option, oIndex) =>
          h("li", {},
            h("input", { type: "radio", name, id: `${name}-${oIndex}`, value: option.id,
              "data-position": oIndex }),
            h("label", { for: `${name}-${oIndex}` }, option.label)),
        ),
      ),
    );
  });

  function showErrors(byIndex, general = []) {
    const messages = [];
    fieldsets.forEach((fieldset, index) => {
      const error = fieldset.querySelector(".field-error");
      const message = byIndex.get(index);
      fieldset.classList.toggle("has-error", Boolean(message));
      error.hidden = !message;
      error.textContent = message || "";
      for (const input of fieldset.querySelectorAll("input")) {
        if (message) input.setAttribute("aria-describedby", error.id);
        else input.removeAttribute("aria-describedby");
      }
      if (message) messages.push([`#question-${index}`, `${index + 1}. ${message}`]);
    });
    for (const text of general) messages.push([null, text]);
    summarySlot.replaceChildren(messages.length ? errorSummary(messages) : "");
    summarySlot.firstChild?.focus?.();
  }

  const button = h("button", { type: "submit", class: "button", disabled: preview }, t("seeResult"));
  const form = h(
    "form",
    { class: "test-form", novalidate: true },
    summarySlot,
    fieldsets,
    preview && h("p", { class: "notice" }, t("previewNoSubmit")),
    button,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (preview) return;
    const chosen = fieldsets.map((fieldset) => fieldset.querySelector("input:checked"));
    const missing = new Map();
    chosen.forEach((input, index) => !input && missing.set(index, t("chooseAnswer")));
    if (missing.size) return showErrors(missing);
    button.disabled = true;
    button.textContent = t("sending");
    try {
      const ids = locale() === "en" ? null : await englishOptionIds(test.slug);
      const answers = test.questions.map((question, index) => {
        const position = Number(chosen[index].dataset.position);
        return { question: question.id, option: ids?.get(question.id)?.[position] ?? chosen[index].value };
      });
      const result = await api(`tests/${encodeURIComponent(test.slug)}/results/`, {
        method: "POST",
        params: { locale: locale() },
        body: { answers },
      });
      keepDeleteSecret(result.token, result.delete_secret);
      navigate(`/site/results/${encodeURIComponent(result.token)}/`);
    } catch (error) {
      button.disabled = false;
      button.textContent = t("seeResult");
      if (!(error instanceof ApiError)) throw error;
      // "answers[3].option": the fourth answer sent, i.e. the fourth question.
      const byIndex = new Map();
      const general = [];
      for (const [key, message] of Object.entries(error.fields)) {
        const match = /^answers\[(\d+)\]/.exec(key);
        if (match) byIndex.set(Number(match[1]), message);
        else general.push(message);
      }
      if (!byIndex.size && !general.length) general.push(error.apiMessage || t("networkError"));
      showErrors(byIndex, general);
    }
  });

  return h(
    "div",
    { class: "test", lang: htmlLang(test.locale || locale()) },
    h("h1", {}, test.title),
    paragraphs(test.introduction),
    test.dimensions?.length > 0 &&
      h("dl", { class: "dimensions" },
        test.dimensions.map((d) => [h("dt", {}, d.name), h("dd", {}, d.description)])),
    form,
  );
}

// Two dimensions: avoidance across, anxiety up; quadrant lines at each scale's midpoint.
export function scoreChart(scores, profiles = []) {
  const x = scores.find((s) => s.key === "avoidance") || scores[0];
  const y = scores.find((s) => s.key === "anxiety") || scores[1];
  if (!x || !y) return null;
  const size = 360;
  const pad = 56; // room for the scales and axis names, left and below
  const top = 16;
  const inner = size - pad - top;
  const span = (s) => s.max - s.min || 1;
  const px = (value) => pad + ((value - x.min) / span(x)) * inner;
  const py = (value) => top + inner - ((value - y.min) / span(y)) * inner;
  const midX = (x.min + x.max) / 2;
  const midY = (y.min + y.max) / 2;
  const name = (key) => profiles.find((p) => p.key === key)?.name || t(key);
  const quadrants = [
    ["anxious", pad + inner / 4, top + 18], // high anxiety, low avoidance
    ["fearful", pad + (inner * 3) / 4, top + 18],
    ["secure", pad + inner / 4, top + inner - 10],
    ["avoidant", pad + (inner * 3) / 4, top + inner - 10],
  ];
  const high = x.score >= midX;
  const up = y.score >= midY;
  const here = up ? (high ? "fearful" : "anxious") : high ? "avoidant" : "secure";
  const label = t("chartLabel", {
    x: x.name, xs: formatNumber(x.score), xmin: formatNumber(x.min), xmax: formatNumber(x.max),
    y: y.name, ys: formatNumber(y.score), ymin: formatNumber(y.min), ymax: formatNumber(y.max),
    quadrant: name(here),
  });
  const pointX = px(x.score);
  const pointY = py(y.score);
  return svg(
    "svg",
    { class: "chart", viewBox: `0 0 ${size} ${size}`, role: "img", "aria-label": label },
    svg("rect", { class: "chart-area", x: pad, y: top, width: inner, height: inner }),
    svg("rect", { class: `chart-quadrant chart-here`, x: high ? px(midX) : pad,
      y: up ? top : py(midY), width: inner / 2, height: inner / 2 }),
    svg("line", { class: "chart-mid", x1: px(midX), y1: top, x2: px(midX), y2: top + inner }),
    svg("line", { class: "chart-mid", x1: pad, y1: py(midY), x2: pad + inner, y2: py(midY) }),
    quadrants.map(([key, cx, cy]) =>
      svg("text", { class: "chart-quadrant-label", x: cx, y: cy, "text-anchor": "middle" },
        name(key))),
    // Scales: the ends of each axis, then the axis names.
    svg("text", { class: "chart-tick", x: pad, y: top + inner + 16, "text-anchor": "middle" },
      formatNumber(x.min)),
    svg("text", { class: "chart-tick", x: pad + inner, y: top + inner + 16,
      "text-anchor": "end" }, formatNumber(x.max)),
    svg("text", { class: "chart-tick", x: pad - 8, y: top + inner, "text-anchor": "end" },
      formatNumber(y.min)),
    svg("text", { class: "chart-tick", x: pad - 8, y: top + 10, "text-anchor": "end" },
      formatNumber(y.max)),
    svg("text", { class: "chart-axis", x: pad + inner / 2, y: size - 12, "text-anchor": "middle" },
      `${x.name} →`),
    svg("text", { class: "chart-axis", x: 0, y: 0, "text-anchor": "middle",
      transform: `translate(18 ${top + inner / 2}) rotate(-90)` }, `${y.name} →`),
    svg("circle", { class: "chart-point", cx: pointX, cy: pointY, r: 8,
      "data-quadrant": here }),
    svg("text", { class: "chart-point-label", x: pointX, y: pointY - 14,
      "text-anchor": "middle" }, t("you")),
  );
}

function list(title, items) {
  if (!items?.length) return null;
  return h("section", { class: "block" }, h("h2", {}, title),
    h("ul", {}, items.map((item) => h("li", {}, item))));
}

function playbook(items) {
  if (!items?.length) return null;
  return h(
    "section",
    { class: "block block-playbook" },
    h("h2", {}, t("playbook")),
    h("p", {}, t("playbookIntro")),
    h(
      "ol",
      { class: "playbook" },
      // In day order, numbered by the API's position: the only numbering shown.
      items.map((item) =>
        h(
          "li",
          {},
          h("p", { class: "step-title" },
            t("stepN", { n: item.position, title: item.step?.title || item.guide?.title })),
          h("h3", {}, siteLink(guideHref(item.guide?.path), {}, item.guide?.title)),
          item.step && h("p", { class: "day-range" }, dayRange(item.step.day_from, item.step.day_to)),
          item.note && h("p", {}, item.note),
        ),
      ),
    ),
  );
}

function deleteControl(token, secret, main) {
  const box = h("div", { class: "delete-box" });
  const ask = h("button", { type: "button", class: "button button-danger" }, t("deleteResult"));
  ask.addEventListener("click", () => {
    const yes = h("button", { type: "button", class: "button button-danger" }, t("deleteYes"));
    const no = h("button", { type: "button", class: "button button-plain" }, t("cancel"));
    const status = h("p", { role: "status" });
    yes.addEventListener("click", async () => {
      try {
        await api(`results/${encodeURIComponent(token)}/`, {
          method: "DELETE",
          body: { delete_secret: secret },
        });
        keepDeleteSecret(token, null);
        main.replaceChildren(
          h("h1", { tabindex: "-1" }, t("deleted")),
          h("p", {}, siteLink(TEST_HREF, { class: "button" }, t("retake"))),
        );
        main.querySelector("h1").focus();
      } catch (error) {
        status.textContent = error.apiMessage || t("networkError");
      }
    });
    no.addEventListener("click", () => box.replaceChildren(ask));
    box.replaceChildren(h("p", {}, t("deleteConfirm")), h("div", { class: "button-row" }, yes, no),
      status);
    yes.focus();
  });
  box.append(ask);
  return box;
}

export function renderResult(result, test, token, main) {
  const profile = result.profile || {};
  const secret = deleteSecret(token);
  const reportLink = siteLink(`/site/results/${encodeURIComponent(token)}/report/`,
    { class: "button" }, t(secret ? "reportLink" : "sharedReportLink"));
  const shareUrl = window.location.href.split("#")[0];
  const scoreList = h("dl", { class: "scores" }, (result.scores || []).map((s) => [
    h("dt", {}, s.name),
    h("dd", {}, t("scoreRange", { score: formatNumber(s.score), min: formatNumber(s.min),
      max: formatNumber(s.max) })),
  ]));
  return h(
    "div",
    { class: "result", lang: htmlLang(result.locale || locale()) },
    h("p", { class: "eyebrow" }, t(secret ? "yourResult" : "sharedResult"),
      result.test?.title && ` · ${result.test.title}`),
    h("h1", {}, profile.name),
    paragraphs(profile.description, { class: "lead" }),
    h("section", { class: "block chart-block" }, h("h2", {}, t(secret ? "yourScores" : "scores")),
      h("figure", {}, scoreChart(result.scores || [], test?.profiles || [])), scoreList),
    list(t("strengths"), profile.strengths),
    list(t("growthEdges"), profile.growth_edges),
    list(t("tips"), profile.tips),
    playbook(result.playbook),
    secret
      ? [
        h(
          "section",
          { class: "block share" },
          h("h2", {}, t("share")),
          result.expires_at && h("p", {}, t("shareText", { date: formatDate(result.expires_at) })),
          h("label", { for: "share-url" }, t("shareLink")),
          h("input", { id: "share-url", class: "share-url", type: "url", readonly: true,
            value: shareUrl }),
          copyControl(() => shareUrl, "share-url"),
          h("p", {}, reportLink),
        ),
        h("section", { class: "block" }, h("h2", {}, t("deleteResult")),
          deleteControl(token, secret, main)),
      ]
      : h("section", { class: "block" }, h("p", {}, t("sharedNote")), h("p", {}, reportLink)),
  );
}

export function renderReport(report, token) {
  const own = Boolean(deleteSecret(token));
  return h(
    "div",
    { class: "report", lang: htmlLang(report.locale || locale()) },
    h("p", { class: "eyebrow" }, t(own ? "yourResult" : "sharedResult"),
      report.profile?.name && ` · ${report.profile.name}`),
    h("h1", {}, t(own ? "reportHeading" : "sharedReportHeading")),
    h("p", {}, siteLink(`/site/results/${encodeURIComponent(token)}/`, {},
      `← ${t(own ? "backToResult" : "backToSharedResult")}`)),
    h(
      "ol",
      { class: "days" },
      (report.days || []).map((day) =>
        h(
          "li",
          { class: "day" },
          h("h2", {}, dayRange(day.day_from, day.day_to)),
          h("p", { class: "meta" }, [day.guide, day.step].filter(Boolean).join(" · ")),
          day.actions?.length > 0 && h("ul", {}, day.actions.map((a) => h("li", {}, a))),
        ),
      ),
    ),
  );
}
