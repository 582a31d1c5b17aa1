//! Operator mode: a State Corporation employee accepting documents at the
//! citizen's home (F000 L55, F001 §10, F003 row \[10\]: people who cannot move
//! about or find their way ask the contact centre 1414 / 8 800 080 7777 for a
//! home visit).
//!
//! This module is the visit's logic, free of the browser: the visit list
//! seeded from the demo registry, the steps of one visit (identification,
//! consent, package check, receipt), the package check against the
//! catalogue's State Corporation document list, and the offline queue of
//! accepted packages waiting to be delivered.
//!
//! Each service keeps its own rules (issue 11, items 5 and 6; C-29, C-44):
//! the consent step is the one its source sets ([`ConsentStep`]: S3 the
//! State Corporation employee obtains it, F003 L46; S1 the provider does, on
//! the State Corporation's form, F000 L33, so the operator only says so; S2
//! only the owner's OTP consent when a digital document is used, F001 L26),
//! and an incomplete package ends as its source says ([`VisitOutcome`]: S2
//! refused with the Appendix 4 receipt, F001 §9; S3 refused under ground 2,
//! C-27, with no form named; S1, which has no refusal grounds and no refusal
//! form, is not refused: the missing documents are recorded and the citizen
//! told). The UI seals all of it under
//! the operator's PIN (see [`vault`](super::signing::vault)) before it touches storage.
//!
//! The PIN and idle lock ([`check_new_pin`], [`idle_expired`]) and the demo
//! visit list ([`seed_visits`]) are submodules; a visit's steps, receipt and
//! sync are here.

use chrono::{DateTime, NaiveDate, Timelike, Utc};
use serde::{Deserialize, Serialize};

use super::calendar;
use super::case::{self, Case};
use super::catalog::{self, ConsentBy, ConsentHow, DocumentRule, ReceiptKind, Situation, Stage};
use super::deadline::{self, Deadline, DeadlineError, Explanation, Milestone, RecordedDeadline};
use super::identity::registry::{self, Person};
use super::json::tagged;
use super::kztime::compact_date;
use super::queue::{self, ProviderPlace};
use super::service::ServiceId;
use super::signing::otp::OtpSession;
use super::term::{Channel, Location};

mod counter;
mod error;
mod file;
pub mod lock;
mod requests;

pub use error::VisitError;
pub use file::delivered_applications;
pub use lock::{
    ACCESSIBLE_IDLE_FACTOR, AfterWrongPin, IDLE_LOCK_MINUTES, MIN_PIN_LEN, OperatorStore, PinError,
    PinGuard, WIPE_AFTER, check_new_pin, idle_expired, is_trivial_pin,
};
pub use requests::seed_visits;

crate::engine::json::names!(Step, VisitOutcome);

/// The channel every home visit belongs to.
pub const CHANNEL: Channel = Channel::StateCorporation;

/// Where a visit stands. Steps only move forward, one at a time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
pub enum Step {
    /// The operator compares the citizen with the registry's identity data.
    #[default]
    Identify,
    /// Consent to use protected data: SMS code or a signature on the tablet.
    Consent,
    /// The operator ticks each document of the package.
    Package,
    /// The visit ended: a receipt was issued (acceptance or refusal), or,
    /// for S1, the missing documents were recorded ([`VisitOutcome`]).
    Done,
}

/// How a visit ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
pub enum VisitOutcome {
    /// The package is complete: a receipt of acceptance.
    Accepted,
    /// Incomplete, and the service's source has a ground to refuse at
    /// acceptance (S2 F001 §9; S3 ground 2 by C-27): refused.
    Refused,
    /// Incomplete, and the source has no refusal (S1, F000): nothing is
    /// refused; what is missing is recorded and the citizen told.
    MissingRecorded,
}

