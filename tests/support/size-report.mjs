// First-load size report for the release build in dist/.
//
// "First load" is index.html plus everything it references: <link href>,
// <script src>, modulepreload/preload links, and the wasm that trunk's loader
// script imports. Each file is measured raw and brotli-compressed (node's
// zlib, quality 11, as a production host or a build step would serve it).
// Exits 1 when the brotli total is over the budget (250 KB = 256 000 bytes,
// issue 15's goal, met on 2026-12-01 at 249,406 B),
// or when a bundle is over its own budget (BUNDLE_BUDGETS: the passports,
// with the largest of its language packs where it fetches its texts,
// an entry page from links and search engines; the others for now no
// larger than they are); the goals for apply and staff (350 KB)
// are printed for information.
//
// Usage: node tests/support/size-report.mjs [dist-dir]

import { readFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants as zc } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const KB = 1024;
const BUDGET = 250 * KB; // 256 000 bytes, brotli: fails the build
// A bundle's own files (its page, js and wasm), brotli: fails the build.
// The cabinet's, staff's and the State Corporation's are near where they
// stood (554,317 B, 367,796 B and 462,843 B on 2026-12-03, once structs
// were read by place, stop 36; the passports 302,535 B), so that they do
// not grow while they come down to the goal. Apply (the wizard) and sign
// (signing, the receipt, the EDS keys) near where they stood when signing
// got its own bundle (327,767 B and 397,567 B on 2026-12-04, stop 38).
// All but staff's lowered at stop 39, when the build-time data came to be
// read in order (services 292,659 B, apply 324,784 B, sign 394,099 B,
// cabinet 542,862 B, corporation 450,470 B).
const BUNDLE_BUDGETS = {
  services: 288 * KB,
  apply: 320 * KB,
  sign: 388 * KB,
  cabinet: 534 * KB,
  staff: 353 * KB,
  corporation: 444 * KB,
};
// Issue 15's goal for apply and staff, brotli: information only.
const BUNDLE_GOALS = { apply: 350 * KB, staff: 350 * KB };

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = path.resolve(process.argv[2] ?? path.join(repoRoot, 'dist'));
const indexPath = path.join(dist, 'index.html');
if (!existsSync(indexPath)) {
  console.error(`size-report: ${indexPath} is missing; run trunk build --release first`);
  process.exit(2);
}

const html = readFileSync(indexPath, 'utf8');

