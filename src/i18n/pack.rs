//! Texts fetched per language: a bundle built with the feature
//! `lang-packs` carries no message text, only each message's slot; the
//! texts of the reader's language come from the bundle's
//! `texts-<lang>-<hash>.txt` before the app starts, and another language's when
//! the reader switches to it.
//!
//! Why: every bundle carried all three languages, about 40 KB of brotli in
//! the applying bundle, of which a reader reads one. A bundle's pack holds
//! one language's texts of the messages that bundle uses (`.ci/packs.mjs`
//! keeps the keys whose `tr` function the bundle's wasm links; the other
//! slots are empty), and the service worker precaches every pack, so
//! offline use is unchanged.
//!
//! A pack is `src/build.rs`'s (`src/build/i18n.rs`, `packed`): a header
//! line naming the build's texts and the language, then the texts
//! separated by NUL. [`install`] refuses a pack of another build (an old
//! cached copy, a server's fallback page) rather than show wrong words.
//! Keys stay checked at compile time: `tr` has the same functions in both
//! forms, and a test compares them text by text.
//!
//! ```
//! use qujat::i18n::{pack, Lang};
//!
//! let file = pack::file(Lang::En);
//! assert!(file.starts_with(pack::HEADER));
//! pack::install(Lang::En, file).unwrap();
//! assert!(pack::is_installed(Lang::En));
//! assert_eq!(pack::tr::app_name(Lang::En), "Qujat");
//! // Not this build's texts:
//! assert!(pack::install(Lang::Ru, "qujat-texts 0 1 ru\nx").is_err());
//! ```

use super::{Lang, PluralCategory};
use crate::engine::texts;

/// The `tr` functions that read the installed packs. The app's `tr` in a
/// bundle built with `lang-packs`; compiled everywhere so that tests
/// compare it with the embedded one.
#[allow(clippy::all, dead_code)]
pub mod tr {
    include!(concat!(env!("OUT_DIR"), "/i18n_packed.rs"));
}

pub use tr::{HEADER, MESSAGE_SLOTS, SLOTS};

/// Whether this build's `tr` reads packs (the feature `lang-packs`).
pub const FETCHED: bool = cfg!(feature = "lang-packs");

/// The name of a language's pack in a bundle's folder.
pub fn file_name(lang: Lang) -> String {
    format!("texts-{}.txt", lang.code())
}

/// Each key's first slot and how many slots it takes, `key first count`
/// per line (`qujat-facts --texts` writes it for `.ci/packs.mjs`).
pub const SLOT_MAP: &str = include_str!(concat!(env!("OUT_DIR"), "/texts-slots.txt"));

/// This build's pack for `lang`, as `.ci/build` serves it (native tools;
/// `qujat-facts --texts` writes them).
pub fn file(lang: Lang) -> &'static str {
    match lang {
        Lang::Kk => include_str!(concat!(env!("OUT_DIR"), "/texts-kk.txt")),
        Lang::Ru => include_str!(concat!(env!("OUT_DIR"), "/texts-ru.txt")),
        Lang::En => include_str!(concat!(env!("OUT_DIR"), "/texts-en.txt")),
    }
}

/// Why a pack was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PackError {
    /// The first line is not this build's header and the language asked
    /// for: another build's pack, another language's, or not a pack.
    #[error("not this build's texts (first line {:?})", .first_line.chars().take(60).collect::<String>())]
    NotThisBuild { first_line: String },
    /// The header is right but the texts are not as many as it says.
    #[error("a pack of {found} texts where this build has {SLOTS}")]
    Count { found: usize },
}

