//! The State Corporation offices the queue knows: the registry's offices
//! (`registry.toml`) with their queue facts from `queue.toml` (duty
//! department, windows), plus the demo offices the queue's scenarios need
//! that the registry does not have yet (Semey, for S2 collection in East
//! Kazakhstan).
//!
//! **Region.** An office's region is its settlement's, as the registry
//! records it. `queue.toml` never states one: the registry is where a
//! settlement's region lives (issue 11 adds it there), so this module reads
//! the `region` of each registry settlement when the data has it, and says
//! "not recorded" (`None`) otherwise. Nothing here guesses a region from a
//! name.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::{QueueError, data};
use crate::engine::identity::registry::{self, Organisation};
use crate::engine::source::Text;
use crate::engine::term::Location;

/// A State Corporation office as the queue sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueOffice {
    pub id: String,
    pub name: Text,
    pub address: Text,
    /// Settlement id (two places in one settlement are "the same location"
    /// for S3, C-24).
    pub settlement: String,
    /// The settlement's region as the registry records it; `None` while it
    /// records none.
    #[serde(default)]
    pub region: Option<String>,
    /// A duty department: S3's weekday evening and Saturday hours apply
    /// (F003 item 7 2) L33). Demo data, [`Assumptions::duty`](super::Assumptions::duty).
    pub duty: bool,
    /// Service windows for booked visitors: a slot's capacity
    /// ([`Assumptions::capacity`](super::Assumptions::capacity)).
    pub windows: u32,
}

impl QueueOffice {
    /// Same or other settlement as a provider (C-24).
    pub fn location_for(&self, provider: &ProviderPlace) -> Location {
        registry::location(&provider.settlement, &self.settlement)
    }
}

/// Where a provider (a school or college) is: what the queue needs of it.
/// S3's term depends on the settlement (3 or 8 working days, C-24); S2's
/// booking on the region (F002 is East Kazakhstan's).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderPlace {
    /// Organisation id, when it is one of the registry's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    pub settlement: String,
    #[serde(default)]
    pub region: Option<String>,
}

impl ProviderPlace {
    /// The place of a registry organisation, with its settlement's region.
    pub fn of(org: &Organisation) -> ProviderPlace {
        ProviderPlace {
            organisation: Some(org.id.clone()),
            settlement: org.settlement.clone(),
            region: region_of(&org.settlement),
        }
    }

    /// The place of the registry organisation with this id.
    pub fn of_id(id: &str) -> Option<ProviderPlace> {
        registry::organisation(id).map(ProviderPlace::of)
    }
}

/// Only the part of the registry data this module reads: each settlement's
/// id and, when recorded, its region (a string id, or a table with an `id`).
#[derive(Deserialize)]
struct RegistryRegions {
    settlement: Vec<SettlementRegion>,
}

#[derive(Deserialize)]
struct SettlementRegion {
    id: String,
    #[serde(default)]
    region: Option<serde_json::Value>,
}

const REGISTRY_JSON: &str = crate::engine::embedded::embedded_data!("registry-places");

static REGIONS: OnceLock<BTreeMap<String, String>> = OnceLock::new();

/// Settlement id → region id, from registry data in its JSON form.
fn parse_regions(json: &str) -> BTreeMap<String, String> {
    let Ok(r) = crate::engine::json::from_str::<RegistryRegions>(json) else {
        return BTreeMap::new();
    };
    r.settlement
        .into_iter()
        .filter_map(|s| {
            let region = match s.region? {
                serde_json::Value::String(id) => id,
                serde_json::Value::Object(o) => o.get("id")?.as_str()?.to_string(),
                _ => return None,
            };
            Some((s.id, region))
        })
        .collect()
}

fn regions() -> &'static BTreeMap<String, String> {
    REGIONS.get_or_init(|| parse_regions(REGISTRY_JSON))
}

/// The region of a settlement, as the registry records it (`None` while it
/// records none, or for a settlement only `queue.toml` has).
pub fn region_of(settlement: &str) -> Option<String> {
    regions().get(settlement).cloned()
}

/// A settlement's name: the registry's, or `queue.toml`'s for a settlement
/// the registry does not have yet.
pub fn settlement_name(id: &str) -> Option<&'static Text> {
    registry::settlement(id)
        .map(|s| &s.name)
        .or_else(|| data().settlement.iter().find(|s| s.id == id).map(|s| &s.name))
}

static OFFICES: OnceLock<Result<Vec<QueueOffice>, QueueError>> = OnceLock::new();

fn build() -> Result<Vec<QueueOffice>, QueueError> {
    data()
        .office
        .iter()
        .map(|e| {
            let (name, address, settlement) = match registry::office(&e.id) {
                Some(o) => (o.name.clone(), o.address.clone(), o.settlement.clone()),
                None => match (&e.name, &e.address, &e.settlement) {
                    (Some(n), Some(a), Some(s)) => (n.clone(), a.clone(), s.clone()),
                    _ => return Err(QueueError::UnknownOffice(e.id.clone())),
                },
            };
            Ok(QueueOffice {
                region: region_of(&settlement),
                id: e.id.clone(),
                name,
                address,
                settlement,
                duty: e.duty,
                windows: e.windows,
            })
        })
        .collect()
}

/// Why the offices could not be put together, if they could not (a data
/// mistake that `tests/queue.rs` catches; [`offices`] is then empty).
pub fn load_error() -> Option<&'static QueueError> {
    OFFICES.get_or_init(build).as_ref().err()
}

/// Every office the queue knows, in `queue.toml` order.
pub fn offices() -> &'static [QueueOffice] {
    OFFICES.get_or_init(build).as_deref().unwrap_or(&[])
}

/// The office with this id.
pub fn office(id: &str) -> Option<&'static QueueOffice> {
    offices().iter().find(|o| o.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_region_is_read_as_an_id_or_a_table_with_one_and_never_guessed() {
        let json = r#"{"settlement": [
            {"id": "oskemen", "name": {}, "region": "east-kazakhstan"},
            {"id": "semey", "region": {"id": "abai", "name": {}}},
            {"id": "almaty"},
            {"id": "odd", "region": 7}
        ], "office": []}"#;
        let r = parse_regions(json);
        assert_eq!(r.get("oskemen").map(String::as_str), Some("east-kazakhstan"));
        assert_eq!(r.get("semey").map(String::as_str), Some("abai"));
        assert_eq!(r.get("almaty"), None);
        assert_eq!(r.get("odd"), None);
        assert!(parse_regions("not json").is_empty());
    }
}
