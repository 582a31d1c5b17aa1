//! What can be booked, and the legal maximum times at the State Corporation.
//!
//! A booking exists only where a seed provides one (C-22), and
//! `queue.toml` lists exactly those: S3 hand-in (F003 L34) and S2
//! collection for a provider in East Kazakhstan (F002 L3, L74). Any other
//! service, purpose or place gets a [`NoBooking`]: not an error but an
//! answer, saying why, that the citizen comes without a booking, and the
//! legal maximum wait that protects them instead.

use serde::{Deserialize, Deserializer, Serialize};

use super::office::ProviderPlace;
use super::{Purpose, assumptions, data};
use crate::engine::catalog::{self, Place, TimeKind, TimeLimit};
use crate::engine::json::tagged::{deny, need};
use crate::engine::service::ServiceId;
use crate::engine::source::{Provenance, Text};

/// Where a ticket's checklist comes from in the catalogue. serde writes
/// it; it is read in one pass (`json::tagged`), refusing any field its
/// variant does not have — also under `documents`, where serde's derived
/// reader let any field through.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "from", rename_all = "kebab-case")]
pub enum ChecklistSource {
    /// The service's documents for the State Corporation channel and the
    /// citizen's situation (handing in).
    Documents,
    /// These issuance rules of the State Corporation channel (collecting).
    Issuance { ids: Vec<String> },
}

impl<'de> Deserialize<'de> for ChecklistSource {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(remote = "Self", rename_all = "kebab-case")]
        enum Tag {
            Documents,
            Issuance,
        }
        crate::engine::json::names!(read Tag);
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Flat {
            from: Tag,
            #[serde(default)]
            ids: Option<Vec<String>>,
        }
        let f = Flat::deserialize(d)?;
        Ok(match f.from {
            Tag::Documents => {
                deny(&f.ids, "ids", &["from"])?;
                ChecklistSource::Documents
            }
            Tag::Issuance => ChecklistSource::Issuance { ids: need(f.ids, "ids")? },
        })
    }
}

/// A checklist item the booking rule adds (S2: the receipt, F002 L72).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtraItem {
    pub id: String,
    pub text: Text,
    pub provenance: Provenance,
}

/// One service and purpose that a seed lets the citizen book.
#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BookingRule {
    pub service: ServiceId,
    pub purpose: Purpose,
    /// Only for a provider in this region (the registry's region id): F002
    /// is a regional regulation.
    pub provider_region: Option<String>,
    pub checklist: ChecklistSource,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<ExtraItem>,
    pub provenance: Provenance,
}

/// A legal maximum time in minutes, and where it comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Limit {
    pub minutes: u32,
    /// The catalogue's item (F000 L15–16, F001 L10–11, F003 L15–16).
    pub provenance: &'static Provenance,
    /// A reading that applies it beyond its letter (the hand-in wait
    /// applied to collecting), shown as an interpretation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applied_by: Option<&'static Provenance>,
}

fn catalog_time(service: ServiceId, kind: TimeKind) -> Option<&'static TimeLimit> {
    catalog::service(service)
        .times
        .iter()
        .find(|t| t.place == Place::StateCorporation && t.kind == kind)
}

/// The legal maximum wait at the State Corporation for this service and
/// purpose. The seeds set it "to hand in the documents"; for collecting,
/// the same number is applied as a marked reading
/// ([`Assumptions::collect_wait`](super::Assumptions::collect_wait)).
pub fn wait_limit(service: ServiceId, purpose: Purpose) -> Option<Limit> {
    let t = catalog_time(service, TimeKind::Waiting)?;
    Some(Limit {
        minutes: t.minutes,
        provenance: &t.provenance,
        applied_by: (purpose == Purpose::Collect).then(|| &assumptions().collect_wait),
    })
}

/// The legal maximum service time at the State Corporation (S1 20 min,
/// S2 15, S3 15): it also sets the slot length.
pub fn service_limit(service: ServiceId) -> Option<Limit> {
    let t = catalog_time(service, TimeKind::Service)?;
    Some(Limit { minutes: t.minutes, provenance: &t.provenance, applied_by: None })
}

