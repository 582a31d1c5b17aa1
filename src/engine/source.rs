//! Where every rule comes from. The law is data: each item the engine applies
//! carries a [`SourceRef`] naming its seed, clause, language version and line,
//! plus a short verbatim quote that a test checks against the seed text.
//!
//! The structs read from the build-time data declare their fields in the
//! order of their keys, which the build writes sorted: the data is read in
//! that order (`json::in_order`), each value once, where it is; a field
//! declared out of place fails tests/data_order.rs.

use serde::{Deserialize, Serialize};

pub use super::lang::Lang;

crate::engine::json::names!(Seed, Status, SeedLang);

/// A text in the three languages. `kk_working` / `en_working` say that the
/// translation is ours, not an official one (no seed gives it).
#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Text {
    pub en: String,
    pub kk: String,
    pub ru: String,
    /// Where the text is in each language's pack ([`texts`](super::texts)),
    /// when the data left it there: in the bundles built with the feature
    /// `lang-packs` every data file's text carries its slot and `kk`, `ru`
    /// and `en` empty, so a reader downloads the data's texts in one
    /// language, not three (`src/build.rs`, step 5).
    pub slot: Option<u32>,
    /// Languages whose text is a working translation, not an official text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub working: Vec<Lang>,
}

impl Text {
    /// The text in `lang`: from the pack when the data left it there
    /// (empty until that language's pack is installed).
    pub fn get(&self, lang: Lang) -> &str {
        if let Some(slot) = self.slot {
            return super::texts::text(lang, slot as usize);
        }
        match lang {
            Lang::Kk => &self.kk,
            Lang::Ru => &self.ru,
            Lang::En => &self.en,
        }
    }

    /// True when the text shown in `lang` is our translation, not an official one.
    pub fn is_working(&self, lang: Lang) -> bool {
        self.working.contains(&lang)
    }

    pub fn is_complete(&self) -> bool {
        Lang::ALL.iter().all(|&lang| !self.get(lang).trim().is_empty())
    }
}

/// The seed files, by the keys RULES.md uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(remote = "Self")]
pub enum Seed {
    F000,
    F001,
    F002,
    F003,
    F004,
}

impl Seed {
    pub const ALL: [Seed; 5] = [Seed::F000, Seed::F001, Seed::F002, Seed::F003, Seed::F004];

    /// The seed's file name under `tests/fixtures/seeds/`.
    pub fn file_name(self) -> &'static str {
        match self {
            Seed::F000 => "000_e3f53d490976276d.txt",
            Seed::F001 => "001_7d9f43bc6802bc8c.txt",
            Seed::F002 => "002_37d699e0a9a74e85.txt",
            Seed::F003 => "003_4c866ebca6cccc3a.txt",
            Seed::F004 => "004_f802719bf1cac896.txt",
        }
    }

    /// The legal status the seed itself gives (RULES.md §1; LS-1..LS-3).
    pub fn status(self) -> Status {
        match self {
            Seed::F000 | Seed::F001 | Seed::F003 => Status::National,
            Seed::F002 => Status::Regional,
            Seed::F004 => Status::LostForce,
        }
    }
}

/// Legal status of an item (RULES.md LS-3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
pub enum Status {
    /// A national act (F000, F001, F003).
    National,
    /// A regional regulation (F002, East Kazakhstan; status not stated).
    Regional,
    /// Lost force (F004, repealed by Almaty akimat resolution No. 3/399 of 29.09.2020).
    LostForce,
    /// Not in the seeds: a product choice following RULES.md §6.
    Assumption,
}

/// The language version of a seed text that an item cites.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "lowercase")]
pub enum SeedLang {
    Ru,
    Kk,
}

/// Every citation's quote, one per line as `seed<TAB>line<TAB>quote`,
/// after a header line, numbered by [`SourceRef::q`]
/// (`src/build.rs`, step 3). Native tools only: `qujat-facts --quotes`
/// writes it for the web build, which fetches it as `/law-quotes.txt`.
pub const QUOTES_TXT: &str = include_str!(concat!(env!("OUT_DIR"), "/quotes.txt"));

/// One citation: a seed, a clause as RULES.md writes it, the language
/// version, the 1-based line (as `cat -n` numbers it) and a verbatim quote
/// from that line.
#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    pub clause: String,
    pub lang: SeedLang,
    pub line: u32,
    /// The quote's number in the build's list of quotes (`quotes.txt`,
    /// 0-based); the same quote has the same number wherever it is cited.
    pub q: Option<u32>,
    /// The words quoted. Empty in the web build, whose data carries only
    /// [`SourceRef::q`]: the page fetches the quotes when a legal basis is
    /// first opened (`src/build.rs`, step 3), so they cost no first load.
    #[serde(default)]
    pub quote: String,
    pub seed: Seed,
}

/// Where an item comes from: citations, a status, and, for an assumption,
/// the RULES.md §6 entry it follows (e.g. "C-05") and why.
#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    #[serde(default)]
    pub cites: Vec<SourceRef>,
    /// Why this reading was chosen, shown to the user for assumptions.
    pub note: Option<Text>,
    /// RULES.md §6 entry (e.g. "C-25") for an assumption or a resolved conflict.
    pub rule: Option<String>,
    pub status: Status,
}

impl Provenance {
    pub fn is_assumption(&self) -> bool {
        self.status == Status::Assumption
    }
}
