// Writes the service worker dist/sw.js for the seven bundles that .ci/build
// has just put in dist/ (run last, after the seven trunk builds):
//
// 0. on every page: drops trunk's preload of the wasm and starts trunk's
//    loader once the page's first contentful paint is done (paintFirst()
//    below; docs/measurements.md has the before and after). The static
//    shell paints first: on the home page its heading and lead, on a
//    passport, the application's start and the back office their heading
//    (public/static-page.js, .ci/shells.mjs), elsewhere the generic heading
//    and "Loading…"; the wasm then waits a frame or two, not a download;
// 1. marks every page (dist/**/*.html) with
//    <meta name="qujat-sw" content="/sw.js">: the app registers the worker
//    only on a page that has the mark (src/ui/offline.rs), so pages that
//    trunk serve or wasm-bindgen-test make never register a worker that is
//    not there; drops the pages' HTML comments (notes for the source, such
//    as .ci/shells.mjs's markers, not for the visitor's first load) and
//    blank lines; and
//    gives every page its Content Security Policy, with the hash of trunk's
//    inline loader as it is after step 0 (.ci/csp.mjs);
// 2. lists every file of dist/ (pages, js, wasm, css, icons, manifest; not
//    sw.js itself, not dot-files such as trunk's .stage/) as the precache
//    list, and names the release by a hash of the paths and contents of
//    those files: any change to any file is a new release with a new cache;
// 3. writes dist/sw.js from the template below.
//
// Nothing is kept by hand: the list always is the real dist/.
//
// The worker (scope /, so it serves /, /services/…, /apply/…, /sign/…, /cabinet/…, /staff/… and /corporation/…):
// - install: puts every file into the cache `qujat-<version>` (a trunk file
//   whose name has a content hash is copied from the previous release's
//   cache when it is there, everything else is fetched bypassing the HTTP
//   cache). It does not skip waiting: a new release waits until the page
//   asks (the "new version — Reload" prompt posts SKIP_WAITING), so nobody
//   is switched to a new version in the middle of a form.
// - activate: deletes the caches of other releases, then controls open pages.
// - navigations: the network first; after NAV_TIMEOUT_MS, or when the
//   network fails, the cached page of the bundle (/services/… →
//   /services/index.html, /apply/… → /apply/index.html, /sign/… → /sign/index.html, /cabinet/… → /cabinet/index.html, /corporation/… → /corporation/index.html, /staff/… →
//   /staff/index.html, else /index.html), so deep links work
//   offline.
// - files of the list: from the cache first, the network if missing.
//
// Usage: node .ci/precache.mjs [dist-dir]

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withCsp } from './csp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
const SW = 'sw.js';
const MARK = `<meta name="qujat-sw" content="/${SW}">`;
/** How long a navigation waits for the network before using the cache. */
const NAV_TIMEOUT_MS = 3000;

/** Every file under `dir` (relative, with /), dot-files and dot-dirs left out. */
function walk(dir, rel = '') {
  const out = [];
  for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const r = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...walk(dir, r));
    else if (entry.isFile()) out.push(r);
  }
  return out;
}

const files = walk(dist)
  .filter((f) => f !== SW)
  .sort();
if (!files.includes('index.html')) {
  console.error(`precache: ${path.join(dist, 'index.html')} is missing; run the trunk builds first`);
  process.exit(2);
}

/**
 * Waits for the first contentful paint (see paintFirst()): the promise
 * public/boot.js makes, which every page loads before its loader runs (a
 * module script runs after the classic ones before it). Without it (a page
 * whose boot.js did not load) the loader goes on at once.
 */
const AFTER_FIRST_PAINT = 'await window.qujatPainted;';

