//! A generic walk over every provenance-bearing item of a service, and the
//! question it answers: which rules applied on a given date.

use std::slice;

use chrono::NaiveDate;

use super::model::{FormField, Item, Service};
use crate::engine::service::ServiceId;
use crate::engine::source::{Provenance, Seed, Status, Text};
use crate::engine::term::{Channel, Term};

/// One provenance-bearing thing of a service, for generic walks (legal-basis
/// view, validity on a date, tests).
#[derive(Clone, Copy, Debug)]
pub struct ItemRef<'a> {
    /// The field of [`Service`] it sits in, e.g. "documents", "terms.start".
    pub section: &'static str,
    pub id: &'a str,
    pub text: Option<&'a Text>,
    pub provenance: &'a Provenance,
}

/// An item of some service that applied on a date.
#[derive(Clone, Copy, Debug)]
pub struct RuleRef<'a> {
    pub service: ServiceId,
    pub item: ItemRef<'a>,
}

impl Service {
    /// Every provenance of the service, each with its section and id. Terms
    /// have no id; theirs is the channel slug, plus "/same" or "/other".
    pub fn items(&self) -> Vec<ItemRef<'_>> {
        let mut all: Vec<Row<'_>> = Vec::new();
        for (section, list) in [
            ("name", slice::from_ref(&self.name)),
            ("summary", slice::from_ref(&self.summary)),
            ("cost", slice::from_ref(&self.cost)),
            ("how_to_apply", self.how_to_apply.as_slice()),
            ("service_form", self.service_form.as_slice()),
            ("results", &self.results),
            ("provider", &self.provider),
            ("recipients", &self.recipients),
            ("queue", &self.queue),
            ("accessibility", &self.accessibility),
            ("signing", &self.signing),
            ("assumptions", &self.assumptions),
        ] {
            all.extend(items(section, list));
        }
        for a in &self.acts {
            let id = seed_id(a.seed);
            all.push(("acts", id, Some(&a.text), &a.provenance));
            if let Some(p) = &a.dates_provenance {
                all.push(("acts.dates", id, None, p));
            }
        }
        for c in &self.channels {
            all.push(("channels", c.channel.slug(), Some(&c.text), &c.provenance));
        }
        for d in &self.documents {
            all.push(("documents", &d.id, Some(&d.text), &d.provenance));
        }
        for g in &self.refusal_grounds {
            all.push(("refusal_grounds", &g.id, Some(&g.text), &g.provenance));
        }
        for t in &self.terms {
            let id = term_id(t);
            all.push(("terms", id, None, &t.provenance));
            all.push(("terms.start", id, None, &t.start_provenance));
            if let Some(p) = &t.end_provenance {
                all.push(("terms.end", id, None, p));
            }
        }
        for t in &self.times {
            all.push(("times", &t.id, None, &t.provenance));
        }
        for s in &self.schedules {
            all.push(("schedules", &s.id, Some(&s.text), &s.provenance));
        }
        for s in &self.storage {
            all.push(("storage", &s.id, Some(&s.text), &s.provenance));
        }
        for r in &self.issuance {
            all.push(("issuance", &r.id, Some(&r.text), &r.provenance));
        }
        all.push((
            "complaint",
            "complaint",
            Some(&self.complaint.text),
            &self.complaint.provenance,
        ));
        if let Some(p) = &self.complaint.procedure {
            all.extend(items("complaint.subject", slice::from_ref(&p.subject)));
            all.extend(items("complaint.channels", &p.channels));
            all.extend(items("complaint.addressees", &p.addressees));
            fields(&mut all, "complaint.fields", &p.fields);
            all.extend(items("complaint.registration", slice::from_ref(&p.registration)));
            for r in &p.reviews {
                all.push(("complaint.reviews", &r.id, Some(&r.text), &r.provenance));
            }
            all.extend(items("complaint.statuses", &p.statuses));
            all.extend(items("complaint.court", slice::from_ref(&p.court)));
        }
        for s in &self.steps {
            all.push(("steps", &s.id, Some(&s.text), &s.provenance));
        }
        fields(&mut all, "form_fields", &self.form_fields);
        for r in &self.receipts {
            all.push(("receipts", &r.id, Some(&r.text), &r.provenance));
        }
        for i in &self.info {
            all.push(("info", &i.id, Some(&i.text), &i.provenance));
        }
        all.into_iter()
            .map(|(section, id, text, provenance)| ItemRef { section, id, text, provenance })
            .collect()
    }

    /// The item with this section and id.
    pub fn item(&self, section: &str, id: &str) -> Option<ItemRef<'_>> {
        self.items().into_iter().find(|i| i.section == section && i.id == id)
    }

    /// The items whose legal basis was in force on `date` (see [`in_force_on`]).
    pub fn rules_on(&self, date: NaiveDate) -> Vec<ItemRef<'_>> {
        self.items().into_iter().filter(|i| in_force_on(i.provenance, date)).collect()
    }
}

/// (section, id, text, provenance): an [`ItemRef`] under construction.
type Row<'a> = (&'static str, &'a str, Option<&'a Text>, &'a Provenance);

fn items<'a>(section: &'static str, list: &'a [Item]) -> impl Iterator<Item = Row<'a>> {
    list.iter().map(move |i| (section, i.id.as_str(), Some(&i.text), &i.provenance))
}

fn fields<'a>(all: &mut Vec<Row<'a>>, section: &'static str, list: &'a [FormField]) {
    let options: &'static str =
        if section == "form_fields" { "form_fields.options" } else { "complaint.fields.options" };
    for f in list {
        all.push((section, &f.id, Some(&f.text), &f.provenance));
        for o in &f.options {
            all.push((options, &o.id, Some(&o.text), &o.provenance));
        }
    }
}

fn seed_id(seed: Seed) -> &'static str {
    match seed {
        Seed::F000 => "F000",
        Seed::F001 => "F001",
        Seed::F002 => "F002",
        Seed::F003 => "F003",
        Seed::F004 => "F004",
    }
}

fn term_id(t: &Term) -> &'static str {
    use crate::engine::term::Location;
    match (t.channel, t.location) {
        (Channel::StateCorporation, Some(Location::Same)) => "state-corporation/same",
        (Channel::StateCorporation, Some(Location::Other)) => "state-corporation/other",
        (c, _) => c.slug(),
    }
}

/// Whether an item's legal basis was in force on `date`: every act it cites
/// was in force then, and a lost-force item is never current without a
/// dated act to place it in time. Acts with unknown validity count as in force.
pub fn in_force_on(provenance: &Provenance, date: NaiveDate) -> bool {
    if provenance.status == Status::LostForce && provenance.cites.is_empty() {
        return false;
    }
    provenance.cites.iter().all(|c| match super::act(c.seed) {
        Some(a) => a.in_force_on(date),
        None => c.seed.status() != Status::LostForce,
    })
}

/// Which items of all services applied on `date`. After F004 lost force
/// (29.09.2020, an assumption: the exact date is a gap) none of its items
/// is current.
pub fn rules_on(date: NaiveDate) -> Vec<RuleRef<'static>> {
    super::all()
        .into_iter()
        .flat_map(|s| s.rules_on(date).into_iter().map(|item| RuleRef { service: s.id, item }))
        .collect()
}
