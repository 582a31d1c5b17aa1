// The app's texts and catalogue facts as the build knows them: the JSON
// that `cargo run --bin qujat-facts` writes (tests/e2e/run.mjs runs it once
// before the suites; src/bin/qujat-facts.rs says what is in it). Nothing
// here parses TOML: the messages are the ones src/build.rs compiled into
// `tr::*`, and the catalogue and registry are the engine's own records.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert } from './assert.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Where run.mjs writes the facts (QUJAT_E2E_FACTS overrides). */
export const FACTS_PATH = process.env.QUJAT_E2E_FACTS || path.join(repoRoot, 'target', 'e2e-facts.json');

let cache = null;

/** { messages, services, registry } (see src/bin/qujat-facts.rs). */
export function facts() {
  if (!cache) {
    if (!existsSync(FACTS_PATH)) {
      throw new Error(
        `${FACTS_PATH} is missing: run the suites through \`node tests/e2e/run.mjs\` ` +
          '(or `cargo run --bin qujat-facts -- --out target/e2e-facts.json`)',
      );
    }
    cache = JSON.parse(readFileSync(FACTS_PATH, 'utf8'));
  }
  return cache;
}

/** A service of the catalogue by id (S1, S2, S3), as the engine loads it. */
export function service(id) {
  const s = facts().services[id];
  assert.ok(s, `service ${id} in the catalogue`);
  return s;
}

/** The text of a refusal ground of `serviceId` (default S2) in `lang`. */
export function refusalGround(lang, id, serviceId = 'S2') {
  const ground = service(serviceId).refusal_grounds.find((g) => g.id === id);
  assert.ok(ground, `refusal ground ${id} in ${serviceId}`);
  return ground.text[lang];
}

/**
 * A person of the demo registry by IIN: { iin, kk, ru, en (each
 * { surname, given, patronymic }), phone or undefined }.
 */
export function registryPerson(iin) {
  const p = facts().registry.find((r) => r.iin === iin);
  assert.ok(p, `${iin} in the demo registry`);
  return { iin, kk: p.name.kk, ru: p.name.ru, en: p.name.en, phone: p.phone ?? undefined };
}
