// Runs docs/assets/post-check.js's `analyse` over draft posts for tests/test_postcheck.py.
// Usage: node postcheck_run.js DATA.json POSTS.json TODAY  → prints, per post, the provisions flagged.
// A post is [draft, what its attached images show]: the two fields of the page, and optionally the
// href of a worked example to leave out of the similarity's cases (to measure it on that example).
"use strict";
const fs = require("fs");
const path = require("path");
const check = require(path.resolve(__dirname, "../../docs/assets/post-check.js"));
const [data, posts, today] = process.argv.slice(2);
const pageData = JSON.parse(fs.readFileSync(data, "utf8"));
const drafts = JSON.parse(fs.readFileSync(posts, "utf8"));
const when = new Date(today + "T12:00:00");
// One page's data per example left out (a worked example's draft and its 改善案 leave out the same one), so
// that post-check.js builds each similarity index once.
const leftOutData = new Map();
const without = (href) => {
  if (!leftOutData.has(href)) {
    const examples = pageData.examples.filter((e) => e.href !== href);
    leftOutData.set(href, Object.assign({}, pageData, { examples: examples, similarityIndex: undefined }));
  }
  return leftOutData.get(href);
};
const out = drafts.map(([text, images, leftOut]) => {
  const result = check.analyse(text, leftOut ? without(leftOut) : pageData, when, images);
  return {
    flagged: result.findings.map((f) => f.provision.id),
    found: Object.fromEntries(result.findings.map((f) => [f.provision.id, f.found])),
    similar: result.similar.map((r) => r.provision.id),
    like: result.similar.map((r) => r.draft || r.example.href),  // the closest case
    nearest: result.similar.map((r) => (r.example ? r.example.href : "")),  // the closest worked example
    facts: result.facts,
  };
});
process.stdout.write(JSON.stringify(out));
