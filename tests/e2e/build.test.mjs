// What the release build's last steps leave in dist/ (issue 15): each
// bundle's stylesheet holds the rules its own files can use
// (.ci/css-bundles.mjs), its wasm and JavaScript carry none of
// wasm-streams' unused exports (index.html's wasm-opt parameters,
// .ci/minify.mjs), and its language packs the texts of the data it embeds
// (.ci/packs.mjs). The pieces first on small inputs, then on dist/ itself.
// No browser: the pages that use these files are the other suites'.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { assert } from './lib/assert.mjs';
import { distDir } from '../support/serve.mjs';
import { minify as minifyCss } from '../../.ci/css.mjs';
import { pruneCss, requiredClasses, selectors } from '../../.ci/css-bundles.mjs';
import { objectKeys, withExportsRenamed, withoutDeadClasses, withRenamedImports } from '../../.ci/minify.mjs';
import { embeddedSlots, lawTexts } from '../../.ci/packs.mjs';
import { BUNDLES } from '../../.ci/shells.mjs';
import { shortName, withRenamedExports, withShortImports } from '../../.ci/wasm.mjs';

const root = path.resolve(distDir, '..');
const DIRS = ['', ...Object.keys(BUNDLES)];
const built = existsSync(path.join(distDir, 'index.html')) ? false : 'no dist/ (build with .ci/build)';

test('a selector requires the classes outside parentheses only', () => {
  assert.deepEqual(requiredClasses('.a .b>.c:hover'), ['a', 'b', 'c']);
  assert.deepEqual(requiredClasses('.a:not(.b)'), ['a'], 'a class inside :not() is not required');
  assert.deepEqual(requiredClasses('.a:is(.b,:not(.c))'), ['a'], 'nor inside nested parentheses');
  assert.deepEqual(requiredClasses('main h1'), []);
  assert.deepEqual(requiredClasses('[data-l="en"]'), []);
});

test('a rule\'s selectors are split at its top-level commas only', () => {
  assert.deepEqual(selectors('.a,.b:is(.c,.d),[data-x="e,f"],.g'), ['.a', '.b:is(.c,.d)', '[data-x="e,f"]', '.g']);
  assert.equal(
    pruneCss('.a:is(.b,.c),.d{color:red}.e:is(.f,.g){color:blue}', (c) => ['a', 'e'].includes(c)),
    '.a:is(.b,.c){color:red}.e:is(.f,.g){color:blue}',
    'a comma inside parentheses never cuts a selector in two',
  );
});

test('pruning keeps the rules whose classes are named, inside @media too', () => {
  const named = (c) => ['page', 'tag', 'tag--done'].includes(c);
  const css = '.page{margin:0}.passport{color:red}.tag,.guide{padding:1px}.tag.tag--late{color:#000}' +
    '@media (max-width:40em){.page{margin:1px}.guide{margin:2px}}@media print{.guide{display:none}}' +
    '@page{margin:1cm}body{font:inherit}.page:not(.kiosk){gap:0}';
  assert.equal(
    pruneCss(css, named),
    '.page{margin:0}.tag{padding:1px}@media (max-width:40em){.page{margin:1px}}@page{margin:1cm}body{font:inherit}.page:not(.kiosk){gap:0}',
  );
  assert.equal(pruneCss(css, () => true), css, 'nothing goes when every class is named');
  assert.throws(() => pruneCss('.a{color:red', () => true), /unbalanced/);
});

