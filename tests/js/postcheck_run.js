// Runs docs/assets/post-check.js's `analyse` over draft posts for tests/test_postcheck.py.
// Usage: node postcheck_run.js DATA.json POSTS.json TODAY  → prints, per post, the provisions flagged.
// A post is [draft, what its attached images show]: the two fields of the page.
"use strict";
const fs = require("fs");
const path = require("path");
const check = require(path.resolve(__dirname, "../../docs/assets/post-check.js"));
const [data, posts, today] = process.argv.slice(2);
const pageData = JSON.parse(fs.readFileSync(data, "utf8"));
const drafts = JSON.parse(fs.readFileSync(posts, "utf8"));
const when = new Date(today + "T12:00:00");
const out = drafts.map(([text, images]) => {
  const result = check.analyse(text, pageData, when, images);
  return {
    flagged: result.findings.map((f) => f.provision.id),
    found: Object.fromEntries(result.findings.map((f) => [f.provision.id, f.found])),
    similar: result.similar.map((e) => e.href),
    facts: result.facts,
  };
});
process.stdout.write(JSON.stringify(out));
