//! The documents a portal application needs in the applicant's situations,
//! each with its legal basis; rules that are information rather than
//! documents follow as notes.
//!
//! Accessibility acceptance criteria:
//! - the documents are a list (`ul.doc-list`), each with its text and its
//!   legal basis disclosure;
//! - notes are notices after the list, read after the documents.

use leptos::prelude::*;

use super::legal_basis::{LawEntry, law_list, law_notice};
use crate::engine::catalog::{self, Situation};
use crate::engine::service::ServiceId;
use crate::engine::term::Channel;

pub fn required_documents(service: ServiceId, situations: &[Situation]) -> impl IntoView + use<> {
    let rules: Vec<_> = catalog::service(service)
        .documents(Channel::Portal, situations)
        .into_iter()
        .cloned()
        .collect();
    let (notes, docs): (Vec<_>, Vec<_>) = rules.into_iter().partition(|r| r.info);
    view! {
        {law_list("doc-list", docs.into_iter().map(|r| LawEntry::new(r.text, r.provenance)))}
        {notes
            .into_iter()
            .map(|r| law_notice(r.text, r.provenance))
            .collect_view()}
    }
}
