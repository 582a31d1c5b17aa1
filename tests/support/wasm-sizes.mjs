// Where a bundle's bytes are: the sections of its shipped wasm, compressed
// apart (brotli 11, as size-report.mjs measures), and the largest
// functions and modules of the release wasm cargo built, which keeps its
// names section (before wasm-bindgen and wasm-opt; sizes are of the
// unoptimised bodies, good for ranking, not for totals).
//
// Usage: node tests/support/wasm-sizes.mjs <bin> [--top N] [--depth D]
//   <bin>     qujat, qujat-services, qujat-apply, qujat-sign, qujat-cabinet, qujat-staff
//             or qujat-corporation
//   --top N   how many functions and modules to list (default 25)
//   --depth D how many path segments name a module (default 3:
//             `qujat::ui::widgets`)
// Reads dist/ (QUJAT_DIST) for the shipped wasm and
// $CARGO_TARGET_DIR/wasm32-unknown-unknown/release/<bin>.wasm (default
// target/) for the names. Information only: it exits 1 only when a file
// is missing or is not wasm.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { functions as wasmFunctions, sections } from '../../.ci/wasm.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const bin = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const top = opt('--top', 25);
const depth = opt('--depth', 3);
if (!bin) {
  console.error('usage: node tests/support/wasm-sizes.mjs <bin> [--top N] [--depth D]');
  process.exit(1);
}

const brotli = (buf) =>
  zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const num = (n) => n.toLocaleString('en-US');

const NAMES = { 1: 'type', 2: 'import', 3: 'function', 5: 'memory', 6: 'global', 7: 'export', 9: 'element', 10: 'code', 11: 'data', 12: 'data count' };

/** Rust's legacy mangling (`_ZN…E`) read back to a path. */
function demangle(name) {
  if (!name.startsWith('_ZN')) return name;
  const parts = [];
  let i = 3;
  while (i < name.length && /\d/.test(name[i])) {
    let j = i;
    while (/\d/.test(name[j])) j++;
    const len = Number(name.slice(i, j));
    parts.push(name.slice(j, j + len));
    i = j + len;
  }
  let out = parts.join('::');
  const escapes = { '$LT$': '<', '$GT$': '>', '$u20$': ' ', '$C$': ',', '$RF$': '&', '$BP$': '*', '$u7b$': '{', '$u7d$': '}', '$u5b$': '[', '$u5d$': ']', '$u27$': "'" };
  for (const [k, v] of Object.entries(escapes)) out = out.split(k).join(v);
  return out.split('..').join('::').replace(/::h[0-9a-f]{16}$/, '');
}

/** Each function body's size with its name, from the names section. */
function functions(buf) {
  return wasmFunctions(buf).map(({ size, name }) => ({ size, name: demangle(name) }));
}

/** The module a function belongs to: its first `depth` path segments. */
function moduleOf(name) {
  const bare = name.replace(/^[_<&]+/, '').replace(/^mut /, '');
  return bare.split(/::|[ <>]/).filter(Boolean).slice(0, depth).join('::');
}

const distDir = path.resolve(root, process.env.QUJAT_DIST ?? 'dist');
const folder = { qujat: '', 'qujat-services': 'services', 'qujat-apply': 'apply', 'qujat-sign': 'sign', 'qujat-cabinet': 'cabinet', 'qujat-staff': 'staff', 'qujat-corporation': 'corporation' }[bin];
if (folder === undefined) {
  console.error(`wasm-sizes: unknown bundle ${bin}`);
  process.exit(1);
}
const shippedDir = path.join(distDir, folder);
const shippedName = fs.existsSync(shippedDir) && fs.readdirSync(shippedDir).find((f) => f.startsWith(`${bin}-`) && f.endsWith('_bg.wasm'));
if (!shippedName) {
  console.error(`wasm-sizes: no ${bin}-*_bg.wasm in ${shippedDir} (run ./.ci/build)`);
  process.exit(1);
}
const shipped = fs.readFileSync(path.join(shippedDir, shippedName));
console.log(`${path.relative(root, path.join(shippedDir, shippedName))}: ${num(shipped.length)} B, ${num(brotli(shipped))} B brotli`);
console.log('section        raw        brotli (compressed apart)');
for (const s of sections(shipped)) {
  const name = s.id === 0 ? 'custom' : (NAMES[s.id] ?? `#${s.id}`);
  const body = shipped.subarray(s.start, s.start + s.size);
  if (s.size > 1000) console.log(`${name.padEnd(10)} ${num(s.size).padStart(11)} B ${num(brotli(body)).padStart(9)} B`);
}

const targetDir = path.resolve(root, process.env.CARGO_TARGET_DIR ?? 'target');
const named = path.join(targetDir, 'wasm32-unknown-unknown/release', `${bin}.wasm`);
if (!fs.existsSync(named)) {
  console.error(`wasm-sizes: no ${named} (the release build's wasm, with names)`);
  process.exit(1);
}
const fns = functions(fs.readFileSync(named));
const total = fns.reduce((sum, f) => sum + f.size, 0);
console.log(`\n${path.relative(root, named)}: ${num(fns.length)} functions, ${num(total)} B of code before wasm-opt`);
console.log(`largest functions:`);
for (const f of [...fns].sort((a, b) => b.size - a.size).slice(0, top)) {
  console.log(`${num(f.size).padStart(9)} B  ${f.name.slice(0, 150)}`);
}
const modules = new Map();
for (const f of fns) modules.set(moduleOf(f.name), (modules.get(moduleOf(f.name)) ?? 0) + f.size);
console.log(`largest modules (${depth} segments):`);
for (const [m, size] of [...modules].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${num(size).padStart(9)} B  ${m}`);
}