test('the glue loses the classes that call missing wasm exports, and only those', () => {
  const glue = [
    'export class Gone {',
    '    free() { const ptr = this.__wbg_ptr; GoneFinalization.unregister(this); wasm.__wbg_gone_free(ptr, 0); }',
    '    pull(c) { return wasm.gone_pull(this.__wbg_ptr, c); }',
    '}',
    'if (Symbol.dispose) Gone.prototype[Symbol.dispose] = Gone.prototype.free;',
    'export class Kept {',
    '    run() { return wasm.kept_run(this.__wbg_ptr); }',
    '}',
    "const GoneFinalization = (typeof FinalizationRegistry === 'undefined')",
    '    ? { register: () => {}, unregister: () => {} }',
    '    : new FinalizationRegistry(ptr => wasm.__wbg_gone_free(ptr, 1));',
    'export function start() { wasm.__wbindgen_start(); }',
  ].join('\n');
  const all = ['__wbg_gone_free', 'gone_pull', 'kept_run', '__wbindgen_start'];
  assert.deepEqual(withoutDeadClasses(glue, all), { code: glue, dropped: [] }, 'all exports there: unchanged');
  const { code, dropped } = withoutDeadClasses(glue, ['kept_run', '__wbindgen_start']);
  assert.deepEqual(dropped, ['Gone']);
  assert.doesNotMatch(code, /Gone|gone_/);
  assert.match(code, /export class Kept/);
  assert.match(code, /export function start/);
  assert.throws(() => withoutDeadClasses(glue, ['kept_run', '__wbg_gone_free', 'gone_pull']), /still names __wbindgen_start/,
    'an export missing outside any class is an error, not a silent drop');
});

/** A small wasm module: `imports` as [module, name] functions of type () → (), and one export `run` calling the first. */
function tinyWasm(imports) {
  const str = (t) => [t.length, ...Buffer.from(t)];
  const section = (id, body) => [id, body.length, ...body];
  const importBody = [imports.length, ...imports.flatMap(([m, n]) => [...str(m), ...str(n), 0, 0])];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, [1, 0x60, 0, 0]), // one type: () → ()
    ...section(2, importBody),
    ...section(3, [1, 0]), // one function of type 0
    ...section(7, [1, ...str('run'), 0, imports.length]), // export it
    ...section(10, [1, 4, 0, 0x10, 0, 0x0b]), // its body: call import 0
  ]);
}

test('short import names: the wasm\'s import section and the glue\'s keys, renamed alike', () => {
  assert.deepEqual([0, 25, 26, 51, 52, 53, 2755, 2756].map(shortName), ['a', 'z', 'A', 'Z', 'aa', 'ab', 'ZZ', 'aaa']);
  const glue = './tiny_bg.js';
  const wasm = tinyWasm([[glue, '__wbg_log_0123456789abcdef'], ['env', 'other'], [glue, '__wbg_now_fedcba9876543210']]);
  const { bytes, renamed } = withShortImports(wasm, (m) => m === glue);
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(bytes));
  assert.deepEqual(imports.map((i) => [i.module, i.name]), [[glue, 'a'], ['env', 'other'], [glue, 'c']], 'renamed in import order, another module\'s import kept');
  assert.deepEqual(WebAssembly.Module.exports(new WebAssembly.Module(bytes)).map((e) => e.name), ['run']);
  assert.deepEqual([...renamed.get(glue)], [['__wbg_log_0123456789abcdef', 'a'], ['__wbg_now_fedcba9876543210', 'c']]);
  const calls = [];
  const source = `const import0 = { __proto__: null, __wbg_log_0123456789abcdef: function() { calls.push('log'); }, __wbg_now_fedcba9876543210() { calls.push('now'); } };`;
  const code = withRenamedImports(source, renamed.get(glue));
  assert.deepEqual(objectKeys(code), [new Set(['__proto__', 'a', 'c'])]);
  const import0 = new Function('calls', `${code}; return import0;`)(calls);
  new WebAssembly.Instance(new WebAssembly.Module(bytes), { [glue]: import0, env: { other() {} } }).exports.run();
  assert.deepEqual(calls, ['log'], 'the renamed wasm calls the renamed function');
  assert.throws(() => withRenamedImports('const o = { __wbg_log_0123456789abcdef: 1 };', renamed.get(glue)), /does not provide __wbg_now/);
  assert.throws(() => withRenamedImports('const o = { __wbg_log_0123456789abcdef: 1 }, p = { __wbg_now_fedcba9876543210: 2 };', renamed.get(glue)), /2 objects/);
});

