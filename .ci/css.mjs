// Minifies style/main.css into target/css/main.css, the stylesheet
// index.html links (trunk's own minifying would also rewrite the pages and
// the wasm-bindgen JavaScript, which the build does not want). Run by trunk
// before every build (Trunk.toml, [[hooks]]), so `.ci/build` and `.ci/serve`
// both get it.
//
// Conservative: comments go, runs of whitespace become one space, and the
// spaces around { } ; , > and after : are dropped (never before a colon:
// `.x :focus` is not `.x:focus`), except inside quoted strings (a
// `content: "✓ "` keeps its space) and inside parentheses (`and (`,
// `calc(1px + 2px)` keep theirs). It refuses to write a result whose braces
// or strings differ from the source's.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The minified CSS of `css`. */
export function minify(css) {
  const noComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  // Strings are kept as they are; only the parts between them are touched.
  const parts = noComments.split(/("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/);
  return parts
    .map((p, i) => {
      if (i % 2 === 1) return p;
      let depth = 0;
      let out = '';
      for (const piece of p.replace(/\s+/g, ' ').split(/([()])/)) {
        if (piece === '(') depth++;
        if (piece === ')') depth = Math.max(0, depth - 1);
        out += depth > 0 || piece === ')' ? piece : piece.replace(/ ?([{};,>]) ?/g, '$1').replace(/: /g, ':');
      }
      return out;
    })
    .join('')
    .replace(/;}/g, '}')
    .trim();
}

const count = (s, re) => (s.match(re) || []).length;

if (import.meta.url === `file://${process.argv[1]}`) {
  const source = readFileSync(path.join(root, 'style', 'main.css'), 'utf8');
  const min = minify(source);
  const noComments = source.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const [what, re] of [['{', /{/g], ['}', /}/g], ['"', /"/g], ["'", /'/g]]) {
    if (count(min, re) !== count(noComments, re)) {
      console.error(`[css] minified CSS has a different number of ${what}: not written`);
      process.exit(1);
    }
  }
  const out = path.join(root, 'target', 'css');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'main.css'), `${min}\n`);
  console.log(`[css] target/css/main.css: ${source.length} → ${min.length + 1} bytes`);
}
