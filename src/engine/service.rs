//! Which state service: S1, S2 or S3, as a type.
//!
//! The services used to be the strings `"S1"`, `"S2"`, `"S3"`, looked up in
//! the catalogue again wherever one was needed, and a misspelt id was a
//! run-time "unknown service" in a dozen places. [`ServiceId`] is parsed
//! once, at the edge (a URL, a CLI argument, a form), and is then always
//! one of the three, so [`catalog::service`](crate::engine::catalog::service)
//! cannot miss.
//!
//! It serialises as exactly those strings, so records already stored in
//! browsers (drafts, submissions, complaints, visits) keep loading.
//!
//! ```
//! use qujat::engine::service::ServiceId;
//!
//! let s2: ServiceId = "S2".parse()?;
//! assert_eq!(s2, ServiceId::S2);
//! assert_eq!(s2.to_string(), "S2");
//! assert_eq!(serde_json::to_string(&s2).unwrap(), "\"S2\"");
//! assert!("S4".parse::<ServiceId>().is_err());
//! # Ok::<(), qujat::engine::service::UnknownService>(())
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

crate::engine::json::names!(ServiceId);

/// One of the three services (README: S1 TVE duplicates, S2 school
/// duplicates, S3 the certificate for unfinished TVE).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[derive(strum_macros::IntoStaticStr)]
#[serde(remote = "Self")]
pub enum ServiceId {
    S1,
    S2,
    S3,
}

impl ServiceId {
    /// In catalogue order.
    pub const ALL: [ServiceId; 3] = [ServiceId::S1, ServiceId::S2, ServiceId::S3];

    /// `"S1"`, `"S2"` or `"S3"`: the stored, URL and CLI spelling.
    /// Written by the `IntoStaticStr` derive: the variant's name.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The id spelt `s`, exactly (no trimming, no other case).
    pub fn parse(s: &str) -> Result<ServiceId, UnknownService> {
        ServiceId::ALL
            .into_iter()
            .find(|id| id.as_str() == s)
            .ok_or_else(|| UnknownService(s.to_string()))
    }

    /// The position in [`ServiceId::ALL`] (and in the catalogue).
    pub fn index(self) -> usize {
        self as usize
    }
}

impl FromStr for ServiceId {
    type Err = UnknownService;

    fn from_str(s: &str) -> Result<ServiceId, UnknownService> {
        ServiceId::parse(s)
    }
}

impl fmt::Display for ServiceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A string that is not `"S1"`, `"S2"` or `"S3"`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown service {0:?} (expected S1, S2 or S3)")]
pub struct UnknownService(pub String);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_spelling_is_the_old_string() {
        for (id, s) in ServiceId::ALL.into_iter().zip(["S1", "S2", "S3"]) {
            assert_eq!(id.as_str(), s);
            assert_eq!(serde_json::to_value(id).unwrap(), serde_json::json!(s));
            assert_eq!(serde_json::from_value::<ServiceId>(s.into()).unwrap(), id);
            assert_eq!(s.parse::<ServiceId>(), Ok(id));
            assert_eq!(ServiceId::ALL[id.index()], id);
        }
        for bad in ["", "s2", " S2", "S4", "S22"] {
            assert_eq!(ServiceId::parse(bad), Err(UnknownService(bad.into())));
            assert!(serde_json::from_value::<ServiceId>(bad.into()).is_err());
        }
    }
}