/// The consent step of a visit, as the service's own source sets it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConsentStep {
    /// The source sets none for this case (S2 without a digital document).
    None,
    /// The operator obtains it on the tablet (S3: the State Corporation
    /// employee, F003 L46; S2 with a digital document: the owner's one-time
    /// password, F001 L26).
    Collect(&'static DocumentRule),
    /// Someone else obtains it (S1: the provider, in writing, on the State
    /// Corporation's form, F000 L33): the operator tells the citizen so.
    Notice(&'static DocumentRule),
}

impl ConsentStep {
    /// The catalogue rule (with its citation), if any.
    pub fn rule(self) -> Option<&'static DocumentRule> {
        match self {
            ConsentStep::None => None,
            ConsentStep::Collect(r) | ConsentStep::Notice(r) => Some(r),
        }
    }

    /// Whether the operator may take the consent this way: a one-time code
    /// when the source says OTP or SMS; a code or a drawn signature when it
    /// does not say how; the notice only for a notice.
    pub fn accepts(self, consent: &Consent) -> bool {
        match (self, consent) {
            (ConsentStep::Notice(_), Consent::Notice { .. }) => true,
            (ConsentStep::Collect(_), Consent::Otp { .. }) => true,
            (ConsentStep::Collect(_), Consent::Signature { .. }) => self.allows_signature(),
            _ => false,
        }
    }

    /// Whether a drawn signature is one way to take this consent: only
    /// when the operator collects it and the source does not require a
    /// one-time code or SMS. The page asks this before offering the pad.
    ///
    /// ```
    /// use qujat::engine::catalog::Situation;
    /// use qujat::engine::service::ServiceId;
    /// use qujat::engine::visit::consent_step;
    ///
    /// // S1: the provider obtains the consent; the operator only tells.
    /// assert!(!consent_step(ServiceId::S1, &[Situation::Loss]).allows_signature());
    /// ```
    pub fn allows_signature(self) -> bool {
        let how = self.rule().and_then(|r| r.consent).map(|c| c.how);
        matches!(self, ConsentStep::Collect(_)) && how != Some(ConsentHow::OtpOrSms)
    }
}

/// The consent step for a service and situation at a home visit (the State
/// Corporation channel): the case's ([`case::rules`]).
pub fn consent_step(service: ServiceId, situations: &[Situation]) -> ConsentStep {
    let rules = case::rules(&Case::from_situations(service, CHANNEL, situations));
    match rules.and_then(|r| r.consent) {
        None => ConsentStep::None,
        Some(r) => match r.consent.map(|c| c.by) {
            Some(ConsentBy::Provider) => ConsentStep::Notice(r),
            _ => ConsentStep::Collect(r),
        },
    }
}

/// Whether the service's documents change when a digital document is used
/// at the State Corporation (S2, S3): then the operator can record it.
pub fn digital_document_applies(service: ServiceId) -> bool {
    catalog::service(service)
        .documents
        .iter()
        .any(|d| d.channels.contains(&CHANNEL) && d.when.contains(&Situation::DigitalDocument))
}

/// What a service's source does with an incomplete package at acceptance:
/// refuse under an acceptance-stage ground, or (no such ground) only
/// record what is missing.
pub fn incomplete_outcome(service: ServiceId) -> (VisitOutcome, Option<&'static str>) {
    catalog::service(service)
        .refusal_grounds_on(CHANNEL)
        .find(|g| g.stage == Stage::Acceptance && g.id == "incomplete-package")
        .map_or((VisitOutcome::MissingRecorded, None), |g| {
            (VisitOutcome::Refused, Some(g.id.as_str()))
        })
}

/// S1's record of an incomplete package: no receipt, nothing refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissingRecord {
    /// Document rule ids missing.
    pub documents: Vec<String>,
    #[serde(deserialize_with = "crate::engine::json::date::utc")]
    pub recorded_at: DateTime<Utc>,
}

/// A point of a drawn signature, in canvas pixels.
pub type Point = [i16; 2];

/// How the citizen consented to the use of protected data. serde writes
/// it; it is read in one pass (`json::tagged`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "method", rename_all = "kebab-case")]
pub enum Consent {
    /// A one-time code sent to the registry's mobile number and read back.
    Otp { verified_at: DateTime<Utc> },
    /// A signature drawn on the tablet, kept as its strokes.
    Signature { strokes: Vec<Vec<Point>>, signed_at: DateTime<Utc> },
    /// S1: the operator told the citizen that the provider obtains the
    /// written consent on the State Corporation's form (F000 L33).
    Notice { given_at: DateTime<Utc> },
}

tagged::reader! {
    Consent, tag = "method";
    variants {
        Otp { verified_at }
        Signature { strokes, signed_at }
        Notice { given_at }
    }
    fields {
        Vec<Vec<Point>>: strokes;
    }
    read {
        DateTime<Utc> = "crate::engine::json::date::utc_opt": verified_at, signed_at, given_at;
    }
}

