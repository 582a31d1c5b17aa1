// Writes the pages of the /services/, /apply/, /sign/, /cabinet/, /staff/
// and /corporation/ bundles from index.html, the portal's page, so that the
// seven shells are one source (.ci/build runs
// this before trunk; the output is git-ignored):
//
//   target/shells/services.html data-bin qujat-services
//   target/shells/apply.html   data-bin qujat-apply
//   target/shells/sign.html    data-bin qujat-sign
//   target/shells/cabinet.html data-bin qujat-cabinet
//   target/shells/staff.html   data-bin qujat-staff
//   target/shells/corporation.html data-bin qujat-corporation
//
// Each bundle's page also shows, before its wasm arrives, the heading of
// the page its address names where that page's first screen is the same
// for everyone (public/static-page.js, run right after them, picks the
// one; index.html's language rules the language): a passport's caption,
// heading and lead (the catalogue's own texts), the application's start
// (/apply/S2: its heading), checking a receipt (/cabinet/verify: its
// heading) and the back office (/staff: its heading and
// demonstration banner), read from the facts `qujat-facts --out` writes
// (the second argument, default target/shells/facts.json), so the first
// paint is the page's largest text and equals what the app then shows.
//
// From index.html, each page:
// - drops every part between <!-- shell:portal --> and <!-- /shell:portal -->
//   (the public/ copy, which the portal's build makes for all of them, and the
//   home page's heading, which only the portal shows);
// - uncomments every <!-- shell:bundle … --> (what the bundles show instead);
// - points trunk's rust link at the bundle's bin and at Cargo.toml, and the
//   other trunk links' paths at the same files from target/shells/.
//
// Usage: node .ci/shells.mjs [out-dir] [facts.json]   (default target/shells, <out-dir>/facts.json)

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The bundles made from index.html: output name → cargo bin. */
export const BUNDLES = {
  services: 'qujat-services',
  apply: 'qujat-apply',
  sign: 'qujat-sign',
  cabinet: 'qujat-cabinet',
  staff: 'qujat-staff',
  corporation: 'qujat-corporation',
};

/**
 * Cargo features a bundle is built with, on top of none (index.html asks
 * for no default features): the cabinet bundle's verify page reads QR codes
 * from pictures (`scan`, the quircs crate), which the other bundles do not
 * need, and whose mere presence moves the portal's first load. The six
 * bundles fetch their reader's language (`lang-packs`, src/i18n/pack.rs)
 * instead of carrying all three.
 */
export const FEATURES = {
  'qujat-services': 'lang-packs',
  'qujat-apply': 'lang-packs',
  'qujat-sign': 'lang-packs',
  'qujat-cabinet': 'scan,lang-packs',
  'qujat-staff': 'lang-packs',
  'qujat-corporation': 'lang-packs',
};

