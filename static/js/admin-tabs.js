/* Language tabs of the admin (modeltranslation's tabbed fields) for ward staff:
 * - each tab and the page's language switch name the language ("English"),
 *   not the field suffix ("en"); the names come from settings.LANGUAGES,
 *   listed in the page by templates/admin/base_site.html (#content-languages);
 * - a row added to an inline opens on the Japanese tab, whatever tab is open
 *   elsewhere (the Japanese is what every translation follows).
 * Loaded wherever Django's media order puts it: it waits for the tabs to appear.
 */
(function () {
  "use strict";
  var SOURCE = "ja";

  function languageNames() {
    var names = {};
    document.querySelectorAll("#content-languages [data-code]").forEach(function (item) {
      names[item.dataset.code.replace("-", "_")] = item.textContent.trim();
    });
    return names;
  }

  function codeOf(link) {
    // modeltranslation shows "zh-hans" for the field suffix "zh_hans".
    return (link.dataset.languageCode || link.textContent.trim()).replace("-", "_");
  }

  function nameTabs(root, names) {
    root.querySelectorAll(".ui-tabs-nav a").forEach(function (link) {
      var code = codeOf(link);
      if (!names[code] || link.dataset.languageCode) return;
      link.dataset.languageCode = code;
      link.textContent = names[code];
      link.setAttribute("lang", code.replace("_", "-"));
    });
    root.querySelectorAll("#modeltranslation-main-switch option").forEach(function (option) {
      var code = (option.dataset.languageCode || option.textContent.trim()).replace("-", "_");
      if (!names[code] || option.dataset.languageCode) return;
      option.dataset.languageCode = code;
      option.textContent = names[code];
    });
  }

  function openSourceTab(row) {
    var $ = window.django && window.django.jQuery;
    if (!$ || !$.fn.tabs) return;
    $(row).find(".ui-tabs").each(function () {
      var links = this.querySelectorAll(".ui-tabs-nav a");
      for (var i = 0; i < links.length; i++) {
        if (codeOf(links[i]) === SOURCE) {
          $(this).tabs("option", "active", i);
          return;
        }
      }
    });
  }

  function start() {
    var names = languageNames();
    if (!Object.keys(names).length) return;
    nameTabs(document, names);
    // modeltranslation builds tabs on jQuery's ready and when a row is added, in
    // its own handlers: name them whenever they appear (renaming is idempotent).
    new MutationObserver(function () {
      nameTabs(document, names);
    }).observe(document.body, { childList: true, subtree: true });
    // After every click handler of "add another" has run, including modeltranslation's.
    document.addEventListener("formset:added", function (event) {
      window.setTimeout(function () {
        openSourceTab(event.target);
      }, 0);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
