// A small static server for the release build in `dist/`, used by the
// Playwright suite (.ci/test) and the Lighthouse runner (.ci/measure).
//
// - Binds 127.0.0.1 only. Port 0 (the default) picks a free port.
// - SPA fallback: a request for a path that is not a file and looks like a
//   page (no file extension in its last segment, or the browser asks for
//   HTML) gets index.html with 200, so deep links such as /services/S2 load
//   the app, which then routes on the client. Missing assets (/x.js,
//   /favicon.ico) stay 404, so a broken asset reference is not masked.
// - Correct MIME types, application/wasm included (streaming compilation
//   needs it).
// - Brotli or gzip when the client accepts it, like a production host, so
//   Lighthouse sees realistic transfer sizes. Compressed bodies are cached.
// - Hashed assets (trunk's name-<hash>.ext) are cacheable for a year;
//   everything else (index.html, the manifest, the service worker /sw.js)
//   is `no-cache`, revalidated on every use, so that a new release is seen
//   at once. /sw.js lives at the root, so its scope is the whole app
//   without a Service-Worker-Allowed header.
//
// - Nested pages: /apply/…, /sign/…, /cabinet/…, /staff/… and /corporation/… fall back to their own bundle's
//   index.html (dist/apply/, dist/sign/, dist/cabinet/, dist/staff/, dist/corporation/), the nearest one up the path.
// - A path that is not valid percent-encoding (/%E0%A4%A, /%) is 404.
// - Security headers on every response (SECURITY_HEADERS below, the ones
//   README "Security and privacy" asks a host for): the pages carry their
//   own Content-Security-Policy as a <meta> (.ci/csp.mjs); the header adds
//   what a <meta> cannot say, frame-ancestors.
//
// CLI: node tests/support/serve.mjs [--dir dist] [--port 8080] [--host 127.0.0.1]

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { brotliCompressSync, gzipSync, constants as zc } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The release to serve: dist/, or QUJAT_DIST (as for .ci/build). */
export const distDir = path.resolve(repoRoot, process.env.QUJAT_DIST || 'dist');

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.pdf': 'application/pdf',
};

/**
 * The headers a host should send with every response (README, "Security
 * and privacy"). The camera is kept for the page itself (a receipt-verify
 * page will scan QR codes); fullscreen too (the kiosk asks for it);
 * everything else that a page could ask the device for is off.
 */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy': [
    'camera=(self)',
    'fullscreen=(self)',
    'microphone=()',
    'geolocation=()',
    'payment=()',
    'usb=()',
    'serial=()',
    'hid=()',
    'bluetooth=()',
    'midi=()',
    'display-capture=()',
    'accelerometer=()',
    'gyroscope=()',
    'magnetometer=()',
    'xr-spatial-tracking=()',
    'publickey-credentials-get=()',
    'idle-detection=()',
    'screen-wake-lock=()',
    'browsing-topics=()',
  ].join(', '),
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.webmanifest', '.map', '.svg', '.txt', '.xml', '.ico']);
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z0-9]+$/;

/**
 * Serves `dir` on `host:port`. Resolves to { url, port, server, close() }.
 * `log` (default false) prints one line per request.
 */