test('hashed exports renamed: the wasm\'s export section and the glue\'s calls alike', () => {
  const wasm = tinyWasm([['env', 'log']]);
  const { bytes, renamed } = withRenamedExports(wasm, (name) => (name === 'run' ? '$a' : undefined));
  assert.deepEqual(WebAssembly.Module.exports(new WebAssembly.Module(bytes)).map((e) => e.name), ['$a']);
  assert.deepEqual([...renamed], [['run', '$a']]);
  let logged = 0;
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { log: () => logged++ } });
  const code = withExportsRenamed('function go(wasm) { wasm.run(); wasm.run_1(); }', renamed);
  assert.equal(code, 'function go(wasm) { wasm.$a(); wasm.run_1(); }', 'a longer name that begins alike is not touched');
  new Function('wasm', `${code.replace('wasm.run_1();', '')}; go(wasm);`)(instance.exports);
  assert.equal(logged, 1, 'the glue calls the renamed export');
});

test('the data slots a wasm embeds are read from its packed JSON', () => {
  const bytes = Buffer.from('\0asm{"name":{"en":"","kk":"","ru":"","slot":1285,"working":["en"]}}..{"slot":7}..slot:9');
  assert.deepEqual([...embeddedSlots(bytes)].sort((a, b) => a - b), [7, 1285]);
});

/** A bundle's built files: its folder, page, stylesheet name, wasm and glue. */
function bundle(dir) {
  const here = path.join(distDir, dir);
  const files = readdirSync(here);
  const one = (re) => {
    const found = files.filter((f) => re.test(f));
    assert.equal(found.length, 1, `${dir || '/'}: one file like ${re}`);
    return found[0];
  };
  return {
    here,
    page: readFileSync(path.join(here, 'index.html'), 'utf8'),
    css: one(/^main-[0-9a-f]{16}\.css$/),
    wasm: readFileSync(path.join(here, one(/^qujat(-[a-z]+)?-[0-9a-f]+_bg\.wasm$/))),
    glue: readFileSync(path.join(here, one(/^qujat(-[a-z]+)?-[0-9a-f]+\.js$/)), 'utf8'),
    packs: files.filter((f) => /^texts-[a-z]{2}-[0-9a-f]{16}\.txt$/.test(f)),
  };
}

test('every bundle links its own stylesheet, named by its content, with every rule its files can use', { skip: built }, () => {
  // As .ci/css.mjs writes it for trunk: minified, one newline at the end.
  const source = `${minifyCss(readFileSync(path.join(root, 'style', 'main.css'), 'utf8'))}\n`;
  const boot = ['boot.js', 'static-page.js'].map((f) => readFileSync(path.join(distDir, 'public', f), 'latin1')).join('\n');
  for (const dir of DIRS) {
    const b = bundle(dir);
    const css = readFileSync(path.join(b.here, b.css), 'utf8');
    const hash = createHash('sha256').update(css).digest('hex').slice(0, 16);
    assert.equal(b.css, `main-${hash}.css`, `${dir || '/'}: the stylesheet is named by its content`);
    const sri = `sha384-${createHash('sha384').update(css).digest('base64')}`;
    assert.ok(b.page.includes(`href="/${dir ? `${dir}/` : ''}${b.css}" integrity="${sri}"`), `${dir || '/'}: the page links it with its integrity`);
    const carriers = [b.wasm.toString('latin1'), b.glue, b.page, boot].join('\n');
    assert.equal(css, pruneCss(source, (c) => carriers.includes(c)), `${dir || '/'}: exactly the rules of main.css its files can use`);
    assert.ok(css.length < source.length, `${dir || '/'}: smaller than the whole stylesheet`);
    // The classes the bundle's page and the start-up scripts use are all styled still.
    for (const cls of ['page', 'notice', 'skip-link', 'site-header']) {
      assert.match(css, new RegExp(`\\.${cls}\\b`), `${dir || '/'}: .${cls} is kept`);
    }
  }
});

