//! What to do, before any act or clause: the top of each service passport.
//!
//! For a service and the citizen's situation, [`guide`] answers from the
//! catalogue, the queue's booking rules and the deadline engine, in data
//! terms (catalogue items with their ids, texts and provenance; never
//! prose made up here):
//!
//! - **where to go** ([`Route`]): apply online (only a service with a
//!   portal channel: S2), book a queue slot (only where the seeds give a
//!   booking, `queue.toml`: S3 hand-in; S2 collection in East
//!   Kazakhstan), come to an office (each channel of the service), or ask
//!   for a home visit through the contact centre 1414 (every service, its
//!   `home-visit` accessibility item); a liquidated college (S1) sends the
//!   citizen to the archive instead (F000 L27);
//! - **what to bring**, per channel ([`ChannelGuide`]): the document rules
//!   for that channel and situation, documents apart from notes;
//! - **how long**, per channel: each term with its amount and unit, and the
//!   date it gives for documents handed in now, computed by
//!   [`deadline::compute`] so "why this date?" is the acceptance's own
//!   explanation;
//! - **the cost and the result**, as the catalogue states them (a result
//!   of a lost-force act is history, not what the citizen gets).
//!
//! Every item keeps its [`Provenance`]: an assumption stays marked.
//!
//! ```
//! use qujat::engine::catalog::Situation;
//! use qujat::engine::guide::{self, Way};
//! use qujat::engine::{kztime, service::ServiceId, term::Channel};
//!
//! let now = kztime::parse_instant("2025-03-19T11:00:00+05:00")?;
//! // S2, a damaged certificate: online, at an office, or at home.
//! let g = guide::guide(ServiceId::S2, &[Situation::Damage], None, now)?;
//! assert_eq!(g.routes[0].way, Way::ApplyOnline);
//! assert!(g.routes.iter().any(|r| r.way == Way::HomeVisit));
//! // At the State Corporation: the original comes with the application.
//! let sc = g.channel(Channel::StateCorporation).unwrap();
//! assert!(sc.bring.iter().any(|d| d.id == "original"));
//! // 15 working days; handed in now, due on 14 April 2025 (Nauryz skipped).
//! let term = &sc.terms[0];
//! assert_eq!(term.term.amount, 15);
//! assert_eq!(term.due.as_ref().unwrap().due.to_string(), "2025-04-14");
//!
//! // S3 has no "lost" or "damaged": it is a certificate, not a duplicate.
//! assert!(guide::guide(ServiceId::S3, &[Situation::Loss], None, now).is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::engine::calendar;
use crate::engine::catalog::{self, ChannelItem, DocumentRule, FieldKind, Item, Situation};
use crate::engine::deadline::{self, Deadline};
use crate::engine::json;
use crate::engine::queue::ticket::Checklist;
use crate::engine::queue::{self, Bookability, ProviderPlace, Purpose};
use crate::engine::service::ServiceId;
use crate::engine::source::{Provenance, Status};
use crate::engine::term::{Channel, Term};

/// The accessibility item of every service that offers a home visit.
pub const HOME_VISIT: &str = "home-visit";

/// The form field whose options are the reasons (lost, damaged…).
const REASON_FIELD: &str = "reason";

/// One way to get the service.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "way", rename_all = "kebab-case")]
pub enum Way {
    /// Apply on the portal (a service with a portal channel).
    ApplyOnline,
    /// Book a slot of the State Corporation's electronic queue. `region`:
    /// only for a provider in that region (S2 collection: F002 is East
    /// Kazakhstan's), when the provider is not known yet.
    BookSlot {
        purpose: Purpose,
        #[serde(skip_serializing_if = "Option::is_none")]
        region: Option<String>,
    },
    /// Come to an office of this channel (provider or State Corporation).
    Office { channel: Channel },
    /// Ask the contact centre 1414 for a State Corporation employee to come
    /// home (for people whose health requires it).
    HomeVisit,
    /// The organisation was liquidated: apply to the archive.
    Archive,
}

