//! Operator mode: a State Corporation employee accepting documents at the
//! citizen's home (F000 L55, F001 §10, F003 row \[10\]: people who cannot move
//! about or find their way ask the contact centre 1414 / 8 800 080 7777 for a
//! home visit).
//!
//! This module is the visit's logic, free of the browser: the visit list
//! seeded from the demo registry, the steps of one visit (identification,
//! consent, package check, receipt), the package check against the
//! catalogue's State Corporation document list, and the offline queue of
//! accepted packages waiting to be delivered. The UI seals all of it under
//! the operator's PIN (see [`vault`](super::signing::vault)) before it touches storage.
//!
//! The PIN and idle lock ([`check_new_pin`], [`idle_expired`]) and the demo
//! visit list ([`seed_visits`]) are submodules; a visit's steps, receipt and
//! sync are here.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::calendar;
use super::catalog::{self, DocumentRule, ReceiptKind, Situation};
use super::deadline::{self, Deadline, DeadlineError, Explanation, RecordedDeadline};
use super::identity::registry::{self, Person};
use super::service::ServiceId;
use super::signing::otp::OtpSession;
use super::store::{Revisioned, Stale};
use super::term::Channel;

pub mod lock;
mod requests;

pub use lock::{
    ACCESSIBLE_IDLE_FACTOR, AfterWrongPin, IDLE_LOCK_MINUTES, MIN_PIN_LEN, OperatorStore, PinError,
    PinGuard, WIPE_AFTER, check_new_pin, idle_expired, is_trivial_pin,
};
pub use requests::seed_visits;

/// The channel every home visit belongs to.
pub const CHANNEL: Channel = Channel::StateCorporation;

/// Where a visit stands. Steps only move forward, one at a time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    /// The operator compares the citizen with the registry's identity data.
    #[default]
    Identify,
    /// Consent to use protected data: SMS code or a signature on the tablet.
    Consent,
    /// The operator ticks each document of the package.
    Package,
    /// A receipt (acceptance or refusal) was issued.
    Done,
}

/// A point of a drawn signature, in canvas pixels.
pub type Point = [i16; 2];

/// How the citizen consented to the use of protected data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "kebab-case")]
pub enum Consent {
    /// A one-time code sent to the registry's mobile number and read back.
    Otp { verified_at: DateTime<Utc> },
    /// A signature drawn on the tablet, kept as its strokes.
    Signature {
        strokes: Vec<Vec<Point>>,
        signed_at: DateTime<Utc>,
    },
}

/// The simulated SMS the citizen's phone received (shown on the tablet).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sms {
    pub code: String,
    pub sent_at: DateTime<Utc>,
}

/// Where an accepted package is: waiting on the tablet, or delivered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum Delivery {
    ToDeliver,
    Delivered { at: DateTime<Utc> },
}

/// A receipt issued at the citizen's home.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IssuedReceipt {
    pub kind: ReceiptKind,
    pub number: String,
    pub issued_at: DateTime<Utc>,
    /// Document rule ids handed in (acceptance) or missing (refusal).
    pub documents: Vec<String>,
    /// Acceptance only: the legal deadline from the engine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// Acceptance only: "why this date?" as computed when the receipt was
    /// issued (`None` in receipts from before it was kept).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Explanation>,
    /// Acceptance only: the package's way to the State Corporation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<Delivery>,
}

/// One home visit requested through the contact centre. It names the
/// citizen by IIN only; name, address and identity document always come
/// from the registry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Visit {
    pub id: String,
    pub service: ServiceId,
    pub iin: String,
    /// What the citizen told the contact centre (loss, damage, …).
    pub situations: Vec<Situation>,
    pub date: NaiveDate,
    pub step: Step,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<Consent>,
    /// Strokes drawn so far, before the signature is confirmed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub strokes: Vec<Vec<Point>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub otp: Option<OtpSession>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms: Option<Sms>,
    /// Ids of the document rules the operator has ticked.
    #[serde(default)]
    pub checked: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt: Option<IssuedReceipt>,
    /// Changes made through [`Revisioned::change_at_rev`] (records sealed
    /// before there was one read as 0).
    #[serde(default)]
    pub rev: u64,
}

