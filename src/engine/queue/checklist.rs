//! What a ticket carries to the office: the personal checklist and, for
//! handing in, the result date to expect.
//!
//! Both are computed at booking and kept in the ticket, so the citizen
//! reads at the office what they were told when they booked: the
//! checklist from the catalogue's documents for the State Corporation
//! channel and the citizen's situation (or, for collecting, the issuance
//! rule and what the booking rule adds: S2's receipt, F002 L72); the
//! result date by the very [`deadline_for`](deadline::deadline_for)
//! computation the acceptance at the counter makes.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::booking::{BookingRule, ChecklistSource};
use super::office::{ProviderPlace, QueueOffice};
use crate::engine::calendar;
use crate::engine::catalog::{self, Situation};
use crate::engine::deadline::{self, Deadline, DeadlineError};
use crate::engine::service::ServiceId;
use crate::engine::source::{Provenance, Text};
use crate::engine::term::{Channel, Location};

crate::engine::json::names!(ChecklistKind);
/// Something to bring, or something to know, at the office.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
pub enum ChecklistKind {
    Bring,
    /// Not a document: consent, "the employee gets the identity data from
    /// state systems", a gap in the law.
    Note,
}

/// One line of the personal checklist, with its legal basis.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistItem {
    /// The catalogue's id (document rule, issuance rule) or the booking
    /// rule's extra item.
    pub id: String,
    pub kind: ChecklistKind,
    pub text: Text,
    pub provenance: Provenance,
}

/// A ticket's checklist.
pub type Checklist = Vec<ChecklistItem>;

/// What to bring to a slot of `rule` in `situations`: for handing in, the
/// catalogue's documents for the State Corporation; for collecting, the
/// issuance items the rule names; then the rule's own extra items.
pub fn checklist(rule: &BookingRule, situations: &[Situation]) -> Checklist {
    let svc = catalog::service(rule.service);
    let mut items: Checklist = match &rule.checklist {
        ChecklistSource::Documents => svc
            .documents(Channel::StateCorporation, situations)
            .into_iter()
            .map(|d| ChecklistItem {
                id: d.id.clone(),
                kind: if d.info { ChecklistKind::Note } else { ChecklistKind::Bring },
                text: d.text.clone(),
                provenance: d.provenance.clone(),
            })
            .collect(),
        ChecklistSource::Issuance { ids } => svc
            .issuance
            .iter()
            .filter(|i| ids.contains(&i.id) && i.channels.contains(&Channel::StateCorporation))
            .map(|i| ChecklistItem {
                id: i.id.clone(),
                kind: ChecklistKind::Bring,
                text: i.text.clone(),
                provenance: i.provenance.clone(),
            })
            .collect(),
    };
    items.extend(rule.extra.iter().map(|e| ChecklistItem {
        id: e.id.clone(),
        kind: ChecklistKind::Bring,
        text: e.text.clone(),
        provenance: e.provenance.clone(),
    }));
    items
}

/// The result date to expect if the documents are handed in at the slot.
#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpectedResult {
    pub deadline: Deadline,
    /// S3: the office in the provider's settlement or not (C-24); `None`
    /// for a service whose term does not depend on it, or when the
    /// provider is not known (then the longer term, and the explanation
    /// says so).
    pub location: Option<Location>,
    pub office_settlement: String,
    pub provider_settlement: Option<String>,
}

/// The deadline of documents handed in at `office` at `handed_in`: the
/// computation the acceptance at the counter makes (State Corporation
/// channel; for S3 the term of the office's location relative to the
/// provider, C-24), so that the date promised at booking is the date the
/// receipt will give.
///
/// ```
/// use qujat::engine::{kztime, queue};
/// use qujat::engine::queue::ProviderPlace;
/// use qujat::engine::service::ServiceId;
///
/// let college = ProviderPlace::of_id("almaty-college-service").unwrap();
/// let at = kztime::parse_instant("2025-03-19T11:00:00+05:00")?;
/// // In the provider's settlement: 3 working days (F003 item 3 1)).
/// let same = queue::expected_result(ServiceId::S3, queue::office("almaty-medeu").unwrap(), Some(&college), at)?;
/// assert_eq!(same.deadline.due.to_string(), "2025-03-27");
/// // In another settlement: 8 working days.
/// let other = queue::expected_result(ServiceId::S3, queue::office("kaskelen-karasai").unwrap(), Some(&college), at)?;
/// assert_eq!(other.deadline.due.to_string(), "2025-04-03");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn expected_result(
    service: ServiceId, office: &QueueOffice, provider: Option<&ProviderPlace>,
    handed_in: DateTime<Utc>,
) -> Result<ExpectedResult, DeadlineError> {
    let terms = &catalog::service(service).terms;
    let by_location =
        terms.iter().any(|t| t.channel == Channel::StateCorporation && t.location.is_some());
    let location = provider.filter(|_| by_location).map(|p| office.location_for(p));
    let cal = calendar::calendar()?;
    let deadline =
        deadline::deadline_for(terms, Channel::StateCorporation, location, handed_in, cal)?;
    Ok(ExpectedResult {
        deadline,
        location,
        office_settlement: office.settlement.clone(),
        provider_settlement: provider.map(|p| p.settlement.clone()),
    })
}
