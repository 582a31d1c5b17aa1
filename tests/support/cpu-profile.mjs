// Where a page's start spends the main thread's time: a CPU profile of the
// page loading on a 4× slowed CPU (as Lighthouse's mobile run), sampled
// every 200 µs, from navigation until the app has rendered and settled.
// Prints the functions with the most time, inclusive of what they call
// (each function counted once per sample, however deep it recurs), and
// with the most time of their own; medians over the runs.
//
// QUJAT_TASKS=1 also prints, for each run, every stretch of 30 ms or more
// without a pause, with what took its time; QUJAT_ONLY=<text> keeps only
// the functions whose name holds <text> (e.g. qujat::).
//
//   node tests/support/cpu-profile.mjs [--runs 3] [--path /services/S2] [--top 30]
//        [--named services] [dist-dir]
//
// The release wasm has no function names (wasm-opt drops them), so its
// functions print as wasm-function[N]. `--named <bundle>` profiles a copy
// of the dist directory whose bundle (services, apply, sign, cabinet,
// staff, corporation, or portal for the root) carries instead the wasm as
// cargo built it (target/wasm32-unknown-unknown/release/, names kept, not
// through wasm-opt) with the glue wasm-bindgen makes for it, its page's
// integrity attributes removed: the same code before wasm-opt's
// rewriting, so times are somewhat higher than the release's, but each
// function has its Rust name. Used to measure, not by .ci/test.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, distDir, repoRoot } from './serve.mjs';
import { launch } from '../e2e/lib/browser.mjs';
import { waitForApp } from '../e2e/lib/app.mjs';

const args = process.argv.slice(2);
let runs = 3;
let top = 30;
let urlPath = '/services/S2';
let dir = distDir;
let named = null;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Number(args[++i]);
  else if (args[i] === '--top') top = Number(args[++i]);
  else if (args[i] === '--path') urlPath = args[++i];
  else if (args[i] === '--named') named = args[++i];
  else dir = args[i];
}
if (!(runs > 0) || !(top > 0)) throw new Error('--runs and --top take a positive number');

/**
 * The samples of one profile, in order: each with when it was taken and
 * how long it stands for (ms), its leaf function's name, and the names on
 * its stack (each once, however deep it recurs). The one walk of the
 * profile's tree that the tallies below share.
 */
function samples(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => {
    const f = n.callFrame;
    return f.functionName || (f.url ? `(anonymous ${f.url.split('/').pop()}:${f.lineNumber})` : '(program)');
  };
  let at = 0;
  return profile.samples.map((id, k) => {
    at += (profile.timeDeltas[k] ?? 0) / 1000;
    const names = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) names.add(name(byId.get(n)));
    return { at, ms: (profile.timeDeltas[k + 1] ?? 0) / 1000, leaf: name(byId.get(id)), names };
  });
}

/**
 * The stretches of one profile where the main thread ran without a pause
 * (no idle or program sample between), longer than `min` ms: each with its
 * start, its length and the functions with the most inclusive time in it.
 */
function stretches(profile, min = 30) {
  const out = [];
  let current = null;
  for (const { at, ms, leaf, names } of samples(profile)) {
    if (leaf === '(idle)' || leaf === '(program)' || leaf === '(root)') {
      if (current && current.ms >= min) out.push(current);
      current = null;
      continue;
    }
    current ??= { start: at, ms: 0, names: new Map() };
    current.ms += ms;
    for (const n of names) current.names.set(n, (current.names.get(n) ?? 0) + ms);
  }
  if (current && current.ms >= min) out.push(current);
  return out;
}

/** Inclusive and self time (ms) per function name of one profile. */
function tally(profile) {
  const inclusive = new Map();
  const own = new Map();
  for (const { ms, leaf, names } of samples(profile)) {
    own.set(leaf, (own.get(leaf) ?? 0) + ms);
    for (const n of names) inclusive.set(n, (inclusive.get(n) ?? 0) + ms);
  }
  return { inclusive, own };
}

/** A copy of `from` whose `bundle` runs the named wasm (see above). */
function namedCopy(from, bundle) {
  const to = mkdtempSync(path.join(os.tmpdir(), 'qujat-named-'));
  cpSync(from, to, { recursive: true });
  const sub = bundle === 'portal' ? '' : bundle;
  const bin = bundle === 'portal' ? 'qujat' : `qujat-${bundle}`;
  const target = process.env.CARGO_TARGET_DIR || path.join(repoRoot, 'target');
  const built = path.join(to, '.named');
  execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', built,
    path.join(target, 'wasm32-unknown-unknown', 'release', `${bin}.wasm`)]);
  const page = path.join(to, sub, 'index.html');
  const js = readdirSync(path.join(to, sub)).find((f) => f.startsWith(`${bin}-`) && f.endsWith('.js'));
  if (!js) throw new Error(`no ${bin}-*.js in ${path.join(from, sub)}`);
  cpSync(path.join(built, `${bin}.js`), path.join(to, sub, js));
  cpSync(path.join(built, `${bin}_bg.wasm`), path.join(to, sub, js.replace(/\.js$/, '_bg.wasm')));
  rmSync(built, { recursive: true });
  writeFileSync(page, readFileSync(page, 'utf8').replace(/ integrity="[^"]*"/g, ''));
  return to;
}

if (named) dir = namedCopy(dir, named);
const server = await startServer({ dir });
const browser = await launch();
const found = [];
try {
  for (let r = 0; r < runs; r++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await page.goto(server.url + urlPath);
    await waitForApp(page);
    await page.waitForTimeout(1200);
    const { profile } = await cdp.send('Profiler.stop');
    found.push(tally(profile));
    if (process.env.QUJAT_TASKS === '1') {
      for (const t of stretches(profile)) {
        const names = [...t.names].filter(([n]) => n !== '(root)' && (!process.env.QUJAT_ONLY || n.includes(process.env.QUJAT_ONLY)))
          .sort((a, b) => b[1] - a[1]).slice(0, 12);
        console.log(`run ${r + 1}: ${Math.round(t.ms)} ms from ${Math.round(t.start)} ms: ${names.map(([n, ms]) => `${n.slice(0, 90)} ${ms.toFixed(1)}`).join('; ')}`);
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  if (named) rmSync(dir, { recursive: true });
}

const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
for (const kind of ['inclusive', 'own']) {
  const names = new Set(found.flatMap((f) => [...f[kind].keys()]));
  const rows = [...names]
    .map((n) => [n, median(found.map((f) => f[kind].get(n) ?? 0))])
    .filter(([n]) => n !== '(root)' && n !== '(idle)' && (!process.env.QUJAT_ONLY || n.includes(process.env.QUJAT_ONLY)))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top);
  console.log(`\n${urlPath}, ${kind} time (ms, median of ${runs}, 4× CPU):`);
  for (const [n, ms] of rows) console.log(`${ms.toFixed(1).padStart(8)}  ${n}`);
}
