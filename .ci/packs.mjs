// Writes each language's texts pack into the folder of every bundle built
// with the feature `lang-packs` (.ci/shells.mjs FEATURES): dist/<bundle>/
// texts-<lang>-<hash>.txt, which the bundle fetches before it starts and
// when its reader switches language (src/i18n/pack.rs), and names them in
// the bundle's page: <meta name="qujat-texts" content="/<bundle>/texts-{lang}-<hash>.txt">.
//
// A bundle's pack keeps the texts of the keys whose `tr` function its wasm
// links and the data's texts its wasm embeds (their slots follow the
// messages'; each is `"slot":<n>` in the data file's JSON the wasm
// carries, src/build.rs step 5), and leaves every other slot empty (same positions, so the slots
// compiled into the code still point at their texts). Which functions a
// wasm links is read from the "name" section of the wasm cargo built (in
// the target folder; trunk's copy in dist/ has no names): every packed
// `tr` function is `#[inline(never)]`, so each one a bundle calls is a
// function of its own there. A bundle that asks for a slot its pack left
// empty logs an error (`pack::on_missing`), which the browser suites fail
// on.
//
// Runs in .ci/build after the trunk builds and before .ci/precache.mjs.
// Reads target/law/texts-{kk,ru,en,slots}.txt (qujat-facts --texts, .ci/quotes).
//
// Usage: node .ci/packs.mjs [dist-dir] [release|debug]

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLES, FEATURES } from './shells.mjs';
import { nameMap } from './wasm.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
const profile = process.argv[3] ?? 'release';
const target = path.resolve(root, process.env.CARGO_TARGET_DIR ?? 'target');
const law = path.join(root, 'target', 'law');
const LANGS = ['kk', 'ru', 'en'];

function fail(message) {
  console.error(`packs: ${message}`);
  process.exit(1);
}

/** The function names of a wasm's "name" section (empty without one). */
export function functionNames(bytes) {
  return [...nameMap(bytes).values()];
}

/** The message keys of the packed `tr` functions among `names` (Rust's legacy mangling: `4i18n4pack2tr<len><key>17h…`). */
export function packedKeys(names) {
  const keys = new Set();
  for (const name of names) {
    const m = /4i18n4pack2tr(\d+)/.exec(name);
    if (m) keys.add(name.substr(m.index + m[0].length, Number(m[1])));
  }
  return keys;
}

/** The data texts' slots a wasm embeds: `"slot":<n>` in the packed data files' JSON it carries. */
export function embeddedSlots(bytes) {
  return new Set([...Buffer.from(bytes).toString('latin1').matchAll(/"slot":(\d+)/g)].map((m) => Number(m[1])));
}

/**
 * The build's texts (target/law): each message key's slots, where the
 * messages' slots end (the data's texts begin there), and each language's
 * header and texts, one per slot.
 */
export function lawTexts() {
  const slots = new Map(
    readFileSync(path.join(law, 'texts-slots.txt'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [key, first, count] = line.split(' ');
        return [key, { first: Number(first), count: Number(count) }];
      }),
  );
  const messageSlots = Math.max(...[...slots.values()].map(({ first, count }) => first + count));
  const full = Object.fromEntries(
    LANGS.map((lang) => {
      const file = readFileSync(path.join(law, `texts-${lang}.txt`), 'utf8');
      const newline = file.indexOf('\n');
      return [lang, { header: file.slice(0, newline), texts: file.slice(newline + 1).split('\0') }];
    }),
  );
  return { slots, messageSlots, full };
}

