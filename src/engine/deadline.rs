//! Deadlines that explain themselves.
//!
//! A citizen must be able to ask "why this date?". Each computation returns,
//! besides the date, the list of [`Step`]s that produced it: when the
//! application was taken as accepted, which day is day 0, which days were
//! skipped and why, and the [`Provenance`] (clause or RULES.md §6 assumption)
//! of every rule applied. Steps are data (dates, ids, provenance), never
//! prose, so the UI can render them in kk, ru or en;
//! [`Explanation::to_english_lines`] exists only for the CLI.
//!
//! Monotonicity holds by construction: acceptance is "the same or the next
//! working day", and both day counts are monotone in their start date, so a
//! later submission never yields an earlier due date (checked by proptest).

use chrono::{DateTime, Datelike, Months, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc};
use serde::{Deserialize, Serialize};

use super::calendar::{Calendar, CalendarError, DayKind, YearStatus};
use super::kztime::{self, KzTimeError};
use super::source::{Lang, Provenance, Seed, SeedLang, SourceRef, Status, Text};
use super::term::{Channel, ClockTime, EndRule, Location, StartRule, Term, Unit};

/// Why a deadline could not be computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeadlineError {
    Calendar(CalendarError),
    Time(KzTimeError),
    /// A `NextWorkingDayAfterCutoff` term whose cutoff is not "HH:MM".
    BadCutoff(String),
    /// A term of zero days: the data is wrong, not the citizen.
    ZeroTerm,
    /// The service has no term for this channel.
    NoTermForChannel(Channel),
    /// The service has terms for this channel, but none for this location.
    NoTermForLocation(Channel, Location),
}

impl std::fmt::Display for DeadlineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DeadlineError::Calendar(e) => e.fmt(f),
            DeadlineError::Time(e) => e.fmt(f),
            DeadlineError::BadCutoff(s) => write!(f, "bad cut-off time {s:?}, want HH:MM"),
            DeadlineError::ZeroTerm => write!(f, "a term of 0 days is not a valid term"),
            DeadlineError::NoTermForChannel(c) => {
                write!(f, "the service cannot be applied for via {}", c.slug())
            }
            DeadlineError::NoTermForLocation(c, l) => {
                write!(f, "the service has no {} term for location {l:?}", c.slug())
            }
        }
    }
}

impl std::error::Error for DeadlineError {}

impl From<CalendarError> for DeadlineError {
    fn from(e: CalendarError) -> Self {
        DeadlineError::Calendar(e)
    }
}

impl From<KzTimeError> for DeadlineError {
    fn from(e: KzTimeError) -> Self {
        DeadlineError::Time(e)
    }
}