export async function startServer({ dir = distDir, port = 0, host = '127.0.0.1', log = false } = {}) {
  const root = path.resolve(dir);
  const indexPath = path.join(root, 'index.html');
  try {
    await stat(indexPath);
  } catch {
    throw new Error(`${indexPath} is missing: build the app first (trunk build --release)`);
  }
  const cache = new Map(); // `${file}:${mtimeMs}:${encoding}` -> Buffer

  async function body(file, st, encoding, ext) {
    const key = `${file}:${st.mtimeMs}:${encoding}`;
    let buf = cache.get(key);
    if (!buf) {
      const raw = await readFile(file);
      if (encoding === 'br') {
        buf = brotliCompressSync(raw, {
          params: {
            [zc.BROTLI_PARAM_QUALITY]: 11,
            [zc.BROTLI_PARAM_MODE]: ext === '.wasm' ? zc.BROTLI_MODE_GENERIC : zc.BROTLI_MODE_TEXT,
            [zc.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        });
      } else if (encoding === 'gzip') {
        buf = gzipSync(raw, { level: 9 });
      } else {
        buf = raw;
      }
      cache.set(key, buf);
    }
    return buf;
  }

  /** The decoded path, or null when it is not valid percent-encoding. */
  function decodePath(urlPath) {
    try {
      return decodeURIComponent(urlPath);
    } catch {
      return null;
    }
  }

  async function resolveFile(rel) {
    if (rel.includes('\0')) return null;
    const file = path.join(root, path.normalize(rel));
    if (file !== root && !file.startsWith(root + path.sep)) return null; // no ../ escapes
    try {
      let st = await stat(file);
      if (st.isDirectory()) {
        const idx = path.join(file, 'index.html');
        st = await stat(idx);
        return { file: idx, st };
      }
      return { file, st };
    } catch {
      return null;
    }
  }

  async function nearestIndex(urlPath) {
    const parts = urlPath.split('/').filter(Boolean);
    for (let n = parts.length; n > 0; n--) {
      const dir = path.join(root, ...parts.slice(0, n).map((p) => decodePath(p) ?? ''));
      if (!dir.startsWith(root + path.sep)) continue;
      const idx = path.join(dir, 'index.html');
      try {
        return { file: idx, st: await stat(idx) };
      } catch {
        // not a bundle directory: keep walking up
      }
    }
    return { file: indexPath, st: await stat(indexPath) };
  }

  const notFound = (req, res) => {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : 'Not found\n');
    return 404;
  };

  const server = createServer(async (req, res) => {
    const started = Date.now();
    let status = 500;
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        status = 405;
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const url = new URL(req.url, 'http://localhost');
      const rel = decodePath(url.pathname);
      if (rel === null) {
        status = notFound(req, res);
        return;
      }
      let found = await resolveFile(rel);
      let fallback = false;
      if (!found) {
        const last = url.pathname.split('/').pop();
        const wantsHtml = (req.headers.accept || '').includes('text/html');
        if (!last.includes('.') || wantsHtml) {
          // Each bundle has its own page (dist/apply/index.html for
          // /apply/…, dist/staff/index.html for /staff/…): the nearest
          // index.html up the path serves the deep link.
          found = await nearestIndex(url.pathname);
          fallback = true;
        }
      }
      if (!found) {
        status = notFound(req, res);
        return;
      }
      const ext = path.extname(found.file).toLowerCase();
      const accept = req.headers['accept-encoding'] || '';
      const encoding = !COMPRESSIBLE.has(ext) ? null : /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
      const buf = await body(found.file, found.st, encoding, ext);
      const headers = {
        'Content-Type': MIME[ext] || 'application/octet-stream',
        'Content-Length': buf.length,
        'Cache-Control': HASHED.test(found.file) ? 'public, max-age=31536000, immutable' : 'no-cache',
        Vary: 'Accept-Encoding',
      };
      if (encoding) headers['Content-Encoding'] = encoding;
      if (fallback) headers['X-Spa-Fallback'] = '1';
      status = 200;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : buf);
    } catch (e) {
      status = 500;
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`Internal error: ${e.message}\n`);
    } finally {
      if (log) console.log(`${req.method} ${req.url} ${status} ${Date.now() - started}ms`);
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const actualPort = server.address().port;
  const url = `http://${host}:${actualPort}`;
  return {
    url,
    port: actualPort,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unknown argument: ${a}`);
    out[m[1]] = m[2] ?? argv[++i];
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const args = parseArgs(process.argv.slice(2));
  const { url, close } = await startServer({
    dir: args.dir ? path.resolve(args.dir) : distDir,
    port: Number(args.port ?? 8080),
    host: args.host ?? '127.0.0.1',
    log: args.log !== 'false',
  });
  console.log(`Serving ${args.dir ?? 'dist'} at ${url}/ (SPA fallback on; Ctrl-C to stop)`);
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => close().then(() => process.exit(0)));
}