/// Why there is no booking.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "why", rename_all = "kebab-case")]
pub enum NoBookingWhy {
    /// No seed gives a booking for this service and purpose.
    NotInSources,
    /// A seed gives one, but only for a provider in `region` (F002: East
    /// Kazakhstan); this provider's region is `found` (`None`: not known,
    /// or no provider named).
    OtherRegion { region: String, found: Option<String>, rule: &'static Provenance },
}

/// "The seeds give no booking for this service and purpose; come without
/// one; the legal maximum wait is N minutes."
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NoBooking {
    pub service: ServiceId,
    pub purpose: Purpose,
    pub why: NoBookingWhy,
    /// The C-22 reading: no booking where no seed gives one.
    pub basis: &'static Provenance,
    /// What protects the citizen instead; `None` only if the catalogue had
    /// no waiting time for the service (it has one for each).
    pub max_wait: Option<Limit>,
}

impl NoBooking {
    /// The answer in plain English, for the CLI (the UI renders it from
    /// its own messages).
    pub fn english(&self) -> String {
        let what = match self.purpose {
            Purpose::HandIn => "handing in documents",
            Purpose::Collect => "collecting the result",
        };
        let why = match &self.why {
            NoBookingWhy::NotInSources => {
                format!("the seeds give no booking for {} ({what})", self.service)
            }
            NoBookingWhy::OtherRegion { region, found, .. } => format!(
                "the booking for {} ({what}) is only for a provider in {region}; this provider's region is {}",
                self.service,
                found.as_deref().unwrap_or("not recorded")
            ),
        };
        let wait = match &self.max_wait {
            Some(l) => format!(
                "; legal maximum wait {} min{}{}",
                l.minutes,
                cite(l.provenance),
                if l.applied_by.is_some() {
                    " (set for handing in; applied to collecting as an interpretation)"
                } else {
                    ""
                }
            ),
            None => String::new(),
        };
        format!("no booking: {why}; come without one{wait} [{}]", rule(self.basis))
    }
}

fn rule(p: &Provenance) -> String {
    p.rule.clone().unwrap_or_default()
}

fn cite(p: &Provenance) -> String {
    let c: Vec<String> =
        p.cites.iter().map(|c| format!("{:?} {} L{}", c.seed, c.clause, c.line)).collect();
    if c.is_empty() { String::new() } else { format!(" [{}]", c.join("; ")) }
}

/// Whether the citizen can book, and under which rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Bookability {
    Bookable(&'static BookingRule),
    NoBooking(NoBooking),
}

/// Can `service` be booked for `purpose`, given where the provider is?
/// `provider` matters only for a rule limited to a region (S2 collection:
/// F002 is East Kazakhstan's); without it, such a rule does not apply.
///
/// ```
/// use qujat::engine::queue::{self, Bookability, NoBookingWhy, ProviderPlace, Purpose};
/// use qujat::engine::service::ServiceId;
///
/// assert!(matches!(queue::booking(ServiceId::S3, Purpose::HandIn, None), Bookability::Bookable(_)));
/// // S3 results are collected without a booking: L34 books acceptance only.
/// let Bookability::NoBooking(no) = queue::booking(ServiceId::S3, Purpose::Collect, None) else { panic!() };
/// assert_eq!(no.why, NoBookingWhy::NotInSources);
/// assert_eq!(no.max_wait.unwrap().minutes, 15);
/// // S2 collection: only for a provider in East Kazakhstan (F002).
/// let east = ProviderPlace { organisation: None, settlement: "oskemen".into(), region: Some("east-kazakhstan".into()) };
/// assert!(matches!(queue::booking(ServiceId::S2, Purpose::Collect, Some(&east)), Bookability::Bookable(_)));
/// let south = ProviderPlace { organisation: None, settlement: "shymkent".into(), region: Some("turkistan".into()) };
/// assert!(matches!(queue::booking(ServiceId::S2, Purpose::Collect, Some(&south)), Bookability::NoBooking(_)));
/// ```
pub fn booking(
    service: ServiceId, purpose: Purpose, provider: Option<&ProviderPlace>,
) -> Bookability {
    let rules = data().booking.iter().filter(|r| r.service == service && r.purpose == purpose);
    let mut why = NoBookingWhy::NotInSources;
    for r in rules {
        match &r.provider_region {
            None => return Bookability::Bookable(r),
            Some(region) => {
                let found = provider.and_then(|p| p.region.clone());
                if found.as_deref() == Some(region.as_str()) {
                    return Bookability::Bookable(r);
                }
                why = NoBookingWhy::OtherRegion {
                    region: region.clone(),
                    found,
                    rule: &r.provenance,
                };
            }
        }
    }
    Bookability::NoBooking(NoBooking {
        service,
        purpose,
        why,
        basis: &assumptions().no_booking,
        max_wait: wait_limit(service, purpose),
    })
}
