//! Unread notifications: each event of a citizen's application is one, and
//! the ones they have not seen yet are counted in the header of every page.
//!
//! A page that only shows the count (the portal's home page, the service
//! passports) need not decode whole stored applications to know it: a
//! [`Glance`] reads the reference, the applicant and how many events there
//! are, and skips the rest unread. That keeps the full application decoder
//! (signatures, outcomes, answers) out of those pages' first load; the
//! count is the same [`unread`] either way.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde::de::IgnoredAny;

/// What the unread count needs of one stored application: its reference,
/// its applicant and the number of its life-cycle events. Decodes from the
/// stored JSON of a [`Submission`](crate::engine::submission::Submission),
/// ignoring every other field.
///
/// ```
/// use qujat::engine::lifecycle::Glance;
///
/// let stored = r#"{"reference":"S2-1","applicant_iin":"781123301754",
///     "signature":{"whatever":"is skipped"},
///     "lifecycle":{"state":"registered","events":[{"t":1},{"t":2}],"rev":2}}"#;
/// let g: Glance = serde_json::from_str(stored).unwrap();
/// assert_eq!((g.reference.as_str(), g.events()), ("S2-1", 2));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Glance {
    pub reference: String,
    pub applicant_iin: String,
    #[serde(default)]
    lifecycle: Events,
}

/// A life cycle, counted rather than read (as `Lifecycle`, missing in the
/// oldest records: no events).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
struct Events {
    #[serde(default, deserialize_with = "count")]
    events: usize,
}

/// The length of a JSON array, without decoding its items.
fn count<'de, D: serde::Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
    Vec::<IgnoredAny>::deserialize(d).map(|v| v.len())
}

impl Glance {
    /// How many events the application's life cycle has recorded.
    pub fn events(&self) -> usize {
        self.lifecycle.events
    }
}

/// How many events of `me`'s applications are unread: for each application
/// (reference, applicant, number of events), the events after the first
/// `seen[reference]` ones. Another person's applications never count.
///
/// ```
/// use std::collections::BTreeMap;
/// use qujat::engine::lifecycle::unread;
///
/// let apps = [("S2-1", "111", 3), ("S2-2", "111", 1), ("S2-3", "222", 5)];
/// let seen = BTreeMap::from([("S2-1".to_string(), 2)]);
/// assert_eq!(unread(apps, &seen, "111"), 2); // one of S2-1, one of S2-2
/// ```
pub fn unread<'a>(
    apps: impl IntoIterator<Item = (&'a str, &'a str, usize)>, seen: &BTreeMap<String, usize>,
    me: &str,
) -> usize {
    apps.into_iter()
        .filter(|(_, applicant, _)| *applicant == me)
        .map(|(reference, _, events)| events.saturating_sub(read(seen, reference)))
        .sum()
}

/// Whether event `index` (from 0, in order of happening) of application
/// `reference` is unread: the rule [`unread`] counts by, for the
/// notifications page to mark each one.
///
/// ```
/// use std::collections::BTreeMap;
/// use qujat::engine::lifecycle::is_unread;
///
/// let seen = BTreeMap::from([("S2-1".to_string(), 2)]);
/// assert!(!is_unread(&seen, "S2-1", 1));
/// assert!(is_unread(&seen, "S2-1", 2));
/// assert!(is_unread(&seen, "S2-2", 0)); // never opened
/// ```
pub fn is_unread(seen: &BTreeMap<String, usize>, reference: &str, index: usize) -> bool {
    index >= read(seen, reference)
}

