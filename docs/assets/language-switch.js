/* Switching language keeps the reader on the provision they were reading.
 *
 * mkdocs-static-i18n gives every page <link rel="alternate" hreflang> to the same page in each
 * language, and the header's language menu links there. Material takes each alternate for the
 * root of another site: it requests <alternate>/sitemap.xml (a 404, logged as a console error,
 * on every page for every language) and, finding no sitemap, sends the reader to the other
 * language's page without its #fragment. Provision ids are the same in every language, so the
 * menu's links only need the current fragment.
 */
(function () {
  "use strict";

  // Runs before DOMContentLoaded, when Material looks for these links.
  var alternates = document.querySelectorAll('head link[rel="alternate"][hreflang]');
  Array.prototype.forEach.call(alternates, function (link) {
    link.parentNode.removeChild(link);
  });

  document.addEventListener(
    "click",
    function (event) {
      var link = event.target.closest ? event.target.closest("a.md-select__link[hreflang]") : null;
      if (link && window.location.hash) {
        link.href = link.href.split("#")[0] + window.location.hash;
      }
    },
    true
  );
})();