/// Checks `file` and keeps its texts for `lang` for the rest of the visit
/// (`engine::texts`, which both `tr` and the catalogue's texts read).
/// Installing a language a second time keeps the first pack (both are this
/// build's, so they are the same).
pub fn install(lang: Lang, file: &str) -> Result<(), PackError> {
    let (first, body) = file.split_once('\n').unwrap_or((file, ""));
    if first.strip_suffix(lang.code()).and_then(|h| h.strip_suffix(' ')) != Some(HEADER) {
        return Err(PackError::NotThisBuild { first_line: first.to_owned() });
    }
    let found = body.split('\0').count();
    if found != SLOTS {
        return Err(PackError::Count { found });
    }
    if !texts::is_installed(lang) {
        // Kept for the whole visit, like the texts the code would carry.
        let body: &'static str = Box::leak(body.to_owned().into_boxed_str());
        texts::keep(lang, body.split('\0').collect());
    }
    Ok(())
}

pub use crate::engine::texts::{is_installed, on_missing, text};

/// Where a plural category's form is among a plural message's six slots.
pub fn category_slot(category: PluralCategory) -> usize {
    match category {
        PluralCategory::Zero => 0,
        PluralCategory::One => 1,
        PluralCategory::Two => 2,
        PluralCategory::Few => 3,
        PluralCategory::Many => 4,
        PluralCategory::Other => 5,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn installed() {
        for lang in Lang::ALL {
            install(lang, file(lang)).unwrap();
        }
    }

    #[test]
    fn every_text_read_from_the_packs_is_the_embedded_text() {
        installed();
        for lang in Lang::ALL {
            let packed = tr::every_text(lang);
            let embedded = super::super::embedded::every_text(lang);
            assert_eq!(packed.len(), embedded.len());
            for (i, (p, e)) in packed.iter().zip(&embedded).enumerate() {
                assert_eq!(p, e, "{lang:?}, text {i}");
            }
            assert!(packed.iter().all(|t| !t.is_empty()), "{lang:?}: an empty text");
        }
    }

    #[test]
    fn a_pack_of_another_build_language_or_length_is_refused() {
        let ru = file(Lang::Ru);
        assert!(matches!(install(Lang::Kk, ru), Err(PackError::NotThisBuild { .. })));
        let other = ru.replacen("qujat-texts ", "qujat-texts 0", 1);
        assert!(matches!(install(Lang::Ru, &other), Err(PackError::NotThisBuild { .. })));
        let (first, body) = ru.split_once('\n').unwrap();
        let short = format!("{first}\n{}", &body[..body.rfind('\0').unwrap()]);
        assert_eq!(install(Lang::Ru, &short), Err(PackError::Count { found: SLOTS - 1 }));
        assert!(install(Lang::Ru, "").is_err());
        assert!(install(Lang::Ru, "<!doctype html>\n<p>Not found</p>").is_err());
        let refused = install(Lang::Kk, ru).unwrap_err().to_string();
        assert!(refused.contains("not this build's texts"), "{refused}");
    }

    #[test]
    fn every_header_names_its_language_and_the_same_build() {
        for lang in Lang::ALL {
            let first = file(lang).lines().next().unwrap();
            assert_eq!(first, format!("{HEADER} {}", lang.code()));
        }
        assert_eq!(file_name(Lang::Kk), "texts-kk.txt");
        // Every slot belongs to exactly one key, in order.
        let mut next = 0;
        for line in SLOT_MAP.lines() {
            let parts: Vec<&str> = line.split(' ').collect();
            assert_eq!(parts.len(), 3, "{line}");
            assert_eq!(parts[1].parse::<usize>().unwrap(), next, "{line}");
            let count: usize = parts[2].parse().unwrap();
            assert!(count == 1 || count == 6, "{line}");
            next += count;
        }
        assert_eq!(next, MESSAGE_SLOTS);
        assert_eq!(SLOT_MAP.lines().count(), tr::KEYS.len());
        // The data's texts follow the messages' (src/build.rs, step 5).
        for lang in Lang::ALL {
            let (_, body) = file(lang).split_once('\n').unwrap();
            let data = &body.split('\0').collect::<Vec<_>>()[MESSAGE_SLOTS..];
            assert!(data.len() > 300, "{lang:?}: {} data texts", data.len());
            assert!(data.iter().all(|t| !t.trim().is_empty()), "{lang:?}");
        }
    }
}
