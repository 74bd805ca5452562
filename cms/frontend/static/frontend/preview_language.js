/* The editor's preview panel shows the language of the field toggle ("View / edit fields for",
 * cms/static/cms/admin_language.js): Chinese when only the Chinese fields are shown, then the
 * language last turned on. The panel's mode select has one mode per language (cms/frontend/
 * preview.py); changing it reloads the preview in that mode.
 */
(() => {
  const languageOf = (toggle) => toggle.dataset.cmsLanguage || toggle.textContent.trim();

  const show = (language) => {
    const select = document.querySelector('select[data-w-preview-target="mode"]');
    if (!select || select.value === language) return;
    if (![...select.options].some((option) => option.value === language)) return;
    select.value = language;
    select.dispatchEvent(new Event('change'));
  };

  window.addEventListener('load', () => {
    const showing = document.querySelectorAll('button.locale-toggle.showing-locale');
    if (showing.length === 1) show(languageOf(showing[0]));
  });

  // After the toggle's own click handler has shown or hidden the fields.
  document.addEventListener('click', (event) => {
    const toggle = event.target.closest('button.locale-toggle');
    if (!toggle) return;
    const shown = toggle.classList.contains('showing-locale')
      ? toggle
      : document.querySelector('button.locale-toggle.showing-locale');
    if (shown) show(languageOf(shown));
  });
})();
