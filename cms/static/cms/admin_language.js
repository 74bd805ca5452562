/* The editor's language toggle ("View / edit fields for", wagtail-modeltranslation) stays as
 * each user left it, across saves and reloads. See cms/admin_language.py.
 *
 * Runs after wagtail-modeltranslation's settings script and before its toggle is built (on
 * DOM ready): it sets the languages to show first, from this user's stored choice or else
 * their default, and turns off the package's own restore (one key for everyone).
 */
(() => {
  const element = document.getElementById('cms-editor-languages');
  const settings = window.wagtailModelTranslations;
  if (!element || !settings) return;
  const config = JSON.parse(element.textContent);
  const known = (codes) => codes.filter((code) => settings.languages.includes(code));

  const stored = () => {
    try {
      const value = JSON.parse(localStorage.getItem(config.storageKey));
      return Array.isArray(value) ? known(value) : null;
    } catch (error) {
      return null; // storage unavailable or garbled: use the default
    }
  };

  const save = () => {
    const showing = [...document.querySelectorAll('button.locale-toggle.showing-locale')].map(
      (toggle) => toggle.dataset.cmsLanguage || toggle.textContent.trim(),
    );
    try {
      localStorage.setItem(config.storageKey, JSON.stringify(known(showing)));
    } catch (error) {
      // storage unavailable (private mode, quota): the choice lasts until the next load
    }
  };

  if (config.storageKey) {
    settings.locale_picker_restore = false;
    settings.locale_picker_default = stored() ?? known(config.defaultLanguages);
    // After the toggle's own click handler has shown or hidden the fields.
    document.addEventListener('click', (event) => {
      if (event.target.closest('button.locale-toggle')) save();
    });
  }

  // Once wagtail-modeltranslation has built its controls: name the toggles in the admin's
  // language (their text stays the code, which the package reads back) and translate the
  // English-only label of its StreamField copy buttons.
  window.addEventListener('load', () => {
    document.querySelectorAll('button.locale-toggle').forEach((toggle) => {
      const code = toggle.textContent.trim();
      toggle.dataset.cmsLanguage = code;
      if (config.languageNames[code]) toggle.title = config.languageNames[code];
    });
    document.querySelectorAll('.translation-field-copy-wrapper').forEach((wrapper) => {
      const label = wrapper.firstChild;
      if (label && label.nodeType === Node.TEXT_NODE) {
        label.textContent = `${config.copyContentFrom}: `;
      }
    });
    // Copying into or out of a read-only field (a translator's English) would only lose work.
    document.querySelectorAll('.translation-field-copy').forEach((button) => {
      const ids = [button.getAttribute('current-lang-code'), button.getAttribute('data-lang-code')];
      if (ids.some((id) => document.querySelector(`[data-cms-read-only-field="${id}"]`))) {
        button.remove();
      }
    });
    document.querySelectorAll('.translation-field-copy-wrapper').forEach((wrapper) => {
      if (!wrapper.querySelector('button')) wrapper.remove();
    });
  });
})();
