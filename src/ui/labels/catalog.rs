//! The catalogue: channels, places, situations, actors, terms and times;
//! and the calendar's reasons for a day off.

use chrono::{Datelike, NaiveDate, Weekday};

use super::{Label, Message};
use crate::engine::calendar::{DayKind, HolidayId};
use crate::engine::catalog::{Actor, Duration, Place, Situation, Stage};
use crate::engine::source::Lang;
use crate::engine::term::{Channel, Location, Term, Unit};
use crate::i18n::tr;
use crate::ui::format;

impl Label for Channel {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            Channel::Provider => tr::passport_channel_provider(lang),
            Channel::StateCorporation => tr::passport_channel_state_corporation(lang),
            Channel::Portal => tr::passport_channel_portal(lang),
        }
    }
}

/// The heading of the documents one hands in through a channel.
#[derive(Clone, Copy)]
pub struct DocumentsFor(pub Channel);

impl Label for DocumentsFor {
    fn label(&self, lang: Lang) -> &'static str {
        match self.0 {
            Channel::Provider => tr::passport_documents_provider(lang),
            Channel::StateCorporation => tr::passport_documents_state_corporation(lang),
            Channel::Portal => tr::passport_documents_portal(lang),
        }
    }
}

/// A term's label is where it applies: the channel, or for S3 at the State
/// Corporation the office's location relative to the provider (C-24).
impl Label for Term {
    fn label(&self, lang: Lang) -> &'static str {
        match self.location {
            Some(Location::Same) => tr::passport_location_same(lang),
            Some(Location::Other) => tr::passport_location_other(lang),
            None => self.channel.label(lang),
        }
    }
}

/// "15 working days", "20 calendar days".
impl Message for Term {
    fn message(&self, lang: Lang) -> String {
        let n = i64::from(self.amount);
        match self.unit {
            Unit::WorkingDays => tr::time_working_days(lang, n),
            Unit::CalendarDays => tr::time_calendar_days(lang, n),
        }
    }
}

/// "2 hours", "15 minutes", "1 working day", "1 month".
impl Message for Duration {
    fn message(&self, lang: Lang) -> String {
        match *self {
            Duration::Minutes(m) if m > 0 && m % 60 == 0 => tr::time_hours(lang, i64::from(m / 60)),
            Duration::Minutes(m) => tr::time_minutes(lang, i64::from(m)),
            Duration::WorkingDays(n) => tr::time_working_days(lang, i64::from(n)),
            Duration::Months(n) => tr::time_months(lang, i64::from(n)),
        }
    }
}

impl Label for Place {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            Place::Provider => tr::passport_place_provider(lang),
            Place::StateCorporation => tr::passport_place_state_corporation(lang),
            Place::StateCorporationDuty => tr::passport_place_state_corporation_duty(lang),
            Place::Portal => tr::passport_place_portal(lang),
        }
    }
}

impl Label for Situation {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            Situation::Loss => tr::passport_situation_loss(lang),
            Situation::Damage => tr::passport_situation_damage(lang),
            Situation::NameChange => tr::passport_situation_name_change(lang),
            Situation::FillingErrors => tr::passport_situation_filling_errors(lang),
            Situation::Minor => tr::passport_situation_minor(lang),
            Situation::DigitalDocument => tr::passport_situation_digital_document(lang),
            Situation::Liquidated => tr::passport_situation_liquidated(lang),
        }
    }
}

impl Label for Actor {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            Actor::Clerk => tr::passport_actor_clerk(lang),
            Actor::Head => tr::passport_actor_head(lang),
            Actor::Executor => tr::passport_actor_executor(lang),
            Actor::StateCorporation => tr::passport_actor_state_corporation(lang),
            Actor::Courier => tr::passport_actor_courier(lang),
        }
    }
}

/// The heading of the refusal grounds of a stage.
impl Label for Stage {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            Stage::Acceptance => tr::passport_refusal_acceptance(lang),
            Stage::Decision => tr::passport_refusal_decision(lang),
        }
    }
}

impl Label for Weekday {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            Weekday::Mon => tr::why_monday(lang),
            Weekday::Tue => tr::why_tuesday(lang),
            Weekday::Wed => tr::why_wednesday(lang),
            Weekday::Thu => tr::why_thursday(lang),
            Weekday::Fri => tr::why_friday(lang),
            Weekday::Sat => tr::why_saturday(lang),
            Weekday::Sun => tr::why_sunday(lang),
        }
    }
}

/// Why a day is what it is: "Saturday", "Nauryz", "Capital Day, moved from
/// Saturday 06.07.2024", …
#[derive(Clone, Copy)]
pub struct DayReason(pub NaiveDate, pub DayKind);

impl Message for DayReason {
    fn message(&self, lang: Lang) -> String {
        let DayReason(date, kind) = *self;
        let name = |h: HolidayId| {
            h.names()
                .map(|t| t.get(lang).to_string())
                .unwrap_or_else(|| h.slug().to_string())
        };
        match kind {
            DayKind::Working => tr::why_kind_working(lang).into(),
            DayKind::Weekend => date.weekday().label(lang).into(),
            DayKind::Holiday { holiday } => tr::why_kind_holiday(lang, &name(holiday)),
            DayKind::Moved { holiday, from } => tr::why_kind_moved(
                lang,
                &name(holiday),
                from.weekday().label(lang),
                &format::date(from),
            ),
            DayKind::TransferOff { from } => tr::why_kind_transfer_off(lang, &format::date(from)),
            DayKind::TransferWorking { instead_of } => {
                tr::why_kind_transfer_working(lang, &format::date(instead_of))
            }
        }
    }
}
