/* 事例集 (casebook): narrow the list by situation and verdict.
 *
 * The page is complete without this script: every example is listed under each of its
 * situations. The script reveals the filter form (hidden in the HTML, since without a
 * script it could do nothing), hides the situations not chosen and the examples whose
 * verdict is not chosen, and announces how many examples remain in a status region.
 */
(function () {
  "use strict";

  function checked(form, name) {
    var values = [];
    var boxes = form.querySelectorAll('input[name="' + name + '"]');
    for (var i = 0; i < boxes.length; i++) {
      if (boxes[i].checked) values.push(boxes[i].value);
    }
    return values;
  }

  function apply(form) {
    var situations = checked(form, "situation");
    var verdicts = checked(form, "verdict");
    var shown = {};
    var lists = document.querySelectorAll("ul.cases[data-situation]");
    for (var i = 0; i < lists.length; i++) {
      var list = lists[i];
      var situation = list.getAttribute("data-situation");
      var groupChosen = situations.length === 0 || situations.indexOf(situation) >= 0;
      var visible = 0;
      var items = list.querySelectorAll("li.case");
      for (var j = 0; j < items.length; j++) {
        var item = items[j];
        var show = groupChosen && (verdicts.length === 0 || verdicts.indexOf(item.getAttribute("data-verdict")) >= 0);
        item.hidden = !show;
        if (show) {
          visible++;
          shown[item.querySelector(".case__title a").getAttribute("href")] = true;
        }
      }
      list.hidden = visible === 0;
      var heading = document.getElementById(situation);
      if (heading) heading.hidden = visible === 0;
    }
    var status = form.querySelector(".casebook-filters__status");
    status.textContent = status.getAttribute("data-template").replace("{count}", String(Object.keys(shown).length));
  }

  function init() {
    var form = document.getElementById("casebook-filters");
    if (!form) return;
    form.hidden = false;
    form.addEventListener("change", function () {
      apply(form);
    });
    form.addEventListener("reset", function () {
      window.setTimeout(function () {
        apply(form);
      }, 0);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    apply(form);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
