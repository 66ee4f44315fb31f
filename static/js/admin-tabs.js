/* Language tabs of the admin (modeltranslation's tabbed fields) for ward staff:
 * - each tab and the page's language switch name the language ("English"),
 *   not the field suffix ("en"); the names come from settings.LANGUAGES,
 *   listed in the page by templates/admin/base_site.html (#content-languages);
 * - a row added to an inline opens on the Japanese tab, whatever tab is open
 *   elsewhere (the Japanese is what every translation follows).
 * Runs after tabbed_translation_fields.js, which builds the tabs on DOM ready.
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
    // modeltranslation builds a new row's tabs in its own click handler: after it.
    document.addEventListener("formset:added", function (event) {
      window.setTimeout(function () {
        nameTabs(document, names);
        openSourceTab(event.target);
      }, 0);
    });
  }

  if (window.django && window.django.jQuery) {
    // jQuery's ready queue: after modeltranslation's handler has built the tabs.
    window.django.jQuery(start);
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
