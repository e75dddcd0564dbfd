/* Point Material at this site's search worker (search-ja.js), telling it the page's language.
 *
 * Material reads the worker's address from #__config when its bundle starts; this file is loaded
 * just before the bundle (overrides/main.html). It is a file, not an inline script, so that the
 * Content-Security-Policy needs no hash for it.
 */
(function (element) {
  "use strict";
  var config = JSON.parse(element.textContent);
  var base = new URL(config.base.replace(/\/?$/, "/"), window.location.href);
  var worker = new URL("assets/search-ja.js", base);
  worker.searchParams.set("lang", document.documentElement.lang || "");
  config.search = worker.href;
  element.textContent = JSON.stringify(config);
})(document.getElementById("__config"));
