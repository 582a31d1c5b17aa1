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
//!    For the bundles that fetch their texts (feature `lang-packs`,
//!    `crate::i18n::pack`) the same step writes a second `tr` module
//!    (`i18n_packed.rs`, each function reading its slot), each language's
//!    pack (`texts-<lang>.txt`) and where each key's slots are
//!    (`texts-slots.txt`). The generator is `src/build/i18n.rs`.
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
//! 5. The data's texts in the packs: every text of every data file
//!    (`{kk, ru, en}`: the services', the calendar's holiday names, the
//!    registry's, the queue's, the issuers', the regions' and the engine's
//!    notes) is appended to the language packs after the messages, in file
//!    and document order, and each file is written again as
//!    `<name>-packed.json` (the registry's parts as
//!    `registry-<part>-packed.json`) with each text's languages empty and
//!    its slot (`"slot": n`), which the bundles that fetch their texts embed
//!    (`engine::embedded::embedded_data!`). A reader then downloads the data's
//!    texts in one language. The portal, which carries its texts, embeds
//!    the full files.

use std::collections::BTreeMap;
use std::env;
use std::fs;
use std::path::{Path, PathBuf};

#[path = "build/i18n.rs"]
mod i18n;

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
    // The data's texts (step 5), in file and document order, and each
    // file's data to write again with slots instead of texts.
    let mut data_texts = Vec::new();
    let mut packable = Vec::new();
    for path in entries {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let value: toml::Value =
            toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut value = serde_json::to_value(&value).map_err(|e| e.to_string())?;
        quotes.number(&mut value, web).map_err(|e| format!("{}: {e}", path.display()))?;
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if is_service(&name) {
            cards.push(project(&value, &CARD));
        }
        if name == "registry" {
            check_registry_parts(&value).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        write_data(out, &name, &value, "")?;
        let before = data_texts.len();
        texts_of(&value, &mut data_texts);
        // A file with no text (`cases.toml`) needs no second copy.
        if data_texts.len() > before {
            packable.push((name, value));
        }
    }
    let messages = i18n::generate(&locales, &data_texts)?;
    let write = |name: &str, text: &str| fs::write(out.join(name), text).map_err(|e| e.to_string());
    write("i18n.rs", &messages.code)?;
    write("i18n_packed.rs", &messages.packed_code)?;
    write("messages.json", &messages.json)?;
    write("texts-slots.txt", &messages.slots)?;
    for (lang, pack) in i18n::LANGS.iter().zip(&messages.packs) {
        write(&format!("texts-{lang}.txt"), pack)?;
    }
    // Each data file again, its texts replaced by their slots in the
    // packs, which follow the messages' (`texts_of` and `slotted` walk
    // the data in the same order).
    let mut next = messages.first_extra;
    for (name, mut value) in packable {
        slotted(&mut value, &mut next);
        write_data(out, &name, &value, "-packed")?;
    }
    if next - messages.first_extra != data_texts.len() {
        return Err(format!(
            "{} data texts slotted, {} in the packs (src/build.rs)",
            next - messages.first_extra,
            data_texts.len()
        ));
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
    let hash = body
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    let header = format!("qujat-quotes {} {hash:016x}", quotes.list.len());
    fs::write(out.join("quotes.txt"), format!("{header}\n{body}\n")).map_err(|e| e.to_string())?;
    fs::write(out.join("quotes_header.txt"), header).map_err(|e| e.to_string())?;
    Ok(())
}

/// The registry's two parts, read on their own (step 4): people (with the
/// schools they went to) apart from places (settlements, offices), since
/// the portal's sign-in reads only people.
const REGISTRY_PARTS: [(&str, [&str; 2]); 2] =
    [("people", ["person", "organisation"]), ("places", ["settlement", "office"])];

/// Writes `value` as the data file `<name><suffix>.json` (`suffix` is
/// `""`, or `"-packed"` for the copy with slots, step 5); the registry as
/// its two parts only (step 4): nothing embeds it whole.
fn write_data(
    out: &Path, name: &str, value: &serde_json::Value, suffix: &str,
) -> Result<(), String> {
    let write = |file: String, value: &serde_json::Value| {
        let json = serde_json::to_string(value).map_err(|e| e.to_string())?;
        fs::write(out.join(file), json).map_err(|e| e.to_string())
    };
    if name == "registry" {
        for (part, fields) in REGISTRY_PARTS {
            write(format!("registry-{part}{suffix}.json"), &project(value, &fields))?;
        }
        Ok(())
    } else {
        write(format!("{name}{suffix}.json"), value)
    }
}

/// Every table of the registry is in one of its parts.
fn check_registry_parts(value: &serde_json::Value) -> Result<(), String> {
    for table in value.as_object().into_iter().flatten().map(|(k, _)| k) {
        if !REGISTRY_PARTS.iter().any(|(_, f)| f.contains(&table.as_str())) {
            return Err(format!("[{table}] is in neither part of the registry (src/build.rs)"));
        }
    }
    Ok(())
}

/// A service's data file: `s1.toml`, `s2.toml`, `s3.toml`.
fn is_service(name: &str) -> bool {
    name.strip_prefix('s').is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether `map` is a text in the three languages (`engine::source::Text`):
/// `kk`, `ru` and `en` strings, perhaps `working`, nothing else.
fn is_text(map: &serde_json::Map<String, serde_json::Value>) -> bool {
    ["kk", "ru", "en"].iter().all(|l| map.get(*l).is_some_and(|v| v.is_string()))
        && map.keys().all(|k| ["kk", "ru", "en", "working"].contains(&k.as_str()))
}

/// Every text of `value` as `[kk, ru, en]`, in document order (an object's
/// fields in key order, as `serde_json::Map` keeps them).
fn texts_of(value: &serde_json::Value, out: &mut Vec<[String; 3]>) {
    match value {
        serde_json::Value::Object(map) if is_text(map) => {
            out.push(["kk", "ru", "en"].map(|l| map[l].as_str().unwrap_or_default().to_owned()));
        }
        serde_json::Value::Object(map) => map.values().for_each(|v| texts_of(v, out)),
        serde_json::Value::Array(items) => items.iter().for_each(|v| texts_of(v, out)),
        _ => {}
    }
}

/// `value` with each text's languages emptied and its slot in the packs
/// added (`"slot": n`, numbered from `next` in the order of [`texts_of`]).
/// The empty strings keep the three fields required by the reader.
fn slotted(value: &mut serde_json::Value, next: &mut usize) {
    match value {
        serde_json::Value::Object(map) if is_text(map) => {
            for lang in ["kk", "ru", "en"] {
                map.insert(lang.into(), "".into());
            }
            map.insert("slot".into(), (*next).into());
            *next += 1;
        }
        serde_json::Value::Object(map) => map.values_mut().for_each(|v| slotted(v, next)),
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| slotted(v, next)),
        _ => {}
    }
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
