//! Step 1 of `src/build.rs`: the messages of `src/i18n/locales/*.toml`
//! become one Rust function per key, checked across the three languages.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

pub const LANGS: [&str; 3] = ["kk", "ru", "en"];
const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// One message: either a plain string or a set of plural forms.
#[derive(Debug)]
enum Msg {
    Plain(String),
    Plural(BTreeMap<String, String>),
}

fn flatten(
    prefix: &str, table: &toml::Table, out: &mut BTreeMap<String, Msg>,
) -> Result<(), String> {
    for (k, v) in table {
        if !k.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
            return Err(format!("key segment `{k}` must be lower_snake_case"));
        }
        let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}_{k}") };
        match v {
            toml::Value::String(s) => {
                out.insert(key, Msg::Plain(s.clone()));
            }
            toml::Value::Table(t)
                if !t.is_empty()
                    && t.keys().all(|c| PLURAL_CATEGORIES.contains(&c.as_str()))
                    && t.values().all(|v| v.is_str()) =>
            {
                let forms =
                    t.iter().map(|(c, v)| (c.clone(), v.as_str().unwrap().to_string())).collect();
                out.insert(key, Msg::Plural(forms));
            }
            toml::Value::Table(t) => flatten(&key, t, out)?,
            other => {
                return Err(format!("`{key}`: expected a string or a table, found {other}"));
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
        let j = after.find('}').ok_or_else(|| format!("unclosed `{{` in {s:?}"))?;
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
                    forms.iter().map(|(c, t)| (c.clone(), serde_json::Value::from(t.as_str()))),
                ),
            };
            langs.insert(lang.to_string(), value);
        }
        out.insert(key.clone(), langs.into());
    }
    serde_json::Value::Object(out).to_string()
}

/// What step 1 writes.
pub struct Messages {
    /// The `tr` module with every text in the code (`i18n.rs`).
    pub code: String,
    /// The `tr` module of bundles that fetch their language's texts
    /// (`i18n_packed.rs`, feature `lang-packs`): each function reads its
    /// text's slot in the language's pack.
    pub packed_code: String,
    /// Every message as JSON (see [`messages_json`]).
    pub json: String,
    /// The packs, in the order of [`LANGS`] (see [`packed`]).
    pub packs: [String; 3],
    /// Where each key's texts are in the packs (see [`Packed::map`]).
    pub slots: String,
    /// The first slot after the messages': where the `extra` texts given
    /// to [`generate`] (the data's texts, `src/build.rs` step 5) begin.
    pub first_extra: usize,
}

/// The `tr` module's code (both forms), the messages as JSON and the packs.
pub fn generate(dir: &Path, extra: &[[String; 3]]) -> Result<Messages, String> {
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
        let files = std::iter::once((String::new(), format!("{lang}.toml")))
            .chain(areas.iter().map(|a| (a.clone(), format!("{a}.{lang}.toml"))));
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
                        errors.push(format!("`{key}`: placeholders differ between en and {lang}"));
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
                plain_fn(&mut code, "", key, &params, &arms);
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
                        forms.get(c).or_else(|| forms.get("other")).or_else(|| forms.get("many"))
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
                plural_fn(&mut code, "", key, &params, &format!("match l {{ {arms} }}"));
            }
        }
    }
    if !errors.is_empty() {
        return Err(format!("i18n errors:\n  {}", errors.join("\n  ")));
    }
    writeln!(code, "\n/// Every message key, for tests.\npub const KEYS: &[&str] = &{keys:?};")
        .unwrap();
    let Packed { code: mut packed_code, packs, map, first_extra } = packed(&all, extra)?;
    let every = every_text(&all)?;
    code.push_str(&every);
    packed_code.push_str(&every);
    Ok(Messages { code, packed_code, json: messages_json(&all), packs, slots: map, first_extra })
}

