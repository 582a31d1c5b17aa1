// Reads the parts of a wasm module the build and its reports look at: the
// sections, the functions' names (the "name" custom section cargo's wasm
// keeps) and each function body's size. One reader for .ci/packs.mjs
// (which `tr` functions a bundle links) and tests/support/wasm-sizes.mjs
// (where a bundle's bytes are).

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

/** The sections of a wasm module: [{ id, start, size }] (`start` is where the content begins). */
export function sections(bytes) {
  const magic = [0x00, 0x61, 0x73, 0x6d];
  if (magic.some((b, i) => bytes[i] !== b)) throw new Error('not a wasm module');
  const out = [];
  let at = 8; // magic and version
  while (at < bytes.length) {
    const id = bytes[at++];
    const [size, start] = leb(bytes, at);
    out.push({ id, start, size });
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

/** How many functions the module imports (they come first in the function index space). */
function importedFunctions(bytes) {
  let imported = 0;
  for (const s of sections(bytes).filter((s) => s.id === 2)) {
    let [count, at] = leb(bytes, s.start);
    for (let i = 0; i < count; i++) {
      let length;
      for (let field = 0; field < 2; field++) {
        [length, at] = leb(bytes, at);
        at += length;
      }
      const kind = bytes[at++];
      if (kind === 0) {
        imported++;
        [, at] = leb(bytes, at); // type index
      } else if (kind === 1) {
        at++; // table element type
        const flags = bytes[at++];
        [, at] = leb(bytes, at);
        if (flags & 1) [, at] = leb(bytes, at);
      } else if (kind === 2) {
        const flags = bytes[at++];
        [, at] = leb(bytes, at);
        if (flags & 1) [, at] = leb(bytes, at);
      } else if (kind === 3) {
        at += 2; // value type, mutability
      } else {
        at++; // tag attribute
        [, at] = leb(bytes, at); // its type
      }
    }
  }
  return imported;
}

/** Each function body's size with its name from the "name" section (`?` without one), in module order. */
export function functions(bytes) {
  const names = nameMap(bytes);
  const imported = importedFunctions(bytes);
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
