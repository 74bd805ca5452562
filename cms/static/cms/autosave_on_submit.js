// Once the editor saves by hand, autosave stops, and a save already on its way finishes first.
// Without this, Wagtail's pending autosave raced the form: on a new page both created it (the
// second failing on the slug), and the editor showed "Saving…" beside "Autosave is paused".
document.addEventListener(
  "submit",
  (event) => {
    const form = event.target;
    const app = window.wagtail && window.wagtail.app;
    const autosave = app && app.getControllerForElementAndIdentifier(form, "w-autosave");
    if (!autosave) return;
    autosave.activeValue = false;
    if (autosave.submitPromise) {
      event.preventDefault();
      event.stopImmediatePropagation();
      // The autosave may have created the page: the form then posts to its edit view.
      autosave.submitPromise.finally(() => form.requestSubmit(event.submitter));
    }
  },
  true,
);
