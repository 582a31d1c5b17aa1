// What the main thread's long tasks at a page's start are made of, from a
// Chromium trace of the load on a 4× slowed CPU (as Lighthouse's mobile
// run): for each task of 30 ms or more, its start, its length and the trace
// events inside it that took the most time (script, wasm's lazy
// compilation, style and layout, parsing). Also the wasm functions the
// browser compiled on the main thread the first time each was called
// (V8 compiles a wasm function lazily, on its first call): how many, and
// their total time. Used to measure, not by .ci/test.
//
//   node tests/support/start-trace.mjs [--runs 2] [--path /services/S2] [--top 10] [dist-dir]
//
// With QUJAT_LAZY=<file.json> the lazily compiled functions of the last
// run are written there as [function index, µs] pairs, to name them with a
// build that keeps names (see cpu-profile.mjs --named, and binaryen's
// `wasm-opt --print-function-map`).

import { writeFileSync } from 'node:fs';
import { startServer, distDir } from './serve.mjs';
import { launch } from '../e2e/lib/browser.mjs';
import { waitForApp } from '../e2e/lib/app.mjs';

const args = process.argv.slice(2);
let runs = 2;
let top = 10;
let urlPath = '/services/S2';
let dir = distDir;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Number(args[++i]);
  else if (args[i] === '--top') top = Number(args[++i]);
  else if (args[i] === '--path') urlPath = args[++i];
  else dir = args[i];
}
if (!(runs > 0) || !(top > 0)) throw new Error('--runs and --top take a positive number');

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.wasm',
  'disabled-by-default-v8.compile',
  'toplevel',
  'blink',
].join(',');

const ms = (us) => (us / 1000).toFixed(1);

/** The trace events of one load of the page. */
async function trace(browser, server) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const events = [];
    cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    await page.goto(server.url + urlPath);
    await waitForApp(page);
    await page.waitForTimeout(1500);
    await cdp.send('Tracing.end');
    await complete;
    return events;
  } finally {
    await context.close();
  }
}

/** The renderer's main thread: the one whose tasks took the most time. */
function mainThread(events) {
  const busy = new Map();
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X') continue;
    const key = `${e.pid}:${e.tid}`;
    busy.set(key, (busy.get(key) ?? 0) + e.dur);
  }
  const [key] = [...busy].sort((a, b) => b[1] - a[1])[0];
  const [pid, tid] = key.split(':').map(Number);
  return { pid, tid };
}

const server = await startServer({ dir });
const browser = await launch();
try {
  for (let r = 1; r <= runs; r++) {
    const events = await trace(browser, server);
    const { pid, tid } = mainThread(events);
    const mine = events
      .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X')
      .sort((a, b) => a.ts - b.ts);
    const t0 = mine[0].ts;
    console.log(`run ${r}/${runs} ${urlPath}:`);
    for (const task of mine.filter((e) => e.name === 'RunTask' && e.dur >= 30000)) {
      const by = new Map();
      for (const e of mine) {
        if (e === task || e.ts < task.ts || e.ts + e.dur > task.ts + task.dur) continue;
        if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') continue;
        by.set(e.name, (by.get(e.name) ?? 0) + e.dur);
      }
      const parts = [...by].sort((a, b) => b[1] - a[1]).slice(0, top);
      console.log(`  task at ${ms(task.ts - t0)} ms, ${ms(task.dur)} ms: ${parts.map(([k, v]) => `${k} ${ms(v)}`).join('; ')}`);
    }
    const lazy = events.filter((e) => e.name === 'wasm.CompileLazy' && e.ph === 'X' && e.tid === tid);
    const total = lazy.reduce((sum, e) => sum + e.dur, 0);
    console.log(`  wasm functions compiled on first call (main thread): ${lazy.length}, ${ms(total)} ms`);
    if (process.env.QUJAT_LAZY) {
      writeFileSync(process.env.QUJAT_LAZY, JSON.stringify(lazy.map((e) => [e.args?.func_index, e.dur])));
    }
  }
} finally {
  await browser.close();
  await server.close?.();
}
process.exit(0);
