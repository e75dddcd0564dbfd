/* Site search that finds what staff type: a custom search worker for Material for MkDocs.
 *
 * Material's own worker segments the documents with TinySegmenter but matches the query as
 * typed, so a phrase such as 「守秘義務を遵守」 finds nothing. Material lets a site replace its
 * search worker (the address in #__config, set by search-ja-setup.js); this one speaks the same
 * messages (READY, QUERY -> RESULT) and returns results in Material's format, so the theme's
 * search box, result list, keyboard handling and highlighting stay.
 *
 * What it loads, and when
 * - The index of the page's language only (search/index.<lang>.json, plain UTF-8, written by
 *   hooks/search_index.py), fetched when the reader first goes to the search box: the page tells
 *   the worker on a BroadcastChannel named in the worker's address (search-ja-setup.js), or the
 *   first query does. A reader who never searches downloads no index. The HTTP cache keeps it.
 * - Libraries: the browser's Intl.Segmenter cuts Japanese with a dictionary (Chromium, Firefox
 *   and Safari have it; without it, Material's copy of TinySegmenter); lunr 2.3.9
 *   (docs/assets/vendor, pinned in package.json) gives its Porter stemmer and English stop
 *   words, loaded the first time a query holds an English word.
 *
 * How it matches
 * - Text and query are normalised the same way: NFKC (full-width letters, half-width kana),
 *   lower case, katakana as hiragana, the long-vowel mark dropped (サーバー = サーバ), and one
 *   okurigana kana between two kanji dropped (申し込み = 申込み, 取り扱い = 取扱い).
 * - The query is cut into words: first the site's own terms (every page's `keywords:`, the
 *   glossary, extra.search_terms in mkdocs.yml such as はにぼん) as whole words, then the rest with
 *   the segmenter. Particles and endings are dropped, and so is any one-kana fragment. A word with
 *   okurigana also matches by its stem (写っ -> 写). Every word of three or more characters also
 *   brings its character bigrams at a low weight, so a word cut or spelt differently still scores.
 * - English words are stemmed on both sides (hijacked = hijacking = hijack); stop words and
 *   one-letter pieces (the t of don't) are dropped; the last word also matches as a prefix.
 * - Intent: a few question patterns (INTENTS) add words and weigh the kind of section that
 *   answers them (purpose, example, FAQ).
 * - Each section is scored BM25-like: title above text, the page's `keywords:` above both,
 *   sections that only list links count little. A page scores its best section plus a fast-
 *   shrinking share of its others (so a page of many FAQs does not win on a common word), times
 *   how much of the query it covers, and more when the query names its subject (its title or a
 *   keyword), so the provision's own commentary comes first.
 */
