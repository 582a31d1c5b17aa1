//! The texts a bundle fetches instead of carrying them: each language's
//! pack, kept once installed for the rest of the visit, read by slot.
//!
//! Why here and not in `crate::i18n::pack` (which checks a pack and
//! installs it): two readers share the packs, the messages (`tr`) and the
//! data files' texts ([`Text`](super::source::Text) with a slot, in the
//! bundles built with the feature `lang-packs`), and the engine must not
//! import the i18n layer, which imports the engine's [`Lang`].
//!
//! ```
//! use qujat::engine::{source::Lang, texts};
//!
//! // Nothing is installed yet: a read is empty, never a panic.
//! assert!(!texts::is_installed(Lang::Kk));
//! assert_eq!(texts::text(Lang::Kk, 0), "");
//! texts::keep(Lang::Kk, vec!["Сәлем", "Құжат"]);
//! assert_eq!(texts::text(Lang::Kk, 1), "Құжат");
//! // The first pack of a language stays.
//! texts::keep(Lang::Kk, vec!["другой"]);
//! assert_eq!(texts::text(Lang::Kk, 0), "Сәлем");
//! assert_eq!(texts::text(Lang::En, 0), "");
//! ```

use std::sync::OnceLock;

use super::lang::Lang;

static PACKS: [OnceLock<Vec<&'static str>>; 3] = [const { OnceLock::new() }; 3];

static MISSING: OnceLock<fn(Lang, usize)> = OnceLock::new();

fn index(lang: Lang) -> usize {
    match lang {
        Lang::Kk => 0,
        Lang::Ru => 1,
        Lang::En => 2,
    }
}

/// Keeps `texts` as `lang`'s pack for the rest of the visit. A second
/// pack of the same language is ignored: every pack of a build is the
/// same (`crate::i18n::pack::install` checks that it is this build's).
pub fn keep(lang: Lang, texts: Vec<&'static str>) {
    let _ = PACKS[index(lang)].set(texts);
}

/// Whether `lang`'s pack is here.
pub fn is_installed(lang: Lang) -> bool {
    PACKS[index(lang)].get().is_some()
}

/// The text in `slot` of `lang`'s pack. Empty, and the function given to
/// [`on_missing`] hears of it, when the pack is not installed (the app
/// starts, and switches language, only once it is) or left the slot empty
/// (every real text is non-empty, so that is a text `.ci/packs.mjs` did
/// not keep for the bundle).
pub fn text(lang: Lang, slot: usize) -> &'static str {
    let text = PACKS[index(lang)].get().and_then(|texts| texts.get(slot).copied()).unwrap_or("");
    if text.is_empty()
        && let Some(missing) = MISSING.get()
    {
        missing(lang, slot);
    }
    text
}

/// Sets what [`text`] calls with a language and slot whose text is not
/// here (the app logs it as an error, which the browser suites fail on).
/// The first call wins.
pub fn on_missing(report: fn(Lang, usize)) {
    let _ = MISSING.set(report);
}
