// The pages' Content Security Policy, written into every built page as
// <meta http-equiv="Content-Security-Policy"> by .ci/precache.mjs, so that
// any static host serves it (README, "Security and privacy"):
//
//   default-src 'self'                 everything from the app's own origin
//   script-src 'self' 'wasm-unsafe-eval' 'sha256-…'
//                                      scripts from files; WebAssembly may
//                                      compile; the one inline script left,
//                                      trunk's module that starts the wasm,
//                                      by the hash of its exact text
//   style-src 'self'                   the stylesheet only: no <style>, no
//                                      style="…" attributes
//   object-src 'none'; base-uri 'none'; form-action 'self'
//
// The shells' own start-up script is a file (public/boot.js), so trunk's
// loader is the only inline script. frame-ancestors cannot be said in a
// <meta>: the host sends it as a header (tests/support/serve.mjs).
//
// A page that would need more (an inline style, an event-handler
// attribute) fails the build here rather than in a citizen's browser.

import { createHash } from 'node:crypto';

/** The policy without the scripts' hashes. */
export const BASE_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
];

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/** 'sha256-…' of each inline script of `html`, in order. */
export function inlineScriptHashes(html) {
  const hashes = [];
  for (const [, attrs, body] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(attrs)) continue;
    hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/** The policy for a page whose inline scripts have these hashes. */
export function policyFor(hashes) {
  return BASE_POLICY.map((d) => (d.startsWith('script-src ') && hashes.length ? `${d} ${hashes.join(' ')}` : d)).join('; ');
}

/**
 * `html` with its policy as the first element of <head> after the charset
 * (a policy applies to what comes after it). `name` names the page in errors.
 */
export function withCsp(html, name) {
  if (/http-equiv="Content-Security-Policy"/i.test(html)) throw new Error(`csp: ${name} already has a policy`);
  const styleTag = /<style[\s>]/i.exec(html);
  const styleAttr = /<[a-z][^>]*\sstyle\s*=/i.exec(html);
  const handler = /<[a-z][^>]*\son[a-z]+\s*=/i.exec(html);
  const bad = styleTag || styleAttr || handler;
  if (bad) {
    throw new Error(`csp: ${name} has inline style or an event-handler attribute, which the policy blocks: ${bad[0].slice(0, 120)}`);
  }
  const charset = /<meta charset="utf-8">\n?/i;
  if (!charset.test(html)) throw new Error(`csp: ${name} has no <meta charset="utf-8"> to put the policy after`);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(inlineScriptHashes(html))}">`;
  return html.replace(charset, (m) => `${m.trimEnd()}\n  ${meta}\n`);
}