/// How many of `reference`'s events are read: its first ones, as many as
/// its tracker has shown.
fn read(seen: &BTreeMap<String, usize>, reference: &str) -> usize {
    seen.get(reference).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::store::{decode, encode, formats};
    use crate::engine::submission::Submission;

    const STORED: &str = include_str!("../../../tests/fixtures/stored/applications.v1.json");

    #[test]
    fn a_glance_reads_what_the_full_record_says() {
        let full =
            decode::<BTreeMap<String, Submission>>(STORED, &formats::APPLICATIONS).unwrap().data;
        let glanced =
            decode::<BTreeMap<String, Glance>>(STORED, &formats::APPLICATIONS).unwrap().data;
        assert!(!full.is_empty());
        assert_eq!(full.len(), glanced.len());
        for (key, s) in &full {
            let g = &glanced[key];
            assert_eq!(g.reference, s.reference);
            assert_eq!(g.applicant_iin, s.applicant_iin);
            assert_eq!(g.events(), s.lifecycle.events.len(), "{key}");
        }
        assert!(full.values().any(|s| !s.lifecycle.events.is_empty()));
    }

    /// The fixture's records, at this release's format, with more events
    /// and another applicant: what the portal reads in a real session.
    fn current_records() -> BTreeMap<String, Submission> {
        let mut full =
            decode::<BTreeMap<String, Submission>>(STORED, &formats::APPLICATIONS).unwrap().data;
        let mut records = full.values_mut();
        let first = records.next().unwrap();
        let event = first.lifecycle.events[0].clone();
        first.lifecycle.events.extend([event.clone(), event.clone()]);
        let second = records.next().unwrap();
        second.applicant_iin = "000000000000".into();
        full
    }

    #[test]
    fn a_glance_at_this_release_s_records_reads_each_count() {
        let full = current_records();
        let raw = encode(4, &full, &formats::APPLICATIONS);
        let glanced = decode::<BTreeMap<String, Glance>>(&raw, &formats::APPLICATIONS).unwrap();
        assert_eq!(glanced.rev, 4);
        let counts: Vec<(&str, usize)> =
            glanced.data.values().map(|g| (g.applicant_iin.as_str(), g.events())).collect();
        let want: Vec<(&str, usize)> =
            full.values().map(|s| (s.applicant_iin.as_str(), s.lifecycle.events.len())).collect();
        assert_eq!(counts, want);
        assert!(want.contains(&("781123301754", 3)) && want.contains(&("000000000000", 1)));
    }

    /// The glance skips what it does not need, so it reads a record that
    /// is not a readable application (here, its signature): the portal
    /// counts it, and the bundle that decodes applications sets it aside.
    #[test]
    fn a_glance_reads_past_what_it_skips() {
        let mut value = serde_json::to_value(current_records()).unwrap();
        for record in value.as_object_mut().unwrap().values_mut() {
            record["signature"] = "not a signature".into();
        }
        let raw = encode(1, &value, &formats::APPLICATIONS);
        assert!(decode::<BTreeMap<String, Submission>>(&raw, &formats::APPLICATIONS).is_err());
        let glanced = decode::<BTreeMap<String, Glance>>(&raw, &formats::APPLICATIONS).unwrap();
        assert_eq!(glanced.data.len(), 2);
    }

    #[test]
    fn a_record_without_a_life_cycle_has_no_events() {
        let g: Glance = serde_json::from_str(r#"{"reference":"r","applicant_iin":"i"}"#).unwrap();
        assert_eq!(g.events(), 0);
        let g: Glance =
            serde_json::from_str(r#"{"reference":"r","applicant_iin":"i","lifecycle":{"rev":0}}"#)
                .unwrap();
        assert_eq!(g.events(), 0);
    }

    #[test]
    fn what_is_not_a_stored_application_does_not_glance() {
        for bad in [
            r#"{"applicant_iin":"i"}"#,
            r#"{"reference":1,"applicant_iin":"i"}"#,
            r#"{"reference":"r","applicant_iin":"i","lifecycle":{"events":{}}}"#,
            r#"[]"#,
        ] {
            assert!(serde_json::from_str::<Glance>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn unread_counts_only_my_events_after_the_seen_ones() {
        let apps = [("a", "me", 4), ("b", "me", 2), ("c", "you", 9), ("d", "me", 0)];
        let mut seen = BTreeMap::new();
        assert_eq!(unread(apps, &seen, "me"), 6);
        seen.insert("a".to_string(), 4);
        assert_eq!(unread(apps, &seen, "me"), 2);
        // Seen more than there are (a record replaced by an older copy):
        // nothing unread, never a negative count.
        seen.insert("b".to_string(), 7);
        assert_eq!(unread(apps, &seen, "me"), 0);
        assert_eq!(unread(apps, &seen, "you"), 9);
        assert_eq!(unread(apps, &seen, "nobody"), 0);
    }

    /// The notifications page marks events one by one, the header counts
    /// them: the marks add up to the count for every number seen.
    #[test]
    fn the_marks_add_up_to_the_count() {
        for events in 0..6 {
            for seen_n in 0..8 {
                let seen = BTreeMap::from([("a".to_string(), seen_n)]);
                let marked = (0..events).filter(|&i| is_unread(&seen, "a", i)).count();
                assert_eq!(marked, unread([("a", "me", events)], &seen, "me"));
                // The read ones are the first: no unread event before a read one.
                let first_unread = (0..events).find(|&i| is_unread(&seen, "a", i));
                assert!(first_unread.is_none_or(|f| (f..events).all(|i| is_unread(&seen, "a", i))));
            }
        }
    }
}
