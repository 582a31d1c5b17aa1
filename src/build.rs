//! Build-time code generation, so that mistakes fail the build instead of
//! reaching a citizen:
//!
//! 1. i18n: `src/i18n/locales/{kk,ru,en}.toml` become one Rust function per
//!    message (`crate::i18n::tr::nav_home(lang)`). A key missing in any
//!    language, a placeholder that differs between languages, or a plural
//!    form a language needs (CLDR: ru one/few/many, kk and en one/other) is a
//!    build error, and using a key that does not exist is a compile error.
//!    The same messages are also written as `messages.json` (key → kk, ru,
//!    en; a plural message has its forms), which only native tools read
//!    (`crate::i18n::MESSAGES_JSON`, `qujat-facts` for the e2e suites).
//! 2. Law and calendar data: every `src/engine/data/*.toml` is parsed and
//!    re-emitted as compact JSON in `OUT_DIR` (the registry in two parts,
//!    item 4), which the engine embeds and
//!    parses once at run time (serde_json is needed anyway for storage).
//! 3. Quotes: every citation's verbatim quote (`{seed, line, quote}` in the
//!    data) is numbered, in file and document order, and the numbered list
//!    is written as `quotes.txt` (a header line naming the list, then one
//!    `seed<TAB>line<TAB>quote` per line; a quote with a line
//!    break is a build error). The web build's data keeps only the number
//!    (`"q": n` instead of `"quote"`): a reader fetches the quotes when a
//!    legal basis is first opened, so they are not in the first load.
//!    Native builds keep both. `qujat-facts --quotes FILE` writes the list
//!    for `.ci/build`.
//! 4. Parts read on their own, so that a page reads no more than it shows:
//!    the catalogue's cards (`cards.json`: what the home page shows of each
//!    service, `engine::catalog::cards`) and the registry's people apart
//!    from its places (`registry-people.json`: people and the schools they
//!    went to; `registry-places.json`: settlements and offices). A registry
//!    table in neither part is a build error, and the registry is written
//!    in these two parts only. Each part is a projection of
//!    the same data (`project`), so the two cannot disagree.

use std::collections::BTreeMap;
use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

