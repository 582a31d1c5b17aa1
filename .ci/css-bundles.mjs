// Gives each bundle the rules of the stylesheet its own files can use. Run
// by .ci/build after .ci/minify.mjs (the glue is final) and before
// .ci/precache.mjs (which lists and hashes every file).
//
// Every bundle links the same stylesheet (style/main.css, minified by
// .ci/css.mjs), and each used about two thirds of it: the back office
// never shows a passport, the passports never show the operator's tablet.
// A rule stays when every class its selector requires is named somewhere
// in the bundle's files: its wasm (class names are string literals there;
// the app never builds one from pieces — a view writes `class="tag
// tag--done"` whole), its JavaScript, its page, and public/boot.js and
// public/static-page.js, which set the root's classes. Conservative by
// construction: a class named anywhere, even in a text, keeps its rules; a
// class inside `:not(…)` (or any other parenthesised pseudo-class) is not
// required; at-rules other than @media and @supports are kept whole.
//
// The stylesheet then differs by bundle, and by build for the same source,
// so it is renamed by its own content (`main-<16 hex>.css`, the pattern
// trunk uses): the service worker reuses a cached file whose hashed name
// is unchanged, and a stylesheet pruned for an older wasm must never
// stand in for this one. The page's link gets the new name and its
// integrity hash.
//
// Usage: node .ci/css-bundles.mjs [dist-dir]

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sri, withIntegrity } from './minify.mjs';
import { BUNDLES as SHELLS } from './shells.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The classes `selector` requires: those outside any parentheses. */
export function requiredClasses(selector) {
  let flat = selector;
  // Innermost parentheses first, until none is left.
  for (let before = ''; before !== flat; ) {
    before = flat;
    flat = flat.replace(/\([^()]*\)/g, '');
  }
  return [...flat.matchAll(/\.(-?[A-Za-z_][\w-]*)/g)].map((m) => m[1]);
}

/** `head` split at its top-level commas (not those inside parentheses, brackets or quotes). */
export function selectors(head) {
  const out = [];
  let depth = 0;
  let quote = '';
  let from = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(head.slice(from, i));
      from = i + 1;
    }
  }
  out.push(head.slice(from));
  return out;
}

/**
 * `css` (minified: no comments) without the rules whose every selector
 * requires a class for which `named(class)` is false; inside @media and
 * @supports the same, and a block left empty goes.
 */
export function pruneCss(css, named) {
  let out = '';
  let at = 0;
  while (at < css.length) {
    const open = css.indexOf('{', at);
    if (open < 0) {
      out += css.slice(at);
      break;
    }
    let depth = 0;
    let close = open;
    for (; close < css.length; close++) {
      if (css[close] === '{') depth++;
      else if (css[close] === '}' && --depth === 0) break;
    }
    if (close >= css.length) throw new Error('css-bundles: unbalanced braces');
    const head = css.slice(at, open);
    const body = css.slice(open + 1, close);
    const trimmed = head.trim();
    if (trimmed.startsWith('@')) {
      if (/^@(media|supports)\b/.test(trimmed)) {
        const inner = pruneCss(body, named);
        if (inner.trim()) out += `${head}{${inner}}`;
      } else {
        out += `${head}{${body}}`;
      }
    } else {
      const kept = selectors(head).filter((s) => requiredClasses(s).every(named));
      if (kept.length) out += `${kept.join(',')}{${body}}`;
    }
    at = close + 1;
  }
  return out;
}

function pruneBundle(dist, dir) {
  const here = path.join(dist, dir);
  const page = path.join(here, 'index.html');
  if (!existsSync(page)) throw new Error(`${page} is missing: run the trunk builds first`);
  const files = readdirSync(here);
  const sheets = files.filter((f) => /^main-[0-9a-f]{16}\.css$/.test(f));
  const code = files.filter((f) => /^qujat(-[a-z]+)?-[0-9a-f]+(_bg\.wasm|\.js)$/.test(f));
  if (sheets.length !== 1) throw new Error(`${here}: expected one main-<hash>.css, found ${sheets.join(', ') || 'none'}`);
  if (code.length !== 2) throw new Error(`${here}: expected a wasm and its glue, found ${code.join(', ') || 'none'}`);
  const carriers = [
    ...code.map((f) => path.join(here, f)),
    page,
    path.join(dist, 'public', 'boot.js'),
    path.join(dist, 'public', 'static-page.js'),
  ]
    .map((f) => readFileSync(f).toString('latin1'))
    .join('\n');
  const old = sheets[0];
  const css = readFileSync(path.join(here, old), 'utf8');
  const pruned = pruneCss(css, (c) => carriers.includes(c));
  const name = `main-${createHash('sha256').update(pruned).digest('hex').slice(0, 16)}.css`;
  const href = `/${dir ? `${dir}/` : ''}`;
  let html = readFileSync(page, 'utf8');
  if (!html.includes(`href="${href}${old}"`)) throw new Error(`${page} does not link ${href}${old}`);
  html = html.split(`href="${href}${old}"`).join(`href="${href}${name}"`);
  const { html: withHash, changed } = withIntegrity(html, name, sri(Buffer.from(pruned)));
  if (changed !== 1) throw new Error(`${page}: expected one integrity hash for ${name}, found ${changed}`);
  unlinkSync(path.join(here, old));
  writeFileSync(path.join(here, name), pruned);
  writeFileSync(page, withHash);
  console.log(`[css] ${path.relative(root, path.join(here, name))}: ${css.length} → ${pruned.length} bytes`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
  for (const dir of ['', ...Object.keys(SHELLS)]) pruneBundle(dist, dir);
}
