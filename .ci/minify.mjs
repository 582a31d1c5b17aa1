// Minifies each bundle's wasm-bindgen JavaScript (the module trunk's loader
// imports: `<bundle>-<hash>.js`) with terser, and gives the pages that
// link it the new file's Subresource Integrity hash. Run by .ci/build after
// the four trunk builds and before .ci/precache.mjs (which hashes the
// files for the service worker's release and the pages for their CSP).
//
// Why not trunk's own `minify`: it also rewrites the pages, whose inline
// loader the CSP hashes and .ci/precache.mjs edits (docs/measurements.md).
// The glue is plain ES2020 module code; exported names are kept (the
// loader imports `init` and the bindings by name), everything else may be
// renamed. The file keeps its name: its content hash names trunk's input,
// and the same input always minifies to the same output, so the service
// worker's "same name, same content" still holds.
//
// Usage: node .ci/minify.mjs [dist-dir]

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';
import { BUNDLES as SHELLS } from './shells.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
/** dist/ subfolders: the portal's (dist/ itself) and every bundle .ci/shells.mjs makes. */
const BUNDLES = ['', ...Object.keys(SHELLS)];

/** `sha384-…` of `bytes`, as an `integrity` attribute names it. */
export function sri(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/**
 * `html` with the `integrity` of every tag whose `href`/`src` ends in
 * `/name` set to `hash`; the count of tags changed.
 */
export function withIntegrity(html, name, hash) {
  let changed = 0;
  const out = html.replace(/<(?:link|script)\b[^>]*>/gi, (tag) => {
    const ref = /\b(?:href|src)\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (!ref || path.posix.basename(ref.split(/[?#]/)[0]) !== name) return tag;
    if (!/\bintegrity\s*=/i.test(tag)) return tag;
    changed += 1;
    return tag.replace(/\bintegrity\s*=\s*["'][^"']*["']/i, `integrity="${hash}"`);
  });
  return { html: out, changed };
}

async function minifyBundle(dir) {
  const here = path.join(dist, dir);
  const page = path.join(here, 'index.html');
  if (!existsSync(page)) throw new Error(`${page} is missing: run the trunk builds first`);
  const glue = readdirSync(here).filter(
    (f) => /^qujat(-[a-z]+)?-[0-9a-f]+\.js$/.test(f) && statSync(path.join(here, f)).isFile(),
  );
  if (glue.length !== 1) throw new Error(`${here}: expected one wasm-bindgen module, found ${glue.join(', ') || 'none'}`);
  const file = path.join(here, glue[0]);
  const source = readFileSync(file, 'utf8');
  const result = await minify(source, {
    module: true,
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  if (!result.code) throw new Error(`${file}: terser returned nothing`);
  writeFileSync(file, result.code);
  const { html, changed } = withIntegrity(readFileSync(page, 'utf8'), glue[0], sri(Buffer.from(result.code)));
  writeFileSync(page, html);
  console.log(
    `[minify] ${path.relative(root, file)}: ${source.length} → ${result.code.length} bytes; ${changed} integrity hash(es) updated`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const dir of BUNDLES) await minifyBundle(dir);
}