(function () {
  "use strict";

  var READY = 1;
  var QUERY = 2;
  var RESULT = 3;

  var address = new URL(self.location.href);
  var LANG = address.searchParams.get("lang") || "ja";
  var CHANNEL = new URLSearchParams(address.hash.slice(1)).get("channel");
  var ASSETS = new URL("./", address); // docs/assets/
  var INDEX = new URL("../search/index." + LANG + ".json", ASSETS);

  // Scoring constants, tuned with `make bench-search` on tests/search_queries.yml only.
  var K1 = 1.2;
  var B = 0.5;
  var TITLE_WEIGHT = 2.5;
  var KEYWORD_WEIGHT = 3; // an exact keyword; a keyword containing the word, or inside it, counts half
  var PHRASE_WEIGHT = 1.5;
  var BIGRAM_WEIGHT = 0.25;
  var EXTRA_WEIGHT = 0.6; // words an intent adds
  var EXTRA_IDF = 3;
  var SUBJECT_BOOST = 0.6; // a page whose title or keywords the query names
  var NAVIGATION_SECTIONS = /#(related|backlinks|history)$/; // lists of links to other provisions
  var NAVIGATION_WEIGHT = 0.25;
  var OWN_TEXT_WEIGHT = 1.5; // a commentary page's head: the provision's official text
  // Home and checklist repeat every title; earlier editions repeat the text of /text/.
  var PAGE_PRIOR = [[/^$/, 0.5], [/^checklist\//, 0.8], [/^editions\//, 0.6], [/^division\//, 0.8]];
  var MIN_SHARE = 0.08; // pages scoring under this share of the best are left out
  var MAX_PAGES = 10; // Material renders every result it is given: more would cost time, not answers
  var MAX_SECTIONS = 3;

  /* Question patterns, tested on the query in lower case, and what they add: words (optional,
   * never needed to cover the query) and a weight for the kind of section that answers them. */
  var INTENTS = [
    { name: "why", pattern: /なぜ|なんで|どうして|何のため|why\b/, words: ["目的", "趣旨", "purpose"], kinds: { purpose: 1.5 } },
    { name: "may", pattern: /(て|で)も?(いい|よい|良い|大丈夫|ok|問題ない)|可能|may i|can i|is it ok|allowed to/, words: [], kinds: { faq: 1.3, example: 1.15 } },
    { name: "must not", pattern: /だめ|ダメ|駄目|いけない|禁止|ng|ならない|must not|mustn|forbidden|not allowed|prohibit/, words: ["禁止事項", "なりません", "prohibited", "must not"], kinds: { faq: 1.1 } },
    { name: "who", pattern: /誰|だれ|どなた|どこに|who\b|whom\b/, words: ["相談", "対象", "consult", "apply"], kinds: { faq: 1.2 } },
    { name: "what if", pattern: /たら$|たら[?？]|しまった|場合|ときは|時は|what if|if i\b/, words: [], kinds: { example: 1.3, faq: 1.2 } }
  ];

  // Particles, auxiliaries and endings (normalised: hiragana): dropped from the query unless it is a phrase.
  var FUNCTION_WORDS = new Set((
    "です でし ます まし ませ ましょ する して した しない します しよう すれ され させ せる " +
    "いる いた いて ある あっ あり ない なく なっ なる なり たい たく たら たり れる れば られ " +
    "られる よう こと もの とき ため など から まで より って という けど でも のに ので だけ " +
    "ほど どう どの どこ いつ なに なん なぜ いい よい よく べき ください くだ さい でき できる " +
    "しまっ しまう ちゃっ ちゃう じゃ には では とは への での にも ても かな かも " +
    "なんで どうして だれ どなた ちゃ いけ だめ だろ でしょ ちゃい いか " +
    "したら しても しちゃ しちゃっ したい してる しとく ちゃった ちゃって てる ても たら ってる"
  ).split(" "));

  var QUESTION_WORDS = new Set(["誰", "何", "だれ", "なに", "どこ", "いつ", "who", "what", "why", "where", "when"]);

  var BLOCK_TAG = /^<\/?(p|li|ul|ol|dl|dt|dd|div|h[1-6]|br|table|tr|td|th|pre|blockquote|section|figure|figcaption)\b/i;
  var ENTITY = /&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi;
  var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", nbsp: " " };
  var KATAKANA = /[\u30a1-\u30f6]/g;
  var LONG_VOWEL = /[ー〜~]/g;
  var OKURIGANA = /([\u3400-\u9fff\uf900-\ufaff々])[いしりみせけえちきびつ](?=[\u3400-\u9fff\uf900-\ufaff々])/g;
  var CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff々〆ヵヶ]/;
  var KANJI = /[\u3400-\u9fff\uf900-\ufaff々]/;
  var HIRAGANA_ONLY = /^[\u3041-\u309f]+$/;
  var LATIN_TERM = /^[a-z0-9]+$/;
  var LATIN_WORD = /[a-z0-9]+/g;

  /* ------------------------------------------------------------------------
   * Normalisation
   * --------------------------------------------------------------------- */

  function toHiragana(k) {
    return String.fromCharCode(k.charCodeAt(0) - 0x60);
  }

  /* The form text and query share. (The okurigana rule runs twice: its matches may touch.) */
  function normalise(text) {
    return text.normalize("NFKC").toLowerCase().replace(KATAKANA, toHiragana).replace(LONG_VOWEL, "")
      .replace(OKURIGANA, "$1").replace(OKURIGANA, "$1");
  }

  function decode(entity, name) {
    if (name.charAt(0) !== "#") return ENTITIES[name.toLowerCase()] || entity;
    return String.fromCodePoint(name.charAt(1).toLowerCase() === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
  }

  /* The normalised text of an HTML string, for matching: block tags become line breaks. */
  function textOf(html) {
    return normalise(html.replace(/<[^>]*>/g, function (tag) { return BLOCK_TAG.test(tag) ? "\n" : ""; }).replace(ENTITY, decode));
  }

  var folded = new Map();

  function fold(ch) {
    var out = folded.get(ch);
    if (out === undefined) {
      out = ch.normalize("NFKC").toLowerCase().replace(KATAKANA, toHiragana).replace(LONG_VOWEL, "");
      folded.set(ch, out);
    }
    return out;
  }

  /* The same normalised text with a map back to the HTML, for marking matches in the results
   * shown: map[i] is the offset in the HTML of the character that gave normalised character i. */
  function prepare(html) {
    var norm = [];
    var map = [];
    var i = 0;
    while (i < html.length) {
      var code = html.charCodeAt(i);
      if (code < 128 && code !== 60 && code !== 38) { // ASCII other than < and &: only lower case
        norm.push(code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : html.charAt(i));
        map.push(i);
        i++;
        continue;
      }
      var c = html.charAt(i);
      if (c === "<") {
        var end = html.indexOf(">", i);
        if (end < 0) end = html.length - 1;
        if (BLOCK_TAG.test(html.slice(i, end + 1))) {
          norm.push("\n");
          map.push(i);
        }
        i = end + 1;
        continue;
      }
      var piece;
      var width;
      var entity = c === "&" ? /^&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/i.exec(html.slice(i, i + 12)) : null;
      if (entity) {
        piece = decode(entity[0], entity[1]);
        width = entity[0].length;
      } else {
        piece = String.fromCodePoint(html.codePointAt(i));
        width = piece.length;
      }
      var f = fold(piece);
      for (var k = 0; k < f.length; k++) {
        norm.push(f.charAt(k));
        map.push(i);
      }
      i += width;
    }
    map.push(html.length);
    // One okurigana kana between two kanji is dropped, as normalise() does.
    var outNorm = [];
    var outMap = [];
    for (var n = 0; n < norm.length; n++) {
      var dropped = n > 0 && n + 1 < norm.length && /[いしりみせけえちきびつ]/.test(norm[n]) && KANJI.test(norm[n - 1]) && KANJI.test(norm[n + 1]);
      if (dropped) continue;
      outNorm.push(norm[n]);
      outMap.push(map[n]);
    }
    outMap.push(map[map.length - 1]);
    return { html: html, norm: outNorm.join(""), map: outMap };
  }

  /* ------------------------------------------------------------------------
   * English: lunr's Porter stemmer and stop words, loaded on the first English word
   * --------------------------------------------------------------------- */

  var lunrTried = false;
  var stems = new Map();

  function lunr() {
    if (!lunrTried) {
      lunrTried = true;
      try {
        importScripts(new URL("vendor/lunr.min.js", ASSETS).href);
      } catch (error) {
        console.warn("search: lunr not loaded; English words are matched unstemmed", error);
      }
    }
    return self.lunr && self.lunr.stemmer ? self.lunr : null;
  }

  function stem(word) {
    var out = stems.get(word);
    if (out === undefined) {
      var library = lunr();
      out = library ? library.stemmer(new library.Token(word, {})).toString() : word;
      stems.set(word, out);
    }
    return out;
  }

  function isStopWord(word) {
    var library = lunr();
    return !!library && library.stopWordFilter(new library.Token(word, {})) === undefined;
  }

  var latinHeads = new Map();

  /* The English words that begin with a term's first letters: a word and its stem begin alike. */
  function wordsBeginning(head) {
    var re = latinHeads.get(head);
    if (!re) {
      re = new RegExp("(?<![a-z0-9])" + head + "[a-z0-9]*", "g");
      latinHeads.set(head, re);
    }
    re.lastIndex = 0;
    return re;
  }

  /* Calls back with [start, end) of each English word of the text that matches the term: the same
   * stem, or, as a prefix, a word it begins. */
  function eachLatin(norm, term, prefix, callback) {
    var head = term.slice(0, 3);
    if (norm.indexOf(head) < 0) return;
    var termStem = stem(term);
    var re = wordsBeginning(head);
    var match;
    while ((match = re.exec(norm))) {
      var word = match[0];
      if (word === term || (prefix && term.length >= 3 && word.indexOf(term) === 0) || stem(word) === termStem) {
        callback(match.index, match.index + word.length);
      }
    }
  }

  /* Where a term occurs: [start, end) ranges in the normalised text. An English term matches a
   * word of the same stem (or, as a prefix, a word it begins); anything else matches anywhere. */
  function occurrences(field, term, prefix) {
    var found = [];
    if (!term) return found;
    if (LATIN_TERM.test(term)) {
      eachLatin(field.norm, term, prefix, function (start, end) { found.push([start, end]); });
      return found;
    }
    var norm = field.norm;
    var at = norm.indexOf(term);
    while (at >= 0) {
      found.push([at, at + term.length]);
      at = norm.indexOf(term, at + term.length);
    }
    return found;
  }

  /* How many times a term occurs, as occurrences() finds them, without building the list. */
  function count(field, term, prefix) {
    var n = 0;
    if (LATIN_TERM.test(term)) {
      eachLatin(field.norm, term, prefix, function () { n++; });
      return n;
    }
    var norm = field.norm;
    var at = norm.indexOf(term);
    while (at >= 0) {
      n++;
      at = norm.indexOf(term, at + term.length);
    }
    return n;
  }

  function highlight(field, ranges) {
    if (!ranges.length) return field.html;
    ranges = ranges.slice().sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var out = "";
    var cursor = 0;
    var last = -1;
    for (var r = 0; r < ranges.length; r++) {
      var start = ranges[r][0];
      var end = ranges[r][1];
      if (start < last) continue; // overlaps a range already marked
      var from = field.map[start];
      var to = field.map[end];
      if (field.html.slice(from, to).indexOf("<") >= 0) continue;
      out += field.html.slice(cursor, from) + "<mark>" + field.html.slice(from, to) + "</mark>";
      cursor = to;
      last = end;
    }
    return out + field.html.slice(cursor);
  }

  /* Top-level blocks of a section's HTML (paragraphs, lists, loose text), for teasers. */
  function blocks(html) {
    var out = [];
    var re = /<(\/?)(p|ul|ol|li|dl|div|table|pre|blockquote)\b[^>]*>/gi;
    var depth = 0;
    var start = 0;
    var match;
    while ((match = re.exec(html))) {
      if (match[1]) {
        depth = Math.max(0, depth - 1);
        if (depth === 0) {
          out.push(html.slice(start, re.lastIndex));
          start = re.lastIndex;
        }
      } else {
        if (depth === 0 && match.index > start) {
          if (html.slice(start, match.index).trim()) out.push(html.slice(start, match.index));
          start = match.index;
        }
        depth++;
      }
    }
    if (html.slice(start).trim()) out.push(html.slice(start));
    return out;
  }

  /* ------------------------------------------------------------------------
   * Loading: the index of this language, on the first search
   * --------------------------------------------------------------------- */

  var sections = [];
  var averageLength = 1;
  var lexicon = []; // the site's own terms, normalised, longest first
  var segmenter = null;
  var state = "idle"; // idle -> loading -> ready
  var pending = null; // the latest query asked while loading

  function loadSegmenter() {
    if (typeof Intl !== "undefined" && Intl.Segmenter) {
      var intl = new Intl.Segmenter("ja", { granularity: "word" });
      segmenter = {
        segment: function (text) {
          return Array.from(intl.segment(text), function (s) { return s.segment; });
        }
      };
      segmenter.segment("初期化"); // the dictionary loads now, while the index downloads
      return;
    }
    try {
      self.lunr = self.lunr || {};
      importScripts(new URL("javascripts/lunr/tinyseg.js", ASSETS).href); // Material's copy
      segmenter = new self.lunr.TinySegmenter();
    } catch (error) {
      segmenter = null; // cut at changes of script (kanji, hiragana, katakana)
    }
  }

  function load() {
    if (state !== "idle") return;
    state = "loading";
    var index = fetch(INDEX.href).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + INDEX.href);
      return response.json();
    });
    if (!segmenter) loadSegmenter();
    index
      .then(function (data) {
        setup(data);
        state = "ready";
      })
      .catch(function (error) {
        console.warn("search: the index could not be loaded", error);
        state = "idle";
      })
      .then(function () {
        if (pending !== null) {
          var query = pending;
          pending = null;
          answer(query);
        }
      });
  }

  function pathOf(location) {
    return location.split("#")[0];
  }

  function setup(data) {
    var total = 0;
    var terms = new Set((data.terms || []).map(normalise));
    sections = data.docs.map(function (doc) {
      var text = { norm: textOf(doc.text || "") };
      total += text.norm.length;
      var path = pathOf(doc.location);
      var page = path.replace(/^[a-z]{2}\//, "");
      var keywords = (doc.keywords || []).map(function (k) {
        var norm = normalise(k);
        terms.add(norm);
        return norm;
      });
      return {
        doc: doc,
        path: path,
        kind: doc.kind || "",
        prior: PAGE_PRIOR.reduce(function (value, rule) { return rule[0].test(page) ? rule[1] : value; }, 1),
        weight: NAVIGATION_SECTIONS.test(doc.location) ? NAVIGATION_WEIGHT : /^clauses\/[^/#]+\/$/.test(page) ? OWN_TEXT_WEIGHT : 1,
        title: { norm: textOf(doc.title || "") },
        text: text,
        keywords: keywords,
        keywordStems: keywords.map(stemOf)
      };
    });
    averageLength = Math.max(1, total / Math.max(1, sections.length));
    lexicon = Array.from(terms).filter(function (t) { return t.length >= 2 && CJK.test(t); })
      .sort(function (a, b) { return b.length - a.length; });
  }

  /* ------------------------------------------------------------------------
   * Query analysis
   * --------------------------------------------------------------------- */

  function scriptOf(ch) {
    if (/[\u3041-\u309f]/.test(ch)) return "hiragana";
    if (/[\u30a1-\u30ffー]/.test(ch)) return "katakana";
    if (KANJI.test(ch)) return "kanji";
    return "other";
  }

  function segment(part) {
    if (segmenter) return segmenter.segment(part).filter(function (t) { return t.trim().length > 0; });
    var tokens = [];
    var current = "";
    var kind = "";
    for (var ch of part) {
      var k = scriptOf(ch);
      if (current && k !== kind) {
        tokens.push(current);
        current = "";
      }
      current += ch;
      kind = k;
    }
    if (current) tokens.push(current);
    return tokens;
  }

  /* The query's words: the site's own terms whole (found in the normalised text), the rest cut by
   * the segmenter as typed (a segmenter needs the katakana and long vowels that normalising folds),
   * each token with its normalised form and the text typed. */
  function cut(part) {
    var prepared = prepare(part);
    var norm = prepared.norm;
    var spans = [];
    lexicon.forEach(function (term) {
      var at = norm.indexOf(term);
      while (at >= 0) {
        var end = at + term.length;
        var free = spans.every(function (s) { return end <= s[0] || at >= s[1]; });
        if (free) spans.push([at, end]);
        at = norm.indexOf(term, end);
      }
    });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var tokens = [];
    var typed = function (from, to) {
      segment(part.slice(from, to)).forEach(function (t) {
        var text = normalise(t);
        if (text) tokens.push({ text: text, surface: t, term: false });
      });
    };
    var cursor = 0;
    spans.forEach(function (s) {
      var from = prepared.map[s[0]];
      var to = prepared.map[s[1]];
      if (from > cursor) typed(cursor, from);
      tokens.push({ text: norm.slice(s[0], s[1]), surface: part.slice(from, to), term: true });
      cursor = to;
    });
    if (cursor < part.length) typed(cursor, part.length);
    return tokens;
  }

  function isFunctionWord(token) {
    return HIRAGANA_ONLY.test(token) && (token.length === 1 || FUNCTION_WORDS.has(token));
  }

  /* Pairs of characters; two hiragana make no pair (they are endings and particles) unless the
   * word was typed in katakana. */
  function bigrams(term, katakana) {
    var chars = Array.from(term);
    var out = [];
    for (var i = 0; i + 2 <= chars.length; i++) {
      var pair = chars.slice(i, i + 2).join("");
      if (katakana || !HIRAGANA_ONLY.test(pair)) out.push(pair);
    }
    return out;
  }

  function variantsOf(key, surface) {
    var list = [{ term: key, weight: 1 }];
    // A verb or adjective cut before its ending (写っ, 乗っ取ら, ばずり) also matches by its stem; a
    // one-kanji stem only when one kana followed it (写っ -> 写, but not 子ども -> 子).
    var stemmed = key.replace(/[\u3041-\u309f]+$/, "");
    var ending = key.length - stemmed.length;
    if (stemmed && ending > 0 && CJK.test(stemmed) && (stemmed.length >= 2 || (ending === 1 && KANJI.test(stemmed)))) {
      list.push({ term: stemmed, weight: stemmed.length >= 2 ? 0.8 : 0.5 });
    }
    // Character bigrams, always, at a low weight: a word cut or spelt differently still scores.
    if (key.length >= 3) {
      bigrams(key, /[\u30a1-\u30ff]/.test(surface)).forEach(function (pair) {
        if (pair !== stemmed) list.push({ term: pair, weight: BIGRAM_WEIGHT });
      });
    }
    return list;
  }

  /* The query as words (groups of alternatives), phrases (bonus only), extra intent words and
   * the weights of the kinds of section its question asks for. */
  function analyse(query) {
    var words = [];
    var phrases = [];
    var extras = [];
    var kinds = {};
    var lower = query.normalize("NFKC").toLowerCase();
    INTENTS.forEach(function (intent) {
      if (!intent.pattern.test(lower)) return;
      intent.words.forEach(function (w) { extras.push(normalise(w)); });
      Object.keys(intent.kinds).forEach(function (k) { kinds[k] = Math.max(kinds[k] || 1, intent.kinds[k]); });
    });
    var parts = lower
      .split(/[\s、。，．,.!?！？「」『』（）()［］\[\]【】〈〉《》:：;；"“”‘’+*~^…]+/)
      .filter(Boolean);
    parts.forEach(function (part, index) {
      if (!CJK.test(part)) {
        var latin = part.split(/[^a-z0-9]+/).filter(function (w) { return w.length > 1; });
        latin.forEach(function (word, k) {
          if (parts.length + latin.length > 2 && isStopWord(word)) return;
          var last = index === parts.length - 1 && k === latin.length - 1;
          words.push({ surface: word, variants: [{ term: word, weight: 1 }], prefix: last });
        });
        return;
      }
      var norm = normalise(part);
      var tokens = cut(part);
      var run = [];
      var flush = function () {
        if (run.length > 1) phrases.push(run.join(""));
        run = [];
      };
      tokens.forEach(function (token) {
        var text = token.text;
        if (!token.term && isFunctionWord(text)) {
          flush();
          return;
        }
        run.push(text);
        if (!token.term && !CJK.test(text) && !LATIN_TERM.test(text)) return;
        // Material marks the words on the page it opens (?h=): the words as typed, not normalised.
        words.push({ surface: token.surface, variants: token.term ? [{ term: text, weight: 1 }] : variantsOf(text, token.surface), prefix: false });
      });
      flush();
      if (tokens.length > 1) phrases.push(norm);
      if (!words.length && norm.length) words.push({ surface: part, variants: variantsOf(norm, part), prefix: false });
    });
    // A question word (誰, 何) says what kind of answer is wanted, which the intent has taken.
    if (extras.length || Object.keys(kinds).length) {
      var content = words.filter(function (w) { return !QUESTION_WORDS.has(w.variants[0].term); });
      if (content.length) words = content;
    }
    // The same word typed twice counts once.
    var seen = new Set();
    words = words.filter(function (w) {
      var key = w.variants[0].term;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    extras = extras.filter(function (e) { return !seen.has(e); });
    return { words: words, phrases: Array.from(new Set(phrases)), extras: extras, kinds: kinds };
  }

  /* ------------------------------------------------------------------------
   * Scoring
   * --------------------------------------------------------------------- */

  function idf(df) {
    var n = sections.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  function saturate(tf, length) {
    return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / averageLength));
  }

  /* 1 when the term is one of the section's keywords, 0.8 when it is the keyword's stem (叩か for
   * 叩かれる), 0.5 when a keyword contains it or is in it, 0.3 for one kanji in a keyword. An English
   * term is compared by stems with the words of the keywords: 1 when the query holds every word of
   * the keyword ("hate speech"), 0.5 for one word of it. */
  function keywordMatch(s, term, queryStems) {
    var best = 0;
    var latin = LATIN_TERM.test(term);
    for (var k = 0; k < s.keywords.length; k++) {
      var keyword = s.keywords[k];
      if (keyword === term) return 1;
      if (latin) {
        var words = latinKeyword(keyword);
        if (words.indexOf(stem(term)) >= 0) {
          var whole = words.every(function (w) { return queryStems.has(w); });
          best = Math.max(best, whole ? 1 : 0.5);
        }
      } else if (s.keywordStems[k] === term) best = Math.max(best, 0.8);
      else if (term.length >= 2 && keyword.length >= 2 && (keyword.indexOf(term) >= 0 || term.indexOf(keyword) >= 0)) best = Math.max(best, 0.5);
      else if (term.length === 1 && KANJI.test(term) && keyword.indexOf(term) >= 0) best = Math.max(best, 0.3);
    }
    return best;
  }

  var latinKeywords = new Map();

  /* The stems of an English keyword's words, stop words left out. */
  function latinKeyword(keyword) {
    var out = latinKeywords.get(keyword);
    if (out === undefined) {
      out = (keyword.match(LATIN_WORD) || []).filter(function (w) { return w.length > 1 && !isStopWord(w); }).map(stem);
      latinKeywords.set(keyword, out);
    }
    return out;
  }

  /* A word without its trailing kana (叩かれる -> 叩), or "" when nothing but kana would be left. */
  function stemOf(word) {
    var stemmed = word.replace(/[\u3041-\u309f]+$/, "");
    return stemmed !== word && CJK.test(stemmed) ? stemmed : "";
  }

  function search(query) {
    var analysed = analyse(query);
    if (!analysed.words.length) return { items: [] };

    // Occurrences of every distinct term in every section, and document frequencies.
    var terms = new Map();
    var queryStems = new Set();
    analysed.words.forEach(function (w) { if (LATIN_TERM.test(w.variants[0].term)) queryStems.add(stem(w.variants[0].term)); });
    var addTerm = function (term, prefix) {
      var key = term + (prefix ? "*" : "");
      if (!term || terms.has(key)) return;
      var hits = sections.map(function (s) {
        return { title: count(s.title, term, prefix), text: count(s.text, term, prefix), keyword: keywordMatch(s, term, queryStems) };
      });
      var df = hits.filter(function (h) { return h.title || h.text || h.keyword; }).length;
      terms.set(key, { hits: hits, idf: idf(df) });
    };
    var termOf = function (w, v) { return terms.get(v.term + (w.prefix ? "*" : "")); };
    analysed.words.forEach(function (w) { w.variants.forEach(function (v) { addTerm(v.term, w.prefix); }); });
    analysed.phrases.forEach(function (p) { addTerm(p, false); });
    analysed.extras.forEach(function (e) { addTerm(e, false); });
    var totalIdf = analysed.words.reduce(function (sum, w) { return sum + termOf(w, w.variants[0]).idf; }, 0);

    var valueOf = function (t, i, s) {
      var h = t.hits[i];
      if (!h.title && !h.text && !h.keyword) return 0;
      return t.idf * (saturate(h.text, s.text.norm.length) + (h.title ? TITLE_WEIGHT : 0) + KEYWORD_WEIGHT * h.keyword);
    };

    var scored = sections.map(function (s, i) {
      var score = 0;
      var covered = 0;
      var matched = {};
      var found = [];
      var subject = false;
      analysed.words.forEach(function (w) {
        var best = 0;
        var bestVariant = null;
        w.variants.forEach(function (v) {
          var t = termOf(w, v);
          var value = v.weight * valueOf(t, i, s);
          if (!value) return;
          if (v.weight > BIGRAM_WEIGHT) found.push(v.term);
          if ((t.hits[i].title || t.hits[i].keyword === 1) && v.weight >= 0.8) subject = true;
          if (value > best) {
            best = value;
            bestVariant = v;
          }
        });
        if (bestVariant) {
          score += best;
          covered += termOf(w, w.variants[0]).idf * Math.min(1, bestVariant.weight);
          matched[w.surface] = true;
        } else {
          matched[w.surface] = false;
        }
      });
      analysed.phrases.forEach(function (p) {
        var value = valueOf(terms.get(p), i, s);
        if (value) {
          score += PHRASE_WEIGHT * value;
          found.push(p);
        }
      });
      // Words an intent adds raise a section whether or not it has the words typed.
      // They are common words (相談, 目的): what counts is where they are a keyword or a title.
      var extra = analysed.extras.reduce(function (sum, e) {
        var h = terms.get(e).hits[i];
        return sum + EXTRA_WEIGHT * EXTRA_IDF * ((h.title ? TITLE_WEIGHT : 0) + KEYWORD_WEIGHT * h.keyword);
      }, 0);
      var coverage = totalIdf > 0 ? covered / totalIdf : 0;
      return {
        section: s,
        score: (score * (0.2 + 0.8 * coverage * coverage) + extra) * s.weight * s.prior * (analysed.kinds[s.kind] || 1),
        matched: matched,
        found: found,
        subject: subject
      };
    });

    // Pages: the best section, plus a fast-shrinking share of the others, times what the page covers.
    var pages = new Map();
    scored.forEach(function (r) {
      var page = pages.get(r.section.path);
      if (!page) pages.set(r.section.path, page = { path: r.section.path, results: [], matched: {}, subject: false });
      page.results.push(r);
      if (r.subject && r.section.doc.location === r.section.path) page.subject = true;
      Object.keys(r.matched).forEach(function (k) {
        if (r.matched[k] || !(k in page.matched)) page.matched[k] = r.matched[k];
      });
    });
    var ranked = [];
    pages.forEach(function (page) {
      var hits = page.results.filter(function (r) { return r.score > 0; })
        .sort(function (a, b) { return b.score - a.score; });
      if (!hits.length) return;
      var total = hits.reduce(function (sum, r, k) { return sum + r.score / ((1 + k) * (1 + k)); }, 0);
      var covered = analysed.words.reduce(function (sum, w) {
        return sum + (page.matched[w.surface] ? termOf(w, w.variants[0]).idf : 0);
      }, 0);
      var coverage = totalIdf > 0 ? covered / totalIdf : 0;
      page.score = total * (0.4 + 0.6 * coverage * coverage) * (page.subject ? 1 + SUBJECT_BOOST : 1);
      page.hits = hits.slice(0, MAX_SECTIONS);
      ranked.push(page);
    });
    ranked.sort(function (a, b) { return b.score - a.score; });
    if (ranked.length) {
      var floor = ranked[0].score * MIN_SHARE;
      ranked = ranked.filter(function (p) { return p.score >= floor; }).slice(0, MAX_PAGES);
    }

    return { items: ranked.map(render) };
  }

  /* A page's group in Material's result format: its sections by score, the page itself
   * included. Scores are scaled so the group's best equals the page's score, so that
   * Material's Enter ("go to the best result") opens the first page listed. */
  function render(page) {
    var best = page.hits[0].score;
    var items = page.hits.map(function (r) {
      return item(r.section, r.found, r.matched, (r.score / best) * page.score);
    });
    if (!page.hits.some(function (r) { return r.section.doc.location === page.path; })) {
      var article = page.results.find(function (r) { return r.section.doc.location === page.path; });
      // The page itself links with the words found anywhere on it, which Material marks there (?h=).
      var found = {};
      Object.keys(page.matched).forEach(function (k) { if (page.matched[k]) found[k] = true; });
      if (article) items.push(item(article.section, [], found, 0));
    }
    return items;
  }

  /* One result: the title with every match marked, and as text the first two blocks that
   * match (Material shows the same), or the first block when only the title matched. Bigrams
   * mark nothing on their own. */
  function item(section, found, matched, score) {
    var doc = section.doc;
    found = Array.from(new Set(found));
    var marks = function (field) {
      return found.reduce(function (all, term) { return all.concat(occurrences(field, term, false)); }, []);
    };
    var teaser = "";
    if (doc.text) {
      var parts = blocks(doc.text);
      var kept = [];
      for (var p = 0; p < parts.length && kept.length < 2; p++) {
        var plain = { norm: textOf(parts[p]) };
        if (!found.some(function (term) { return count(plain, term, false) > 0; })) continue;
        var part = prepare(parts[p]); // the slow way, with its map for marking, only where a term is
        kept.push(highlight(part, marks(part)));
      }
      teaser = kept.length ? kept.join("") : parts.length ? parts[0] : "";
    }
    var title = prepare(doc.title || "");
    var out = {
      location: doc.location,
      title: highlight(title, marks(title)),
      text: teaser,
      score: score,
      terms: matched
    };
    if (doc.tags) out.tags = doc.tags.slice();
    return out;
  }

  function answer(query) {
    var result;
    try {
      result = search(query);
    } catch (error) {
      console.warn("search failed for", query, error);
      result = { items: [] };
    }
    self.postMessage({ type: RESULT, data: result });
  }

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (message.type !== QUERY) return; // no SETUP comes: the page does not fetch Material's index
    var query = String(message.data || "");
    if (state === "ready" || !query.trim()) {
      answer(state === "ready" ? query : "");
      return;
    }
    pending = query;
    load();
  });

  if (CHANNEL && typeof BroadcastChannel !== "undefined") {
    var channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = function (event) {
      if (event.data === "load") load();
    };
    // A reader quick to the search box may have asked before this worker listened: the page asks again.
    channel.postMessage("listening");
  }
  self.postMessage({ type: READY });
})();
