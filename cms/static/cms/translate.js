// The Translate view, enhanced: a row saves in place, suggestions load on request.
// Without this script every form and link still works by loading the whole view.
(function () {
  "use strict";
  const workspace = document.querySelector("[data-translate-workspace]");
  if (!workspace) return;
  const headers = { "X-Requested-With": "fetch" };
  // Draftail writes its hidden input at most every 250 ms (its stateSaveInterval).
  const DRAFTAIL_SAVE_INTERVAL = 250;
  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  function replaceRow(row, html) {
    const template = document.createElement("template");
    template.innerHTML = html.trim();
    const fresh = template.content.firstElementChild;
    row.replaceWith(fresh); // Wagtail's Stimulus controllers start the new editor
    return fresh;
  }

  workspace.addEventListener("submit", async (event) => {
    const form = event.target.closest("[data-segment-form]");
    if (!form) return;
    event.preventDefault();
    if (form.querySelector("[data-draftail-input]")) {
      await pause(DRAFTAIL_SAVE_INTERVAL + 50); // the last keystrokes reach the input
    }
    const data = new FormData(form);
    if (event.submitter && event.submitter.name) {
      data.set(event.submitter.name, event.submitter.value);
    }
    const row = form.closest("[data-segment]");
    row.setAttribute("aria-busy", "true");
    try {
      // (form.action would be the button named "action")
      const response = await fetch(form.getAttribute("action"), {
        method: "POST",
        body: data,
        headers,
      });
      const reply = await response.json();
      const fresh = replaceRow(row, reply.row);
      document.querySelector("[data-progress]").innerHTML = reply.progress;
      const focus = fresh.querySelector(reply.error ? "[data-error]" : "button[value=save]");
      if (focus) {
        focus.setAttribute("tabindex", "-1");
        focus.focus();
      }
      fresh.dataset.saved = reply.error ? "error" : "saved";
    } catch (error) {
      console.error(error);
      row.removeAttribute("aria-busy");
      const chosen = document.createElement("input"); // fall back to a plain post
      chosen.type = "hidden";
      chosen.name = "action";
      chosen.value = data.get("action");
      form.append(chosen);
      HTMLFormElement.prototype.submit.call(form);
    }
  });

  workspace.addEventListener("click", async (event) => {
    const link = event.target.closest("[data-suggestions-link], [data-use-suggestion]");
    if (!link) return;
    event.preventDefault();
    const row = link.closest("[data-segment]");
    const response = await fetch(link.href, { headers });
    const reply = await response.json();
    if (link.hasAttribute("data-use-suggestion")) {
      const fresh = replaceRow(row, reply.row);
      fresh.querySelector("button[value=save]").focus();
    } else {
      row.querySelector("[data-suggestions]").innerHTML = reply.html;
    }
  });
})();
