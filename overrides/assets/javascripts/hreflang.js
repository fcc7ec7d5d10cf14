/*
 * Keep the page's hreflang links from misleading Material for MkDocs.
 *
 * When the page loads, Material reads every <link rel="alternate"> and fetches
 * "sitemap.xml" beside it, expecting the address of a language's home page.
 * Ours name the same page in each language (what search engines want), so
 * each of those fetches would fail. This script hides them from Material
 * while it looks (it looks once, on DOMContentLoaded) and puts them back
 * right after. The HTML, which crawlers read, is not changed.
 */
(function () {
  "use strict";

  var links = Array.prototype.slice.call(document.querySelectorAll("link[rel='alternate'][hreflang]"));
  links.forEach(function (link) {
    link.setAttribute("rel", "x-alternate");
  });
  // Material listened first, so this runs after it has looked.
  document.addEventListener("DOMContentLoaded", function () {
    links.forEach(function (link) {
      link.setAttribute("rel", "alternate");
    });
  }, { once: true });
})();
