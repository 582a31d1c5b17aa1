//! The legal basis shown with a service's complaint procedure: F000 for S1,
//! the C-36 analogy (never F000 itself) for S2 and S3.

use crate::engine::catalog::{self, Item};
use crate::engine::service::ServiceId;
use crate::engine::source::{Provenance, Text};

/// The catalogue's court item for a service (by analogy for S2, S3).
pub fn court_notice(service: ServiceId) -> Option<&'static Item> {
    catalog::complaint(service).map(|v| &v.procedure.court)
}

/// The basis to show for a service's complaint procedure.
#[derive(Clone, Copy, Debug)]
pub struct Basis {
    /// True for S2 and S3: "procedure for S1 applied by analogy".
    pub by_analogy: bool,
    /// The service whose procedure applies ("S1").
    pub analogy_of: Option<ServiceId>,
    /// The text to show with the basis.
    pub text: &'static Text,
    /// S1: F000; S2, S3: the C-36 assumption, never F000 itself.
    pub provenance: &'static Provenance,
}

pub fn basis(service: ServiceId) -> Option<Basis> {
    let s = catalog::service(service);
    let view = s.complaint()?;
    Some(Basis {
        by_analogy: view.by_analogy,
        analogy_of: s.complaint.analogy_of,
        text: &s.complaint.text,
        provenance: view.basis,
    })
}
