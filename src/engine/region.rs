//! Kazakhstan's regions and the clock each keeps, as data
//! (`data/regions.toml`): which offset a provider's or an office's local
//! time had on a date, so that "the day of hand-in" and "after the end of
//! working time" are read on the office's own clock (issue 11, item 14).
//!
//! The data is external, not law from the seeds (RULES.md §9.4): its
//! [`meta`] carries the status and the note the portal shows with it. A
//! place whose region is not known is read on [`kztime::NATIONAL`], which is
//! never behind another Kazakhstan clock, so no date is over-promised.
//!
//! The structs read from the build-time data declare their fields in the
//! order of their keys, which the build writes sorted: the data is read in
//! that order (`json::in_order`), each value once, where it is; a field
//! declared out of place fails tests/data_order.rs.
//!
//! ```
//! use qujat::engine::{kztime, region};
//!
//! // 23:30 on 14 February 2023 in Aktobe (UTC+5) was already 15 February in Almaty.
//! let instant = kztime::parse_instant("2023-02-14T23:30:00+05:00")?;
//! assert_eq!(region::zone_of(Some("aktobe")).local_date(instant)?.to_string(), "2023-02-14");
//! assert_eq!(region::zone_of(None).local_date(instant)?.to_string(), "2023-02-15");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::engine::kztime::{self, Spell, Zone};
use crate::engine::source::Text;

const DATA_JSON: &str = crate::engine::embedded::embedded_data!("regions");

/// Where the data comes from: status "external", the source, and the note
/// to show (it is not from the seeds).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub note: Text,
    pub source: String,
    pub status: String,
}

#[serde_with::apply(Option => #[serde(default, skip_serializing_if = "Option::is_none")])]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct OffsetData {
    hours: i8,
    #[serde(deserialize_with = "crate::engine::json::date::utc_opt")]
    until: Option<DateTime<Utc>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ZoneData {
    id: String,
    offsets: Vec<OffsetData>,
}

/// A region: a city of republican significance or an oblys.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub id: String,
    pub name: Text,
    /// The id of its clock.
    pub zone: String,
}

impl Region {
    /// The region's clock ([`kztime::NATIONAL`] if the data names no such
    /// clock, which `tests/region.rs` rules out).
    pub fn zone(&self) -> Zone<'static> {
        zone(&self.zone).unwrap_or(kztime::NATIONAL)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Data {
    meta: Meta,
    region: Vec<Region>,
    zone: Vec<ZoneData>,
}

struct Loaded {
    meta: Meta,
    zones: Vec<(String, Vec<Spell>)>,
    regions: Vec<Region>,
}

fn load() -> Result<Loaded, String> {
    let d: Data = crate::engine::json::from_data(DATA_JSON).map_err(|e| e.to_string())?;
    let zones = d
        .zone
        .into_iter()
        .map(|z| {
            let spells = z
                .offsets
                .iter()
                .map(|o| Spell { hours: o.hours, until: o.until.map(|u| u.timestamp()) })
                .collect();
            (z.id, spells)
        })
        .collect();
    Ok(Loaded { meta: d.meta, zones, regions: d.region })
}

static DATA: OnceLock<Result<Loaded, String>> = OnceLock::new();

fn data() -> Option<&'static Loaded> {
    DATA.get_or_init(load).as_ref().ok()
}

/// Why the embedded data did not load, if it did not (`tests/region.rs`).
pub fn load_error() -> Option<&'static str> {
    DATA.get_or_init(load).as_ref().err().map(String::as_str)
}

/// The data's status, source and note.
pub fn meta() -> Option<&'static Meta> {
    data().map(|d| &d.meta)
}

/// Every region, in the data's order.
pub fn regions() -> &'static [Region] {
    data().map_or(&[], |d| &d.regions)
}

pub fn region(id: &str) -> Option<&'static Region> {
    regions().iter().find(|r| r.id == id)
}

/// The clock with this id.
pub fn zone(id: &str) -> Option<Zone<'static>> {
    data()?.zones.iter().find(|(z, _)| z == id).map(|(id, spells)| Zone { id, spells })
}

/// Every clock, as (id, zone).
pub fn zones() -> Vec<Zone<'static>> {
    data().map_or(Vec::new(), |d| d.zones.iter().map(|(id, spells)| Zone { id, spells }).collect())
}

/// The clock of a region named by id, or [`kztime::NATIONAL`] when the
/// region is unknown (`None`, or an id the data does not have).
pub fn zone_of(region_id: Option<&str>) -> Zone<'static> {
    region_id.and_then(region).map_or(kztime::NATIONAL, Region::zone)
}

/// True when the clock of `region_id` reads `instant` differently from the
/// [`kztime::NATIONAL`] one (before 2024 in the west and, from 2019, in
/// Kyzylorda; never after 1 March 2024).
pub fn differs_from_national(region_id: Option<&str>, instant: DateTime<Utc>) -> bool {
    zone_of(region_id).offset_at(instant) != kztime::NATIONAL.offset_at(instant)
}
