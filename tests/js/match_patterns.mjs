// Where RE2 patterns match, as the browser checker translates them, for the comparison with
// RE2 itself. Usage: node tests/js/match_patterns.mjs cases.json > spans.json
// cases.json: {"patterns": [[pattern, caseSensitive]], "texts": [text]}
// spans.json: per pattern, per text, the [start, end] of each match in code points.
import { readFileSync } from "node:fs";
// PLAYBOOK_CHECK_MODULE: the module to test, by default the source; the tests also run the
// one module the site ships.
const { compilePatterns } = await import(
  process.env.PLAYBOOK_CHECK_MODULE ?? new URL("../../site_templates/js/playbook-check.js", import.meta.url).href
);

const { patterns, texts } = JSON.parse(readFileSync(process.argv[2], "utf8"));
const points = (text, index) => [...text.slice(0, index)].length;
const out = patterns.map(([pattern, caseSensitive]) => {
  const regex = compilePatterns([pattern], caseSensitive);
  return texts.map((text) => {
    const spans = [];
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
      if (m[0].length === 0) regex.lastIndex += text.codePointAt(m.index) > 0xffff ? 2 : 1;
      spans.push([points(text, m.index), points(text, m.index + m[0].length)]);
    }
    return spans;
  });
});
process.stdout.write(JSON.stringify(out));