/// The simulated SMS the citizen's phone received (shown on the tablet).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sms {
    pub code: String,
    #[serde(deserialize_with = "crate::engine::json::date::utc")]
    pub sent_at: DateTime<Utc>,
}

/// Where an accepted package is: waiting on the tablet, or delivered.
/// serde writes it; it is read in one pass (`json::tagged`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum Delivery {
    ToDeliver,
    Delivered { at: DateTime<Utc> },
}

tagged::reader! {
    Delivery, tag = "state";
    variants {
        ToDeliver {}
        Delivered { at }
    }
    fields {}
    read {
        DateTime<Utc> = "crate::engine::json::date::utc_opt": at;
    }
}

/// A receipt issued at the citizen's home.
#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IssuedReceipt {
    pub kind: ReceiptKind,
    pub number: String,
    #[serde(deserialize_with = "crate::engine::json::date::utc")]
    pub issued_at: DateTime<Utc>,
    /// Document rule ids handed in (acceptance) or missing (refusal).
    pub documents: Vec<String>,
    /// Refusal only: the catalogue grounds (S2 incomplete package, F001 §9;
    /// S3 ground 2, C-27). Empty in receipts from before it was kept.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grounds: Vec<String>,
    /// Acceptance only: the legal deadline from the engine.
    #[serde(deserialize_with = "crate::engine::json::date::naive_opt")]
    pub due: Option<NaiveDate>,
    /// Acceptance only: "why this date?" as computed when the receipt was
    /// issued (`None` in receipts from before it was kept).
    pub explanation: Option<Explanation>,
    /// Acceptance only: the package's way to the State Corporation.
    pub delivery: Option<Delivery>,
    /// Acceptance, S3: when the provider must deliver the result to the
    /// State Corporation (F003 L14, C-26), with its explanation.
    pub delivery_by: Option<Milestone>,
}

/// One home visit requested through the contact centre. It names the
/// citizen by IIN only; name, address and identity document always come
/// from the registry.
#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Visit {
    pub id: String,
    pub service: ServiceId,
    pub iin: String,
    /// What the citizen told the contact centre (loss, damage, …).
    pub situations: Vec<Situation>,
    #[serde(deserialize_with = "crate::engine::json::date::naive")]
    pub date: NaiveDate,
    pub step: Step,
    pub consent: Option<Consent>,
    /// Strokes drawn so far, before the signature is confirmed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub strokes: Vec<Vec<Point>>,
    pub otp: Option<OtpSession>,
    pub sms: Option<Sms>,
    /// Ids of the document rules the operator has ticked.
    #[serde(default)]
    pub checked: Vec<String>,
    pub receipt: Option<IssuedReceipt>,
    /// S1 with an incomplete package: what was recorded instead of a refusal.
    pub missing_record: Option<MissingRecord>,
    /// At a State Corporation counter (issue 13 §2; one engine for the
    /// counter and the home visit): the office, whose region's clock reads
    /// the acceptance and whose settlement, against the provider's, sets
    /// S3's term (C-24). `None` on a home visit.
    pub office: Option<String>,
    /// Where the education organisation is, when the citizen named it.
    pub provider: Option<ProviderPlace>,
    /// Changes made through [`Revisioned::change_at_rev`](crate::engine::store::Revisioned::change_at_rev) (records sealed
    /// before there was one read as 0).
    #[serde(default)]
    pub rev: u64,
}

crate::engine::store::revisioned!(Visit);

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
            .filter(|v| v.receipt.as_ref().is_some_and(|r| r.delivery == Some(Delivery::ToDeliver)))
            .count()
    }
}

/// The documents to hand in at the State Corporation for this service and
/// situation, as the case's rules list them ([`case::rules`]: the
/// catalogue's, the information rules left out).
pub fn required_documents(
    service: ServiceId, situations: &[Situation],
) -> Vec<&'static DocumentRule> {
    case::rules(&Case::from_situations(service, CHANNEL, situations))
        .map(|r| r.documents)
        .unwrap_or_default()
}