impl Revisioned for Visit {
    fn rev(&self) -> u64 {
        self.rev
    }

    fn set_rev(&mut self, rev: u64) {
        self.rev = rev;
    }
}

/// Everything operator mode keeps; stored only sealed under the PIN.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OperatorData {
    pub visits: Vec<Visit>,
}

impl OperatorData {
    pub fn visit(&self, id: &str) -> Option<&Visit> {
        self.visits.iter().find(|v| v.id == id)
    }

    pub fn visit_mut(&mut self, id: &str) -> Option<&mut Visit> {
        self.visits.iter_mut().find(|v| v.id == id)
    }

    /// Accepted packages not yet delivered.
    pub fn to_deliver(&self) -> usize {
        self.visits
            .iter()
            .filter(|v| {
                v.receipt
                    .as_ref()
                    .is_some_and(|r| r.delivery == Some(Delivery::ToDeliver))
            })
            .count()
    }
}

/// The documents to hand in at the State Corporation for this service and
/// situation, as the catalogue lists them (rules that are information
/// rather than a document are left out).
pub fn required_documents(
    service: ServiceId,
    situations: &[Situation],
) -> Vec<&'static DocumentRule> {
    catalog::documents(service, CHANNEL, situations)
        .into_iter()
        .filter(|d| !d.info)
        .collect()
}

/// The catalogue's information rules for the channel (consent, "the
/// employee gets the identity data from state systems", gaps…).
pub fn channel_notes(service: ServiceId, situations: &[Situation]) -> Vec<&'static DocumentRule> {
    catalog::documents(service, CHANNEL, situations)
        .into_iter()
        .filter(|d| d.info)
        .collect()
}

impl Visit {
    pub fn person(&self) -> Option<&'static Person> {
        registry::find(&self.iin)
    }

    pub fn required(&self) -> Vec<&'static DocumentRule> {
        required_documents(self.service, &self.situations)
    }

    /// Required documents the operator has not ticked, in catalogue order.
    pub fn missing(&self) -> Vec<String> {
        self.required()
            .into_iter()
            .filter(|d| !self.checked.contains(&d.id))
            .map(|d| d.id.clone())
            .collect()
    }

    /// Ticks or unticks a document during the package check; only ids of
    /// the required list are kept.
    pub fn set_checked(&mut self, id: &str, on: bool) {
        if self.step != Step::Package {
            return;
        }
        self.checked.retain(|c| c != id);
        if on && self.required().iter().any(|d| d.id == id) {
            self.checked.push(id.to_string());
        }
    }

    /// Identification done: on to consent.
    pub fn confirm_identity(&mut self) {
        if self.step == Step::Identify {
            self.step = Step::Consent;
        }
    }

    /// Records the consent and moves on to the package check.
    pub fn give_consent(&mut self, consent: Consent) -> Result<(), VisitError> {
        if self.step != Step::Consent {
            return Err(VisitError::WrongStep);
        }
        if let Consent::Signature { strokes, .. } = &consent
            && !signature_is_drawn(strokes)
        {
            return Err(VisitError::NoSignature);
        }
        self.consent = Some(consent);
        self.strokes.clear();
        self.step = Step::Package;
        Ok(())
    }

    /// Issues the receipt at `now`: acceptance when every required document
    /// is ticked (with the deadline from the engine, and the package queued
    /// "to deliver"), refusal listing the missing ones otherwise.
    pub fn finish(&mut self, now: DateTime<Utc>) -> Result<&IssuedReceipt, VisitError> {
        if self.step != Step::Package {
            return Err(VisitError::WrongStep);
        }
        let missing = self.missing();
        let number = receipt_number(self, now);
        let receipt = if missing.is_empty() {
            let service = catalog::service(self.service);
            let cal = calendar::calendar().map_err(DeadlineError::from)?;
            let d = deadline::deadline_for(&service.terms, CHANNEL, None, now, cal)?;
            IssuedReceipt {
                kind: ReceiptKind::Acceptance,
                number,
                issued_at: now,
                documents: self.required().iter().map(|d| d.id.clone()).collect(),
                due: Some(d.due),
                explanation: Some(d.explanation),
                delivery: Some(Delivery::ToDeliver),
            }
        } else {
            IssuedReceipt {
                kind: ReceiptKind::Refusal,
                number,
                issued_at: now,
                documents: missing,
                due: None,
                explanation: None,
                delivery: None,
            }
        };
        self.step = Step::Done;
        Ok(self.receipt.insert(receipt))
    }

    /// The deadline with its explanation ("why this date?"), as for portal
    /// applications: the one kept on the receipt, or, for a receipt issued
    /// before explanations were kept, one computed again from the receipt's
    /// instant and marked recomputed.
    pub fn deadline(&self) -> Option<RecordedDeadline> {
        let r = self.receipt.as_ref()?;
        if r.kind != ReceiptKind::Acceptance {
            return None;
        }
        if let (Some(due), Some(explanation)) = (r.due, &r.explanation) {
            let accepted_on = explanation.day_zero()?;
            return Some(RecordedDeadline {
                deadline: Deadline {
                    accepted_on,
                    due,
                    explanation: explanation.clone(),
                },
                recomputed: false,
            });
        }
        let service = catalog::service(self.service);
        let cal = calendar::calendar().ok()?;
        let deadline =
            deadline::deadline_for(&service.terms, CHANNEL, None, r.issued_at, cal).ok()?;
        Some(RecordedDeadline {
            deadline,
            recomputed: true,
        })
    }
}

