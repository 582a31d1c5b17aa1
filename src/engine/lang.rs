//! The interface languages, below both the data that is written in them
//! ([`source`](super::source)) and the packs that carry their texts
//! ([`texts`](super::texts)).

use serde::{Deserialize, Serialize};

crate::engine::json::names!(Lang);

/// The three interface languages. Kazakh first: it is the state language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[derive(strum_macros::IntoStaticStr)]
#[serde(remote = "Self", rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Lang {
    Kk,
    Ru,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

    /// BCP 47 tag for `<html lang>` and speech synthesis.
    /// Written by the `IntoStaticStr` derive: the variant's name in lower case.
    pub fn code(self) -> &'static str {
        self.into()
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "kk" => Some(Lang::Kk),
            "ru" => Some(Lang::Ru),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}