/// The catalogue's information rules for the channel (consent, "the
/// employee gets the identity data from state systems", gaps…).
pub fn channel_notes(service: ServiceId, situations: &[Situation]) -> Vec<&'static DocumentRule> {
    catalog::documents(service, CHANNEL, situations).into_iter().filter(|d| d.info).collect()
}

impl Visit {
    /// A visit not begun: a home visit as the contact centre requested it
    /// ([`seed_visits`]), or the start of one at a counter
    /// ([`Visit::at_counter`]).
    pub fn new(
        id: &str, service: ServiceId, iin: &str, situations: Vec<Situation>, date: NaiveDate,
    ) -> Visit {
        Visit {
            id: id.to_string(),
            service,
            iin: iin.to_string(),
            situations,
            date,
            step: Step::Identify,
            consent: None,
            strokes: Vec::new(),
            otp: None,
            sms: None,
            checked: Vec::new(),
            receipt: None,
            missing_record: None,
            office: None,
            provider: None,
            rev: 0,
        }
    }

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

    /// The consent step this visit's service and situation have.
    pub fn consent_step(&self) -> ConsentStep {
        consent_step(self.service, &self.situations)
    }

    /// The region whose clock the visit keeps: the counter's office's, or on
    /// a home visit the citizen's settlement's.
    pub fn region(&self) -> Option<&'static str> {
        if let Some(o) = self.office.as_deref().and_then(queue::office) {
            return o.region.as_deref();
        }
        registry::region_of_settlement(&self.person()?.settlement, self.date)
    }

    /// The office against the provider, where both are known (S3's term:
    /// 3 working days in the provider's settlement, 8 elsewhere, C-24);
    /// otherwise `None`, and the deadline says which term it took.
    pub fn location(&self) -> Option<Location> {
        let office = queue::office(self.office.as_deref()?)?;
        Some(office.location_for(self.provider.as_ref()?))
    }

    /// During identification: the citizen identifies with a document from
    /// the digital-documents service (S2, S3). False when the service's
    /// documents do not depend on it, or at another step.
    pub fn set_digital_document(&mut self, on: bool) -> bool {
        if self.step != Step::Identify || !digital_document_applies(self.service) {
            return false;
        }
        self.situations.retain(|s| *s != Situation::DigitalDocument);
        if on {
            self.situations.push(Situation::DigitalDocument);
        }
        true
    }

    pub fn uses_digital_document(&self) -> bool {
        self.situations.contains(&Situation::DigitalDocument)
    }

    /// Identification done: on to consent, or straight to the package when
    /// the service's source sets no consent for this case.
    pub fn confirm_identity(&mut self) {
        if self.step == Step::Identify {
            self.step = match self.consent_step() {
                ConsentStep::None => Step::Package,
                _ => Step::Consent,
            };
        }
    }

    /// Records the consent (or, for S1, that the citizen was told who
    /// obtains it) and moves on to the package check. Only the ways the
    /// service's source allows ([`ConsentStep::accepts`]).
    pub fn give_consent(&mut self, consent: Consent) -> Result<(), VisitError> {
        if self.step != Step::Consent {
            return Err(VisitError::WrongStep);
        }
        if !self.consent_step().accepts(&consent) {
            return Err(VisitError::ConsentNotThisWay);
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

    /// Ends the visit at `now`: acceptance when every required document is
    /// ticked (with the deadline from the engine, S3's delivery milestone,
    /// and the package queued "to deliver"); otherwise as the service's
    /// source says ([`incomplete_outcome`]): a refusal listing the missing
    /// documents and the ground, or, for S1, the missing documents recorded
    /// with no receipt.
    pub fn finish(&mut self, now: DateTime<Utc>) -> Result<VisitOutcome, VisitError> {
        if self.step != Step::Package {
            return Err(VisitError::WrongStep);
        }
        let missing = self.missing();
        let number = receipt_number(self, now);
        let outcome = if missing.is_empty() {
            let service = catalog::service(self.service);
            let cal = calendar::calendar().map_err(DeadlineError::from)?;
            let d = deadline::deadline_for_in(
                &service.terms,
                CHANNEL,
                self.location(),
                now,
                cal,
                self.region(),
            )?;
            let ctx = crate::engine::lifecycle::Ctx::embedded(self.service, CHANNEL)
                .map_err(|_| VisitError::Deadline(DeadlineError::NoTermForChannel(CHANNEL)))?;
            let delivery_by = if crate::engine::lifecycle::delivers_to_state_corporation(&ctx) {
                Some(deadline::provider_delivery_due(d.due, cal)?)
            } else {
                None
            };
            self.receipt = Some(IssuedReceipt {
                kind: ReceiptKind::Acceptance,
                number,
                issued_at: now,
                documents: self.required().iter().map(|d| d.id.clone()).collect(),
                grounds: Vec::new(),
                due: Some(d.due),
                explanation: Some(d.explanation),
                delivery: Some(Delivery::ToDeliver),
                delivery_by,
            });
            VisitOutcome::Accepted
        } else {
            match incomplete_outcome(self.service) {
                (VisitOutcome::Refused, ground) => {
                    self.receipt = Some(IssuedReceipt {
                        kind: ReceiptKind::Refusal,
                        number,
                        issued_at: now,
                        documents: missing,
                        grounds: ground.into_iter().map(str::to_string).collect(),
                        due: None,
                        explanation: None,
                        delivery: None,
                        delivery_by: None,
                    });
                    VisitOutcome::Refused
                }
                _ => {
                    self.missing_record =
                        Some(MissingRecord { documents: missing, recorded_at: now });
                    VisitOutcome::MissingRecorded
                }
            }
        };
        self.step = Step::Done;
        Ok(outcome)
    }

    /// How the visit ended, once it has.
    pub fn outcome(&self) -> Option<VisitOutcome> {
        if self.step != Step::Done {
            return None;
        }
        Some(match (&self.receipt, &self.missing_record) {
            (Some(r), _) if r.kind == ReceiptKind::Acceptance => VisitOutcome::Accepted,
            (Some(_), _) => VisitOutcome::Refused,
            (None, _) => VisitOutcome::MissingRecorded,
        })
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
                deadline: Deadline { accepted_on, due, explanation: explanation.clone() },
                recomputed: false,
            });
        }
        let service = catalog::service(self.service);
        let cal = calendar::calendar().ok()?;
        let deadline = deadline::deadline_for_in(
            &service.terms,
            CHANNEL,
            self.location(),
            r.issued_at,
            cal,
            self.region(),
        )
        .ok()?;
        Some(RecordedDeadline { deadline, recomputed: true })
    }
}

