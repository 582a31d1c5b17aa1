//! One case of the law: a service, a channel and the applicant's situation,
//! and everything the sources say follows from it — the documents to hand
//! in, the refusal grounds that can apply, the consent step, the term and
//! its unit, the milestones and the receipts — each item with its
//! provenance. It is what the wizard, the operator's package check and the
//! State Corporation counter apply, put in one place so that
//! `src/engine/data/cases.toml` (the legal test table, checked by
//! `tests/law_cases.rs`) can state it row by row and a reviewer can read
//! the table instead of the code.
//!
//! Everything here is read from the catalogue; nothing is decided in code
//! but which catalogue items a case selects.

use crate::engine::application::Reason;
use crate::engine::catalog::{
    self, DocumentRule, ProcedureStep, Receipt, ReceiptKind, RefusalGround, Service, Situation,
    TimedRule,
};
use crate::engine::lifecycle::{self, Ctx};
use crate::engine::service::ServiceId;
use crate::engine::source::{Provenance, Status};
use crate::engine::term::{Channel, Location, Term};

/// A service, a channel and the applicant's situation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Case {
    pub service: ServiceId,
    pub channel: Channel,
    /// Why a duplicate is needed (S1, S2); `None` for S3.
    pub reason: Option<Reason>,
    /// A parent of a minor (S2) or a legal representative (S3) applies.
    pub representative: bool,
    /// The applicant identifies with a document from the digital-documents
    /// service.
    pub digital_document: bool,
    /// The education organisation has been liquidated (S1).
    pub liquidated: bool,
    /// S3 at the State Corporation: the office in the provider's settlement
    /// or not; `None`: not known.
    pub location: Option<Location>,
    /// The provider's region (a region id); `None`: not known.
    pub region: Option<String>,
}

impl Case {
    pub fn new(service: ServiceId, channel: Channel) -> Case {
        Case {
            service,
            channel,
            reason: None,
            representative: false,
            digital_document: false,
            liquidated: false,
            location: None,
            region: None,
        }
    }

    /// The case of catalogue situations (what the contact centre took down
    /// for a home visit, or what a counter records).
    pub fn from_situations(service: ServiceId, channel: Channel, situations: &[Situation]) -> Case {
        let has = |s: Situation| situations.contains(&s);
        Case {
            reason: Reason::ALL.into_iter().find(|r| has(r.situation())),
            representative: has(Situation::Minor),
            digital_document: has(Situation::DigitalDocument),
            liquidated: has(Situation::Liquidated),
            ..Case::new(service, channel)
        }
    }

    /// The catalogue situations the case puts the applicant in.
    pub fn situations(&self) -> Vec<Situation> {
        let mut out: Vec<Situation> = self.reason.map(Reason::situation).into_iter().collect();
        if self.representative {
            out.push(Situation::Minor);
        }
        if self.digital_document {
            out.push(Situation::DigitalDocument);
        }
        if self.liquidated {
            out.push(Situation::Liquidated);
        }
        out
    }
}

/// Where the applicant goes: the service itself, or (S1, a liquidated
/// college) the archive (F000 L27), whose procedure the seeds do not give.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Service,
    Archive(&'static DocumentRule),
}

/// The term of a case, and the C-24 assumption when the location of the
/// State Corporation office is not known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseTerm {
    pub term: &'static Term,
    pub location_assumed: Option<Provenance>,
}

/// A dated milestone the law sets around the deadline, or a regulation
/// step that serves as one, with its provenance (and, for a step applied
/// to a channel its act does not name, that interpretation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseMilestone {
    pub id: String,
    pub provenance: Provenance,
    pub mapped: Option<Provenance>,
}

/// What the sources say for a case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rules {
    pub route: Route,
    /// The documents to hand in (not the information rules).
    pub documents: Vec<&'static DocumentRule>,
    /// The refusal grounds that can apply on this channel.
    pub refusal_grounds: Vec<&'static RefusalGround>,
    /// The consent step, as the service's own source sets it.
    pub consent: Option<&'static DocumentRule>,
    pub term: Option<CaseTerm>,
    pub milestones: Vec<CaseMilestone>,
    /// The receipts the source provides on this channel.
    pub receipts: Vec<&'static Receipt>,
}

