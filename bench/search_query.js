// Runs queries against a search index folder with the site's own engine (docs/assets/search/),
// counting the bytes of every index file it reads and the milliseconds to the first batch of
// results (Node, no network: the engine's own work). Used by the benchmark and the tests.
// Input (stdin, JSON): {index: folder, queries: [{query, kind?, department?, count?}]};
// output: one JSON list.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const engine = require("../docs/assets/search/engine.js");

async function main() {
  const request = JSON.parse(fs.readFileSync(0, "utf8"));
  const context = vm.createContext({ window: {} });
  const out = [];
  for (const { query, kind, department, count = 10 } of request.queries) {
    let bytes = 0;
    const files = [];
    const load = async (name) => {
      const text = fs.readFileSync(path.join(request.index, `${name}.js`), "utf8");
      bytes += Buffer.byteLength(text);
      files.push(name);
      vm.runInContext(text, context);
      const data = context.window.__positionSearch[name];
      delete context.window.__positionSearch[name];
      return data;
    };
    const start = process.hrtime.bigint();
    const search = (await engine.open(load)).search(query, { kind, department });
    const results = await search.more(count);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    out.push({ query, bytes, files: files.length, exhausted: search.exhausted, ms,
      results: results.map((r) => ({ url: r.url, title: r.title, kind: r.kind,
        department: r.department, lines: r.lines, titleMarks: r.titleMarks })) });
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((error) => { console.error(error); process.exit(1); });