test('no bundle carries wasm-streams\' exports or their JavaScript classes; imports and hashed exports have short names', { skip: built }, () => {
  for (const dir of DIRS) {
    const b = bundle(dir);
    const exports = WebAssembly.Module.exports(new WebAssembly.Module(b.wasm)).map((e) => e.name);
    for (const kept of ['memory', '__wbindgen_start', '__wbindgen_malloc']) {
      assert.ok(exports.includes(kept), `${dir || '/'}: the wasm still exports ${kept}`);
    }
    assert.deepEqual(exports.filter((n) => /intounderlying/i.test(n)), [], `${dir || '/'}: no IntoUnderlying* export`);
    assert.deepEqual(exports.filter((n) => /^(_WASM_SPLIT_MARKER|__abort_handler$|__instance_terminated$)/.test(n)), [], `${dir || '/'}: no export only tools read`);
    assert.deepEqual(exports.filter((n) => /__h[0-9a-f]{16}/.test(n)), [], `${dir || '/'}: no export named with a rustc hash`);
    assert.doesNotMatch(b.glue, /IntoUnderlying|intounderlying/, `${dir || '/'}: no IntoUnderlying* class in the glue`);
    // The imports have short names, and one object of the glue provides them all.
    const imports = WebAssembly.Module.imports(new WebAssembly.Module(b.wasm)).map((i) => i.name);
    assert.ok(imports.length > 100, `${dir || '/'}: the wasm imports its JavaScript`);
    assert.deepEqual(imports.filter((n) => !/^[A-Za-z]{1,2}$/.test(n)), [], `${dir || '/'}: every import has a short name`);
    assert.equal(objectKeys(b.glue).filter((keys) => imports.every((n) => keys.has(n))).length, 1, `${dir || '/'}: one object of the glue provides every import`);
    // Every export the minified glue calls by name is still there.
    const called = new Set([...b.glue.matchAll(/\.(__wbg_[a-z0-9_]+_free|__wbindgen_[a-z_]+)\(/g)].map((m) => m[1]));
    assert.deepEqual([...called].filter((n) => !exports.includes(n)), [], `${dir || '/'}: the glue calls only exports the wasm has`);
  }
});

test('each bundle\'s packs hold exactly the data texts its wasm embeds', { skip: built }, () => {
  const { messageSlots: messages, full } = lawTexts();
  const whole = full.ru.texts;
  let checked = 0;
  for (const dir of Object.keys(BUNDLES)) {
    const b = bundle(dir);
    if (b.packs.length === 0) continue;
    const pack = readFileSync(path.join(b.here, b.packs.find((p) => p.startsWith('texts-ru-'))), 'utf8');
    const texts = pack.slice(pack.indexOf('\n') + 1).split('\0');
    assert.equal(texts.length, whole.length, `${dir}: the pack has every slot`);
    const target = path.resolve(root, process.env.CARGO_TARGET_DIR || 'target');
    const embedded = embeddedSlots(readFileSync(path.join(target, 'wasm32-unknown-unknown', 'release', `${BUNDLES[dir]}.wasm`)));
    assert.ok(embedded.size > 0, `${dir}: its wasm embeds data texts`);
    const wrong = [];
    for (let i = messages; i < whole.length; i++) {
      if (texts[i] !== (embedded.has(i) ? whole[i] : '')) wrong.push(i);
    }
    assert.deepEqual(wrong, [], `${dir}: each data slot kept when its wasm embeds it, empty otherwise`);
    checked++;
  }
  assert.ok(checked >= 4, 'the bundles built with language packs were checked');
});
