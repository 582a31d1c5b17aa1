// The main thread's long tasks while a page starts, on a 4× slowed CPU (as
// Lighthouse's mobile run): the longest task and the total blocking time
// after the first paint, median of the runs. Several builds are loaded in
// turn in every round, so that the machine's load falls on each alike (a
// side-by-side comparison; figures of separate runs on this shared
// machine are not comparable). Used to measure, not by .ci/test.
//
//   node tests/support/long-tasks.mjs [--runs 8] [--path /services/S2] [dist-dir …]   (default: dist/)
//
// Prints one line per build: its longest task's and its TBT's medians, and
// the TBT of each run; with QUJAT_TASKS=1, also every long task of every run.

import { startServer, distDir } from './serve.mjs';
import { launch } from '../e2e/lib/browser.mjs';
import { waitForApp } from '../e2e/lib/app.mjs';

const args = process.argv.slice(2);
let runs = 8;
let urlPath = '/services/S2';
const dirs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Number(args[++i]);
  else if (args[i] === '--path') urlPath = args[++i];
  else dirs.push(args[i]);
}
if (!dirs.length) dirs.push(distDir);
if (!(runs > 0)) throw new Error('--runs takes a positive number');

const servers = await Promise.all(dirs.map((dir) => startServer({ dir })));
const browser = await launch();
const found = dirs.map(() => ({ longest: [], tbt: [] }));
try {
  for (let r = 0; r < runs; r++) {
    for (const [k, server] of servers.entries()) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.addInitScript(() => {
        window.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
        }).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(server.url + urlPath);
      await waitForApp(page);
      await page.waitForTimeout(1200);
      const [tasks, fcp] = await page.evaluate(() => [
        window.__longTasks,
        performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
      ]);
      const after = tasks.filter(([start]) => start >= fcp);
      if (process.env.QUJAT_TASKS === '1') console.log(`${dirs[k]} run ${r + 1}: FCP ${Math.round(fcp)} ms; tasks after it (start+duration ms): ${after.map(([s, d]) => `${Math.round(s)}+${Math.round(d)}`).join(' ')}`);
      found[k].longest.push(Math.max(0, ...after.map(([, d]) => d)));
      found[k].tbt.push(after.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0));
      await context.close();
    }
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}
const median = (a) => Math.round([...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]);
for (const [k, dir] of dirs.entries()) {
  const { longest, tbt } = found[k];
  console.log(`${dir} ${urlPath}: longest task ${median(longest)} ms, TBT ${median(tbt)} ms (median of ${runs}; TBT per run ${tbt.map(Math.round).join(' ')})`);
}
