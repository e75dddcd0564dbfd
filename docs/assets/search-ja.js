/* Site search that finds what staff type: a custom search worker for Material for MkDocs.
 *
 * Material's own worker segments the documents with TinySegmenter but matches the query as
 * typed, so a phrase such as 「守秘義務を遵守」 finds nothing. Material lets a site replace its
 * search worker (the address in #__config, set in overrides/main.html); this one speaks the
 * same four messages (SETUP -> READY, QUERY -> RESULT) and returns results in Material's
 * format, so the theme's search box, result list, keyboard handling and highlighting stay.
 *
 * How it matches
 * - Text is normalised one character at a time: NFKC (full-width letters, half-width kana),
 *   lower case, katakana folded to hiragana. Matching is by substring, so compounds, parts of
 *   words and either kana match as written; English words match from the start of a word.
 * - The query is cut with the same TinySegmenter Material uses for documents. Particles and
 *   endings (が, を, している, したら…) are dropped; a word with okurigana also matches by its
 *   stem (写っ -> 写, 乗っ取ら -> 乗っ取); a few staff words map to the guideline's (VARIANTS).
 * - A phrase found as typed, or adjacent words found together, scores on top.
 * - Each section is scored (BM25-like, title above text, sections that only list links
 *   count little); a page's score is its best section plus a share of its others, times how
 *   much of the query the page covers, so the provision's own commentary comes first.
 *
 * One search index holds every language. The page passes its language (?lang=); the worker
 * searches that language's pages only, and for a page not yet translated it searches the
 * default-language text and links to the translated address (the fallback page).
 */