/// A signature must have at least one stroke of two points or more.
pub fn signature_is_drawn(strokes: &[Vec<Point>]) -> bool {
    strokes.iter().any(|s| s.len() >= 2)
}

/// "HV-YYYYMMDD-HHMMSS-V1": the home-visit receipt number ("SC-…-C1" at a
/// counter).
fn receipt_number(v: &Visit, now: DateTime<Utc>) -> String {
    let place = if v.is_at_counter() { "SC" } else { "HV" };
    let (h, m, s) = (now.hour(), now.minute(), now.second());
    let day = compact_date(now.date_naive());
    format!("{place}-{day}-{h:02}{m:02}{s:02}-{}", v.id)
}

/// Delivers every queued package when `online`; returns how many.
pub fn sync(
    data: &mut OperatorData, online: bool, now: DateTime<Utc>,
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

/// The receipt the catalogue names for this service at the State
/// Corporation, if the source provides one (never invented: S1 and S3 have
/// no refusal receipt; S2's acceptance and S3's name no form).
pub fn receipt_rule(service: ServiceId, kind: ReceiptKind) -> Option<&'static catalog::Receipt> {
    catalog::service(service).receipt(kind, CHANNEL)
}

#[cfg(test)]
mod tests {
    use super::requests::{REQUESTS, visitable};
    use super::*;
    use crate::engine::identity::registry::EducationKind;
    use crate::engine::store::Revisioned;
    use crate::engine::store::Stale;
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
            assert!(a.iter().any(|v| v.service.as_str() == s), "{s} is in the list");
        }
        let tve = |v: &Visit| {
            v.person().unwrap().education.iter().any(|d| d.kind == EducationKind::TveDiploma)
        };
        for v in &a {
            assert_eq!(tve(v), v.service == ServiceId::S1, "{} {}", v.service, v.iin);
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
        assert_eq!(ids("S1", &[Situation::Loss]), ["application-to-head", "identity"]);
        // S2: the original joins for damage or a name change, not for a loss.
        assert_eq!(ids("S2", &[Situation::Loss]), ["application", "identity"]);
        assert_eq!(ids("S2", &[Situation::Damage]), ["application", "identity", "original"]);
        assert_eq!(ids("S3", &[]), ["application", "identity"]);
        // Information rules are notes, not documents to tick.
        assert!(
            channel_notes(ServiceId::S1, &[Situation::Loss])
                .iter()
                .any(|d| d.id == "identity-from-systems")
        );
        assert!("S9".parse::<ServiceId>().is_err(), "no visit can name an unknown service");
    }

    fn at_package(service: &str) -> Visit {
        let mut v = seed_visits(day()).into_iter().find(|v| v.service.as_str() == service).unwrap();
        v.confirm_identity();
        consent_as_allowed(&mut v, at(5, 1));
        assert_eq!(v.step, Step::Package);
        v
    }

    /// Gives the consent the service's source sets, the first way it allows
    /// (the counter's tests too).
    pub(super) fn consent_as_allowed(v: &mut Visit, now: DateTime<Utc>) {
        match v.consent_step() {
            ConsentStep::None => {}
            ConsentStep::Collect(_) => v.give_consent(Consent::Otp { verified_at: now }).unwrap(),
            ConsentStep::Notice(_) => v.give_consent(Consent::Notice { given_at: now }).unwrap(),
        }
    }

    fn s3_visit() -> Visit {
        seed_visits(day()).into_iter().find(|v| v.service == ServiceId::S3).unwrap()
    }

    #[test]
    fn steps_move_forward_only() {
        let mut v = s3_visit();
        assert_eq!(v.finish(at(5, 0)), Err(VisitError::WrongStep));
        assert_eq!(
            v.give_consent(Consent::Otp { verified_at: at(5, 0) }),
            Err(VisitError::WrongStep)
        );
        v.confirm_identity();
        assert_eq!(v.step, Step::Consent);
        assert_eq!(
            v.give_consent(Consent::Signature { strokes: vec![vec![[1, 1]]], signed_at: at(5, 0) }),
            Err(VisitError::NoSignature),
            "a dot is not a signature"
        );
        v.strokes = vec![vec![[1, 1], [5, 9], [20, 3]]];
        v.give_consent(Consent::Signature { strokes: v.strokes.clone(), signed_at: at(5, 0) })
            .unwrap();
        assert_eq!(v.step, Step::Package);
        assert!(v.strokes.is_empty(), "the draft strokes moved into the consent");
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
        assert_eq!(v.finish(at(5, 10)), Ok(VisitOutcome::Refused));
        let r = v.receipt.clone().unwrap();
        assert_eq!(r.kind, ReceiptKind::Refusal);
        assert_eq!(r.documents, ["original"]);
        assert_eq!(r.grounds, ["incomplete-package"]);
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
        assert_eq!(v.finish(now), Ok(VisitOutcome::Accepted));
        let r = v.receipt.clone().unwrap();
        assert_eq!(r.kind, ReceiptKind::Acceptance);
        assert_eq!(r.delivery_by, None, "S1 has no delivery milestone");
        assert_eq!(r.delivery, Some(Delivery::ToDeliver));
        // Read on the clock of the citizen's region (Shymkent here).
        assert_eq!(v.region(), Some("shymkent"));
        let computed = deadline::deadline_for_in(
            &catalog::service(ServiceId::S1).terms,
            Channel::StateCorporation,
            None,
            now,
            calendar::calendar().unwrap(),
            Some("shymkent"),
        )
        .unwrap();
        let expected = computed.due;
        assert_eq!(r.due, Some(expected));
        // S1: 20 calendar days (F000); the explanation is kept on the receipt.
        assert!(expected > day() + Duration::days(18));
        assert_eq!(v.deadline().map(|d| d.deadline.due), Some(expected));
        assert_eq!(v.deadline(), Some(RecordedDeadline { deadline: computed, recomputed: false }));
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
    fn a_receipt_number_is_the_place_the_utc_instant_and_the_visit() {
        let v = s3_visit();
        let at = Utc.with_ymd_and_hms(2026, 3, 9, 7, 5, 9).unwrap();
        assert_eq!(receipt_number(&v, at), format!("HV-20260309-070509-{}", v.id));
        // As chrono's strftime wrote it before (`%Y%m%d-%H%M%S`).
        let late = Utc.with_ymd_and_hms(2026, 12, 31, 23, 59, 58).unwrap();
        assert_eq!(
            receipt_number(&v, late),
            format!("HV-{}-{}", late.format("%Y%m%d-%H%M%S"), v.id)
        );
    }

    #[test]
    fn a_visit_changes_only_at_the_revision_seen() {
        let mut v = s3_visit();
        let seen = v.rev;
        v.change_at_rev(seen, |v| {
            v.confirm_identity();
            Ok::<_, VisitError>(())
        })
        .unwrap();
        assert_eq!((v.step, v.rev), (Step::Consent, 1));
        // A second tab that still shows revision 0 is refused.
        let before = v.clone();
        let otp = Consent::Otp { verified_at: at(5, 1) };
        assert_eq!(
            v.change_at_rev(seen, |v| v.give_consent(otp.clone())),
            Err(VisitError::Stale(Stale { expected: 0, found: 1 }))
        );
        assert_eq!(v, before);
        // A step that fails changes nothing, not even the revision.
        let dot = Consent::Signature { strokes: vec![vec![[1, 1]]], signed_at: at(5, 1) };
        assert_eq!(v.change_at_rev(1, |v| v.give_consent(dot)), Err(VisitError::NoSignature));
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
        let mut data = OperatorData { visits: seed_visits(day()) };
        assert_eq!(data.to_deliver(), 0);
        for v in data.visits.iter_mut().take(2) {
            v.confirm_identity();
            consent_as_allowed(v, at(5, 1));
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
        assert_eq!(sync(&mut data, true, at(6, 1)), Ok(0), "delivered stays delivered");
        assert_eq!(
            data.visits[1].receipt.as_ref().unwrap().delivery,
            Some(Delivery::Delivered { at: at(6, 0) })
        );
    }

    /// Issue 11, item 6: each service's own consent rule (C-29, C-44).
    #[test]
    fn consent_follows_each_services_source() {
        let line = |st: ConsentStep| st.rule().map(|r| r.provenance.cites[0].line);
        let otp = Consent::Otp { verified_at: at(5, 1) };
        let drawn = Consent::Signature { strokes: vec![vec![[1, 1], [5, 9]]], signed_at: at(5, 1) };
        let notice = Consent::Notice { given_at: at(5, 1) };
        // S1: the provider obtains it in writing on the SC's form (F000
        // L33); the operator only says so.
        let s1 = consent_step(ServiceId::S1, &[Situation::Loss]);
        assert!(matches!(s1, ConsentStep::Notice(_)));
        assert_eq!(line(s1), Some(33));
        assert!(s1.accepts(&notice) && !s1.accepts(&otp) && !s1.accepts(&drawn));
        // S2: none, unless a digital document is used; then the owner's
        // one-time password only (F001 L26).
        assert_eq!(consent_step(ServiceId::S2, &[Situation::Damage]), ConsentStep::None);
        let s2 = consent_step(ServiceId::S2, &[Situation::Loss, Situation::DigitalDocument]);
        assert!(matches!(s2, ConsentStep::Collect(_)));
        assert_eq!(line(s2), Some(26));
        assert!(s2.accepts(&otp) && !s2.accepts(&drawn) && !s2.accepts(&notice));
        // S3: the State Corporation employee obtains it (F003 L46); the
        // text does not say how.
        let s3 = consent_step(ServiceId::S3, &[]);
        assert!(matches!(s3, ConsentStep::Collect(_)));
        assert_eq!(line(s3), Some(46));
        assert!(s3.accepts(&otp) && s3.accepts(&drawn) && !s3.accepts(&notice));
        // The page's question, without a made-up signature to probe with.
        for step in [s1, s2, s3] {
            assert_eq!(step.allows_signature(), step.accepts(&drawn));
        }
        assert!(!s1.allows_signature() && !s2.allows_signature() && s3.allows_signature());

        // An S2 visit without a digital document skips the consent step.
        let mut v = seed_visits(day()).remove(0);
        assert_eq!(v.service, ServiceId::S2);
        v.confirm_identity();
        assert_eq!(v.step, Step::Package);
        // With one, the owner's code is asked, never a drawn signature.
        let mut v = seed_visits(day()).remove(0);
        assert!(v.set_digital_document(true));
        assert!(v.uses_digital_document());
        v.confirm_identity();
        assert_eq!(v.step, Step::Consent);
        assert_eq!(v.give_consent(drawn.clone()), Err(VisitError::ConsentNotThisWay));
        v.give_consent(otp.clone()).unwrap();
        assert!(!v.set_digital_document(false), "only while identifying");
        // S1 has no digital-document rule to record.
        let mut s1v = seed_visits(day()).into_iter().find(|v| v.service == ServiceId::S1).unwrap();
        assert!(!s1v.set_digital_document(true));
        s1v.confirm_identity();
        assert_eq!(s1v.give_consent(otp), Err(VisitError::ConsentNotThisWay));
        s1v.give_consent(notice).unwrap();
        assert_eq!(s1v.step, Step::Package);
    }

    /// Issue 11, item 5: S1 has no refusal grounds and no refusal form
    /// (F000): an incomplete package is recorded, nothing is refused. S3
    /// refuses under ground 2 (C-27) with no form named; S2 with Appendix 4.
    #[test]
    fn an_incomplete_package_ends_as_each_source_says() {
        let mut v = at_package("S1");
        v.set_checked("identity", true);
        assert_eq!(v.finish(at(5, 20)), Ok(VisitOutcome::MissingRecorded));
        assert_eq!(v.receipt, None, "no receipt of any kind");
        let rec = v.missing_record.clone().unwrap();
        assert_eq!(rec.documents, ["application-to-head"]);
        assert_eq!(v.outcome(), Some(VisitOutcome::MissingRecorded));
        assert_eq!(receipt_rule(ServiceId::S1, ReceiptKind::Refusal), None);
        assert!(receipt_rule(ServiceId::S1, ReceiptKind::Acceptance).is_some());

        let mut v = at_package("S3");
        v.set_checked("application", true);
        assert_eq!(v.finish(at(5, 20)), Ok(VisitOutcome::Refused));
        let r = v.receipt.clone().unwrap();
        assert_eq!(r.grounds, ["incomplete-package"]);
        assert_eq!(r.documents, ["identity"]);
        // F003 names no refusal receipt: none is invented.
        assert_eq!(receipt_rule(ServiceId::S3, ReceiptKind::Refusal), None);

        assert_eq!(
            incomplete_outcome(ServiceId::S2),
            (VisitOutcome::Refused, Some("incomplete-package"))
        );
        assert_eq!(incomplete_outcome(ServiceId::S1), (VisitOutcome::MissingRecorded, None));
    }

    /// Item 8: an S3 acceptance receipt shows the provider's delivery to the
    /// State Corporation, a working day before the deadline (F003 L14).
    #[test]
    fn an_s3_receipt_shows_the_delivery_milestone() {
        let mut v = at_package("S3");
        for d in v.required() {
            v.checked.push(d.id.clone());
        }
        assert_eq!(v.finish(at(5, 30)), Ok(VisitOutcome::Accepted));
        let r = v.receipt.clone().unwrap();
        let due = r.due.unwrap();
        let by = r.delivery_by.unwrap();
        assert_eq!(
            by.date,
            calendar::calendar().unwrap().previous_working_day_before(due).unwrap()
        );
        assert!(by.explanation.assumptions.iter().any(|p| p.rule.as_deref() == Some("C-26")));
    }

    #[test]
    fn operator_data_round_trips_through_the_vault() {
        use crate::engine::signing::vault;
        let mut data = OperatorData { visits: seed_visits(day()) };
        data.visits[0].strokes = vec![vec![[1, 2], [3, 4]]];
        let json = serde_json::to_vec(&data).unwrap();
        let key = vault::VaultKey::derive("246810", [7; 16], 1_000);
        let sealed = vault::seal_with_key(&key, &json, [1; 12]);
        let text = serde_json::to_string(&sealed).unwrap();
        let iin = &data.visits[0].iin;
        assert!(!text.contains(iin.as_str()), "the IIN is not in the clear");
        let wrong = vault::VaultKey::derive("246811", [7; 16], 1_000);
        assert_eq!(vault::open_with_key(&wrong, &sealed), Err(vault::VaultError::WrongPassword));
        let back: OperatorData =
            serde_json::from_slice(&vault::open_with_key(&key, &sealed).unwrap()).unwrap();
        assert_eq!(back, data);
    }
}
