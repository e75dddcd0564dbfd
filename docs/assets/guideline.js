/* Copy a provision's permanent link with its citation.
 *
 * The intranet is served over plain http, where navigator.clipboard does not exist
 * (it needs a secure context), so the copy falls back to a selected textarea and
 * document.execCommand("copy"), and as a last resort shows the text to copy by hand.
 */
(function () {
  "use strict";

  // The words come with each button, from the site's catalogue of labels (guideline/labels/).
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

  /* The message is read out once and then leaves: it must not stay over the text the reader scrolls to. */
  var STATUS_SHOWN_MS = 4000;
  var statusTimer = null;

  function announce(button, message) {
    var region = statusRegion();
    region.textContent = message;
    button.classList.add("copy-link--done");
    window.clearTimeout(statusTimer);
    statusTimer = window.setTimeout(function () {
      region.textContent = "";
      button.classList.remove("copy-link--done");
    }, STATUS_SHOWN_MS);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".copy-link") : null;
    if (!button) return;
    var url = new URL(button.getAttribute("data-href"), window.location.href).href;
    var text = button.getAttribute("data-citation") + "\n" + url;
    var pinned = button.getAttribute("data-pinned");
    if (pinned) {
      var pinnedUrl = new URL(pinned, window.location.href).href;
      text += "\n" + button.getAttribute("data-pinned-label") + pinnedUrl;
    }
    copyText(text, button).then(function (copied) {
      if (copied) {
        announce(button, button.getAttribute("data-copied"));
      } else {
        window.prompt(button.getAttribute("data-by-hand"), text);
      }
    });
  });

  /* 新旧対照表: unchanged provisions are collapsed as (略); the button shows or hides them. */
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest ? event.target.closest(".compare-toggle") : null;
    if (!toggle) return;
    var table = document.getElementById(toggle.getAttribute("aria-controls"));
    if (!table) return;
    var collapsed = table.classList.toggle("is-collapsed");
    toggle.setAttribute("aria-pressed", collapsed ? "false" : "true");
  });

  /* Material's search dialog has no accessible name: it takes the name of its search box ("検索"). */
  var dialog = document.querySelector('.md-search[role="dialog"]');
  var box = dialog && dialog.querySelector("input[aria-label]");
  if (dialog && box && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", box.getAttribute("aria-label"));
  }

  /* Paper is white: a reader in the dark scheme prints the light one. */
  var printed = null;
  window.addEventListener("beforeprint", function () {
    printed = document.body.getAttribute("data-md-color-scheme");
    document.body.setAttribute("data-md-color-scheme", "default");
  });
  window.addEventListener("afterprint", function () {
    if (printed) document.body.setAttribute("data-md-color-scheme", printed);
    printed = null;
  });

  /* A link to a provision that a later edition removed lands on its tombstone page. */
  var removed = document.getElementById("removed-provisions");
  var id = decodeURIComponent(window.location.hash.slice(1));
  if (removed && id && !document.getElementById(id)) {
    var targets = JSON.parse(removed.textContent);
    if (Object.prototype.hasOwnProperty.call(targets, id)) {
      window.location.replace(new URL(targets[id], window.location.href).href);
    }
  }
})();
