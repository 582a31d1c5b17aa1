// The interface texts: the same messages as the app's `tr::<key>(lang)`
// (keys `home_title`, `shell_skip_link`, `<area>_<key>` for
// src/i18n/locales/<area>.<lang>.toml), read from the facts the build
// writes (lib/facts.mjs), and a script check for long texts.

import { facts } from './facts.mjs';

/** The three interface languages, as the language switch shows them. */
export const LANGS = {
  kk: { code: 'kk', button: 'қазақша' },
  ru: { code: 'ru', button: 'русский' },
  en: { code: 'en', button: 'English' },
};

function entry(lang, key) {
  const m = facts().messages[key];
  if (!m) throw new Error(`no message ${key} (src/i18n/locales)`);
  if (!(lang in m)) throw new Error(`no language ${lang} for ${key}`);
  return m[lang];
}

/** The plain message `key` in `lang`, placeholders as written (`{name}`). */
export function msg(lang, key) {
  const text = entry(lang, key);
  if (typeof text !== 'string') throw new Error(`${key} is a plural message: use plural(lang, key, n)`);
  return text;
}

/** A message with its `{placeholders}` filled in; unknown ones stay as written. */
export function fmt(lang, key, values = {}) {
  return msg(lang, key).replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
}

/** CLDR cardinal category of `n`, as src/i18n/mod.rs `plural` (kk, en: one/other; ru: one/few/many). */
export function pluralCategory(lang, n) {
  const a = Math.abs(n);
  if (lang !== 'ru') return a === 1 ? 'one' : 'other';
  const m10 = a % 10;
  const m100 = a % 100;
  if (m10 === 1 && m100 !== 11) return 'one';
  if (m10 >= 2 && m10 <= 4 && !(m100 >= 12 && m100 <= 14)) return 'few';
  return 'many';
}

/** A plural message for `n`, with `{n}` and the other `values` filled in. */
export function plural(lang, key, n, values = {}) {
  const forms = entry(lang, key);
  if (typeof forms === 'string') throw new Error(`${key} is not a plural message`);
  const text = forms[pluralCategory(lang, n)] ?? forms.other ?? forms.many;
  return text.replace(/\{(\w+)\}/g, (m, k) => (k === 'n' ? String(n) : k in values ? String(values[k]) : m));
}

// Kazakh-only Cyrillic letters; Russian text has Cyrillic but none of these.
const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;
const CYRILLIC = /[\u0400-\u04FF]/;

/**
 * Does `text` look like it is written in `lang` (by script)? A sanity check
 * for long texts only: short Kazakh texts may have no Kazakh-only letter.
 */
export function looksLike(lang, text) {
  switch (lang) {
    case 'kk':
      return KAZAKH_LETTERS.test(text);
    case 'ru':
      return CYRILLIC.test(text) && !KAZAKH_LETTERS.test(text);
    case 'en':
      return /[A-Za-z]/.test(text) && !CYRILLIC.test(text);
    default:
      throw new Error(`unknown language ${lang}`);
  }
}

/** `text` as a literal inside a RegExp. */
export const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