const LANGS: [&str; 3] = ["kk", "ru", "en"];
const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    if let Err(e) = run(&root, &out) {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

fn run(root: &Path, out: &Path) -> Result<(), String> {
    let locales = root.join("src/i18n/locales");
    println!("cargo:rerun-if-changed={}", locales.display());
    let data = root.join("src/engine/data");
    println!("cargo:rerun-if-changed={}", data.display());

    let (code, messages) = generate_i18n(&locales)?;
    fs::write(out.join("i18n.rs"), code).map_err(|e| e.to_string())?;
    fs::write(out.join("messages.json"), messages).map_err(|e| e.to_string())?;

    let mut entries: Vec<_> = fs::read_dir(&data)
        .map_err(|e| format!("{}: {e}", data.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    entries.sort();
    let web = env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    let mut quotes = Quotes::default();
    let mut cards = Vec::new();
    for path in entries {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let value: toml::Value =
            toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut value = serde_json::to_value(&value).map_err(|e| e.to_string())?;
        quotes
            .number(&mut value, web)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let json = serde_json::to_string(&value).map_err(|e| e.to_string())?;
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        // The registry is written in its two parts only (below): nothing
        // embeds it whole.
        if name != "registry" {
            fs::write(out.join(format!("{name}.json")), json).map_err(|e| e.to_string())?;
        }
        if is_service(&name) {
            cards.push(project(&value, &CARD));
        }
        if name == "registry" {
            // People (with the schools they went to) apart from places
            // (settlements, offices): the portal's sign-in reads only people.
            let parts = [
                ("people", ["person", "organisation"]),
                ("places", ["settlement", "office"]),
            ];
            let tables = value.as_object().into_iter().flatten().map(|(k, _)| k);
            for table in tables {
                if !parts.iter().any(|(_, f)| f.contains(&table.as_str())) {
                    return Err(format!(
                        "{}: [{table}] is in neither part of the registry (src/build.rs)",
                        path.display()
                    ));
                }
            }
            for (part, fields) in parts {
                let json =
                    serde_json::to_string(&project(&value, &fields)).map_err(|e| e.to_string())?;
                fs::write(out.join(format!("registry-{part}.json")), json)
                    .map_err(|e| e.to_string())?;
            }
        }
    }
    // The catalogue's cards (`engine::catalog::cards`): what the home page
    // shows of each service, so that its first load carries neither the
    // whole catalogue nor its decoder.
    let cards = serde_json::to_string(&cards).map_err(|e| e.to_string())?;
    fs::write(out.join("cards.json"), cards).map_err(|e| e.to_string())?;
    let body = quotes.list.join("\n");
    // The first line names this exact list (count and FNV-1a hash), and
    // the web build embeds that line: a page never shows the quotes of
    // another build (an old cached file) or a server's fallback page.
    let hash = body.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    let header = format!("qujat-quotes {} {hash:016x}", quotes.list.len());
    fs::write(out.join("quotes.txt"), format!("{header}\n{body}\n")).map_err(|e| e.to_string())?;
    fs::write(out.join("quotes_header.txt"), header).map_err(|e| e.to_string())?;
    Ok(())
}

/// A service's data file: `s1.toml`, `s2.toml`, `s3.toml`.
fn is_service(name: &str) -> bool {
    name.strip_prefix('s')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The fields of a service that its card shows (`engine::catalog::Card`).
const CARD: [&str; 6] = ["id", "name", "summary", "provider", "channels", "terms"];

/// `fields` of the object `value`, the others left out.
fn project(value: &serde_json::Value, fields: &[&str]) -> serde_json::Value {
    fields
        .iter()
        .filter_map(|f| Some((f.to_string(), value.get(f)?.clone())))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

/// The quotes of every citation, each once, in order of first appearance,
/// as file lines `seed<TAB>line<TAB>quote`: a reader checks that a number
/// still names its citation's seed and line (a record stored by an older
/// build keeps the older numbers).
#[derive(Default)]
struct Quotes {
    list: Vec<String>,
    index: BTreeMap<String, u64>,
}

impl Quotes {
    /// Numbers every citation's quote in `value` (an object with `line`
    /// and `quote`): adds `"q": n`, and on the web drops the quote.
    fn number(&mut self, value: &mut serde_json::Value, web: bool) -> Result<(), String> {
        match value {
            serde_json::Value::Array(items) => {
                for v in items {
                    self.number(v, web)?;
                }
            }
            serde_json::Value::Object(map) => {
                let quote = match (map.get("seed"), map.get("line"), map.get("quote")) {
                    (
                        Some(serde_json::Value::String(seed)),
                        Some(serde_json::Value::Number(line)),
                        Some(serde_json::Value::String(q)),
                    ) => Some(format!("{seed}\t{line}\t{q}")),
                    _ => None,
                };
                if let Some(entry) = quote {
                    if entry.contains(['\n', '\r']) || entry.matches('\t').count() != 2 {
                        return Err(format!("a quote with a line break or a tab: {entry:?}"));
                    }
                    let next = self.list.len() as u64;
                    let n = *self.index.entry(entry.clone()).or_insert(next);
                    if n == next {
                        self.list.push(entry);
                    }
                    map.insert("q".into(), n.into());
                    if web {
                        map.remove("quote");
                    }
                }
                for v in map.values_mut() {
                    self.number(v, web)?;
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// One message: either a plain string or a set of plural forms.
#[derive(Debug)]
enum Msg {
    Plain(String),
    Plural(BTreeMap<String, String>),
}

fn flatten(
    prefix: &str,
    table: &toml::Table,
    out: &mut BTreeMap<String, Msg>,
) -> Result<(), String> {
    for (k, v) in table {
        if !k
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            return Err(format!("key segment `{k}` must be lower_snake_case"));
        }
        let key = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}_{k}")
        };
        match v {
            toml::Value::String(s) => {
                out.insert(key, Msg::Plain(s.clone()));
            }
            toml::Value::Table(t)
                if !t.is_empty()
                    && t.keys().all(|c| PLURAL_CATEGORIES.contains(&c.as_str()))
                    && t.values().all(|v| v.is_str()) =>
            {
                let forms = t
                    .iter()
                    .map(|(c, v)| (c.clone(), v.as_str().unwrap().to_string()))
                    .collect();
                out.insert(key, Msg::Plural(forms));
            }
            toml::Value::Table(t) => flatten(&key, t, out)?,
            other => {
                return Err(format!(
                    "`{key}`: expected a string or a table, found {other}"
                ));
            }
        }
    }
    Ok(())
}

/// The placeholders `{name}` of a message, in order of first appearance.
fn placeholders(s: &str) -> Result<Vec<String>, String> {
    let mut names = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find('{') {
        let after = &rest[i + 1..];
        let j = after
            .find('}')
            .ok_or_else(|| format!("unclosed `{{` in {s:?}"))?;
        let name = &after[..j];
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            return Err(format!("bad placeholder `{{{name}}}` in {s:?}"));
        }
        if !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
        rest = &after[j + 1..];
    }
    Ok(names)
}

fn required_plurals(lang: &str) -> &'static [&'static str] {
    match lang {
        "ru" => &["one", "few", "many"],
        _ => &["one", "other"],
    }
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

/// Every message as JSON: `{ "key": { "kk": text, "ru": text, "en": text } }`,
/// a plural message with `{ "one": text, ... }` in place of each text.
fn messages_json(all: &BTreeMap<&str, BTreeMap<String, Msg>>) -> String {
    let mut out = serde_json::Map::new();
    for key in all["en"].keys() {
        let mut langs = serde_json::Map::new();
        for lang in LANGS {
            let value = match &all[lang][key] {
                Msg::Plain(text) => serde_json::Value::from(text.as_str()),
                Msg::Plural(forms) => serde_json::Value::from_iter(
                    forms
                        .iter()
                        .map(|(c, t)| (c.clone(), serde_json::Value::from(t.as_str()))),
                ),
            };
            langs.insert(lang.to_string(), value);
        }
        out.insert(key.clone(), langs.into());
    }
    serde_json::Value::Object(out).to_string()
}

/// The `tr` module's code and the messages as JSON (see [`messages_json`]).
fn generate_i18n(dir: &Path) -> Result<(String, String), String> {
    // `kk.toml` holds the shared messages; `<area>.kk.toml` holds one area's
    // messages, whose keys get the prefix `<area>_`. One file per area keeps
    // parallel work on different screens from colliding.
    let mut areas: Vec<String> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".en.toml").map(str::to_string))
        .collect();
    areas.sort();
    let mut all: BTreeMap<&str, BTreeMap<String, Msg>> = BTreeMap::new();
    for lang in LANGS {
        let mut msgs = BTreeMap::new();
        let files = std::iter::once((String::new(), format!("{lang}.toml"))).chain(
            areas
                .iter()
                .map(|a| (a.clone(), format!("{a}.{lang}.toml"))),
        );
        for (prefix, file) in files {
            let path = dir.join(file);
            let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let table: toml::Table =
                toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            let mut area_msgs = BTreeMap::new();
            flatten(&prefix, &table, &mut area_msgs)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            for (k, v) in area_msgs {
                if msgs.insert(k.clone(), v).is_some() {
                    return Err(format!("{}: key `{k}` is defined twice", path.display()));
                }
            }
        }
        all.insert(lang, msgs);
    }

    // Every language must have exactly the same keys as English.
    let en = &all["en"];
    let mut errors = Vec::new();
    for lang in LANGS {
        let msgs = &all[lang];
        for k in en.keys() {
            if !msgs.contains_key(k) {
                errors.push(format!("{lang}.toml lacks `{k}`"));
            }
        }
        for k in msgs.keys() {
            if !en.contains_key(k) {
                errors.push(format!("{lang}.toml has `{k}`, which en.toml lacks"));
            }
        }
    }

    let mut code = String::from(
        "// @generated by src/build.rs from src/i18n/locales/*.toml. Do not edit.\n\
         #[allow(unused_imports)]\n\
         use super::{fill, plural, PluralCategory};\n\
         use crate::engine::source::Lang;\n\n",
    );
    let mut keys = Vec::new();
    for (key, en_msg) in en {
        if errors.iter().any(|e| e.ends_with(&format!("`{key}`"))) {
            continue;
        }
        keys.push(key.clone());
        match en_msg {
            Msg::Plain(en_text) => {
                let params = placeholders(en_text)?;
                let mut texts = Vec::new();
                for lang in LANGS {
                    let Msg::Plain(t) = &all[lang][key] else {
                        errors.push(format!("`{key}` is plain in en but plural in {lang}"));
                        continue;
                    };
                    if t.trim().is_empty() {
                        errors.push(format!("`{key}` is empty in {lang}"));
                    }
                    if sorted(placeholders(t)?) != sorted(params.clone()) {
                        errors.push(format!(
                            "`{key}`: placeholders differ between en and {lang}"
                        ));
                    }
                    texts.push(t.clone());
                }
                if texts.len() != 3 {
                    continue;
                }
                let arms = format!(
                    "match l {{ Lang::Kk => {:?}, Lang::Ru => {:?}, Lang::En => {:?} }}",
                    texts[0], texts[1], texts[2]
                );
                if params.is_empty() {
                    writeln!(code, "pub fn {key}(l: Lang) -> &'static str {{ {arms} }}").unwrap();
                } else {
                    let sig: Vec<String> = params.iter().map(|p| format!("{p}: &str")).collect();
                    let pairs: Vec<String> =
                        params.iter().map(|p| format!("({p:?}, {p})")).collect();
                    writeln!(
                        code,
                        "pub fn {key}(l: Lang, {}) -> String {{ fill({arms}, &[{}]) }}",
                        sig.join(", "),
                        pairs.join(", ")
                    )
                    .unwrap();
                }
            }
            Msg::Plural(en_forms) => {
                let mut params =
                    placeholders(&en_forms.values().cloned().collect::<Vec<_>>().join(" "))?;
                params.retain(|p| p != "n");
                let mut arms = String::new();
                for lang in LANGS {
                    let Msg::Plural(forms) = &all[lang][key] else {
                        errors.push(format!("`{key}` is plural in en but plain in {lang}"));
                        continue;
                    };
                    for need in required_plurals(lang) {
                        if !forms.contains_key(*need) {
                            errors
                                .push(format!("`{key}` in {lang} lacks the plural form `{need}`"));
                        }
                    }
                    for (cat, text) in forms {
                        let mut p = placeholders(text)?;
                        p.retain(|x| x != "n");
                        if sorted(p) != sorted(params.clone()) {
                            errors.push(format!("`{key}`.{cat}: placeholders differ in {lang}"));
                        }
                    }
                    let variant = match lang {
                        "kk" => "Kk",
                        "ru" => "Ru",
                        _ => "En",
                    };
                    let get = |c: &str| {
                        forms
                            .get(c)
                            .or_else(|| forms.get("other"))
                            .or_else(|| forms.get("many"))
                    };
                    let mut cats = String::new();
                    for cat in ["zero", "one", "two", "few", "many", "other"] {
                        if let Some(t) = get(cat) {
                            let var = match cat {
                                "zero" => "Zero",
                                "one" => "One",
                                "two" => "Two",
                                "few" => "Few",
                                "many" => "Many",
                                _ => "Other",
                            };
                            write!(cats, "PluralCategory::{var} => {t:?}, ").unwrap();
                        }
                    }
                    write!(
                        arms,
                        "Lang::{variant} => match plural(l, n) {{ {cats} #[allow(unreachable_patterns)] _ => {:?} }}, ",
                        get("other").or(get("many")).cloned().unwrap_or_default()
                    )
                    .unwrap();
                }
                let sig: String = params.iter().map(|p| format!(", {p}: &str")).collect();
                let pairs: String = params.iter().map(|p| format!(", ({p:?}, {p})")).collect();
                writeln!(
                    code,
                    "pub fn {key}(l: Lang, n: i64{sig}) -> String {{ let s = match l {{ {arms} }}; let n_text = n.to_string(); fill(s, &[(\"n\", n_text.as_str()){pairs}]) }}"
                )
                .unwrap();
            }
        }
    }
    if !errors.is_empty() {
        return Err(format!("i18n errors:\n  {}", errors.join("\n  ")));
    }
    writeln!(
        code,
        "\n/// Every message key, for tests.\npub const KEYS: &[&str] = &{keys:?};"
    )
    .unwrap();
    Ok((code, messages_json(&all)))
}
