// Minifies each bundle's wasm-bindgen JavaScript (the module trunk's loader
// imports: `<bundle>-<hash>.js`) with terser, shortens the names its wasm
// imports it by (below), and gives the pages that
// link it the new file's Subresource Integrity hash. Run by .ci/build after
// the seven trunk builds and before .ci/precache.mjs (which hashes the
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
// Before minifying, the glue's exported classes whose methods call wasm
// exports the optimised wasm no longer has are dropped, with their
// finalizers and `Symbol.dispose` lines: wasm-opt removes wasm-streams'
// exports (index.html, `data-wasm-opt-params`), and their classes would
// otherwise stay in every bundle's JavaScript, calling nothing. The step
// fails if anything left still names a dropped class or a missing export.
//
// And the names the wasm imports its JavaScript by (wasm-bindgen's
// `__wbg_<function>_<16 hex>`, some 200 per bundle, each written twice:
// in the wasm's import section and as a key of the glue's import object)
// become short ones (`a`, `b`, … `aZ`, in import order) in both: the
// wasm's import section is rewritten in place (.ci/wasm.mjs,
// `withShortImports`; no other byte of the module changes) and the glue's
// keys renamed to match; the step fails unless exactly one object of the
// glue provides every import, each once. The wasm keeps its name for the
// reason the glue does: the same trunk output always gives the same bytes.
//
// Usage: node .ci/minify.mjs [dist-dir]

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as acorn from 'acorn';
import { minify } from 'terser';
import { BUNDLES as SHELLS } from './shells.mjs';
import { shortName, withRenamedExports, withShortImports } from './wasm.mjs';

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

/** The names `wasm.<name>` that `code` calls. */
const wasmCalls = (code) => [...code.matchAll(/\bwasm\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1]);

/**
 * `source` (wasm-bindgen's glue) without the exported classes that call a
 * wasm export not in `exports`, nor the top-level statements that name
 * them (their finalizer, their `Symbol.dispose`); the names dropped.
 */
export function withoutDeadClasses(source, exports) {
  const have = new Set(exports);
  const ast = acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'module' });
  const text = (node) => source.slice(node.start, node.end);
  const dead = ast.body
    .filter((n) => n.type === 'ExportNamedDeclaration' && n.declaration?.type === 'ClassDeclaration')
    .filter((n) => wasmCalls(text(n)).some((name) => !have.has(name)))
    .map((n) => n.declaration.id.name);
  const names = new RegExp(dead.length ? `\\b(${dead.join('|')})(Finalization)?\\b` : '(?!)');
  const cut = ast.body.filter((n) => {
    if (n.type === 'ExportNamedDeclaration' && n.declaration?.type === 'ClassDeclaration') return dead.includes(n.declaration.id.name);
    if (n.type === 'VariableDeclaration') return n.declarations.every((d) => d.id.type === 'Identifier' && names.test(d.id.name));
    return (n.type === 'IfStatement' || n.type === 'ExpressionStatement') && names.test(text(n));
  });
  let code = source;
  for (const n of cut.sort((a, b) => b.start - a.start)) code = code.slice(0, n.start) + code.slice(n.end);
  const left = names.exec(code)?.[0] ?? wasmCalls(code).find((name) => !have.has(name));
  if (left) throw new Error(`minify: the glue still names ${left} after dropping ${dead.join(', ') || 'nothing'}`);
  return { code, dropped: dead };
}

/** Every object literal in `node`, depth first. */
function objectLiterals(node, found = []) {
  if (node?.type === 'ObjectExpression') found.push(node);
  for (const value of Object.values(node ?? {})) {
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === 'object' && typeof child.type === 'string') objectLiterals(child, found);
    }
  }
  return found;
}

/** A property's key as written (`name:` or `"name":`); undefined for a computed key or a spread. */
export const keyOf = (p) =>
  p.type === 'Property' && !p.computed ? (p.key.type === 'Identifier' ? p.key.name : String(p.key.value)) : undefined;

/** The keys of every object literal in `source`, one set per object. */
export function objectKeys(source) {
  return objectLiterals(acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'module' })).map(
    (o) => new Set(o.properties.map(keyOf).filter((k) => k !== undefined)),
  );
}

/**
 * `source` (wasm-bindgen's glue) with the keys of the object that provides
 * a module's imports renamed as `names` (old → new) says: the wasm's
 * import section was renamed the same way (`withShortImports`). Fails
 * unless exactly one object holds them, each once.
 */
export function withRenamedImports(source, names) {
  if (names.size === 0) return source;
  const ast = acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'module' });
  const holders = objectLiterals(ast).filter((o) => o.properties.some((p) => names.has(keyOf(p))));
  if (holders.length !== 1) throw new Error(`minify: ${holders.length} objects provide the wasm's imports, not one`);
  const props = holders[0].properties.filter((p) => names.has(keyOf(p)));
  const missing = [...names.keys()].filter((n) => !props.some((p) => keyOf(p) === n));
  if (missing.length) throw new Error(`minify: the glue does not provide ${missing.slice(0, 3).join(', ')}`);
  if (props.length !== names.size || props.some((p) => p.shorthand)) throw new Error('minify: an import is provided twice or by a shorthand');
  let code = source;
  for (const p of [...props].sort((a, b) => b.key.start - a.key.start)) {
    code = code.slice(0, p.key.start) + names.get(keyOf(p)) + code.slice(p.key.end);
  }
  return code;
}

/** Exports named with a rustc hash (wasm-bindgen's closure shims, `…__invoke__h<16 hex>`, some with `_<n>`). */
const HASHED = /__h[0-9a-f]{16}(_\d+)?$/;

/** `source` with each `names` key (an export's name) replaced by its value; fails if one is left. */
export function withExportsRenamed(source, names) {
  let code = source;
  for (const [old, given] of names) code = code.replace(new RegExp(`\\b${old}\\b`, 'g'), () => given);
  const left = [...names.keys()].find((old) => new RegExp(`\\b${old}\\b`).test(code));
  if (left) throw new Error(`minify: the glue still names the export ${left}`);
  return code;
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
  const wasm = path.join(here, glue[0].replace(/\.js$/, '_bg.wasm'));
  if (!existsSync(wasm)) throw new Error(`${wasm} is missing: run the trunk builds first`);
  const short = withShortImports(readFileSync(wasm), (module) => /^\.\/[^/]+_bg\.js$/.test(module));
  if (short.renamed.size !== 1) throw new Error(`${wasm}: expected the imports of one glue module, found ${short.renamed.size}`);
  let n = 0;
  const { bytes, renamed: hashed } = withRenamedExports(short.bytes, (name) => (HASHED.test(name) ? `$${shortName(n++)}` : undefined));
  const exports = WebAssembly.Module.exports(new WebAssembly.Module(bytes)).map((e) => e.name);
  const [names] = short.renamed.values();
  const { code: pruned, dropped } = withoutDeadClasses(withExportsRenamed(readFileSync(file, 'utf8'), hashed), exports);
  const source = withRenamedImports(pruned, names);
  writeFileSync(wasm, bytes);
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
    `[minify] ${path.relative(root, file)}: ${source.length} → ${result.code.length} bytes` +
      `${dropped.length ? ` (dropped ${dropped.join(', ')})` : ''}, ${names.size} imports renamed; ${changed} integrity hash(es) updated`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const dir of BUNDLES) await minifyBundle(dir);
}