/** The page of the bundle whose bin is `bin`, written into `outDir`, from the template `html`. */
export function shellFor(html, bin, outDir) {
  const up = path.relative(outDir, root).split(path.sep).join('/');
  const portalParts = /[ \t]*<!-- shell:portal -->[\s\S]*?<!-- \/shell:portal -->\n?/g;
  const bundleParts = /<!-- shell:bundle ([\s\S]*?) -->/g;
  const rust = /<link data-trunk rel="rust" data-bin="qujat"/g;
  const trunkHref = /(<link data-trunk rel="[a-z-]+" href=")([^"/][^"]*)"/g;
  for (const [what, re] of [
    ['a "shell:portal" part', portalParts],
    ['a "shell:bundle" part', bundleParts],
    ['trunk\'s rust link for the bin "qujat"', rust],
  ]) {
    if (!re.test(html)) throw new Error(`shells: index.html has no ${what}; update .ci/shells.mjs`);
    re.lastIndex = 0;
  }
  return html
    .replace(portalParts, '')
    .replace(bundleParts, '$1')
    .replace(trunkHref, `$1${up}/$2"`)
    .replace(
      rust,
      `<link data-trunk rel="rust" href="${up}/Cargo.toml" data-bin="${bin}"${FEATURES[bin] ? ` data-cargo-features="${FEATURES[bin]}"` : ''}`,
    )
    .replace(/^<!-- The portal's page[^\n]*-->\n/m, `<!-- Made by .ci/shells.mjs from index.html: do not edit. -->\n`);
}

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A text in the three languages, each in its own span (index.html's CSS
 * shows the page's). A law text in Kazakh or Russian that is a working
 * translation says so as the app's LawText does (`mark`), so that the
 * static text is exactly as large as the app's.
 */
const inLanguages = (text, mark) =>
  ['kk', 'ru', 'en']
    .map((l) => {
      const working = mark && l !== 'en' && (text.working ?? []).includes(l)
        ? ` <span class="small muted">(${escapeHtml(mark[l])})</span>`
        : '';
      return `<span data-l="${l}" lang="${l}">${escapeHtml(text[l])}${working}</span>`;
    })
    .join('');

/** One page's static block: shown by public/static-page.js on `path` only. */
const block = (path, inner, narrow = false) =>
  `<div class="static-page${narrow ? ' static-page--narrow' : ''}" data-path="${escapeHtml(path)}" hidden>${inner}</div>`;

/** The facts' message `key` in the three languages; the build fails without it. */
function message(facts, key) {
  const m = facts.messages[key];
  if (!m) throw new Error(`shells: the facts lack the message ${key}`);
  return m;
}

/**
 * The static blocks of bundle `name`'s page, from the facts, each hidden
 * until public/static-page.js (right after them) shows the one the address
 * names; the generic heading follows, hidden (a class on <html>) only when
 * a block shows, so a page without JavaScript keeps a heading. Each block
 * has the markup the app's page starts with, in a column as wide as the
 * app's (main.css), so its texts wrap alike.
 */
export function staticPages(name, facts) {
  let blocks;
  if (name === 'services') {
    const caption = message(facts, 'passport_caption');
    const mark = message(facts, 'common_working_translation');
    const services = Object.values(facts.services);
    if (services.length === 0) throw new Error('shells: the facts lack the services');
    blocks = services.map((s) =>
      block(
        `/services/${s.id}`,
        `<span class="caption">${inLanguages(caption)}</span>` +
          `<h1>${inLanguages(s.name.text, mark)}</h1>` +
          `<p class="lead">${inLanguages(s.summary.text, mark)}</p>`,
      ),
    );
  } else if (name === 'apply') {
    // The app's start page is a narrow one (`page--narrow`): so is its block.
    blocks = [block('/apply/S2', `<h1>${inLanguages(message(facts, 'wizard_title'))}</h1>`, true)];
  } else if (name === 'cabinet') {
    // Checking a receipt is the same page for everyone (a narrow one).
    blocks = [block('/cabinet/verify', `<h1>${inLanguages(message(facts, 'verify_title'))}</h1>`, true)];
  } else if (name === 'staff') {
    blocks = [
      block(
        '/staff',
        `<h1>${inLanguages(message(facts, 'staff_title'))}</h1>` +
          `<div class="notice notice--warning"><p>${inLanguages(message(facts, 'staff_banner'))}</p></div>`,
      ),
    ];
  } else if (name === 'corporation' || name === 'sign') {
    // The hall, the counter and the operator's list each start with what
    // the device holds, and so do signing a draft, a receipt and one's
    // keys: no page of theirs is the same for everyone.
    blocks = [];
  } else {
    throw new Error(`shells: no static page for the bundle ${name}`);
  }
  return `${blocks.join('\n      ')}\n      <script src="/public/static-page.js"></script>\n      <h1 class="static-generic">Qujat</h1>`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outDir = path.resolve(process.argv[2] ?? path.join(root, 'target', 'shells'));
  const factsPath = path.resolve(process.argv[3] ?? path.join(outDir, 'facts.json'));
  const html = readFileSync(path.join(root, 'index.html'), 'utf8');
  const facts = JSON.parse(readFileSync(factsPath, 'utf8'));
  mkdirSync(outDir, { recursive: true });
  for (const [name, bin] of Object.entries(BUNDLES)) {
    const file = path.join(outDir, `${name}.html`);
    let page = shellFor(html, bin, outDir);
    const generic = '<h1>Qujat</h1>';
    if (!page.includes(generic)) throw new Error('shells: the bundle page has no generic heading to replace');
    page = page.replace(generic, () => staticPages(name, facts));
    writeFileSync(file, page);
    console.log(`[shells] ${path.relative(root, file)} (${bin}) from index.html`);
  }
}