/// A way to go, with the catalogue item or rule it rests on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Route {
    pub way: Way,
    /// The channel whose documents and terms apply ([`Guide::channel`]);
    /// `None` for the archive, which is no channel of the service.
    pub channel: Option<Channel>,
    /// The catalogue item's id (channel, accessibility item, document rule)
    /// or, for a booking, the booked purpose's slug.
    pub id: String,
    /// The text to show, where the item has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<&'static crate::engine::source::Text>,
    pub provenance: &'static Provenance,
    /// A booking's own checklist (what to bring to the slot, as a ticket
    /// lists it): for collecting a result it is not the hand-in's
    /// documents. Empty for the other ways.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub checklist: Checklist,
}

/// One term of a channel and the date it gives for a hand-in now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TermGuide {
    /// Amount, unit, location (S3), start and end rules, each with its
    /// provenance.
    pub term: &'static Term,
    /// The deadline of documents handed in at `now`, with "why this date?";
    /// `None` when the calendar does not reach that far.
    pub due: Option<Deadline>,
}

/// What to bring and how long it takes, for one channel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChannelGuide {
    pub channel: Channel,
    /// Documents to hand in.
    pub bring: Vec<&'static DocumentRule>,
    /// Rules about them that are not documents (consent, "the employee
    /// gets your identity data from state systems", a gap in the sources).
    pub notes: Vec<&'static DocumentRule>,
    pub terms: Vec<TermGuide>,
}

/// The top of a passport.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Guide {
    pub service: ServiceId,
    pub situations: Vec<Situation>,
    pub routes: Vec<Route>,
    pub channels: Vec<ChannelGuide>,
    /// `None` on the archive route: the seeds give no cost for it.
    pub cost: Option<&'static Item>,
    /// Empty on the archive route: the seeds give no result for it.
    pub results: Vec<&'static Item>,
}

impl Guide {
    pub fn channel(&self, channel: Channel) -> Option<&ChannelGuide> {
        self.channels.iter().find(|c| c.channel == channel)
    }

    /// Every provenance the guide shows that is an assumption, for the
    /// "assumptions used here" marker.
    pub fn assumptions(&self) -> Vec<&Provenance> {
        let routes = self.routes.iter().map(|r| r.provenance);
        let docs = self
            .channels
            .iter()
            .flat_map(|c| c.bring.iter().chain(&c.notes).map(|d| &d.provenance));
        let terms = self.channels.iter().flat_map(|c| {
            c.terms.iter().flat_map(|t| {
                [&t.term.provenance, &t.term.start_provenance]
                    .into_iter()
                    .chain(t.term.end_provenance.as_ref())
            })
        });
        let items =
            self.cost.into_iter().chain(self.results.iter().copied()).map(|i| &i.provenance);
        let mut out: Vec<&Provenance> = Vec::new();
        for p in routes.chain(docs).chain(terms).chain(items) {
            if p.is_assumption() && !out.contains(&p) {
                out.push(p);
            }
        }
        out
    }
}

/// Why no guide for this situation.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum GuideError {
    /// The service's catalogue knows no such situation (S3 has no "lost";
    /// only S1 has a liquidated college).
    #[error("{service} has no situation {situation:?}")]
    NotForService { service: ServiceId, situation: Situation },
    /// Two reasons at once (lost and damaged): the application states one.
    #[error("one reason at a time, not {0:?} and {1:?}")]
    TwoReasons(Situation, Situation),
}

fn reason_of(option_id: &str) -> Option<Situation> {
    json::from_value(&serde_json::Value::String(option_id.to_string())).ok()
}

/// The reasons the service's application offers (its `reason` field's
/// options), as situations: S1 lost, name changed, damaged, filling errors;
/// S2 lost, damaged, name changed; S3 none.
pub fn reasons(service: ServiceId) -> Vec<Situation> {
    catalog::service(service)
        .form_fields
        .iter()
        .filter(|f| f.id == REASON_FIELD && f.kind == FieldKind::Choice)
        .flat_map(|f| f.options.iter().filter_map(|o| reason_of(&o.id)))
        .collect()
}

/// Every situation the picker offers for the service: its reasons, then
/// each situation its documents or form fields depend on (a minor, a
/// digital document, a liquidated college), in that order.
pub fn situations(service: ServiceId) -> Vec<Situation> {
    let svc = catalog::service(service);
    let mut out = reasons(service);
    let from_docs = svc.documents.iter().flat_map(|d| d.when.iter().chain(&d.unless));
    let from_fields = svc.form_fields.iter().flat_map(|f| &f.when);
    for s in from_docs.chain(from_fields) {
        if !out.contains(s) {
            out.push(*s);
        }
    }
    out
}

