//! Compile-time-checked messages in Kazakh, Russian and English.
//!
//! The texts live in `locales/{kk,ru,en}.toml`; `src/build.rs` turns each key
//! into a function of [`tr`], so a missing translation or a misspelt key fails
//! the build. This costs a few bytes per message, far less than a runtime
//! i18n framework (see `../shared/SIZES.md`), and works natively too, so the
//! CLI and the tests use the same texts as the app. Every bundle but the
//! portal carries only each message's place and fetch their reader's
//! language ([`pack`]).

pub use crate::engine::source::Lang;

/// CLDR plural categories.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralCategory {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

/// The CLDR cardinal plural category of `n` in `lang`.
/// Kazakh and English: one for 1, other otherwise. Russian: one for 1, 21,
/// 31…; few for 2–4, 22–24…; many for the rest (0, 5–20, 25–30, 11–14…).
pub fn plural(lang: Lang, n: i64) -> PluralCategory {
    let n = n.unsigned_abs();
    match lang {
        Lang::Kk | Lang::En => {
            if n == 1 {
                PluralCategory::One
            } else {
                PluralCategory::Other
            }
        }
        Lang::Ru => {
            let (m10, m100) = (n % 10, n % 100);
            if m10 == 1 && m100 != 11 {
                PluralCategory::One
            } else if (2..=4).contains(&m10) && !(12..=14).contains(&m100) {
                PluralCategory::Few
            } else {
                PluralCategory::Many
            }
        }
    }
}

/// Replaces each `{name}` in `template` by its value. Values are plain text;
/// the UI renders the result as text, never as markup.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match after.find('}') {
            Some(j) => {
                let name = &after[..j];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[j + 1..];
            }
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every message as JSON, `{ "key": { "kk": …, "ru": …, "en": … } }` (a
/// plural message has `{ "one": …, "other": … }` forms in place of each
/// text), written by `src/build.rs` from the same files as [`tr`]. For
/// native tools only (`qujat-facts` gives it to the e2e suites): the app
/// never references it, so it is not linked into the wasm.
pub const MESSAGES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/messages.json"));

pub mod pack;

/// The functions with their texts in the code: every build's `tr` but the
/// bundles built with `lang-packs` (see [`pack`]).
#[doc(hidden)]
#[allow(clippy::all, dead_code)]
pub mod embedded {
    include!(concat!(env!("OUT_DIR"), "/i18n.rs"));
}

/// One function per message key: the embedded texts, or in a bundle built
/// with the feature `lang-packs` the texts of the installed packs.
#[cfg(not(feature = "lang-packs"))]
pub use embedded as tr;
#[cfg(feature = "lang-packs")]
pub use pack::tr;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_plural_categories_follow_cldr() {
        use PluralCategory::*;
        let cases = [(0, Many), (1, One), (2, Few), (4, Few), (5, Many), (11, Many), (12, Many)];
        for (n, want) in cases {
            assert_eq!(plural(Lang::Ru, n), want, "n = {n}");
        }
        for (n, want) in [(14, Many), (21, One), (22, Few), (25, Many), (101, One), (111, Many)] {
            assert_eq!(plural(Lang::Ru, n), want, "n = {n}");
        }
    }

    #[test]
    fn kazakh_and_english_have_one_and_other() {
        for lang in [Lang::Kk, Lang::En] {
            assert_eq!(plural(lang, 1), PluralCategory::One);
            for n in [0, 2, 5, 11, 21] {
                assert_eq!(plural(lang, n), PluralCategory::Other);
            }
        }
    }

    #[test]
    fn fill_replaces_named_placeholders_and_keeps_unknown_ones() {
        assert_eq!(fill("due {date} ({n})", &[("date", "01.04"), ("n", "15")]), "due 01.04 (15)");
        assert_eq!(fill("{x} stays", &[]), "{x} stays");
        assert_eq!(fill("no close {", &[]), "no close {");
    }

    #[test]
    fn values_are_inserted_verbatim_not_reinterpreted() {
        assert_eq!(
            fill("{a}", &[("a", "<script>{b}</script>"), ("b", "x")]),
            "<script>{b}</script>"
        );
    }

    #[test]
    fn the_messages_json_has_every_key_in_every_language() {
        let all: serde_json::Value = serde_json::from_str(MESSAGES_JSON).unwrap();
        let all = all.as_object().unwrap();
        assert_eq!(all.len(), tr::KEYS.len());
        for key in tr::KEYS {
            for lang in ["kk", "ru", "en"] {
                assert!(!all[*key][lang].is_null(), "{key} in {lang}");
            }
        }
        assert_eq!(all["app_name"]["en"], tr::app_name(Lang::En));
        assert_eq!(all["home_title"]["kk"], tr::home_title(Lang::Kk));
        // A plural message keeps its CLDR forms.
        assert_eq!(all["time_minutes"]["ru"]["few"], "{n} минуты");
    }

    #[test]
    fn every_language_has_every_key() {
        assert!(!tr::KEYS.is_empty());
        assert_eq!(tr::app_name(Lang::En), "Qujat");
    }
}