/// One step of an explanation. Tagged `{"step": "counted", …}`, kebab-case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "kebab-case")]
pub enum Step {
    /// The submission instant, and how it reads on a Kazakhstan clock.
    Submitted {
        instant: DateTime<Utc>,
        local: NaiveDateTime,
        offset_hours: i32,
    },
    /// S3 at the State Corporation without a known office location: the
    /// longer term is used (C-24).
    LocationAssumed {
        location: Location,
        source: Provenance,
    },
    /// Submitted at or after the cut-off: accepted on the next working day.
    AfterHours {
        cutoff: ClockTime,
        local_time: NaiveTime,
        next: NaiveDate,
        source: Provenance,
    },
    /// Submitted on a day off: accepted on the next working day.
    NonWorkingDay {
        date: NaiveDate,
        reason: DayKind,
        next: NaiveDate,
        source: Provenance,
    },
    /// Day 0 of the count (the day of hand-in or acceptance; C-25).
    CountFrom {
        day_zero: NaiveDate,
        source: Provenance,
    },
    /// `amount` units counted from day 0 (exclusive) to `to` (inclusive).
    Counted {
        amount: u32,
        unit: Unit,
        from: NaiveDate,
        to: NaiveDate,
        source: Provenance,
    },
    /// A non-working day inside a working-day count, other than a plain weekend.
    Skipped { date: NaiveDate, why: DayKind },
    /// A decreed working weekend day inside a working-day count: it counts.
    WorkingWeekend {
        date: NaiveDate,
        instead_of: NaiveDate,
    },
    /// How many plain Saturdays and Sundays the count skipped.
    WeekendsSkipped { count: u32 },
    /// A calendar-day term ended on a day off and moves to the next working day.
    MovedToWorkingDay {
        from: NaiveDate,
        to: NaiveDate,
        why: DayKind,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        source: Option<Provenance>,
    },
    /// A calendar-day term ends on a day off and is **not** moved (the term
    /// says so); offices are closed that day.
    DueOnDayOff {
        date: NaiveDate,
        why: DayKind,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        source: Option<Provenance>,
    },
    /// The calendar data for this year is not final (estimated Kurban Ait,
    /// unknown transfers, announced holiday changes).
    CalendarUncertain { year: i32, status: Vec<YearStatus> },
    /// S3: the provider's internal delivery deadline to the State Corporation (C-26).
    ProviderDelivery {
        deadline: NaiveDate,
        deliver_by: NaiveDate,
        source: Provenance,
    },
    /// Storage at the State Corporation for `months` from `from`.
    StoredUntil {
        from: NaiveDate,
        months: u32,
        until: NaiveDate,
        source: Provenance,
    },
    /// The resulting date.
    Due { date: NaiveDate },
}

/// The steps of a computation and the assumptions (status `Assumption`)
/// it relied on, each listed once.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Explanation {
    pub steps: Vec<Step>,
    pub assumptions: Vec<Provenance>,
}

/// A citizen-facing deadline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    /// The day the application counts as accepted (day 0).
    pub accepted_on: NaiveDate,
    pub due: NaiveDate,
    pub explanation: Explanation,
}

/// Any other dated milestone (storage, return, complaint answer).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub date: NaiveDate,
    pub explanation: Explanation,
}

impl Explanation {
    fn push(&mut self, step: Step) {
        self.steps.push(step);
    }

    /// Records an assumption once, if `p` is one.
    fn assume(&mut self, p: &Provenance) {
        if p.is_assumption() && !self.assumptions.contains(p) {
            self.assumptions.push(p.clone());
        }
    }

    /// A plain-English rendering, one line per step, for the CLI only (the UI
    /// renders the steps through i18n).
    pub fn to_english_lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self.steps.iter().map(english).collect();
        for a in &self.assumptions {
            let note = a.note.as_ref().map(|t| t.get(Lang::En)).unwrap_or("");
            lines.push(format!("Assumption{}: {note}", cite_suffix(a)));
        }
        lines
    }
}

fn cite_suffix(p: &Provenance) -> String {
    let mut parts: Vec<String> = Vec::new();
    for c in &p.cites {
        let lang = match c.lang {
            SeedLang::Ru => "RU",
            SeedLang::Kk => "KZ",
        };
        // Two quotes from one line cite it once.
        let s = format!("{:?} {} {lang}, L{}", c.seed, c.clause, c.line);
        if !parts.contains(&s) {
            parts.push(s);
        }
    }
    if let Some(r) = &p.rule {
        parts.push(r.clone());
    }
    if p.is_assumption() {
        parts.push("interpretation".into());
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" [{}]", parts.join("; "))
    }
}

fn dmy(d: NaiveDate) -> String {
    format!("{} ({})", d, d.format("%a"))
}

