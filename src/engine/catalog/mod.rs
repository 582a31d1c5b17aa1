//! The service catalogue: S1, S2 and S3 as data.
//!
//! Each service is one file, `src/engine/data/s{1,2,3}.toml`, which the build
//! turns into JSON that is embedded here and parsed the first time the
//! service is asked for. Every item carries a
//! [`Provenance`](crate::engine::source::Provenance), so the portal can
//! always answer "says who?", and `tests/catalog.rs` checks each citation
//! against its seed line.
//!
//! - [`model`]: the data types ([`Service`] and its items);
//! - the walk over every item and "which rules applied on date D"
//!   ([`Service::items`], [`rules_on`]);
//! - loading and lookups: [`all`], [`service`], [`act`];
//! - what the home page shows of each service, read on its own: [`cards`];
//! - [`notes()`]: the provenance the engine applies itself
//!   (`data/engine.toml`).

use std::sync::OnceLock;

use crate::engine::service::ServiceId;
use crate::engine::source::Seed;
use crate::engine::term::Channel;

mod card;
pub mod model;
pub mod notes;
mod walk;

pub use card::{Card, cards, try_cards};
pub use model::*;
pub use notes::{Notes, notes};
pub use walk::{ItemRef, RuleRef, in_force_on, rules_on};

/// The embedded data: (service id, JSON), in catalogue order. In a build
/// with the feature `lang-packs`, each text's three languages are left in
/// the language packs ([`Text::slot`](crate::engine::source::Text)), so
/// that a reader downloads the catalogue's texts in one language, not
/// three (`embedded_data!`).
pub fn embedded() -> [(ServiceId, &'static str); 3] {
    use crate::engine::embedded::embedded_data;
    [
        (ServiceId::S1, embedded_data!("s1")),
        (ServiceId::S2, embedded_data!("s2")),
        (ServiceId::S3, embedded_data!("s3")),
    ]
}

/// Why a catalogue file could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("catalogue {service}: {message}")]
pub struct CatalogError {
    pub service: ServiceId,
    pub message: String,
}

/// Parses one service file, checking that it is the service it claims to be.
pub fn parse_service(expected_id: ServiceId, json: &str) -> Result<Service, CatalogError> {
    let err = |message: String| CatalogError { service: expected_id, message };
    let s: Service = crate::engine::json::from_data(json).map_err(|e| err(e.to_string()))?;
    if s.id != expected_id {
        return Err(err(format!("file holds service {:?}", s.id.as_str())));
    }
    Ok(s)
}

/// Parses the embedded data without caching (tests, `qujat-facts`).
pub fn try_all() -> Result<Vec<Service>, CatalogError> {
    embedded().into_iter().map(|(id, json)| parse_service(id, json)).collect()
}

// One cell per service, each read the first time it is asked for: a
// passport or a wizard reads its own file only (the three together are
// about 210 KB of JSON).
static CATALOG: [OnceLock<Service>; 3] = [const { OnceLock::new() }; 3];

/// S1, S2 and S3, in that order (each read on first use).
pub fn all() -> [&'static Service; 3] {
    ServiceId::ALL.map(service)
}

/// The service with this id, read from its file the first time.
pub fn service(id: ServiceId) -> &'static Service {
    CATALOG[id.index()].get_or_init(|| {
        let (_, json) = embedded()[id.index()];
        // Our own embedded data; tests/catalog.rs parses it, so this cannot
        // fail in a build that passed its tests.
        parse_service(id, json).expect("embedded catalogue data parses (tests/catalog.rs)")
    })
}

/// The service spelt `id` ("S1", "S2", "S3"), if any: for ids that come
/// from outside (a URL, a CLI argument). Same as parsing a [`ServiceId`].
pub fn find(id: &str) -> Option<&'static Service> {
    ServiceId::parse(id).ok().map(service)
}

/// The document rules of service `id` for a channel and situation.
pub fn documents(
    id: ServiceId, channel: Channel, situations: &[Situation],
) -> Vec<&'static DocumentRule> {
    service(id).documents(channel, situations)
}

/// The complaint procedure of service `id`.
pub fn complaint(id: ServiceId) -> Option<ComplaintView<'static>> {
    service(id).complaint()
}

/// The act record for a seed, from whichever service lists it (each act
/// is listed by one service: `tests/catalog.rs`). The services already
/// read are looked at first, so that a passport's "in force on" questions
/// about its own acts do not read the other services' files.
pub fn act(seed: Seed) -> Option<&'static Act> {
    let read = CATALOG.iter().filter_map(OnceLock::get);
    read.chain(ServiceId::ALL.into_iter().map(service))
        .flat_map(|s| &s.acts)
        .find(|a| a.seed == seed)
}