impl Rules {
    /// Every RULES.md rule the case relies on (sorted, once each): the
    /// interpretations a reviewer should know about for this row.
    pub fn assumptions(&self) -> Vec<String> {
        let mut all: Vec<&Provenance> = Vec::new();
        all.extend(self.documents.iter().map(|d| &d.provenance));
        all.extend(self.refusal_grounds.iter().map(|g| &g.provenance));
        all.extend(self.consent.iter().map(|c| &c.provenance));
        if let Some(t) = &self.term {
            all.extend([&t.term.provenance, &t.term.start_provenance]);
            all.extend(t.term.end_provenance.as_ref());
            all.extend(t.location_assumed.as_ref());
        }
        for m in &self.milestones {
            all.push(&m.provenance);
            all.extend(m.mapped.as_ref());
        }
        all.extend(self.receipts.iter().map(|r| &r.provenance));
        let mut rules: Vec<String> = all
            .into_iter()
            .filter(|p| p.status == Status::Assumption)
            .filter_map(|p| p.rule.clone())
            .collect();
        crate::engine::order::sort(&mut rules);
        rules.dedup();
        rules
    }
}

/// What the sources say for `case`; `None` on a channel the service does
/// not have.
pub fn rules(case: &Case) -> Option<Rules> {
    let service = catalog::service(case.service);
    let channel = case.channel;
    if !service.has_channel(channel) {
        return None;
    }
    let situations = case.situations();
    let docs = service.documents(channel, &situations);
    if let Some(archive) = docs.iter().find(|d| {
        d.when.contains(&Situation::Liquidated) && situations.contains(&Situation::Liquidated)
    }) {
        return Some(Rules {
            route: Route::Archive(archive),
            documents: Vec::new(),
            refusal_grounds: Vec::new(),
            consent: None,
            term: None,
            milestones: Vec::new(),
            receipts: Vec::new(),
        });
    }
    Some(Rules {
        route: Route::Service,
        documents: docs.iter().copied().filter(|d| !d.info).collect(),
        refusal_grounds: service.refusal_grounds_on(channel).collect(),
        consent: service.consent(channel, &situations),
        term: term(service, channel, case.location),
        milestones: milestones(service, channel, case.region.as_deref()),
        receipts: service
            .receipts
            .iter()
            .filter(|r| !r.absent && r.channels.contains(&channel))
            .collect(),
    })
}

fn term(
    service: &'static Service, channel: Channel, location: Option<Location>,
) -> Option<CaseTerm> {
    let terms: Vec<&'static Term> = service.terms_for(channel).collect();
    if !terms.iter().any(|t| t.location.is_some()) {
        return terms.first().map(|t| CaseTerm { term: t, location_assumed: None });
    }
    let wanted = location.unwrap_or(Location::Other);
    let term = terms.into_iter().find(|t| t.location == Some(wanted))?;
    Some(CaseTerm {
        term,
        location_assumed: location.is_none().then(crate::engine::deadline::location_assumption),
    })
}

fn milestones(
    service: &'static Service, channel: Channel, region: Option<&str>,
) -> Vec<CaseMilestone> {
    let mut out = Vec::new();
    let mapped = lifecycle::portal_mapping(channel).cloned();
    // The regulation's steps in force for the provider's region (F002 in
    // East Kazakhstan; never the lost-force F004).
    let steps: Vec<&ProcedureStep> = lifecycle::steps_for(service, channel, region)
        .into_iter()
        .filter(|s| s.provenance.status != Status::LostForce)
        .collect();
    for s in steps {
        out.push(CaseMilestone {
            id: s.id.clone(),
            provenance: s.provenance.clone(),
            mapped: mapped.clone(),
        });
    }
    let ctx = Ctx::embedded(service.id, channel).ok();
    if ctx.is_some_and(|c| lifecycle::delivers_to_state_corporation(&c)) {
        out.push(CaseMilestone {
            id: lifecycle::PROVIDER_DELIVERY.to_string(),
            provenance: catalog::notes().provider_delivery.clone(),
            mapped: None,
        });
    }
    let storage = |r: &&TimedRule| r.channels.is_empty() || r.channels.contains(&channel);
    for r in service.storage.iter().filter(storage) {
        out.push(CaseMilestone {
            id: format!("storage/{}", r.id),
            provenance: r.provenance.clone(),
            mapped: None,
        });
    }
    out
}

/// The receipt the source provides of `kind` for a case's channel.
pub fn receipt(rules: &Rules, kind: ReceiptKind) -> Option<&'static Receipt> {
    rules.receipts.iter().copied().find(|r| r.kind == kind)
}
