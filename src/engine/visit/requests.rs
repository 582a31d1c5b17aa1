//! The demo visit list: what the contact centre 1414 took down, matched to
//! people in the demo registry who fit each request (so that a visit for
//! S1 finds someone with a TVE diploma, and so on).

use chrono::{Duration, NaiveDate};

use super::Visit;
use crate::engine::catalog::Situation;
use crate::engine::identity::registry::{self, EducationKind, Person};
use crate::engine::service::ServiceId;

/// Which education document a demo citizen should hold for a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum EducationKindHint {
    Tve,
    School,
    /// S3 is a certificate for someone who did not complete TVE.
    NoTve,
}

/// What the contact centre took down for one visit, before a person is
/// matched: the service, the situation, and which education document the
/// person should hold (so the demo visit makes sense).
pub(super) struct Request {
    service: ServiceId,
    situations: &'static [Situation],
    holds: EducationKindHint,
    days_ahead: i64,
}

pub(super) const REQUESTS: &[Request] = &[
    Request {
        service: ServiceId::S2,
        situations: &[Situation::Damage],
        holds: EducationKindHint::School,
        days_ahead: 0,
    },
    Request {
        service: ServiceId::S1,
        situations: &[Situation::Loss],
        holds: EducationKindHint::Tve,
        days_ahead: 0,
    },
    Request {
        service: ServiceId::S3,
        situations: &[],
        holds: EducationKindHint::NoTve,
        days_ahead: 0,
    },
    Request {
        service: ServiceId::S2,
        situations: &[Situation::Loss],
        holds: EducationKindHint::School,
        days_ahead: 1,
    },
    Request {
        service: ServiceId::S1,
        situations: &[Situation::NameChange],
        holds: EducationKindHint::Tve,
        days_ahead: 1,
    },
];

fn holds(person: &Person, hint: EducationKindHint) -> bool {
    let has = |k: EducationKind| person.education.iter().any(|d| d.kind == k);
    match hint {
        EducationKindHint::Tve => has(EducationKind::TveDiploma),
        EducationKindHint::School => {
            (has(EducationKind::GeneralSecondaryAttestat)
                || has(EducationKind::BasicSecondaryCertificate))
                && !has(EducationKind::TveDiploma)
        }
        EducationKindHint::NoTve => !has(EducationKind::TveDiploma),
    }
}

/// Someone a home visit can be made to in the demo: an adult with a mobile
/// number (for the SMS consent) and an identity document valid on `date`.
pub(super) fn visitable(person: &Person, date: NaiveDate) -> bool {
    !person.is_minor_on(date) && person.phone.is_some() && person.id_document.is_valid_on(date)
}

/// The visit list of a first unlock on `today`: the contact centre's
/// requests matched, in registry order, to distinct people who fit them.
/// Deterministic: the same day gives the same list.
pub fn seed_visits(today: NaiveDate) -> Vec<Visit> {
    let mut used: Vec<&str> = Vec::new();
    let mut visits = Vec::new();
    for (n, req) in REQUESTS.iter().enumerate() {
        let found = registry::people().iter().find(|p| {
            visitable(p, today) && holds(p, req.holds) && !used.contains(&p.iin.as_str())
        });
        let Some(person) = found else { continue };
        used.push(&person.iin);
        visits.push(Visit::new(
            &format!("V{}", n + 1),
            req.service,
            &person.iin,
            req.situations.to_vec(),
            today + Duration::days(req.days_ahead),
        ));
    }
    visits
}
