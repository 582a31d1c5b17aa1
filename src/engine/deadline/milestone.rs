//! Dated milestones around the deadline: the provider's delivery to the
//! State Corporation (S3), storage there, the return after storage, and the
//! complaint review terms. Each is explained like the deadline itself.

use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::DeadlineError;
use super::compute::{cite, explain_skips, location_assumption, note, note_uncertain_years};
use super::explain::{Explanation, Milestone, Step};
use crate::engine::calendar::{Calendar, CalendarError};
use crate::engine::kztime;
use crate::engine::service::ServiceId;
use crate::engine::source::{Provenance, Seed, SeedLang, Status};
use crate::engine::term::Unit;

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
pub fn storage_until(service: ServiceId, ready_on: NaiveDate) -> Result<Milestone, DeadlineError> {
    let until = ready_on
        .checked_add_months(Months::new(1))
        .ok_or(DeadlineError::Calendar(CalendarError::ResultOutOfRange {
            from: ready_on,
            last: NaiveDate::MAX,
        }))?;
    let cite = match service {
        ServiceId::S1 => cite(
            Seed::F000,
            "«Порядок выдачи»",
            SeedLang::Ru,
            30,
            "хранение результата оказания государственной услуги в течение одного месяца",
        ),
        ServiceId::S2 => cite(
            Seed::F001,
            "§5",
            SeedLang::Ru,
            13,
            "обеспечивает хранение документов, в течение 1 (одного) месяца",
        ),
        ServiceId::S3 => cite(
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
    service: ServiceId,
    request_instant: DateTime<Utc>,
    cal: &Calendar,
) -> Result<Milestone, DeadlineError> {
    let cite = match service {
        ServiceId::S1 => cite(
            Seed::F000,
            "«Порядок выдачи»",
            SeedLang::Ru,
            31,
            "в течение одного рабочего дня",
        ),
        ServiceId::S2 => cite(
            Seed::F001,
            "§5",
            SeedLang::Ru,
            13,
            "в течение 1 (одного) рабочего дня",
        ),
        ServiceId::S3 => cite(
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
    service: ServiceId,
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
    let source = if service == ServiceId::S1 {
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

fn service_status(s: ServiceId) -> Status {
    match s {
        ServiceId::S1 => Seed::F000.status(),
        ServiceId::S2 => Seed::F001.status(),
        ServiceId::S3 => Seed::F003.status(),
    }
}

/// Every provenance this module creates itself (not from a Term), so a test
/// can check each quote against its seed line.
pub fn own_provenance() -> Vec<Provenance> {
    let mut out = vec![location_assumption()];
    let Ok(cal) = crate::engine::calendar::calendar() else {
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
    for s in ServiceId::ALL {
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