/// A signature must have at least one stroke of two points or more.
pub fn signature_is_drawn(strokes: &[Vec<Point>]) -> bool {
    strokes.iter().any(|s| s.len() >= 2)
}

/// "HV-YYYYMMDD-HHMM-V1": the home-visit receipt number.
fn receipt_number(v: &Visit, now: DateTime<Utc>) -> String {
    format!("HV-{}-{}", now.format("%Y%m%d-%H%M%S"), v.id)
}

/// Why a visit action was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VisitError {
    /// The action belongs to another step of the visit.
    WrongStep,
    /// A consent signature without a stroke.
    NoSignature,
    /// The receipt's deadline could not be computed.
    Deadline(DeadlineError),
    /// Sync asked while the device has no connection.
    Offline,
    /// The visit changed in another tab since it was shown.
    Stale(Stale),
}

impl std::fmt::Display for VisitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            VisitError::WrongStep => f.write_str("the visit is not at that step"),
            VisitError::NoSignature => f.write_str("the signature has no stroke"),
            VisitError::Deadline(e) => write!(f, "deadline: {e}"),
            VisitError::Offline => f.write_str("the device is offline"),
            VisitError::Stale(s) => s.fmt(f),
        }
    }
}

impl std::error::Error for VisitError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            VisitError::Deadline(e) => Some(e),
            VisitError::Stale(s) => Some(s),
            _ => None,
        }
    }
}

impl From<Stale> for VisitError {
    fn from(s: Stale) -> Self {
        VisitError::Stale(s)
    }
}

impl From<DeadlineError> for VisitError {
    fn from(e: DeadlineError) -> Self {
        VisitError::Deadline(e)
    }
}

/// Delivers every queued package when `online`; returns how many.
pub fn sync(
    data: &mut OperatorData,
    online: bool,
    now: DateTime<Utc>,
) -> Result<usize, VisitError> {
    if !online {
        return Err(VisitError::Offline);
    }
    let mut n = 0;
    for v in &mut data.visits {
        if let Some(r) = v.receipt.as_mut()
            && r.delivery == Some(Delivery::ToDeliver)
        {
            r.delivery = Some(Delivery::Delivered { at: now });
            n += 1;
        }
    }
    Ok(n)
}

/// The receipt form the catalogue names for this service at the State
/// Corporation, if any (never invented: S2 acceptance and S3 name none).
pub fn receipt_rule(service: ServiceId, kind: ReceiptKind) -> Option<&'static catalog::Receipt> {
    catalog::service(service)
        .receipts
        .iter()
        .find(|r| r.kind == kind && r.channels.contains(&CHANNEL))
}