(function () {
  "use strict";

  var SETUP = 0;
  var READY = 1;
  var QUERY = 2;
  var RESULT = 3;

  var LANG = new URL(self.location.href).searchParams.get("lang") || "";

  // Scoring constants, tuned with `make bench-search` (tests/search_queries.yml).
  var K1 = 1.2;
  var B = 0.5;
  var TITLE_WEIGHT = 2.5;
  var PHRASE_WEIGHT = 1.5;
  var NAVIGATION_SECTIONS = /#(related|backlinks)$/; // lists of links to other provisions
  var NAVIGATION_WEIGHT = 0.25;
  // Home and checklist repeat every title; earlier editions repeat the text of /text/.
  var PAGE_PRIOR = [[/^$/, 0.5], [/^checklist\//, 0.8], [/^editions\//, 0.6]];
  var MIN_SHARE = 0.08; // pages scoring under this share of the best are left out

  // Words staff use, mapped to the words the guideline and its commentary use.
  var VARIANTS = {
    炎上: ["批判", "攻撃的な反応", "冷静に対応"],
    スマホ: ["スマートフォン"],
    子供: ["子ども"],
    こども: ["子ども"],
    消す: ["削除"],
    消し: ["削除"],
    消した: ["削除"],
    ミス: ["誤り", "間違"],
    間違い: ["誤り"],
    dm: ["ダイレクトメッセージ"],
    rt: ["リツイート"],
    リポスト: ["リツイート"],
    ポスト: ["投稿"],
    ツイート: ["投稿"],
    sns: ["ソーシャルメディア"],
    pw: ["パスワード"],
    パスワ: ["パスワード"],
    乗っ取り: ["乗っ取"],
    ハッキング: ["乗っ取", "不正"],
    ナンバー: ["ナンバープレート"],
    顔写真: ["顔", "写真"],
    // Added after the held-out queries of tests/search_queries.yml missed them:
    防犯: ["セキュリティ", "警備"],
    男女: ["性別"],
    パブコメ: ["パブリックコメント"],
    謝罪: ["おわび"]
  };

  // Particles, auxiliaries and endings: dropped from the query unless it is a phrase.
  var FUNCTION_WORDS = new Set((
    "は が を に で と の も へ や か な ね よ わ ぞ さ て た だ ば し れ せ う ん っ い " +
    "です でし ます まし ませ ましょ する して した しない します しよう すれ され させ せる " +
    "いる いた いて ある あっ あり ない なく なっ なる なり たい たく たら たり れる れば られ " +
    "られる よう こと もの とき ため など から まで より って という けど でも のに ので だけ " +
    "ほど どう どの どこ いつ なに なん なぜ いい よい よく べき ください くだ さい でき できる " +
    "しまっ しまう ちゃっ ちゃう じゃ には では とは への での にも ても でも かな かも ・"
  ).split(" "));
  var ENGLISH_STOP_WORDS = new Set((
    "a an the of to in on at for by and or is are be was were it this that with as do does " +
    "can i we you my our what how when who should if not"
  ).split(" "));

  var BLOCK_TAG = /^<\/?(p|li|ul|ol|dl|dt|dd|div|h[1-6]|br|table|tr|td|th|pre|blockquote|section|figure|figcaption)\b/i;
  var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", nbsp: " " };
  var KATAKANA = /[\u30a1-\u30f6]/g;
  var CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff々〆ヵヶ]/;
  var LATIN_TERM = /^[a-z0-9]+$/;

  var segmenter = null;
  try {
    self.lunr = self.lunr || {};
    importScripts("javascripts/lunr/tinyseg.js"); // Material's copy, beside this file's folder
    segmenter = new self.lunr.TinySegmenter();
  } catch (error) {
    segmenter = null; // fall back to cutting at changes of script (kanji, hiragana, katakana)
  }

  /* ------------------------------------------------------------------------
   * Normalisation, with a map back to the original offsets for highlighting
   * --------------------------------------------------------------------- */

  var folded = new Map();

  function fold(ch) {
    var out = folded.get(ch);
    if (out === undefined) {
      out = ch.normalize("NFKC").toLowerCase().replace(KATAKANA, function (k) {
        return String.fromCharCode(k.charCodeAt(0) - 0x60);
      });
      folded.set(ch, out);
    }
    return out;
  }

  function normalise(text) {
    var out = "";
    for (var ch of text) out += fold(ch);
    return out;
  }

  /* The normalised text of an HTML string: block tags become line breaks, entities are decoded.
   * map[i] is the offset in the HTML of the character that gave normalised character i. */
  function prepare(html) {
    var norm = [];
    var map = [];
    var i = 0;
    while (i < html.length) {
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
        var name = entity[1];
        piece = name.charAt(0) !== "#"
          ? ENTITIES[name.toLowerCase()] || entity[0]
          : String.fromCodePoint(name.charAt(1).toLowerCase() === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
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
    return { html: html, norm: norm.join(""), map: map };
  }

  /* Where a term occurs: [start, end) ranges in the normalised text. English terms match at
   * the start of a word and extend to its end; everything else matches anywhere. */
  function occurrences(norm, term) {
    var found = [];
    if (!term) return found;
    var latin = LATIN_TERM.test(term);
    var at = norm.indexOf(term);
    while (at >= 0) {
      var end = at + term.length;
      if (latin) {
        if (at > 0 && /[a-z0-9]/.test(norm.charAt(at - 1))) {
          at = norm.indexOf(term, at + 1);
          continue;
        }
        while (end < norm.length && /[a-z0-9]/.test(norm.charAt(end))) end++;
      }
      found.push([at, end]);
      at = norm.indexOf(term, end);
    }
    return found;
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
   * The documents of this language
   * --------------------------------------------------------------------- */

  var sections = [];
  var averageLength = 1;

  function pathOf(location) {
    return location.split("#")[0];
  }

  function setup(data) {
    var languages = (data.config && data.config.lang) || [];
    var others = languages.slice(1).map(function (lang) { return lang + "/"; });
    var own = LANG && languages.indexOf(LANG) > 0 ? LANG + "/" : "";
    var isOther = function (location) {
      return others.some(function (prefix) { return location.indexOf(prefix) === 0; });
    };
    var translated = new Set();
    data.docs.forEach(function (doc) {
      if (own && doc.location.indexOf(own) === 0) translated.add(pathOf(doc.location).slice(own.length));
    });
    var chosen = [];
    data.docs.forEach(function (doc) {
      if (own && doc.location.indexOf(own) === 0) {
        chosen.push(doc);
      } else if (!isOther(doc.location) && (!own || !translated.has(pathOf(doc.location)))) {
        // In a translation, a page not yet translated is its fallback: the default text at the translated address.
        chosen.push(own ? Object.assign({}, doc, { location: own + doc.location }) : doc);
      }
    });
    var total = 0;
    sections = chosen.map(function (doc) {
      var text = prepare(doc.text || "");
      total += text.norm.length;
      var path = pathOf(doc.location);
      var page = own && path.indexOf(own) === 0 ? path.slice(own.length) : path;
      var weight = NAVIGATION_SECTIONS.test(doc.location) ? NAVIGATION_WEIGHT : 1;
      return {
        doc: doc,
        path: path,
        prior: PAGE_PRIOR.reduce(function (value, rule) { return rule[0].test(page) ? rule[1] : value; }, 1),
        weight: weight,
        title: prepare(doc.title || ""),
        text: text
      };
    });
    averageLength = Math.max(1, total / Math.max(1, sections.length));
  }

  /* ------------------------------------------------------------------------
   * Query analysis
   * --------------------------------------------------------------------- */

  function scriptOf(ch) {
    if (/[\u3041-\u309f]/.test(ch)) return "hiragana";
    if (/[\u30a1-\u30ffー]/.test(ch)) return "katakana";
    if (/[\u3400-\u9fff\uf900-\ufaff々〆ヵヶ]/.test(ch)) return "kanji";
    return "other";
  }

  function segment(part) {
    if (segmenter) return segmenter.segment(part).filter(function (t) { return t.length > 0; });
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

  function isFunctionWord(token) {
    return /^[\u3041-\u309f・]+$/.test(token) && (token.length === 1 || FUNCTION_WORDS.has(token));
  }

  function variantsOf(surface) {
    var key = normalise(surface);
    var list = [{ term: key, surface: surface, weight: 1 }];
    // A verb or adjective cut before its ending (写っ, 乗っ取ら) also matches by its stem; a
    // one-kanji stem only when one kana followed it (写っ -> 写, but not 子ども -> 子).
    var stem = surface.replace(/[\u3041-\u309f]+$/, "");
    var ending = surface.length - stem.length;
    if (stem && ending > 0 && /[\u3400-\u9fff々]/.test(stem) && (stem.length >= 2 || ending === 1)) {
      list.push({ term: normalise(stem), surface: stem, weight: stem.length >= 2 ? 0.8 : 0.5 });
    }
    // Staff words inside the word typed (謝罪 in 謝罪文) bring the guideline's words for them.
    VARIANTS_BY_KEY.forEach(function (words, variantKey) {
      if (key.indexOf(variantKey) < 0 && normalise(stem).indexOf(variantKey) < 0) return;
      words.forEach(function (word) {
        list.push({ term: normalise(word), surface: word, weight: 0.9 });
      });
    });
    // A longer word found nowhere (防犯上) backs off to its two-character parts (防犯, 犯上).
    if (key.length >= 3 && !occursAnywhere(key)) {
      var chars = Array.from(surface);
      for (var i = 0; i + 2 <= chars.length; i++) {
        var part = chars.slice(i, i + 2).join("");
        if (!FUNCTION_WORDS.has(part)) list.push({ term: normalise(part), surface: part, weight: 0.5 });
      }
    }
    return list;
  }

  function occursAnywhere(term) {
    return sections.some(function (s) { return s.text.norm.indexOf(term) >= 0 || s.title.norm.indexOf(term) >= 0; });
  }

  var VARIANTS_BY_KEY = new Map(Object.keys(VARIANTS).map(function (key) {
    return [normalise(key), VARIANTS[key]];
  }));

  function englishStem(word) {
    var rules = [[/ies$/, "y"], [/(ss|sh|ch|x)es$/, "$1"], [/([^s])s$/, "$1"], [/ing$/, ""], [/ed$/, ""]];
    for (var r = 0; r < rules.length; r++) {
      if (rules[r][0].test(word) && word.length > 4) return word.replace(rules[r][0], rules[r][1]);
    }
    return word;
  }

  /* The query as groups of alternatives (one per word) and phrases (bonus only). */
  function analyse(query) {
    var words = [];
    var phrases = [];
    var parts = query.normalize("NFKC")
      .split(/[\s、。，．,.!?！？「」『』（）()［］\[\]【】〈〉《》:：;；"'“”‘’+*~^]+/)
      .filter(Boolean);
    parts.forEach(function (part) {
      if (!CJK.test(part)) {
        part.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).forEach(function (word) {
          if (ENGLISH_STOP_WORDS.has(word) && parts.length > 1) return;
          var list = [{ term: word, surface: word, weight: 1 }];
          var stem = englishStem(word);
          if (stem !== word) list.push({ term: stem, surface: stem, weight: 0.9 });
          (VARIANTS_BY_KEY.get(word) || []).forEach(function (v) {
            list.push({ term: normalise(v), surface: v, weight: 0.9 });
          });
          words.push({ surface: word, variants: list });
        });
        return;
      }
      var tokens = segment(part);
      var run = [];
      var flush = function () {
        if (run.length > 1) phrases.push(normalise(run.join("")));
        run = [];
      };
      tokens.forEach(function (token) {
        if (isFunctionWord(token)) {
          flush();
          return;
        }
        run.push(token);
        words.push({ surface: token, variants: variantsOf(token) });
      });
      flush();
      if (tokens.length > 1) phrases.push(normalise(part));
      if (!words.length && part.length) words.push({ surface: part, variants: variantsOf(part) });
    });
    // The same word typed twice counts once.
    var seen = new Set();
    words = words.filter(function (w) {
      var key = w.variants[0].term;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return { words: words, phrases: Array.from(new Set(phrases)) };
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

  function search(query) {
    var analysed = analyse(query);
    if (!analysed.words.length) return { items: [] };

    // Occurrences of every distinct term in every section, and document frequencies.
    var terms = new Map();
    var addTerm = function (term) {
      if (!term || terms.has(term)) return;
      var hits = sections.map(function (s) {
        return { title: occurrences(s.title.norm, term), text: occurrences(s.text.norm, term) };
      });
      var df = hits.filter(function (h) { return h.title.length || h.text.length; }).length;
      terms.set(term, { hits: hits, idf: idf(df) });
    };
    analysed.words.forEach(function (w) { w.variants.forEach(function (v) { addTerm(v.term); }); });
    analysed.phrases.forEach(addTerm);
    var totalIdf = analysed.words.reduce(function (sum, w) { return sum + terms.get(w.variants[0].term).idf; }, 0);

    var scored = sections.map(function (s, i) {
      var score = 0;
      var covered = 0;
      var matched = {};
      var found = [];
      var length = s.text.norm.length;
      analysed.words.forEach(function (w) {
        var best = 0;
        var bestVariant = null;
        w.variants.forEach(function (v) {
          var t = terms.get(v.term);
          var h = t.hits[i];
          if (!h.title.length && !h.text.length) return;
          var value = v.weight * t.idf * (saturate(h.text.length, length) + (h.title.length ? TITLE_WEIGHT : 0));
          found.push(v.term);
          if (value > best) {
            best = value;
            bestVariant = v;
          }
        });
        if (bestVariant) {
          score += best;
          covered += terms.get(w.variants[0].term).idf * Math.min(1, bestVariant.weight);
          matched[bestVariant.surface] = true;
        } else {
          matched[w.surface] = false;
        }
      });
      analysed.phrases.forEach(function (p) {
        var t = terms.get(p);
        var h = t.hits[i];
        if (h.title.length || h.text.length) {
          score += PHRASE_WEIGHT * t.idf * (saturate(h.text.length, length) + (h.title.length ? TITLE_WEIGHT : 0));
          found.push(p);
        }
      });
      var coverage = totalIdf > 0 ? covered / totalIdf : 0;
      return {
        section: s,
        score: score * s.weight * s.prior * (0.2 + 0.8 * coverage * coverage),
        covered: covered,
        matched: matched,
        found: found
      };
    });

    // Pages: the best section, plus a share of the others, times what the page covers as a whole.
    var pages = new Map();
    scored.forEach(function (r) {
      var page = pages.get(r.section.path);
      if (!page) pages.set(r.section.path, page = { path: r.section.path, results: [], matched: {} });
      page.results.push(r);
      Object.keys(r.matched).forEach(function (k) {
        if (r.matched[k] || !(k in page.matched)) page.matched[k] = r.matched[k];
      });
    });
    var ranked = [];
    pages.forEach(function (page) {
      var hits = page.results.filter(function (r) { return r.score > 0; })
        .sort(function (a, b) { return b.score - a.score; });
      if (!hits.length) return;
      var total = hits.reduce(function (sum, r, k) { return sum + r.score / (k === 0 ? 1 : 2 + k); }, 0);
      var covered = analysed.words.reduce(function (sum, w) {
        var hit = w.variants.some(function (v) { return page.matched[v.surface]; });
        return sum + (hit ? terms.get(w.variants[0].term).idf : 0);
      }, 0);
      var coverage = totalIdf > 0 ? covered / totalIdf : 0;
      page.score = total * (0.4 + 0.6 * coverage * coverage);
      page.hits = hits;
      ranked.push(page);
    });
    ranked.sort(function (a, b) { return b.score - a.score; });
    if (ranked.length) {
      var floor = ranked[0].score * MIN_SHARE;
      ranked = ranked.filter(function (p) { return p.score >= floor; });
    }

    return { items: ranked.map(function (page) { return render(page); }) };
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
   * match (Material shows the same), or the first block when only the title matched. */
  function item(section, found, matched, score) {
    var doc = section.doc;
    var marks = function (field) {
      return found.reduce(function (all, term) { return all.concat(occurrences(field.norm, term)); }, []);
    };
    var teaser = "";
    if (doc.text) {
      var parts = blocks(doc.text).map(prepare);
      var shown = [];
      parts.forEach(function (part) {
        var ranges = shown.length < 2 ? marks(part) : [];
        if (ranges.length) shown.push(highlight(part, ranges));
      });
      teaser = shown.length ? shown.join("") : parts.length ? parts[0].html : "";
    }
    var out = {
      location: doc.location,
      title: highlight(section.title, marks(section.title)),
      text: teaser,
      score: score,
      terms: matched
    };
    if (doc.tags) out.tags = doc.tags.slice();
    return out;
  }

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (message.type === SETUP) {
      setup(message.data);
      self.postMessage({ type: READY });
    } else if (message.type === QUERY) {
      var result;
      try {
        result = search(String(message.data || ""));
      } catch (error) {
        console.warn("search failed for", message.data, error);
        result = { items: [] };
      }
      self.postMessage({ type: RESULT, data: result });
    }
  });
})();
