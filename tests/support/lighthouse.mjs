// Lighthouse on the release build: serves dist/ on 127.0.0.1 (brotli, SPA
// fallback, like a production host) and runs the Lighthouse CLI with its
// default config (mobile, simulated throttling: slow 4G, 4x CPU slowdown) in
// the Debian Chromium. Prints performance, accessibility and best-practices
// scores (median of the runs by performance), the main metrics, and every
// audit in those categories that is not passed. Used by .ci/measure, not by
// .ci/test (scores vary with machine load).
//
//   node tests/support/lighthouse.mjs [--runs 3] [--path /] [--path /no/such/page] [--out target/lighthouse]
//
// Exit status 0 whatever the scores (it measures; targets are in
// docs/measurements.md); 1 when Lighthouse itself fails.

import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, distDir, repoRoot } from './serve.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/lib/chromium.mjs';
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 100 };
const METRICS = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'],
  ['speed-index', 'SI'],
  ['interactive', 'TTI'],
];

const args = process.argv.slice(2);
let runs = 3;
const paths = [];
let out = path.join(repoRoot, 'target', 'lighthouse');
for (let i = 0; i < args.length; i++) {
  const [k, v] = args[i].includes('=') ? args[i].split(/=(.*)/s) : [args[i], args[++i]];
  if (k === '--runs') runs = Math.max(1, Number(v));
  else if (k === '--path') paths.push(v);
  else if (k === '--out') out = path.resolve(v);
  else {
    console.error(`lighthouse.mjs: unknown argument ${k}`);
    process.exit(2);
  }
}
if (!paths.length) paths.push('/');
mkdirSync(out, { recursive: true });

const bin = path.join(repoRoot, 'node_modules', '.bin', 'lighthouse');
const server = await startServer({ dir: distDir });
let failed = false;

// Async on purpose: the static server runs in this process, so a blocking
// spawnSync would stop it from answering Lighthouse's Chromium.
function run(cmd, argv, options) {
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

async function runOnce(url, n, label) {
  const base = path.join(out, `${label}-run${n}`);
  const r = await run(
    bin,
    [
      url,
      `--only-categories=${CATEGORIES.join(',')}`,
      '--output=json',
      '--output=html',
      `--output-path=${base}`,
      `--chrome-flags=${CHROMIUM_ARGS.join(' ')}`,
      '--quiet',
    ],
    { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH } },
  );
  if (r.status !== 0) {
    console.error(`lighthouse failed on ${url} (exit ${r.status}):\n${r.stderr || r.stdout}`);
    return null;
  }
  const report = JSON.parse(readFileSync(`${base}.report.json`, 'utf8'));
  if (report.runtimeError) {
    console.error(`lighthouse runtime error on ${url}: ${report.runtimeError.code} ${report.runtimeError.message}`);
    return null;
  }
  return { report, html: `${base}.report.html` };
}

const score = (report, cat) => Math.round((report.categories[cat]?.score ?? 0) * 100);

try {
  for (const p of paths) {
    const url = `${server.url}${p}`;
    const label = p === '/' ? 'home' : p.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');
    const results = [];
    for (let n = 1; n <= runs; n++) {
      const r = await runOnce(url, n, label);
      if (!r) {
        failed = true;
        continue;
      }
      results.push(r);
      console.log(
        `run ${n}/${runs} ${p}: ` + CATEGORIES.map((c) => `${c} ${score(r.report, c)}`).join(', '),
      );
    }
    if (!results.length) continue;
    // The median run by performance score.
    results.sort((a, b) => score(a.report, 'performance') - score(b.report, 'performance'));
    const { report, html } = results[Math.floor(results.length / 2)];

    console.log(`\nLighthouse ${report.lighthouseVersion} ${p} (median of ${results.length} by performance)`);
    console.log(`  form factor ${report.configSettings.formFactor}, throttling ${report.configSettings.throttlingMethod}` +
      ` (rtt ${report.configSettings.throttling.rttMs} ms, ${report.configSettings.throttling.throughputKbps} kbps, cpu x${report.configSettings.throttling.cpuSlowdownMultiplier})`);
    console.log(`  ${report.environment?.hostUserAgent ?? ''}`);
    for (const c of CATEGORIES) {
      const s = score(report, c);
      console.log(`  ${c.padEnd(16)} ${String(s).padStart(3)}   target ${TARGETS[c]}  ${s >= TARGETS[c] ? 'met' : 'NOT MET'}`);
    }
    console.log(
      '  metrics: ' +
        METRICS.map(([id, short]) => `${short} ${report.audits[id]?.displayValue ?? '?'}`).join(', '),
    );
    const flagged = [];
    for (const c of CATEGORIES) {
      for (const ref of report.categories[c].auditRefs) {
        const a = report.audits[ref.id];
        if (!a || a.score === null || a.score >= 0.9) continue;
        if (['manual', 'notApplicable', 'informative'].includes(a.scoreDisplayMode)) continue;
        flagged.push(`  [${c}] ${a.id} (score ${a.score}, weight ${ref.weight}): ${a.title}${a.displayValue ? ' — ' + a.displayValue : ''}`);
        for (const item of (a.details?.items ?? []).slice(0, 3)) {
          const where = item.sourceLocation?.url ?? item.url ?? item.node?.selector ?? '';
          const what = item.description ?? (item.wastedMs ? `${Math.round(item.wastedMs)} ms` : item.wastedBytes ? `${item.wastedBytes} B` : '');
          if (where) flagged.push(`      - ${String(where).replace(server.url, '')} ${what}`.trimEnd());
        }
      }
    }
    console.log(flagged.length ? `  flagged audits:\n${flagged.join('\n')}` : '  flagged audits: none');
    console.log(`  report: ${path.relative(process.cwd(), html)}`);
  }
} finally {
  await server.close();
}
process.exit(failed ? 1 : 0);