// 1. Mark the pages and give them their policy (idempotent: a second run changes nothing).
for (const f of files.filter((f) => f.endsWith('.html'))) {
  const file = path.join(dist, f);
  let html = readFileSync(file, 'utf8');
  if (html.includes(MARK)) continue;
  if (!/<\/head>/i.test(html)) throw new Error(`precache: ${f} has no </head>`);
  html = paintFirst(html, f);
  html = html.replace(/[ \t]*<!--(?!\[)[\s\S]*?-->\n?/g, '');
  html = html.replace(/\n[ \t]*(?=\n)/g, ''); // and the blank lines trunk leaves
  html = withCsp(html, f);
  writeFileSync(file, html.replace(/<\/head>/i, `  ${MARK}\n</head>`));
}

/**
 * The static shell paints before the wasm is asked for: trunk preloads the
 * wasm from <head>, competing with the first paint; instead its loader
 * waits for the first contentful paint (public/boot.js's
 * `window.qujatPainted`: a PerformanceObserver of paint entries; where the
 * browser has none, the second animation frame, which comes after the
 * first frame's paint).
 */
function paintFirst(html, f) {
  const preload = /<link rel="preload" href="[^"]+_bg\.wasm"[^>]*>/;
  const init = /const wasm = await init\(/;
  if (!preload.test(html) || !init.test(html)) {
    throw new Error(`precache: ${f} no longer has trunk's wasm preload and loader; update paintFirst()`);
  }
  return html.replace(preload, '').replace(init, () => `${AFTER_FIRST_PAINT}\nconst wasm = await init(`);
}

// 2. The list and the release.
const release = createHash('sha256');
let bytes = 0;
for (const f of files) {
  const content = readFileSync(path.join(dist, f));
  bytes += content.length;
  release.update(f).update('\0').update(createHash('sha256').update(content).digest()).update('\0');
}
const version = release.digest('hex').slice(0, 16);
const urls = files.map((f) => '/' + f.split('/').map(encodeURIComponent).join('/'));
// The bundles' pages, longest first: /corporation/, /services/, /cabinet/, /staff/, /apply/, /sign/, /.
const pages = urls
  .filter((u) => u.endsWith('/index.html'))
  .map((u) => u.slice(0, -'index.html'.length))
  .sort((a, b) => b.length - a.length);

// 3. The worker.
const sw = `// Qujat's service worker, generated by .ci/precache.mjs from dist/ at build
// time: do not edit (see that script for what it does and why).
'use strict';

const VERSION = ${JSON.stringify(version)};
const CACHE = 'qujat-' + VERSION;
const FILES = ${JSON.stringify(urls, null, 2)};
const PAGES = ${JSON.stringify(pages)};
const NAV_TIMEOUT_MS = ${NAV_TIMEOUT_MS};
const HASHED = /-[0-9a-f]{16}(_bg)?\\.[a-z0-9]+$/;
const PRECACHED = new Set(FILES);

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(
    FILES.map(async (url) => {
      if (HASHED.test(url)) {
        // Same name, same content: reuse the previous release's copy.
        const old = await caches.match(url, { ignoreVary: true });
        if (old) return cache.put(url, old);
      }
      const response = await fetch(new Request(url, { cache: 'reload', credentials: 'same-origin' }));
      if (!response.ok) throw new Error('precache ' + url + ': HTTP ' + response.status);
      // A redirected response cannot answer a navigation: store its body.
      await cache.put(url, response.redirected ? new Response(await response.blob(), response) : response);
    }),
  );
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('qujat-') && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(request, url.pathname));
  } else if (PRECACHED.has(url.pathname)) {
    event.respondWith(cacheFirst(request, url.pathname));
  }
});

/** The cached page for a navigation to \`path\`: the file itself, else its bundle's page. */
function pageFor(path) {
  if (PRECACHED.has(path)) return path;
  const dir = path.endsWith('/') ? path : path + '/';
  const page = PAGES.find((p) => dir.startsWith(p)) || '/';
  return page + 'index.html';
}

async function fromCache(path) {
  const cache = await caches.open(CACHE);
  return cache.match(path, { ignoreVary: true });
}

async function navigate(request, path) {
  const network = fetch(request);
  try {
    const response = await withTimeout(network, NAV_TIMEOUT_MS);
    if (response.status < 500) return response;
    return (await fromCache(pageFor(path))) || response;
  } catch (e) {
    // Offline, or the network is too slow: this release's page.
    const cached = await fromCache(pageFor(path));
    return cached || network;
  }
}

async function cacheFirst(request, path) {
  return (await fromCache(path)) || fetch(request);
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
`;
writeFileSync(path.join(dist, SW), sw);
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(`[precache] dist/${SW}: release ${version}, ${files.length} files, ${kb(bytes)} (${pages.join(' ')})`);