/** Local references (href/src and import()/from strings) in `text`. */
function references(text, { html: isHtml }) {
  const refs = new Set();
  const add = (u) => {
    if (!u || /^(?:[a-z]+:|\/\/|#)/i.test(u)) return; // external, data:, fragment
    refs.add(u.split(/[?#]/)[0]);
  };
  if (isHtml) {
    // <link ... href> (stylesheet, modulepreload, preload, icon, manifest) and <script src>.
    for (const m of text.matchAll(/<link\b[^>]*>/gi)) {
      const tag = m[0];
      const rel = /\brel\s*=\s*["']?([^"'>]+)/i.exec(tag)?.[1]?.toLowerCase() ?? '';
      if (!/(stylesheet|modulepreload|preload|icon|manifest)/.test(rel)) continue;
      add(/\bhref\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1]);
    }
    for (const m of text.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)) add(m[1]);
  }
  // Inline or external module code: import ... from '...', import('...'), new URL('...', ...).
  for (const m of text.matchAll(/\bfrom\s*["']([^"']+\.(?:m?js|wasm))["']/g)) add(m[1]);
  for (const m of text.matchAll(/\bimport\s*\(\s*["']([^"']+)["']/g)) add(m[1]);
  for (const m of text.matchAll(/["']([^"'\s]+\.wasm)["']/g)) add(m[1]);
  return refs;
}

function resolveRef(ref, fromFile) {
  const base = ref.startsWith('/') ? dist : path.dirname(fromFile);
  const p = path.normalize(path.join(base, ref.startsWith('/') ? ref.slice(1) : ref));
  return p.startsWith(dist) && existsSync(p) && statSync(p).isFile() ? p : null;
}

// Walk index.html and the JS it loads (the loader imports the wasm).
const files = [indexPath];
const missing = [];
for (let i = 0; i < files.length; i++) {
  const file = files[i];
  const ext = path.extname(file);
  if (!['.html', '.js', '.mjs'].includes(ext)) continue;
  for (const ref of references(readFileSync(file, 'utf8'), { html: ext === '.html' })) {
    const p = resolveRef(ref, file);
    if (!p) {
      // The wasm-bindgen glue keeps a default `new URL('<name>_bg.wasm',
      // import.meta.url)` that trunk's loader overrides; only index.html's own
      // references must exist.
      if (ext === '.html') missing.push(ref);
      continue;
    }
    if (!files.includes(p)) files.push(p);
  }
}

const brotli = (buf) =>
  brotliCompressSync(buf, {
    params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: buf.length },
  }).length;

const rows = files.map((f) => {
  const buf = readFileSync(f);
  return { name: path.relative(dist, f), raw: buf.length, br: brotli(buf) };
});
const total = rows.reduce((a, r) => ({ raw: a.raw + r.raw, br: a.br + r.br }), { raw: 0, br: 0 });

const fmt = (n) => `${n.toLocaleString('en-US')} B`.padStart(13) + ` ${(n / KB).toFixed(1).padStart(7)} KB`;
const nameWidth = Math.max(24, ...rows.map((r) => r.name.length)) + 2;
const line = '-'.repeat(nameWidth + 2 * 24);
console.log(`First load of ${path.relative(repoRoot, dist) || dist}/ (everything index.html references)`);
console.log(line);
console.log('file'.padEnd(nameWidth) + 'raw'.padStart(24) + 'brotli q11'.padStart(24));
console.log(line);
for (const r of rows) console.log(r.name.padEnd(nameWidth) + fmt(r.raw) + fmt(r.br));
console.log(line);
console.log('total'.padEnd(nameWidth) + fmt(total.raw) + fmt(total.br));
console.log(line);

// The other bundles (dist/services/, dist/apply/, dist/staff/) load only
// when a visitor goes to their pages; print each, against its own budget
// where it has one.
const bundleDirs = readdirSync(dist, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(dist, d.name, 'index.html')))
  .map((d) => d.name);
const bundled = new Set(files);
const overBundles = [];
for (const dir of bundleDirs) {
  const own = readdirSync(path.join(dist, dir)).map((f) => path.join(dist, dir, f)).filter((p) => statSync(p).isFile());
  own.forEach((p) => bundled.add(p));
  // A bundle that fetches its texts (src/i18n/pack.rs) loads one language's
  // pack, texts-<lang>-<hash>.txt: the largest of them counts.
  const isPack = (f) => /^texts-[a-z]{2}-[0-9a-f]{16}\.txt$/.test(path.basename(f));
  const sizeOf = (f) => {
    const buf = readFileSync(f);
    return { raw: buf.length, br: brotli(buf) };
  };
  const packs = own.filter(isPack).map(sizeOf);
  const pack = packs.reduce((a, p) => (p.br > a.br ? p : a), { raw: 0, br: 0 });
  const sum = own.filter((f) => !isPack(f)).map(sizeOf).reduce((a, s) => ({ raw: a.raw + s.raw, br: a.br + s.br }), pack);
  const budget = BUNDLE_BUDGETS[dir];
  const goal = BUNDLE_GOALS[dir];
  const verdict =
    (budget === undefined ? '' : `  budget ${(budget / KB).toFixed(0)} KB: ${sum.br <= budget ? 'within' : 'OVER'} (${((100 * sum.br) / budget).toFixed(0)}%)`) +
    (goal === undefined ? '' : `, goal ${(goal / KB).toFixed(0)} KB: ${sum.br <= goal ? 'met' : 'not met'} (${((100 * sum.br) / goal).toFixed(0)}%)`);
  console.log(`${(dir + '/ bundle (loaded on /' + dir + '/…, not the first load)').padEnd(nameWidth)}${fmt(sum.raw)}${fmt(sum.br)}${verdict}`);
  if (packs.length) console.log(`  of which its largest language pack (one of ${packs.length}): ${pack.br.toLocaleString('en-US')} B brotli`);
  if (budget !== undefined && sum.br > budget) overBundles.push(`${dir}/ is ${sum.br.toLocaleString('en-US')} B brotli, over its ${budget.toLocaleString('en-US')} B budget`);
}
const others = readdirSync(dist, { recursive: true })
  .map((f) => path.join(dist, f))
  .filter((p) => statSync(p).isFile() && !bundled.has(p));
if (others.length) console.log(`Not in the first load: ${others.map((p) => path.relative(dist, p)).join(', ')}`);
if (missing.length) console.log(`Referenced by index.html but missing: ${missing.join(', ')}`);

const pct = (n, of) => `${((100 * n) / of).toFixed(0)}%`;
console.log(`Budget ${(BUDGET / KB).toFixed(0)} KB brotli (${BUDGET.toLocaleString('en-US')} B): ${total.br <= BUDGET ? 'within' : 'OVER'} (${pct(total.br, BUDGET)} of budget)`);

if (missing.length) {
  console.error('size-report: index.html references files that are not in dist/');
  process.exit(1);
}
if (!rows.some((r) => r.name.endsWith('.wasm'))) {
  console.error('size-report: found no .wasm in the first load; the reference walk is broken');
  process.exit(1);
}
for (const o of overBundles) console.error(`size-report: bundle ${o}`);
if (Object.keys(BUNDLE_BUDGETS).some((d) => !bundleDirs.includes(d))) {
  console.error(`size-report: a budgeted bundle is missing from ${dist}: ${Object.keys(BUNDLE_BUDGETS).join(', ')}`);
  process.exit(1);
}
if (overBundles.length) process.exit(1);
if (total.br > BUDGET) {
  console.error(`size-report: first load is ${total.br.toLocaleString('en-US')} B brotli, over the ${BUDGET.toLocaleString('en-US')} B budget`);
  process.exit(1);
}
