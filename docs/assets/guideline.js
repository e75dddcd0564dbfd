/* Copy a provision's permanent link with its citation.
 *
 * The intranet is served over plain http, where navigator.clipboard does not exist
 * (it needs a secure context), so the copy falls back to a selected textarea and
 * document.execCommand("copy"), and as a last resort shows the text to copy by hand.
 */
(function () {
  "use strict";

  var english = (document.documentElement.lang || "").indexOf("en") === 0;
  var MESSAGES = english
    ? { done: "Link copied", failed: "Copy this link:" }
    : { done: "リンクをコピーしました", failed: "次のリンクをコピーしてください：" };

  function statusRegion() {
    var region = document.getElementById("copy-link-status");
    if (!region) {
      region = document.createElement("div");
      region.id = "copy-link-status";
      region.className = "copy-link-status";
      region.setAttribute("role", "status");
      region.setAttribute("aria-live", "polite");
      document.body.appendChild(region);
    }
    return region;
  }

  function copyWithSelection(text, button) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "copy-link-buffer";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    document.body.removeChild(area);
    button.focus();
    return copied;
  }

  function copyText(text, button) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return copyWithSelection(text, button); }
      );
    }
    return Promise.resolve(copyWithSelection(text, button));
  }

  function announce(button, message) {
    statusRegion().textContent = message;
    button.classList.add("copy-link--done");
    window.setTimeout(function () {
      button.classList.remove("copy-link--done");
    }, 2000);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".copy-link") : null;
    if (!button) return;
    var url = new URL(button.getAttribute("data-href"), window.location.href).href;
    var text = button.getAttribute("data-citation") + "\n" + url;
    copyText(text, button).then(function (copied) {
      if (copied) {
        announce(button, MESSAGES.done);
      } else {
        window.prompt(MESSAGES.failed, text);
      }
    });
  });
})();
