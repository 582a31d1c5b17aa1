//! `qujat-facts`: the texts and catalogue facts the browser suites check
//! against, as one JSON document, so that `tests/e2e` never parses the
//! TOML sources itself. `tests/e2e/run.mjs` runs it once before the suites:
//!
//! ```sh
//! cargo run --bin qujat-facts -- --out target/e2e-facts.json
//! ```
//!
//! The document (stdout without `--out`):
//!
//! - `messages`: every message of `src/i18n/locales`, `key → { kk, ru, en }`,
//!   exactly as `src/build.rs` compiled them into `tr::*` (a plural message
//!   has its CLDR forms in place of each text);
//! - `services`: the catalogue as the engine loads it, `id → service`
//!   (S1, S2, S3: refusal grounds, documents, terms, …);
//! - `registry`: the demo registry's people as the engine loads them.
//!
//! `--quotes FILE` writes instead the list of every citation's quote, one
//! per line (`src/build.rs`, step 3), which `.ci/build` puts into the web
//! build as `/law-quotes.txt`:
//!
//! ```sh
//! cargo run --bin qujat-facts -- --quotes target/law/law-quotes.txt
//! ```
//!
//! `--texts DIR` writes each language's pack of every message as
//! `DIR/texts-<lang>.txt` (`qujat::i18n::pack`) and where each key's texts
//! are in them as `DIR/texts-slots.txt`, from which `.ci/packs.mjs` makes
//! the packs of the bundles built with `lang-packs`:
//!
//! ```sh
//! cargo run --bin qujat-facts -- --texts target/law
//! ```
//!
//! Exit status 2, with one line on stderr, when the embedded data does not
//! load or the file cannot be written.

use std::process::ExitCode;

use qujat::engine::catalog;
use qujat::engine::identity::registry;
use qujat::engine::source::QUOTES_TXT;
use qujat::i18n::{Lang, MESSAGES_JSON, pack};

const USAGE: &str = "usage: qujat-facts [--out FILE | --quotes FILE | --texts DIR]   (JSON on stdout without an option)";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("qujat-facts: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let out = match args.as_slice() {
        [] => None,
        [flag, file] if flag == "--quotes" => return write(file, QUOTES_TXT.to_string()),
        [flag, dir] if flag == "--texts" => {
            for lang in Lang::ALL {
                let file = format!("{dir}/{}", pack::file_name(lang));
                write(&file, pack::file(lang).to_string())?;
            }
            return write(&format!("{dir}/texts-slots.txt"), pack::SLOT_MAP.to_string());
        }
        [flag, file] if flag == "--out" => Some(file.clone()),
        [flag] if flag == "--help" || flag == "-h" => {
            println!("{USAGE}");
            return Ok(());
        }
        _ => return Err(USAGE.to_string()),
    };
    let json = facts()?;
    match out {
        Some(file) => write(&file, json),
        None => {
            println!("{json}");
            Ok(())
        }
    }
}

/// Writes `text` to `file`, making its folder.
fn write(file: &str, text: String) -> Result<(), String> {
    let path = std::path::Path::new(file);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("{file}: {e}"))
}

fn facts() -> Result<String, String> {
    let messages: serde_json::Value =
        serde_json::from_str(MESSAGES_JSON).map_err(|e| format!("messages: {e}"))?;
    let services = catalog::try_all().map_err(|e| format!("catalogue: {e:?}"))?;
    let services: serde_json::Map<String, serde_json::Value> = services
        .into_iter()
        .map(|s| Ok((s.id.to_string(), to_value(&s)?)))
        .collect::<Result<_, String>>()?;
    if let Some(e) = registry::load_error() {
        return Err(format!("registry: {e}"));
    }
    let facts = serde_json::json!({
        "messages": messages,
        "services": services,
        "registry": to_value(registry::people())?,
    });
    serde_json::to_string(&facts).map_err(|e| e.to_string())
}

fn to_value<T: serde::Serialize + ?Sized>(value: &T) -> Result<serde_json::Value, String> {
    serde_json::to_value(value).map_err(|e| e.to_string())
}
