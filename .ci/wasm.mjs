// Reads the parts of a wasm module the build and its reports look at: the
// sections, the functions' names (the "name" custom section cargo's wasm
// keeps), each function body's size and the imports; and rewrites the
// names of its imports and exports. One reader for .ci/packs.mjs (which
// `tr` functions a bundle links), tests/support/wasm-sizes.mjs (where a
// bundle's bytes are) and .ci/minify.mjs (the short names).

/** The unsigned LEB128 number at `at`: [value, next offset]. */
export function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    if (b === undefined) throw new Error('truncated LEB128');
    value += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return [value, at];
    shift += 7;
  }
}

/** The sections of a wasm module: [{ id, header, start, size }] (`header` is where the section's id is, `start` where its content begins). */
export function sections(bytes) {
  const magic = [0x00, 0x61, 0x73, 0x6d];
  if (magic.some((b, i) => bytes[i] !== b)) throw new Error('not a wasm module');
  const out = [];
  let at = 8; // magic and version
  while (at < bytes.length) {
    const header = at;
    const id = bytes[at++];
    const [size, start] = leb(bytes, at);
    out.push({ id, header, start, size });
    at = start + size;
  }
  return out;
}

const text = new TextDecoder();

/** The function names of the "name" section: index → name (empty without one). */
export function nameMap(bytes) {
  const names = new Map();
  for (const s of sections(bytes).filter((s) => s.id === 0)) {
    let [length, at] = leb(bytes, s.start);
    if (text.decode(bytes.subarray(at, at + length)) !== 'name') continue;
    at += length;
    const end = s.start + s.size;
    while (at < end) {
      const sub = bytes[at++];
      let size;
      [size, at] = leb(bytes, at);
      const next = at + size;
      if (sub === 1) {
        let count;
        [count, at] = leb(bytes, at);
        for (let i = 0; i < count; i++) {
          let index;
          [index, at] = leb(bytes, at);
          [length, at] = leb(bytes, at);
          names.set(index, text.decode(bytes.subarray(at, at + length)));
          at += length;
        }
      }
      at = next;
    }
  }
  return names;
}

/**
 * The import section's entries, in order: { module, name, kind, from, to }
 * (`from`–`to` is the entry's description after its two names: the kind
 * byte and what that kind carries), and the section itself (undefined
 * when the module imports nothing).
 */
export function imports(bytes) {
  const section = sections(bytes).find((s) => s.id === 2);
  const entries = [];
  if (!section) return { section, entries };
  let [count, at] = leb(bytes, section.start);
  for (let i = 0; i < count; i++) {
    const names = [];
    for (let field = 0; field < 2; field++) {
      let length;
      [length, at] = leb(bytes, at);
      names.push(text.decode(bytes.subarray(at, at + length)));
      at += length;
    }
    const from = at;
    const kind = bytes[at++];
    if (kind === 0) {
      [, at] = leb(bytes, at); // type index
    } else if (kind === 1 || kind === 2) {
      if (kind === 1) at++; // a table's element type
      const flags = bytes[at++];
      [, at] = leb(bytes, at); // minimum
      if (flags & 1) [, at] = leb(bytes, at); // maximum
    } else if (kind === 3) {
      at += 2; // value type, mutability
    } else {
      at++; // tag attribute
      [, at] = leb(bytes, at); // its type
    }
    entries.push({ module: names[0], name: names[1], kind, from, to: at });
  }
  if (at !== section.start + section.size) throw new Error('wasm: the import section did not read to its end');
  return { section, entries };
}

/** Each function body's size with its name from the "name" section (`?` without one), in module order. */
export function functions(bytes) {
  const names = nameMap(bytes);
  // Imported functions come first in the function index space.
  const imported = imports(bytes).entries.filter((e) => e.kind === 0).length;
  const out = [];
  for (const s of sections(bytes).filter((s) => s.id === 10)) {
    let [count, at] = leb(bytes, s.start);
    for (let i = 0; i < count; i++) {
      let size;
      [size, at] = leb(bytes, at);
      out.push({ size, name: names.get(i + imported) ?? '?' });
      at += size;
    }
  }
  return out;
}

/** `n` as an unsigned LEB128. */
function uleb(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

/** A name as the import and export sections write it: its UTF-8 length, then its bytes. */
function encodedName(name) {
  const utf8 = new TextEncoder().encode(name);
  return [...uleb(utf8.length), ...utf8];
}

/** The `i`-th short name: a … z, A … Z, aa, ab, … (valid JavaScript property names). */
export function shortName(i) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  for (let n = i; ; n = Math.floor(n / letters.length) - 1) {
    name = letters[n % letters.length] + name;
    if (n < letters.length) return name;
  }
}

/**
 * `bytes` with every import from a module `keep(module)` accepts renamed
 * to a short name, in import order (`shortName(0)`, `shortName(1)`, …);
 * nothing else in the module changes (an import's name is referred to by
 * nothing but the JavaScript that provides it). Returns the new bytes and
 * the names given: module → (old name → new name).
 */
export function withShortImports(bytes, keep) {
  const { section, entries } = imports(bytes);
  const renamed = new Map();
  if (!section) return { bytes, renamed };
  const out = [...uleb(entries.length)];
  entries.forEach(({ module, name, from, to }, i) => {
    let given = name;
    if (keep(module)) {
      if (!renamed.has(module)) renamed.set(module, new Map());
      if (renamed.get(module).has(name)) throw new Error(`wasm: ${module} ${name} is imported twice`);
      given = shortName(i);
      renamed.get(module).set(name, given);
    }
    out.push(...encodedName(module), ...encodedName(given), ...bytes.subarray(from, to));
  });
  return { bytes: replaceSection(bytes, section, out), renamed };
}

/**
 * `bytes` with the exports `rename(name)` gives a new name to renamed
 * (the others kept), the export section rewritten in place; the new bytes
 * and the names given (old name → new name).
 */
export function withRenamedExports(bytes, rename) {
  const section = sections(bytes).find((s) => s.id === 7);
  const renamed = new Map();
  if (!section) return { bytes, renamed };
  let [count, at] = leb(bytes, section.start);
  const out = [...uleb(count)];
  const taken = new Set();
  for (let i = 0; i < count; i++) {
    let length;
    [length, at] = leb(bytes, at);
    const name = text.decode(bytes.subarray(at, at + length));
    at += length;
    const from = at;
    at++; // kind
    [, at] = leb(bytes, at); // index
    const given = rename(name) ?? name;
    if (taken.has(given)) throw new Error(`wasm: two exports would be named ${given}`);
    taken.add(given);
    if (given !== name) renamed.set(name, given);
    out.push(...encodedName(given), ...bytes.subarray(from, at));
  }
  if (at !== section.start + section.size) throw new Error('wasm: the export section did not read to its end');
  return { bytes: replaceSection(bytes, section, out), renamed };
}

/** `bytes` with the content of `section` replaced by `content` (its size re-encoded). */
function replaceSection(bytes, section, content) {
  const headerStart = section.header;
  const size = uleb(content.length);
  const result = new Uint8Array(headerStart + 1 + size.length + content.length + (bytes.length - section.start - section.size));
  result.set(bytes.subarray(0, headerStart), 0);
  let to = headerStart;
  result[to++] = bytes[headerStart];
  result.set(size, to);
  to += size.length;
  result.set(content, to);
  to += content.length;
  result.set(bytes.subarray(section.start + section.size), to);
  return result;
}