/** Writes every bundle's packs (the usage above). */
function main() {
  const { slots, messageSlots, full } = lawTexts();

  // The wasm checks a pack's header against its own (pack::HEADER): the
  // packs must be made from this build's texts. The header without its
  // language is the same in every pack and every bundle.
  const buildHeader = full.kk.header.replace(/ kk$/, '');

  // Code a bundle must not link, each with what brings it back:
  // - chrono's general date parser (its `parse_internal`, about 17 KB of a
  //   wasm before wasm-opt) comes with any date, time or instant read through
  //   chrono's own serde reader or `FromStr`. Every stored and shipped one is
  //   read by src/engine/json/mod.rs's `date` readers instead.
  // - serde's private `Content` buffer (about 68 KB of apply and of staff
  //   before wasm-opt, with a second decoder for every type inside) comes with
  //   a derived reader of an internally tagged enum (`#[serde(tag = …)]`), an
  //   untagged enum or a `flatten`ed field. The stored tagged enums are read
  //   in one pass instead (src/engine/json/tagged.rs).
  // A field or a call that forgets them fails the release build here, naming
  // the bundle.
  const FORBIDDEN = [
    [/chrono6format5parse14parse_internal/, "chrono's general date parser", 'read dates with engine::json::date'],
    // (a function's path is mangled `5serde7private2de7content`, a method's `serde..private..de..content`)
    [/serde(7private2de7content|\.\.private\.\.de\.\.content)/, "serde's Content buffer", 'read a tagged enum with engine::json::tagged'],
  ];
  for (const bin of profile === 'release' ? ['qujat', ...Object.values(BUNDLES)] : []) {
    const wasm = path.join(target, 'wasm32-unknown-unknown', profile, `${bin}.wasm`);
    if (!existsSync(wasm)) fail(`${wasm} is missing: build the bundle first`);
    const names = functionNames(readFileSync(wasm));
    for (const [needle, what, fix] of FORBIDDEN) {
      const found = names.find((n) => needle.test(n));
      if (found) fail(`${wasm} links ${what} (${found}): ${fix} (twiggy paths shows who calls it)`);
    }
  }

  for (const [dir, bin] of Object.entries(BUNDLES)) {
    if (!(FEATURES[bin] ?? '').split(',').includes('lang-packs')) continue;
    const wasm = path.join(target, 'wasm32-unknown-unknown', profile, `${bin}.wasm`);
    if (!existsSync(wasm)) fail(`${wasm} is missing: build the bundle first`);
    const bytes = readFileSync(wasm);
    if (!bytes.includes(Buffer.from(buildHeader))) fail(`${wasm} is not built from the texts of target/law (${buildHeader}): run .ci/quotes`);
    const keys = packedKeys(functionNames(bytes));
    if (keys.size === 0) fail(`${wasm} names no packed tr function: is its "name" section stripped?`);
    const dataSlots = embeddedSlots(bytes);
    const outside = [...dataSlots].filter((i) => i < messageSlots || i >= full.kk.texts.length);
    if (outside.length) fail(`${wasm} embeds data slots outside the data's texts: ${outside.slice(0, 5).join(', ')} (target/law is another build's?)`);
    const unknown = [...keys].filter((k) => !slots.has(k));
    if (unknown.length) fail(`${wasm} names keys the slots do not: ${unknown.join(', ')} (target/law is another build's?)`);
    const packs = LANGS.map((lang) => {
      const { header, texts } = full[lang];
      // The data's texts, after the messages' (src/build.rs step 5): those
      // of the data files this wasm embeds (the back office carries neither
      // the issuers nor the queue's offices, so their names stay out of its
      // packs).
      const kept = texts.map((text, i) => (i >= messageSlots && dataSlots.has(i) ? text : ''));
      for (const key of keys) {
        const { first, count } = slots.get(key);
        for (let i = first; i < first + count; i++) kept[i] = texts[i];
      }
      return [lang, `${header}\n${kept.join('\0')}`];
    });
    // Named by their content, as trunk names the wasm: the service worker
    // serves hashed files from its cache and every release asks for new
    // names, so a page never meets the packs of another release.
    const hash = createHash('sha256').update(packs.map(([, p]) => p).join('\n')).digest('hex').slice(0, 16);
    const folder = path.join(dist, dir);
    for (const old of readdirSync(folder).filter((f) => /^texts-/.test(f))) unlinkSync(path.join(folder, old));
    for (const [lang, pack] of packs) writeFileSync(path.join(folder, `texts-${lang}-${hash}.txt`), pack);
    // Where the bundle's page finds them (src/ui/state/texts.rs). Not
    // preloaded: a <link rel=preload> from public/boot.js cost the
    // passports 0.2 s of Lighthouse's LCP and no time to interactive
    // (docs/measurements.md, stop 26).
    const template = `/${dir}/texts-{lang}-${hash}.txt`;
    const page = path.join(folder, 'index.html');
    const html = readFileSync(page, 'utf8').replace(/\n?<meta name="qujat-texts"[^>]*>/, '');
    if (!html.includes('<head>')) fail(`${page} has no <head>`);
    writeFileSync(page, html.replace('<head>', `<head>\n<meta name="qujat-texts" content="${template}">`));
    const sizes = packs.map(([lang, p]) => `${lang} ${Buffer.byteLength(p)} B`);
    const dataCount = full.kk.texts.length - messageSlots;
    console.log(
      `[packs] ${dir}/: ${keys.size} of ${slots.size} keys, ${dataSlots.size} of ${dataCount} data texts, texts-{lang}-${hash}.txt (${sizes.join(', ')})`,
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
