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
/// matched: the service, the situation, which education document the
/// person should hold (so the demo visit makes sense), and how many days
/// from today the visit is planned.
pub(super) struct Request(ServiceId, &'static [Situation], EducationKindHint, i64);

/// One request a row: service, situations, document held, days ahead.
pub(super) const REQUESTS: &[Request] = &[
    Request(ServiceId::S2, &[Situation::Damage], EducationKindHint::School, 0),
    Request(ServiceId::S1, &[Situation::Loss], EducationKindHint::Tve, 0),
    Request(ServiceId::S3, &[], EducationKindHint::NoTve, 0),
    Request(ServiceId::S2, &[Situation::Loss], EducationKindHint::School, 1),
    Request(ServiceId::S1, &[Situation::NameChange], EducationKindHint::Tve, 1),
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
    for (n, Request(service, situations, hint, days_ahead)) in REQUESTS.iter().enumerate() {
        let found = registry::people()
            .iter()
            .find(|p| visitable(p, today) && holds(p, *hint) && !used.contains(&p.iin.as_str()));
        let Some(person) = found else { continue };
        used.push(&person.iin);
        visits.push(Visit::new(
            &format!("V{}", n + 1),
            *service,
            &person.iin,
            situations.to_vec(),
            today + Duration::days(*days_ahead),
        ));
    }
    visits
}