#[cfg(test)]
mod tests {
    use super::requests::{REQUESTS, visitable};
    use super::*;
    use crate::engine::identity::registry::EducationKind;
    use chrono::{Duration, TimeZone};

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        // 05:00 UTC is 10:00 in Almaty (UTC+5).
        Utc.with_ymd_and_hms(2026, 11, 23, h, m, 0).unwrap()
    }

    #[test]
    fn pin_rules() {
        assert_eq!(check_new_pin("12345", "12345"), Err(PinError::TooShort));
        assert_eq!(check_new_pin("12a456", "12a456"), Err(PinError::NotDigits));
        assert_eq!(check_new_pin("270419", "270418"), Err(PinError::Mismatch));
        assert_eq!(check_new_pin("270419", "270419"), Ok(()));
        assert_eq!(check_new_pin("27041958", "27041958"), Ok(()));
        // Issue 12, item 8: the PINs anyone tries first are refused.
        assert_eq!(check_new_pin("123456", "123456"), Err(PinError::Trivial));
    }

    #[test]
    fn idle_lock_after_five_minutes() {
        assert!(!idle_expired(at(5, 0), at(5, 4), false));
        assert!(idle_expired(at(5, 0), at(5, 5), false));
        assert!(!idle_expired(at(5, 0), at(5, 14), true));
        assert!(idle_expired(at(5, 0), at(5, 15), true));
    }

    #[test]
    fn seeding_is_deterministic_and_fits_the_services() {
        let a = seed_visits(day());
        assert_eq!(a, seed_visits(day()));
        assert_eq!(
            a.len(),
            REQUESTS.len(),
            "every request found a person: {:?}",
            a.iter().map(|v| (&v.service, &v.iin)).collect::<Vec<_>>()
        );
        let mut iins: Vec<_> = a.iter().map(|v| v.iin.as_str()).collect();
        iins.sort();
        iins.dedup();
        assert_eq!(iins.len(), a.len(), "distinct citizens");
        for v in &a {
            let p = v.person().expect("in the registry");
            assert!(visitable(p, day()), "{} visitable", p.iin);
            assert_eq!(v.step, Step::Identify);
            assert!(!v.required().is_empty(), "{} has documents", v.service);
        }
        for s in ["S1", "S2", "S3"] {
            assert!(
                a.iter().any(|v| v.service.as_str() == s),
                "{s} is in the list"
            );
        }
        let tve = |v: &Visit| {
            v.person()
                .unwrap()
                .education
                .iter()
                .any(|d| d.kind == EducationKind::TveDiploma)
        };
        for v in &a {
            assert_eq!(
                tve(v),
                v.service == ServiceId::S1,
                "{} {}",
                v.service,
                v.iin
            );
        }
    }

    #[test]
    fn required_documents_come_from_the_catalogue() {
        let ids = |s: &str, sit: &[Situation]| {
            required_documents(s.parse().unwrap(), sit)
                .iter()
                .map(|d| d.id.clone())
                .collect::<Vec<_>>()
        };
        // S1 at the State Corporation: the application to the head, and ID.
        assert_eq!(
            ids("S1", &[Situation::Loss]),
            ["application-to-head", "identity"]
        );
        // S2: the original joins for damage or a name change, not for a loss.
        assert_eq!(ids("S2", &[Situation::Loss]), ["application", "identity"]);
        assert_eq!(
            ids("S2", &[Situation::Damage]),
            ["application", "identity", "original"]
        );
        assert_eq!(ids("S3", &[]), ["application", "identity"]);
        // Information rules are notes, not documents to tick.
        assert!(
            channel_notes(ServiceId::S1, &[Situation::Loss])
                .iter()
                .any(|d| d.id == "identity-from-systems")
        );
        assert!(
            "S9".parse::<ServiceId>().is_err(),
            "no visit can name an unknown service"
        );
    }

    fn at_package(service: &str) -> Visit {
        let mut v = seed_visits(day())
            .into_iter()
            .find(|v| v.service.as_str() == service)
            .unwrap();
        v.confirm_identity();
        v.give_consent(Consent::Otp {
            verified_at: at(5, 1),
        })
        .unwrap();
        v
    }

    #[test]
    fn steps_move_forward_only() {
        let mut v = seed_visits(day()).remove(0);
        assert_eq!(v.finish(at(5, 0)), Err(VisitError::WrongStep));
        assert_eq!(
            v.give_consent(Consent::Otp {
                verified_at: at(5, 0)
            }),
            Err(VisitError::WrongStep)
        );
        v.confirm_identity();
        assert_eq!(v.step, Step::Consent);
        assert_eq!(
            v.give_consent(Consent::Signature {
                strokes: vec![vec![[1, 1]]],
                signed_at: at(5, 0)
            }),
            Err(VisitError::NoSignature),
            "a dot is not a signature"
        );
        v.strokes = vec![vec![[1, 1], [5, 9], [20, 3]]];
        v.give_consent(Consent::Signature {
            strokes: v.strokes.clone(),
            signed_at: at(5, 0),
        })
        .unwrap();
        assert_eq!(v.step, Step::Package);
        assert!(
            v.strokes.is_empty(),
            "the draft strokes moved into the consent"
        );
        assert!(matches!(v.consent, Some(Consent::Signature { .. })));
    }

    #[test]
    fn incomplete_package_gets_a_refusal_with_the_missing_documents() {
        let mut v = at_package("S2");
        assert_eq!(v.situations, [Situation::Damage]);
        v.set_checked("application", true);
        v.set_checked("identity", true);
        v.set_checked("not-a-document", true);
        assert_eq!(v.checked, ["application", "identity"]);
        assert_eq!(v.missing(), ["original"]);
        let r = v.finish(at(5, 10)).unwrap().clone();
        assert_eq!(r.kind, ReceiptKind::Refusal);
        assert_eq!(r.documents, ["original"]);
        assert_eq!(r.due, None);
        assert_eq!(r.delivery, None);
        assert_eq!(v.step, Step::Done);
        // S2 names Appendix 4 to the Rules for the refusal receipt.
        let form = receipt_rule(ServiceId::S2, ReceiptKind::Refusal).and_then(|r| r.form);
        assert_eq!(form.map(|f| f.appendix), Some(4));
        // Nothing else can change once the receipt is issued.
        v.set_checked("original", true);
        assert_eq!(v.checked, ["application", "identity"]);
        assert_eq!(v.finish(at(5, 11)), Err(VisitError::WrongStep));
    }

    #[test]
    fn complete_package_is_accepted_with_the_engine_deadline_and_queued() {
        let mut v = at_package("S1");
        for id in ["application-to-head", "identity"] {
            v.set_checked(id, true);
        }
        v.set_checked("identity", false);
        assert_eq!(v.missing(), ["identity"]);
        v.set_checked("identity", true);
        let now = at(5, 30);
        let r = v.finish(now).unwrap().clone();
        assert_eq!(r.kind, ReceiptKind::Acceptance);
        assert_eq!(r.delivery, Some(Delivery::ToDeliver));
        let computed = deadline::deadline_for(
            &catalog::service(ServiceId::S1).terms,
            Channel::StateCorporation,
            None,
            now,
            calendar::calendar().unwrap(),
        )
        .unwrap();
        let expected = computed.due;
        assert_eq!(r.due, Some(expected));
        // S1: 20 calendar days (F000); the explanation is kept on the receipt.
        assert!(expected > day() + Duration::days(18));
        assert_eq!(v.deadline().map(|d| d.deadline.due), Some(expected));
        assert_eq!(
            v.deadline(),
            Some(RecordedDeadline {
                deadline: computed,
                recomputed: false
            })
        );
        // A receipt from before explanations were kept is recomputed, and says so.
        let mut old = v.clone();
        old.receipt.as_mut().unwrap().explanation = None;
        let why = old.deadline().unwrap();
        assert!(why.recomputed);
        assert_eq!(why.deadline.due, expected);
        // S1 names Appendix 2 to the standard for the acceptance receipt.
        let form = receipt_rule(ServiceId::S1, ReceiptKind::Acceptance).and_then(|r| r.form);
        assert_eq!(form.map(|f| f.appendix), Some(2));
        assert!(r.number.ends_with(&v.id));
    }

    #[test]
    fn a_visit_changes_only_at_the_revision_seen() {
        let mut v = seed_visits(day()).remove(0);
        let seen = v.rev;
        v.change_at_rev(seen, |v| {
            v.confirm_identity();
            Ok::<_, VisitError>(())
        })
        .unwrap();
        assert_eq!((v.step, v.rev), (Step::Consent, 1));
        // A second tab that still shows revision 0 is refused.
        let before = v.clone();
        let otp = Consent::Otp {
            verified_at: at(5, 1),
        };
        assert_eq!(
            v.change_at_rev(seen, |v| v.give_consent(otp.clone())),
            Err(VisitError::Stale(Stale {
                expected: 0,
                found: 1
            }))
        );
        assert_eq!(v, before);
        // A step that fails changes nothing, not even the revision.
        let dot = Consent::Signature {
            strokes: vec![vec![[1, 1]]],
            signed_at: at(5, 1),
        };
        assert_eq!(
            v.change_at_rev(1, |v| v.give_consent(dot)),
            Err(VisitError::NoSignature)
        );
        assert_eq!(v, before);
        v.change_at_rev(1, |v| v.give_consent(otp)).unwrap();
        assert_eq!((v.step, v.rev), (Step::Package, 2));
        // Visits sealed before the revision existed read as revision 0.
        let mut old = serde_json::to_value(&v).unwrap();
        old.as_object_mut().unwrap().remove("rev");
        assert_eq!(serde_json::from_value::<Visit>(old).unwrap().rev, 0);
    }

    #[test]
    fn queue_delivers_only_when_online() {
        let mut data = OperatorData {
            visits: seed_visits(day()),
        };
        assert_eq!(data.to_deliver(), 0);
        for v in data.visits.iter_mut().take(2) {
            v.confirm_identity();
            v.give_consent(Consent::Otp {
                verified_at: at(5, 0),
            })
            .unwrap();
            for d in v.required() {
                v.checked.push(d.id.clone());
            }
            v.finish(at(5, 5)).unwrap();
        }
        assert_eq!(data.to_deliver(), 2);
        let before = data.clone();
        assert_eq!(sync(&mut data, false, at(6, 0)), Err(VisitError::Offline));
        assert_eq!(data, before, "nothing changes offline");
        assert_eq!(sync(&mut data, true, at(6, 0)), Ok(2));
        assert_eq!(data.to_deliver(), 0);
        assert_eq!(
            data.visits[0].receipt.as_ref().unwrap().delivery,
            Some(Delivery::Delivered { at: at(6, 0) })
        );
        assert_eq!(
            sync(&mut data, true, at(6, 1)),
            Ok(0),
            "delivered stays delivered"
        );
        assert_eq!(
            data.visits[1].receipt.as_ref().unwrap().delivery,
            Some(Delivery::Delivered { at: at(6, 0) })
        );
    }

    #[test]
    fn operator_data_round_trips_through_the_vault() {
        use crate::engine::signing::vault;
        let mut data = OperatorData {
            visits: seed_visits(day()),
        };
        data.visits[0].strokes = vec![vec![[1, 2], [3, 4]]];
        let json = serde_json::to_vec(&data).unwrap();
        let key = vault::VaultKey::derive("246810", [7; 16], 1_000);
        let sealed = vault::seal_with_key(&key, &json, [1; 12]);
        let text = serde_json::to_string(&sealed).unwrap();
        let iin = &data.visits[0].iin;
        assert!(!text.contains(iin.as_str()), "the IIN is not in the clear");
        let wrong = vault::VaultKey::derive("246811", [7; 16], 1_000);
        assert_eq!(
            vault::open_with_key(&wrong, &sealed),
            Err(vault::VaultError::WrongPassword)
        );
        let back: OperatorData =
            serde_json::from_slice(&vault::open_with_key(&key, &sealed).unwrap()).unwrap();
        assert_eq!(back, data);
    }
}