fn holiday_name(kind: DayKind) -> String {
    let name = |id: super::calendar::HolidayId| {
        id.names()
            .map(|t| t.get(Lang::En).to_string())
            .unwrap_or_else(|| id.slug().to_string())
    };
    match kind {
        DayKind::Working => "working day".into(),
        DayKind::Weekend => "weekend".into(),
        DayKind::Holiday { holiday } => name(holiday),
        DayKind::Moved { holiday, from } => {
            format!("{}, moved from {}", name(holiday), dmy(from))
        }
        DayKind::TransferOff { from } => {
            format!(
                "day off by decree, in exchange for working on {}",
                dmy(from)
            )
        }
        DayKind::TransferWorking { instead_of } => {
            format!("working day by decree, instead of {}", dmy(instead_of))
        }
    }
}

fn english(step: &Step) -> String {
    match step {
        Step::Submitted {
            instant,
            local,
            offset_hours,
        } => format!(
            "Submitted {} Kazakhstan time (UTC+{offset_hours}), {}.",
            local.format("%Y-%m-%d %H:%M"),
            instant.format("%Y-%m-%dT%H:%M:%SZ")
        ),
        Step::LocationAssumed { location, source } => format!(
            "Office location unknown: the {} term is used.{}",
            match location {
                Location::Same => "same-settlement",
                Location::Other => "longer other-settlement",
            },
            cite_suffix(source)
        ),
        Step::AfterHours {
            cutoff,
            local_time,
            next,
            source,
        } => format!(
            "Submitted at {} (at or after the {cutoff} cut-off): accepted on the next working day, {}.{}",
            local_time.format("%H:%M"),
            dmy(*next),
            cite_suffix(source)
        ),
        Step::NonWorkingDay {
            date,
            reason,
            next,
            source,
        } => format!(
            "{} is not a working day ({}): accepted on the next working day, {}.{}",
            dmy(*date),
            holiday_name(*reason),
            dmy(*next),
            cite_suffix(source)
        ),
        Step::CountFrom { day_zero, source } => format!(
            "Day 0 is {}; counting starts the next day.{}",
            dmy(*day_zero),
            cite_suffix(source)
        ),
        Step::Counted {
            amount,
            unit,
            from,
            to,
            source,
        } => format!(
            "Counted {amount} {} after {}: {}.{}",
            match unit {
                Unit::WorkingDays => "working days",
                Unit::CalendarDays => "calendar days",
            },
            from,
            dmy(*to),
            cite_suffix(source)
        ),
        Step::Skipped { date, why } => {
            format!("Skipped {}: {}.", dmy(*date), holiday_name(*why))
        }
        Step::WorkingWeekend { date, instead_of } => format!(
            "Counted {}: a working day by decree, instead of {}.",
            dmy(*date),
            dmy(*instead_of)
        ),
        Step::WeekendsSkipped { count } => format!("Skipped {count} weekend days."),
        Step::MovedToWorkingDay {
            from,
            to,
            why,
            source,
        } => format!(
            "{} is not a working day ({}): moved to {}.{}",
            dmy(*from),
            holiday_name(*why),
            dmy(*to),
            source.as_ref().map(cite_suffix).unwrap_or_default()
        ),
        Step::DueOnDayOff { date, why, source } => format!(
            "{} is not a working day ({}); the term is not moved.{}",
            dmy(*date),
            holiday_name(*why),
            source.as_ref().map(cite_suffix).unwrap_or_default()
        ),
        Step::CalendarUncertain { year, status } => format!(
            "The {year} calendar is not final ({}).",
            status
                .iter()
                .map(|s| match s {
                    YearStatus::Confirmed => "confirmed",
                    YearStatus::HolidaysUncertain => "holidays may change",
                    YearStatus::KurbanAitEstimated => "Kurban Ait date estimated",
                    YearStatus::TransfersUnknown => "day-off transfers not yet decreed",
                })
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Step::ProviderDelivery {
            deadline,
            deliver_by,
            source,
        } => format!(
            "The provider delivers the result to the State Corporation by the end of {}, the working day before the deadline {}.{}",
            dmy(*deliver_by),
            deadline,
            cite_suffix(source)
        ),
        Step::StoredUntil {
            from,
            months,
            until,
            source,
        } => format!(
            "Held at the State Corporation for {months} month from {from}: until {}, then handed to the provider.{}",
            dmy(*until),
            cite_suffix(source)
        ),
        Step::Due { date } => format!("Due: {}.", dmy(*date)),
    }
}

// ---------------------------------------------------------------------------
// The citizen deadline

/// Computes the deadline of `term` for a submission at `submitted`.
pub fn compute(
    term: &Term,
    submitted: DateTime<Utc>,
    cal: &Calendar,
) -> Result<Deadline, DeadlineError> {
    if term.amount == 0 {
        return Err(DeadlineError::ZeroTerm);
    }
    let mut ex = Explanation::default();
    let local = kztime::to_local(submitted)?;
    ex.push(Step::Submitted {
        instant: submitted,
        local: local.local,
        offset_hours: local.offset_hours(),
    });
    let hand_in = local.date();

    let accepted_on = match &term.start {
        StartRule::DayAfterHandIn => hand_in,
        StartRule::NextWorkingDayAfterCutoff { cutoff } => {
            let cut =
                ClockTime::parse(cutoff).ok_or_else(|| DeadlineError::BadCutoff(cutoff.clone()))?;
            let day = cal.day(hand_in)?;
            let time = local.local.time();
            // hour < 24 and minute < 60: the cast cannot truncate.
            let minute = ClockTime((time.hour() * 60 + time.minute()) as u16);
            if !day.is_working() {
                let next = cal.next_working_day_after(hand_in)?;
                ex.push(Step::NonWorkingDay {
                    date: hand_in,
                    reason: day.kind,
                    next,
                    source: term.start_provenance.clone(),
                });
                next
            } else if minute >= cut {
                let next = cal.next_working_day_after(hand_in)?;
                ex.push(Step::AfterHours {
                    cutoff: cut,
                    local_time: time,
                    next,
                    source: term.start_provenance.clone(),
                });
                next
            } else {
                hand_in
            }
        }
    };
    if accepted_on > hand_in {
        // Why the next working day is that far: the days off in between.
        if let Some(last_off) = accepted_on.pred_opt() {
            explain_skips(&mut ex, cal, hand_in, last_off)?;
        }
    }
    ex.assume(&term.start_provenance);
    ex.push(Step::CountFrom {
        day_zero: accepted_on,
        source: term.start_provenance.clone(),
    });

    let due = match term.unit {
        Unit::WorkingDays => {
            let due = cal.add_working_days(accepted_on, term.amount)?;
            ex.push(Step::Counted {
                amount: term.amount,
                unit: term.unit,
                from: accepted_on,
                to: due,
                source: term.provenance.clone(),
            });
            explain_skips(&mut ex, cal, accepted_on, due)?;
            due
        }
        Unit::CalendarDays => {
            let raw = accepted_on
                .checked_add_days(chrono::Days::new(u64::from(term.amount)))
                .ok_or_else(|| CalendarError::ResultOutOfRange {
                    from: accepted_on,
                    last: cal.range().1,
                })?;
            let day = cal.day(raw).map_err(|_| CalendarError::ResultOutOfRange {
                from: accepted_on,
                last: cal.range().1,
            })?;
            ex.push(Step::Counted {
                amount: term.amount,
                unit: term.unit,
                from: accepted_on,
                to: raw,
                source: term.provenance.clone(),
            });
            if day.is_working() {
                raw
            } else {
                if let Some(p) = &term.end_provenance {
                    ex.assume(p);
                }
                match term.end {
                    EndRule::NextWorkingDay => {
                        let to = cal.first_working_day_on_or_after(raw)?;
                        ex.push(Step::MovedToWorkingDay {
                            from: raw,
                            to,
                            why: day.kind,
                            source: term.end_provenance.clone(),
                        });
                        to
                    }
                    EndRule::AsCounted => {
                        ex.push(Step::DueOnDayOff {
                            date: raw,
                            why: day.kind,
                            source: term.end_provenance.clone(),
                        });
                        raw
                    }
                }
            }
        }
    };
    ex.assume(&term.provenance);
    note_uncertain_years(&mut ex, cal, hand_in, due)?;
    ex.push(Step::Due { date: due });
    Ok(Deadline {
        accepted_on,
        due,
        explanation: ex,
    })
}

/// Picks the term for `channel` (and, for S3 at the State Corporation, the
/// location) from a service's terms and computes the deadline. When the
/// channel has per-location terms but `location` is `None`, the `Other`
/// (longer) term is used and the explanation says so (C-24).
pub fn deadline_for(
    terms: &[Term],
    channel: Channel,
    location: Option<Location>,
    submitted: DateTime<Utc>,
    cal: &Calendar,
) -> Result<Deadline, DeadlineError> {
    let for_channel: Vec<&Term> = terms.iter().filter(|t| t.channel == channel).collect();
    if for_channel.is_empty() {
        return Err(DeadlineError::NoTermForChannel(channel));
    }
    let by_location = for_channel.iter().any(|t| t.location.is_some());
    if !by_location {
        return compute(for_channel[0], submitted, cal);
    }
    let (wanted, assumed) = match location {
        Some(l) => (l, false),
        None => (Location::Other, true),
    };
    let term = for_channel
        .iter()
        .find(|t| t.location == Some(wanted))
        .ok_or(DeadlineError::NoTermForLocation(channel, wanted))?;
    let mut d = compute(term, submitted, cal)?;
    if assumed {
        let p = location_assumption();
        d.explanation.steps.insert(
            1,
            Step::LocationAssumed {
                location: wanted,
                source: p.clone(),
            },
        );
        d.explanation.assume(&p);
    }
    Ok(d)
}

/// Lists what a working-day count over (day_zero, due] skipped and counted.
fn explain_skips(
    ex: &mut Explanation,
    cal: &Calendar,
    day_zero: NaiveDate,
    due: NaiveDate,
) -> Result<(), DeadlineError> {
    let Some(first) = day_zero.succ_opt() else {
        return Ok(());
    };
    if due < first {
        return Ok(());
    }
    for s in cal.holidays_in(first, due)? {
        match s.kind {
            DayKind::TransferWorking { instead_of } => {
                if matches!(
                    s.date.weekday(),
                    chrono::Weekday::Sat | chrono::Weekday::Sun
                ) {
                    ex.push(Step::WorkingWeekend {
                        date: s.date,
                        instead_of,
                    });
                }
            }
            kind => ex.push(Step::Skipped {
                date: s.date,
                why: kind,
            }),
        }
    }
    let count = cal.plain_weekends_in(first, due)?;
    if count > 0 {
        ex.push(Step::WeekendsSkipped { count });
    }
    Ok(())
}

fn note_uncertain_years(
    ex: &mut Explanation,
    cal: &Calendar,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<(), DeadlineError> {
    for year in from.year()..=to.year() {
        let info = cal.year_info(year)?;
        if !info.is_confirmed() {
            ex.push(Step::CalendarUncertain {
                year,
                status: info.status.clone(),
            });
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Milestones around the deadline

/// The three services, for milestones whose source differs per service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ServiceKey {
    S1,
    S2,
    S3,
}

impl ServiceKey {
    pub fn from_id(id: &str) -> Option<ServiceKey> {
        match id {
            "S1" => Some(ServiceKey::S1),
            "S2" => Some(ServiceKey::S2),
            "S3" => Some(ServiceKey::S3),
            _ => None,
        }
    }
}

/// Where a complaint is registered (F000 L48 vs L50).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ComplaintAuthority {
    /// The Ministry, the provider or the State Corporation: 5 working days.
    MinistryProviderOrStateCorporation,
    /// The authority for evaluation and control of the quality of state services: 15 working days.
    QualityControl,
}

/// S3 (F003 L14): the provider delivers the result to the State Corporation
/// "no later than one day" before `due`. Read as the end of the working day
/// before the due day (C-26); internal only, the citizen's date is unchanged.
pub fn provider_delivery_due(due: NaiveDate, cal: &Calendar) -> Result<Milestone, DeadlineError> {
    let deliver_by = cal.previous_working_day_before(due)?;
    let mut ex = Explanation::default();
    let source = Provenance {
        status: Status::Assumption,
        cites: vec![cite(
            Seed::F003,
            "item 3 1)",
            SeedLang::Kk,
            14,
            "бір тәуліктен кешіктірмей",
        )],
        rule: Some("C-26".into()),
        note: Some(note(
            "«Бір тәуліктен кешіктірмей» мерзім аяқталатын күннің алдындағы жұмыс күнінің соңы деп түсініледі.",
            "«Не позднее одних суток» понимается как конец рабочего дня, предшествующего дню окончания срока.",
            "\"No later than one day\" is read as the end of the working day before the deadline day.",
        )),
    };
    ex.assume(&source);
    ex.push(Step::ProviderDelivery {
        deadline: due,
        deliver_by,
        source,
    });
    ex.push(Step::Due { date: deliver_by });
    Ok(Milestone {
        date: deliver_by,
        explanation: ex,
    })
}

/// The State Corporation holds a ready result for one month from `ready_on`,
/// then hands it to the provider (F000 L30; F001 §5; F003 L49). Calendar
/// months (`chrono::Months`): 31 Jan + 1 month = 28/29 Feb.
pub fn storage_until(service: ServiceKey, ready_on: NaiveDate) -> Result<Milestone, DeadlineError> {
    let until = ready_on
        .checked_add_months(Months::new(1))
        .ok_or(DeadlineError::Calendar(CalendarError::ResultOutOfRange {
            from: ready_on,
            last: NaiveDate::MAX,
        }))?;
    let cite = match service {
        ServiceKey::S1 => cite(
            Seed::F000,
            "«Порядок выдачи»",
            SeedLang::Ru,
            30,
            "хранение результата оказания государственной услуги в течение одного месяца",
        ),
        ServiceKey::S2 => cite(
            Seed::F001,
            "§5",
            SeedLang::Ru,
            13,
            "обеспечивает хранение документов, в течение 1 (одного) месяца",
        ),
        ServiceKey::S3 => cite(
            Seed::F003,
            "row [8]",
            SeedLang::Kk,
            49,
            "нәтижені бір ай бойы сақтауды қамтамасыз етеді",
        ),
    };
    let source = Provenance {
        status: service_status(service),
        cites: vec![cite],
        rule: None,
        note: None,
    };
    let start = Provenance {
        status: Status::Assumption,
        cites: vec![],
        rule: Some("§5.2".into()),
        note: Some(note(
            "Ай нәтиже Мемлекеттік корпорацияда дайын болған күннен бастап есептеледі.",
            "Месяц отсчитывается со дня готовности результата в Государственной корпорации.",
            "The month is counted from the day the result is ready at the State Corporation.",
        )),
    };
    let mut ex = Explanation::default();
    ex.assume(&start);
    ex.push(Step::StoredUntil {
        from: ready_on,
        months: 1,
        until,
        source,
    });
    ex.push(Step::Due { date: until });
    Ok(Milestone {
        date: until,
        explanation: ex,
    })
}

/// After storage: the provider sends the documents back within one working
/// day of the State Corporation's request (F000 L31; F001 §5; F003 L49). The
/// request day is day 0 (C-25 by analogy).
pub fn return_due(
    service: ServiceKey,
    request_instant: DateTime<Utc>,
    cal: &Calendar,
) -> Result<Milestone, DeadlineError> {
    let cite = match service {
        ServiceKey::S1 => cite(
            Seed::F000,
            "«Порядок выдачи»",
            SeedLang::Ru,
            31,
            "в течение одного рабочего дня",
        ),
        ServiceKey::S2 => cite(
            Seed::F001,
            "§5",
            SeedLang::Ru,
            13,
            "в течение 1 (одного) рабочего дня",
        ),
        ServiceKey::S3 => cite(
            Seed::F003,
            "row [8]",
            SeedLang::Kk,
            49,
            "бір жұмыс күні ішінде",
        ),
    };
    let source = Provenance {
        status: service_status(service),
        cites: vec![cite],
        rule: None,
        note: None,
    };
    let day_zero_rule = Provenance {
        status: Status::Assumption,
        cites: vec![],
        rule: Some("C-25".into()),
        note: Some(note(
            "Сұрау салу күні нөлінші күн болып есептеледі; мерзім келесі жұмыс күнінде аяқталады.",
            "День запроса считается нулевым; срок истекает в следующий рабочий день.",
            "The day of the request is day 0; the term ends on the next working day.",
        )),
    };
    let local = kztime::to_local(request_instant)?;
    let mut ex = Explanation::default();
    ex.push(Step::Submitted {
        instant: request_instant,
        local: local.local,
        offset_hours: local.offset_hours(),
    });
    let date = count_working(&mut ex, cal, local.date(), 1, day_zero_rule, source)?;
    Ok(Milestone {
        date,
        explanation: ex,
    })
}

/// When a complaint must be answered: 5 working days from registration, 15
/// at the quality-control authority (F000 L48, L50). F000 is the only source
/// (C-36): for S2 and S3 the S1 procedure applies by analogy, which the
/// explanation states as an assumption.
pub fn complaint_due(
    service: ServiceKey,
    registered_on: NaiveDate,
    authority: ComplaintAuthority,
    cal: &Calendar,
) -> Result<Milestone, DeadlineError> {
    let (amount, cite) = match authority {
        ComplaintAuthority::MinistryProviderOrStateCorporation => (
            5,
            cite(
                Seed::F000,
                "«Порядок обжалования»",
                SeedLang::Ru,
                48,
                "в течение 5 (пяти) рабочих дней со дня ее регистрации",
            ),
        ),
        ComplaintAuthority::QualityControl => (
            15,
            cite(
                Seed::F000,
                "«Порядок обжалования»",
                SeedLang::Ru,
                50,
                "в течение пятнадцати рабочих дней со дня ее регистрации",
            ),
        ),
    };
    let source = if service == ServiceKey::S1 {
        Provenance {
            status: Seed::F000.status(),
            cites: vec![cite.clone()],
            rule: None,
            note: None,
        }
    } else {
        Provenance {
            status: Status::Assumption,
            cites: vec![cite.clone()],
            rule: Some("C-36".into()),
            note: Some(note(
                "S1 үшін белгіленген тәртіп ұқсастық бойынша қолданылады; осы қызметтің дереккөздерінде көрсетілмеген.",
                "Порядок для S1 применяется по аналогии; в источниках для этой услуги не указан.",
                "Procedure for S1 applied by analogy; not stated in the sources for this service.",
            )),
        }
    };
    // "со дня ее регистрации": the registration day is day 0.
    let start = Provenance {
        status: Status::Assumption,
        cites: vec![cite],
        rule: Some("C-25".into()),
        note: Some(note(
            "Тіркелген күн нөлінші күн болып есептеледі; санау келесі күннен басталады.",
            "День регистрации считается нулевым; отсчёт начинается со следующего дня.",
            "The registration day is day 0; counting starts the next day.",
        )),
    };
    let mut ex = Explanation::default();
    let date = count_working(&mut ex, cal, registered_on, amount, start, source)?;
    Ok(Milestone {
        date,
        explanation: ex,
    })
}

/// Day 0, `amount` working days, the skipped days, the due date.
fn count_working(
    ex: &mut Explanation,
    cal: &Calendar,
    day_zero: NaiveDate,
    amount: u32,
    start: Provenance,
    source: Provenance,
) -> Result<NaiveDate, DeadlineError> {
    let due = cal.add_working_days(day_zero, amount)?;
    ex.assume(&start);
    ex.assume(&source);
    ex.push(Step::CountFrom {
        day_zero,
        source: start,
    });
    ex.push(Step::Counted {
        amount,
        unit: Unit::WorkingDays,
        from: day_zero,
        to: due,
        source,
    });
    explain_skips(ex, cal, day_zero, due)?;
    note_uncertain_years(ex, cal, day_zero, due)?;
    ex.push(Step::Due { date: due });
    Ok(due)
}

/// C-24: the office location is unknown, so the 8-day term is shown.
pub fn location_assumption() -> Provenance {
    Provenance {
        status: Status::Assumption,
        cites: vec![cite(
            Seed::F003,
            "item 3 1)",
            SeedLang::Kk,
            13,
            "көрсетілетін қызметті беруші орналаспаған жер бойынша – 8 (сегіз) жұмыс күні",
        )],
        rule: Some("C-24".into()),
        note: Some(note(
            "Мемлекеттік корпорация кеңсесінің орналасқан жері белгісіз, сондықтан ұзағырақ мерзім — 8 жұмыс күні көрсетілді.",
            "Расположение офиса Государственной корпорации не определено, поэтому показан более длинный срок — 8 рабочих дней.",
            "The State Corporation office's location is not known, so the longer term of 8 working days is shown.",
        )),
    }
}

fn service_status(s: ServiceKey) -> Status {
    match s {
        ServiceKey::S1 => Seed::F000.status(),
        ServiceKey::S2 => Seed::F001.status(),
        ServiceKey::S3 => Seed::F003.status(),
    }
}

fn cite(seed: Seed, clause: &str, lang: SeedLang, line: u32, quote: &str) -> SourceRef {
    SourceRef {
        seed,
        clause: clause.into(),
        lang,
        line,
        quote: quote.into(),
    }
}

/// A product note; all three texts are ours, the Kazakh and English marked
/// as working translations of the Russian.
fn note(kk: &str, ru: &str, en: &str) -> Text {
    Text {
        kk: kk.into(),
        ru: ru.into(),
        en: en.into(),
        working: vec![Lang::Kk, Lang::En],
    }
}

/// Every provenance this module creates itself (not from a Term), so a test
/// can check each quote against its seed line.
pub fn own_provenance() -> Vec<Provenance> {
    let mut out = vec![location_assumption()];
    let Ok(cal) = super::calendar::calendar() else {
        return out;
    };
    let day = NaiveDate::from_ymd_opt(2025, 4, 15).unwrap_or_default();
    let instant = day
        .and_hms_opt(6, 0, 0)
        .map(|n| n.and_utc())
        .unwrap_or_default();
    let mut collect = |m: Result<Milestone, DeadlineError>| {
        if let Ok(m) = m {
            out.extend(m.explanation.assumptions);
            for s in m.explanation.steps {
                match s {
                    Step::Counted { source, .. }
                    | Step::CountFrom { source, .. }
                    | Step::StoredUntil { source, .. }
                    | Step::ProviderDelivery { source, .. } => out.push(source),
                    _ => {}
                }
            }
        }
    };
    collect(provider_delivery_due(day, cal));
    for s in [ServiceKey::S1, ServiceKey::S2, ServiceKey::S3] {
        collect(storage_until(s, day));
        collect(return_due(s, instant, cal));
        for a in [
            ComplaintAuthority::MinistryProviderOrStateCorporation,
            ComplaintAuthority::QualityControl,
        ] {
            collect(complaint_due(s, day, a, cal));
        }
    }
    out
}
