/* 投稿案チェック: look at a draft post in the browser, against the signals the commentary declares.
 *
 * The page (/check/) carries its data in <script type="application/json" id="postcheck-data">:
 * each provision's signals, number, title and checklist question, and the worked examples' draft
 * posts. Nothing typed here leaves the browser. `analyse` is pure so that the tests can run it in
 * Node over a frozen set of draft posts (tests/test_postcheck.py).
 */
(function () {
  "use strict";

  // Built-in kinds of text a commentary page can name as `pattern:`; guideline/model/signals.py lists the same names.
  var URL_RE = /https?:\/\/[^\s\u3000<>"'）)」]+/g;
  var SHORTENERS = ["bit.ly", "t.co", "tinyurl.com", "is.gd", "ow.ly", "goo.gl", "amzn.to", "x.gd", "buff.ly", "lin.ee"];
  var PATTERNS = {
    phone: function (text) {
      return matches(text, /(?:\+81[-\s]?|0)\d{1,4}[-(\s]?\d{1,4}[-)\s]?\d{3,4}/g).filter(function (m) {
        return m.replace(/\D/g, "").length >= 10;
      });
    },
    email: function (text) {
      return matches(text, /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g);
    },
    address: function (text) {
      return matches(text, /〒\s?\d{3}-\d{4}|[市町村区][\u4e00-\u9fff\u3041-\u3096\u30a1-\u30fa]{0,8}\d{1,5}(?:丁目|番地?|[-−‐－])\d{1,5}(?:[-−‐－]\d{1,5})?/g);
    },
    plate: function (text) {
      return matches(text, /[\u4e00-\u9fff]{1,4}\s?\d{2,3}\s?[\u3041-\u3096]\s?\d{1,2}[-・]?\d{2}/g);
    },
    url: function (text) {
      return matches(text, URL_RE);
    },
    shortener: function (text) {
      // Staff paste a shortened link without its scheme too (bit.ly/3xyz).
      var bare = matches(text, /(?:^|[^\w./@-])(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+\/[^\s\u3000<>"'）)」]+/gi).map(function (m) {
        return m.replace(/^[^\w]*/, "");
      });
      return matches(text, URL_RE).concat(bare).filter(function (url) {
        return SHORTENERS.indexOf(host(url)) >= 0;
      });
    },
    datetime: function (text) {
      return matches(text, /\d{1,2}月\d{1,2}日|\d{1,2}時(?:\d{1,2}分)?|\d{1,2}:\d{2}|\d{1,2}\/\d{1,2}/g);
    },
    weekday: function (text, today) {
      return wrongWeekdays(text, today);
    },
    mention: function (text) {
      var found = [];
      var re = /(^|[^\w@.])(@[A-Za-z0-9_]{1,15})(?![\w@])/g;
      var m;
      while ((m = re.exec(text)) !== null) found.push(m[2]);
      return found;
    },
    "election-hashtag": function (text) {
      return matches(text, /[#＃][^\s\u3000#＃]*(?:選挙|投票|候補|[都道府県市町村区議長]選|衆院選|参院選|総選)[^\s\u3000#＃]*/g);
    },
  };

  function matches(text, re) {
    return text.match(re) || [];
  }

  function host(url) {
    var m = /^(?:https?:\/\/)?([^/:?#]+)/i.exec(url);  // a link pasted without its scheme too
    return m ? m[1].toLowerCase().replace(/^www\./, "") : "";
  }

  // A draft as the signals see it: full-width letters and digits folded (NFKC), Latin in lower case.
  function normalise(text) {
    return (text || "").normalize("NFKC").toLowerCase();
  }

  var WEEKDAYS = "日月火水木金土";

  // Dates written with a weekday, 8月2日(土), whose weekday is wrong: in the year written, or, with no
  // year, in both this year and the next (a post announces what is coming).
  function wrongWeekdays(text, today) {
    var found = [];
    var re = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日\s*[(（]\s*([日月火水木金土])[^)）]{0,3}[)）]?/g;
    var m;
    while ((m = re.exec(text)) !== null) {
      var month = Number(m[2]) - 1;
      var day = Number(m[3]);
      var years = m[1] ? [Number(m[1])] : [today.getFullYear(), today.getFullYear() + 1];
      var right = years.some(function (year) {
        var date = new Date(year, month, day);
        return date.getMonth() === month && WEEKDAYS.charAt(date.getDay()) === m[4];
      });
      if (!right) found.push(m[0]);
    }
    return found;
  }

  // A signal's list is terms, each a regular expression built from its words by guideline/model/signals.py
  // (a lexicon's words in one term), with `not`: the matches of those words that are not of the family.
  function spans(re, text, each) {
    re.lastIndex = 0;
    var m;
    while ((m = re.exec(text)) !== null) {
      each(m.index, m.index + m[0].length, m[0]);
      if (!m[0].length) re.lastIndex++;
    }
  }

  function wordsIn(text, terms) {
    var found = [];
    terms.forEach(function (term) {
      // The signals do not change while the page is open: their expressions are compiled once.
      if (!term.compiled) term.compiled = [new RegExp(term.re, "gu"), term.not ? new RegExp(term.not, "gu") : null];
      var excepted = [];
      if (term.compiled[1]) spans(term.compiled[1], text, function (start, end) { excepted.push([start, end]); });
      spans(term.compiled[0], text, function (start, end, match) {
        var inside = excepted.some(function (span) { return span[0] <= start && end <= span[1]; });
        if (!inside && match && found.indexOf(match) < 0) found.push(match);
      });
    });
    return found;
  }

  // What one signal finds in the draft: the words or text that matched, or nothing.
  function fire(signal, text, today, data) {
    var kinds = data.patterns;
    var found = signal.pattern ? (PATTERNS[signal.pattern] || function () { return []; })(text, today) : wordsIn(text, signal.words);
    if (!found.length) return [];
    if (signal.pattern && kinds && kinds[signal.pattern]) {
      found = found.map(function (m) { return m + data.strings.open + kinds[signal.pattern] + data.strings.close; });
    }
    if (signal["with"].length && !wordsIn(text, signal["with"]).length) return [];
    if (signal.unless.length && wordsIn(text, signal.unless).length) return [];
    return found;
  }

  // X's weighted length: most of Latin-1 and general punctuation count 1, everything else 2, a URL 23.
  function weightedLength(text) {
    var total = 0;
    var rest = (text || "").normalize("NFC").replace(URL_RE, function () {
      total += 23;
      return "";
    });
    Array.from(rest).forEach(function (ch) {
      var code = ch.codePointAt(0);
      var light = code <= 4351 || (code >= 8192 && code <= 8205) || (code >= 8208 && code <= 8223) || (code >= 8242 && code <= 8247);
      total += light ? 1 : 2;
    });
    // An emoji sequence (a joined family, a flag) counts as one emoji: take back what its joiners added.
    var joined = rest.match(/\u200d|[\ufe0f]|[\u{1F3FB}-\u{1F3FF}]/gu) || [];
    return total - joined.reduce(function (sum, ch) { return sum + (ch === "\u200d" ? 1 : 2); }, 0);
  }

  function voice(text) {
    var mascot = /はにぼん(?:だよ|です|も|は)|だよ[！!。〜~]?|だね|してね|よね|ちゃった/.test(text);
    var notice = /【|お知らせ|ください|ます。|です。|いたします/.test(text);
    if (mascot && !notice) return "mascot";
    if (notice && !mascot) return "notice";
    return "unknown";
  }

  /* ---- similarity: a second, weaker mechanism than the signals ----
   * Every worked example is a labelled case (an NG or 要注意 draft points at its provision; an OK draft
   * and every 改善案 point at none), and so is every draft of the development sets (`flag` points at a
   * provision, `not` away from one, a draft with nothing to flag away from all). The draft is compared
   * with each case: character bigrams and trigrams, weighted by how rare they are among the cases
   * (TF-IDF), cosine. A provision is reported when its closest case points at it, passes the threshold
   * and is closer than every case that points away from it; the case is named, so the page says why.
   */
  // Punctuation and spaces end a run of characters; ー does not (it belongs to katakana words).
  var GRAM_SPLIT = /[\s\u3000、。，．,.！？!?「」『』（）()【】\[\]・…〜~―\-:：\/#＠@"'”“]+/;

  function grams(text) {
    var found = {};
    normalise(text).split(GRAM_SPLIT).forEach(function (piece) {
      var chars = Array.from(piece);
      for (var n = 2; n <= 3; n++) {
        for (var i = 0; i + n <= chars.length; i++) found[chars.slice(i, i + n).join("")] = true;
      }
    });
    return Object.keys(found);
  }

  // The cases, with what each points at (`to`) and away from (`away`, "*" for every provision).
  function cases(data) {
    var list = [];
    data.examples.forEach(function (example) {
      var shown = example.shown ? "\n" + example.shown : "";
      if (example.kind === "ng" || example.kind === "caution") list.push({ text: example.post + shown, to: [example.provision], away: [], example: example });
      else if (example.kind === "ok") list.push({ text: example.post + shown, to: [], away: "*", example: example });
      if (example.fix) list.push({ text: example.fix + (example.fixShown ? "\n" + example.fixShown : ""), to: [], away: "*", example: example });
    });
    Object.keys(data.drafts || {}).forEach(function (set) {
      data.drafts[set].forEach(function (draft) {
        var to = draft.flag || [];
        list.push({ text: draft.text, to: to, away: to.length ? draft["not"] || [] : "*", draft: draft });
      });
    });
    return list;
  }

  function vector(keys, idf) {
    var v = {};
    var norm = 0;
    keys.forEach(function (k) {
      var w = idf[k] || 0;
      if (w) { v[k] = w; norm += w * w; }
    });
    norm = Math.sqrt(norm) || 1;
    Object.keys(v).forEach(function (k) { v[k] /= norm; });
    return v;
  }

  // Built once per page (the cases do not change while it is open), not per keystroke.
  function similarityIndex(data) {
    if (data.similarityIndex) return data.similarityIndex;
    var list = cases(data);
    var df = {};
    var keyed = list.map(function (c) {
      var keys = grams(c.text);
      keys.forEach(function (k) { df[k] = (df[k] || 0) + 1; });
      return keys;
    });
    var idf = {};
    Object.keys(df).forEach(function (k) { idf[k] = Math.log((list.length + 1) / (df[k] + 1)) + 1; });
    list.forEach(function (c, i) { c.vector = vector(keyed[i], idf); });
    data.similarityIndex = { cases: list, idf: idf };
    return data.similarityIndex;
  }

  function cosine(a, b) {
    var sum = 0;
    Object.keys(a).forEach(function (k) { if (b[k]) sum += a[k] * b[k]; });
    return sum;
  }

  // The provisions the draft resembles, best first: [{provision id, score, case, example}], where `example`
  // is the provision's closest worked example past the threshold (the case itself when it is one), if any.
  // At most `most` of them,
  // and a second only when nearly as close as the first (`near`): a weak hint should not name many.
  function resemblance(text, data) {
    var settings = data.similarity || { threshold: 1, most: 0, near: 1 };
    var index = similarityIndex(data);
    var query = vector(grams(text), index.idf);
    var best = {};
    var away = {};
    var awayAll = 0;
    index.cases.forEach(function (c) {
      var score = cosine(query, c.vector);
      if (!score) return;
      c.to.forEach(function (pid) {
        if (!best[pid] || score > best[pid].score) best[pid] = { provision: pid, score: score, "case": c, example: best[pid] && best[pid].example };
        // The closest worked example too, for a link to read when the closest case is a test draft.
        if (c.example && score >= settings.threshold && (!best[pid].example || score > best[pid].exampleScore)) {
          best[pid].example = c.example;
          best[pid].exampleScore = score;
        }
      });
      if (c.away === "*") awayAll = Math.max(awayAll, score);
      else c.away.forEach(function (pid) { away[pid] = Math.max(away[pid] || 0, score); });
    });
    return Object.keys(best)
      .map(function (pid) { return best[pid]; })
      .filter(function (b) { return b.score >= settings.threshold && b.score > Math.max(awayAll, away[b.provision] || 0); })
      .sort(function (a, b) { return b.score - a.score || (a.provision < b.provision ? -1 : 1); })
      .filter(function (b, i, all) { return i < settings.most && b.score >= settings.near * all[0].score; });
  }

  // `images`: what the staff member says the attached photos or screenshots show (optional); the
  // signals read it with the draft, the facts count only the draft.
  function analyse(draft, data, today, images) {
    var text = normalise(draft) + "\n" + normalise(images);
    var findings = [];
    data.provisions.forEach(function (provision) {
      var found = [];
      provision.signals.forEach(function (signal) {
        fire(signal, text, today || new Date(), data).forEach(function (m) {
          if (found.indexOf(m) < 0) found.push(m);
        });
      });
      if (found.length) findings.push({ provision: provision, found: found });
    });
    var byId = {};
    data.provisions.forEach(function (p) { byId[p.id] = p; });
    // The similarity reads what the signals read: the draft and what its photos show.
    var similar = resemblance(text, data)
      .filter(function (r) { return byId[r.provision]; })
      .map(function (r) {
        var c = r["case"];
        return { provision: byId[r.provision], score: r.score, example: r.example || null, draft: c.draft ? c.draft.text : null };
      });
    var links = matches(draft || "", URL_RE);
    return {
      findings: findings,
      similar: similar,
      facts: {
        length: weightedLength(draft),
        links: links.map(host),
        images: matches(draft || "", /写真|画像|動画|スクショ|スクリーンショット|イラスト|📷|📸|🖼/g).length,
        voice: voice(draft || ""),
      },
    };
  }

  /* ---- the page ---- */

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function link(href, text) {
    return el("a", { href: href }, [text]);
  }

  function render(result, data, container) {
    var s = data.strings;
    var parts = [];
    var facts = result.facts;
    var length = String(facts.length) + " / 280" + (facts.length > 280 ? s.open + s.over + s.close : "");
    parts.push(
      el("h2", { id: "postcheck-facts" }, [s.facts]),
      el("dl", { class: "postcheck__facts" }, [
        el("dt", {}, [s.length]), el("dd", {}, [length, el("br"), el("small", {}, [s.length_note])]),
        el("dt", {}, [s.links]), el("dd", {}, [facts.links.length ? facts.links.join(s.sep) : s.none]),
        el("dt", {}, [s.images_count]), el("dd", {}, [String(facts.images)]),
        el("dt", {}, [s.voice]), el("dd", {}, [s["voice_" + facts.voice]]),
      ])
    );
    parts.push(el("h2", { id: "postcheck-findings" }, [s.findings]));
    if (result.findings.length) {
      parts.push(el("p", { class: "postcheck__count" }, [s.count.replace("{count}", String(result.findings.length))]));
      parts.push(
        el("ul", { class: "postcheck__findings" }, result.findings.map(function (finding) {
          var p = finding.provision;
          return el("li", { class: "postcheck__finding" }, [
            link(p.href, p.label),
            el("p", {}, [s.found + s.colon + finding.found.join(s.sep)]),
            el("p", {}, [s.ask + s.colon + p.question]),
          ]);
        }))
      );
    } else {
      parts.push(el("p", { class: "postcheck__none" }, [s.none_found]));
    }
    // A provision the signals found already is not repeated: the resemblance is the weaker reason.
    var found = result.findings.map(function (f) { return f.provision.id; });
    var similar = result.similar.filter(function (r) { return found.indexOf(r.provision.id) < 0; });
    if (similar.length) {
      parts.push(el("h2", { id: "postcheck-similar" }, [s.similar]));
      parts.push(el("p", { class: "postcheck__similar-note" }, [s.similar_note]));
      parts.push(
        el("ul", { class: "postcheck__similar" }, similar.map(function (r) {
          var p = r.provision;
          var why = [];
          if (r.draft) why.push(el("p", {}, [s.resembles_draft + s.colon + "「" + r.draft.replace(/\s+/g, " ") + "」"]));
          if (r.example) why.push(el("p", {}, [(r.draft ? s.nearest : s.resembles) + s.colon, link(r.example.href, r.example.title), s.open + r.example.verdict + s.close]));
          return el("li", { class: "postcheck__finding postcheck__finding--similar" }, [link(p.href, p.label)].concat(why, [
            el("p", {}, [s.ask + s.colon + p.question]),
          ]));
        }))
      );
    }
    // With no word found, the whole checklist, after the resemblances (which point into it).
    if (!result.findings.length) {
      parts.push(el("h2", { id: "postcheck-checklist" }, [s.checklist]));
      parts.push(
        el("ul", { class: "postcheck__checklist" }, data.provisions.map(function (p) {
          return el("li", {}, [p.question + " ", link(p.href, p.label)]);
        }))
      );
      parts.push(el("p", {}, [link(data.checklist, s.checklist)]));
    }
    container.replaceChildren.apply(container, parts);
  }

  function start() {
    var source = document.getElementById("postcheck-data");
    var draft = document.getElementById("postcheck-draft");
    var images = document.getElementById("postcheck-images");
    var container = document.getElementById("postcheck-result");
    if (!source || !draft || !container) return;
    var data = JSON.parse(source.textContent);
    var timer = null;
    function update() {
      clearTimeout(timer);
      // Announced politely once typing pauses, not at every keystroke.
      timer = setTimeout(function () {
        var described = images ? images.value : "";
        if (draft.value.trim() || described.trim()) render(analyse(draft.value, data, new Date(), described), data, container);
        else container.replaceChildren(el("p", { class: "postcheck__empty" }, [data.strings.empty]));
      }, 300);
    }
    draft.addEventListener("input", update);
    if (images) images.addEventListener("input", update);
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { analyse: analyse, weightedLength: weightedLength, normalise: normalise };
  } else if (typeof document !== "undefined") {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
  }
})();
