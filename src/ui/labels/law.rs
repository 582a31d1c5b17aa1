//! The law: the status of a legal basis and the seed it comes from.

use super::{Label, Tagged};
use crate::engine::source::{Lang, Seed, SeedLang, Status};
use crate::i18n::tr;

impl Label for Status {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            Status::National => tr::law_status_national(lang),
            Status::Regional => tr::law_status_regional(lang),
            Status::LostForce => tr::law_status_lost_force(lang),
            Status::Assumption => tr::law_status_assumption(lang),
        }
    }
}

impl Tagged for Status {
    fn tag_class(&self) -> &'static str {
        match self {
            Status::National => "tag tag--national",
            Status::Regional => "tag tag--regional",
            Status::LostForce => "tag tag--lost-force",
            Status::Assumption => "tag tag--assumption",
        }
    }
}

impl Label for Seed {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            Seed::F000 => tr::law_seed_f000(lang),
            Seed::F001 => tr::law_seed_f001(lang),
            Seed::F002 => tr::law_seed_f002(lang),
            Seed::F003 => tr::law_seed_f003(lang),
            Seed::F004 => tr::law_seed_f004(lang),
        }
    }
}

/// The language version of a seed ("Russian version").
impl Label for SeedLang {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            SeedLang::Ru => tr::law_lang_ru(lang),
            SeedLang::Kk => tr::law_lang_kk(lang),
        }
    }
}
