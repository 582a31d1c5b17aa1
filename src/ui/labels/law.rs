//! The law: the status of a legal basis and the seed it comes from.

use super::{Tagged, labels};
use crate::engine::source::{Seed, SeedLang, Status};

labels! {
    Status {
        Status::National => law_status_national,
        Status::Regional => law_status_regional,
        Status::LostForce => law_status_lost_force,
        Status::Assumption => law_status_assumption,
    }
    Seed {
        Seed::F000 => law_seed_f000,
        Seed::F001 => law_seed_f001,
        Seed::F002 => law_seed_f002,
        Seed::F003 => law_seed_f003,
        Seed::F004 => law_seed_f004,
    }
    // The language version of a seed ("Russian version").
    SeedLang { SeedLang::Ru => law_lang_ru, SeedLang::Kk => law_lang_kk }
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