/// The guide for `service` in `situations` (at most one reason), with the
/// dates a hand-in at `now` would get. `provider` (the school or college,
/// when known) decides a booking that only some regions have; without it
/// such a booking is listed with its region.
pub fn guide(
    service: ServiceId, situations: &[Situation], provider: Option<&ProviderPlace>,
    now: DateTime<Utc>,
) -> Result<Guide, GuideError> {
    let mut unique: Vec<Situation> = Vec::with_capacity(situations.len());
    for s in situations {
        if !unique.contains(s) {
            unique.push(*s);
        }
    }
    let situations = unique;
    let offered = self::situations(service);
    if let Some(s) = situations.iter().find(|s| !offered.contains(s)) {
        return Err(GuideError::NotForService { service, situation: *s });
    }
    let reasons = reasons(service);
    let mut given = situations.iter().filter(|s| reasons.contains(s));
    if let (Some(a), Some(b)) = (given.next(), given.next()) {
        return Err(GuideError::TwoReasons(*a, *b));
    }
    let svc = catalog::service(service);

    if situations.contains(&Situation::Liquidated) {
        // F000 L27: the applicant applies to the archive; the seeds give
        // this route no documents, term, cost or result.
        let routes = svc
            .documents
            .iter()
            .filter(|d| d.info && d.when.contains(&Situation::Liquidated))
            .map(|d| Route {
                way: Way::Archive,
                channel: None,
                id: d.id.clone(),
                text: Some(&d.text),
                provenance: &d.provenance,
                checklist: Vec::new(),
            })
            .collect();
        return Ok(Guide {
            service,
            situations,
            routes,
            channels: Vec::new(),
            cost: None,
            results: Vec::new(),
        });
    }

    let mut routes = Vec::new();
    let channel_item = |c: Channel| svc.channels.iter().find(|i| i.channel == c);
    let route = |way: Way, c: Channel, item: &'static ChannelItem| Route {
        way,
        channel: Some(c),
        id: c.slug().to_string(),
        text: Some(&item.text),
        provenance: &item.provenance,
        checklist: Vec::new(),
    };
    if let Some(item) = channel_item(Channel::Portal) {
        routes.push(route(Way::ApplyOnline, Channel::Portal, item));
    }
    for rule in queue::data().booking.iter().filter(|r| r.service == service) {
        let region = match (&rule.provider_region, provider) {
            (None, _) => None,
            (Some(r), None) => Some(r.clone()),
            (Some(_), Some(p)) => match queue::booking(service, rule.purpose, Some(p)) {
                Bookability::Bookable(_) => None,
                Bookability::NoBooking(_) => continue,
            },
        };
        routes.push(Route {
            way: Way::BookSlot { purpose: rule.purpose, region },
            channel: Some(Channel::StateCorporation),
            id: rule.purpose.slug().to_string(),
            text: None,
            provenance: &rule.provenance,
            checklist: queue::ticket::checklist(rule, &situations),
        });
    }
    for c in [Channel::Provider, Channel::StateCorporation] {
        if let Some(item) = channel_item(c) {
            routes.push(route(Way::Office { channel: c }, c, item));
        }
    }
    if let Some(item) = svc.accessibility.iter().find(|a| a.id == HOME_VISIT) {
        routes.push(Route {
            way: Way::HomeVisit,
            channel: Some(Channel::StateCorporation),
            id: item.id.clone(),
            text: Some(&item.text),
            provenance: &item.provenance,
            checklist: Vec::new(),
        });
    }

    let cal = calendar::calendar().ok();
    let channels = Channel::ALL
        .into_iter()
        .filter(|c| svc.has_channel(*c))
        .map(|c| {
            let (notes, bring) = svc.documents(c, &situations).into_iter().partition(|d| d.info);
            let terms = svc
                .terms_for(c)
                .map(|term| TermGuide {
                    term,
                    due: cal.and_then(|cal| deadline::compute(term, now, cal).ok()),
                })
                .collect();
            ChannelGuide { channel: c, bring, notes, terms }
        })
        .collect();

    Ok(Guide {
        service,
        situations,
        routes,
        channels,
        cost: Some(&svc.cost),
        results: svc.results.iter().filter(|r| r.provenance.status != Status::LostForce).collect(),
    })
}