/// The texts of each language as a pack, and the `tr` module that reads
/// them: every plain message takes one slot, every plural message six (one
/// per CLDR category, in [`PLURAL_CATEGORIES`] order, a missing form
/// filled as the embedded module falls back: `other`, then `many`). A pack
/// is a header line, `qujat-texts <hash> <slots> <lang>`, then its slots
/// separated by NUL (a text with a NUL is a build error). The hash covers
/// all three packs, so a pack cached from another build is refused
/// (`crate::i18n::pack`).
fn packed(
    all: &BTreeMap<&str, BTreeMap<String, Msg>>, extra: &[[String; 3]],
) -> Result<Packed, String> {
    let mut slots: [Vec<&str>; 3] = Default::default();
    let keys: Vec<&String> = all["en"].keys().collect();
    let mut map = String::new();
    let mut code = String::from(
        "// @generated by src/build.rs from src/i18n/locales/*.toml. Do not edit.\n\
         #[allow(unused_imports)]\n\
         use crate::i18n::{fill, plural, PluralCategory};\n\
         use crate::i18n::pack::{text, category_slot};\n\
         use crate::engine::source::Lang;\n\n",
    );
    for (key, en_msg) in &all["en"] {
        let first = slots[0].len();
        for (i, lang) in LANGS.iter().enumerate() {
            match &all[lang][key] {
                Msg::Plain(t) => slots[i].push(t),
                Msg::Plural(forms) => {
                    let fallback = forms.get("other").or_else(|| forms.get("many"));
                    for cat in PLURAL_CATEGORIES {
                        let t = forms.get(cat).or(fallback).map_or("", String::as_str);
                        slots[i].push(t);
                    }
                }
            }
        }
        writeln!(map, "{key} {first} {}", slots[0].len() - first).unwrap();
        match en_msg {
            Msg::Plain(en_text) => {
                let params = placeholders(en_text)?;
                plain_fn(&mut code, NAMED, key, &params, &format!("text(l, {first})"));
            }
            Msg::Plural(en_forms) => {
                let mut params =
                    placeholders(&en_forms.values().cloned().collect::<Vec<_>>().join(" "))?;
                params.retain(|p| p != "n");
                let form = format!("text(l, {first} + category_slot(plural(l, n)))");
                plural_fn(&mut code, NAMED, key, &params, &form);
            }
        }
    }
    // The extra texts (the data's) follow the messages, in every pack.
    let first_extra = slots[0].len();
    for texts in extra {
        for (i, t) in texts.iter().enumerate() {
            slots[i].push(t);
        }
    }
    if slots.iter().flatten().any(|t| t.contains('\0')) {
        return Err(
            "a message or a data file's text contains NUL, which separates a pack's texts".into()
        );
    }
    // An empty slot means "not in this bundle's pack" (`.ci/packs.mjs`).
    if slots.iter().flatten().any(|t| t.is_empty()) {
        return Err("a message, plural form or data file's text is empty".into());
    }
    let count = slots[0].len();
    let bodies = slots.map(|s| s.join("\0"));
    // FNV-1a, 64 bits: enough to tell builds apart, and no dependency.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bodies.iter().flat_map(|b| b.bytes().chain([0xff])) {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    let header = format!("qujat-texts {hash:016x} {count}");
    writeln!(
        code,
        "\n/// The first line of this build's packs, before the language code.\npub const HEADER: &str = {header:?};\n/// How many texts a pack holds.\npub const SLOTS: usize = {};\n/// How many of them are the messages' (the data's texts follow).\npub const MESSAGE_SLOTS: usize = {first_extra};\n/// Every message key, for tests.\npub const KEYS: &[&str] = &{keys:?};",
        count
    )
    .unwrap();
    let mut n = 0;
    let packs = bodies.map(|body| {
        let pack = format!("{header} {}\n{body}", LANGS[n]);
        n += 1;
        pack
    });
    Ok(Packed { code, packs, map, first_extra })
}

/// What [`packed`] makes.
struct Packed {
    code: String,
    packs: [String; 3],
    /// Each key's first slot and how many it takes, `key first count` per
    /// line: `.ci/packs.mjs` keeps in a bundle's packs only the keys whose
    /// function the bundle links.
    map: String,
    /// The first slot after the messages'.
    first_extra: usize,
}

/// A test-only function of both `tr` modules: every message in `l`, each
/// placeholder given as `<name>`, each plural message for several counts,
/// so that a test can compare the two modules text by text.
fn every_text(all: &BTreeMap<&str, BTreeMap<String, Msg>>) -> Result<String, String> {
    let mut code = String::from(
        "\n/// Every message in `l` (placeholders as `<name>`, plurals for several counts).\n\
         #[cfg(test)]\npub fn every_text(l: Lang) -> Vec<String> {\n    let mut all = Vec::new();\n",
    );
    for (key, msg) in &all["en"] {
        let (texts, plural) = match msg {
            Msg::Plain(t) => (vec![t.clone()], false),
            Msg::Plural(forms) => (forms.values().cloned().collect(), true),
        };
        let mut params = placeholders(&texts.join(" "))?;
        if plural {
            params.retain(|p| p != "n");
        }
        let args: String = params.iter().map(|p| format!(", \"<{p}>\"")).collect();
        if plural {
            writeln!(
                code,
                "    for n in [0, 1, 2, 3, 5, 11, 12, 21, 22, 25, 101, 111] {{ all.push({key}(l, n{args}).to_string()); }}"
            )
            .unwrap();
        } else {
            writeln!(code, "    all.push({key}(l{args}).to_string());").unwrap();
        }
    }
    code.push_str("    all\n}\n");
    Ok(code)
}

/// The packed functions' attribute: each stays a function of its own, named
/// in the wasm's "name" section, where `.ci/packs.mjs` finds the keys a
/// bundle uses.
const NAMED: &str = "#[inline(never)] ";

/// Writes the function of a plain message: `text` is the expression of its
/// text in `l`, filled with the message's `params` where it has any.
fn plain_fn(code: &mut String, attr: &str, key: &str, params: &[String], text: &str) {
    if params.is_empty() {
        writeln!(code, "{attr}pub fn {key}(l: Lang) -> &'static str {{ {text} }}").unwrap();
    } else {
        let sig: Vec<String> = params.iter().map(|p| format!("{p}: &str")).collect();
        let pairs: Vec<String> = params.iter().map(|p| format!("({p:?}, {p})")).collect();
        writeln!(
            code,
            "{attr}pub fn {key}(l: Lang, {}) -> String {{ fill({text}, &[{}]) }}",
            sig.join(", "),
            pairs.join(", ")
        )
        .unwrap();
    }
}

/// Writes the function of a plural message: `form` is the expression of
/// its form for `n` in `l`, filled with `n` and the other `params`.
fn plural_fn(code: &mut String, attr: &str, key: &str, params: &[String], form: &str) {
    let sig: String = params.iter().map(|p| format!(", {p}: &str")).collect();
    let pairs: String = params.iter().map(|p| format!(", ({p:?}, {p})")).collect();
    writeln!(
        code,
        "{attr}pub fn {key}(l: Lang, n: i64{sig}) -> String {{ let s = {form}; let n_text = n.to_string(); fill(s, &[(\"n\", n_text.as_str()){pairs}]) }}"
    )
    .unwrap();
}
