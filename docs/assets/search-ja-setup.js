/* Point Material at this site's search worker (search-ja.js), and let the index load only when
 * the reader first goes to the search box.
 *
 * Material reads the worker's address from #__config when its bundle starts; this file is loaded
 * just before the bundle (overrides/main.html). It is a file, not an inline script, so that the
 * Content-Security-Policy needs no hash for it.
 *
 * Material fetches its index on every page load when the page has a form named "search". The name
 * is taken off, so it fetches nothing; the worker fetches the index of the
 * page's language itself, told on a BroadcastChannel (named in the worker's address, after '#', so
 * the browser caches one worker script per language) when the search box is first focused or
 * typed in, or by the first query.
 */
(function (element) {
  "use strict";
  var config = JSON.parse(element.textContent);
  var base = new URL(config.base.replace(/\/?$/, "/"), window.location.href);
  var worker = new URL("assets/search-ja.js", base);
  var channel = "hanibon-search-" + Math.random().toString(36).slice(2);
  worker.searchParams.set("lang", document.documentElement.lang || "");
  worker.hash = "channel=" + channel;
  config.search = worker.href;
  element.textContent = JSON.stringify(config);

  var form = document.forms.namedItem("search");
  if (!form || typeof BroadcastChannel === "undefined") return;
  // A page opened from a result (?h=) lets Material fetch its index, which the build leaves with its
  // configuration only: Material needs it to mark the words found on the page.
  if (!new URL(window.location.href).searchParams.has("h")) form.removeAttribute("name");
  var port = new BroadcastChannel(channel);
  var started = false;
  var start = function () {
    if (started) return;
    started = true;
    port.postMessage("load");
  };
  // The worker starts with the page and may not listen yet when the reader is quick to the box: it says
  // when it does, and is asked again.
  port.onmessage = function (event) {
    if (started && event.data === "listening") port.postMessage("load");
  };
  form.addEventListener("focusin", start);
  form.addEventListener("input", start);
})(document.getElementById("__config"));
