//! The catalogue: channels, places, situations, actors, terms and times;
//! and the calendar's reasons for a day off.

use chrono::{Datelike, NaiveDate, Weekday};

use super::{Label, Message, labels};
use crate::engine::calendar::{DayKind, HolidayId};
use crate::engine::catalog::{Actor, Duration, Place, Situation, Stage};
use crate::engine::source::Lang;
use crate::engine::term::{Channel, Location, Term, Unit};
use crate::i18n::tr;
use crate::ui::format;

labels! {
    Channel {
        Channel::Provider => passport_channel_provider,
        Channel::Portal => passport_channel_portal,
        Channel::StateCorporation => passport_channel_state_corporation,
    }
    Place {
        Place::Provider => passport_place_provider,
        Place::Portal => passport_place_portal,
        Place::StateCorporation => passport_place_state_corporation,
        Place::StateCorporationDuty => passport_place_state_corporation_duty,
    }
    Situation {
        Situation::Loss => passport_situation_loss,
        Situation::Damage => passport_situation_damage,
        Situation::NameChange => passport_situation_name_change,
        Situation::Minor => passport_situation_minor,
        Situation::FillingErrors => passport_situation_filling_errors,
        Situation::DigitalDocument => passport_situation_digital_document,
        Situation::Liquidated => passport_situation_liquidated,
    }
    Actor {
        Actor::Clerk => passport_actor_clerk,
        Actor::Head => passport_actor_head,
        Actor::Executor => passport_actor_executor,
        Actor::Courier => passport_actor_courier,
        Actor::StateCorporation => passport_actor_state_corporation,
    }
    // The heading of the refusal grounds of a stage.
    Stage { Stage::Acceptance => passport_refusal_acceptance, Stage::Decision => passport_refusal_decision }
    Weekday {
        Weekday::Mon => why_monday,
        Weekday::Tue => why_tuesday,
        Weekday::Wed => why_wednesday,
        Weekday::Thu => why_thursday,
        Weekday::Fri => why_friday,
        Weekday::Sat => why_saturday,
        Weekday::Sun => why_sunday,
    }
    // The heading of the documents one hands in through a channel.
    DocumentsFor {
        DocumentsFor(Channel::Provider) => passport_documents_provider,
        DocumentsFor(Channel::StateCorporation) => passport_documents_state_corporation,
        DocumentsFor(Channel::Portal) => passport_documents_portal,
    }
}

/// The heading of the documents one hands in through a channel.
#[derive(Clone, Copy)]
pub struct DocumentsFor(pub Channel);

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

/// Why a day is what it is: "Saturday", "Nauryz", "Capital Day, moved from
/// Saturday 06.07.2024", …
#[derive(Clone, Copy)]
pub struct DayReason(pub NaiveDate, pub DayKind);

impl Message for DayReason {
    fn message(&self, lang: Lang) -> String {
        let DayReason(date, kind) = *self;
        let name = |h: HolidayId| {
            h.names().map(|t| t.get(lang).to_string()).unwrap_or_else(|| h.slug().to_string())
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
