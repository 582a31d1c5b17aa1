//! The data file's messages: why a file was not saved or restored, and why
//! a record of it was refused.

use super::Message;
use crate::engine::source::Lang;
use crate::engine::transfer::{ExportError, ImportError, Refused};
use crate::i18n::tr;
use crate::ui::state::transfer::Why;

impl Message for ExportError {
    fn message(&self, lang: Lang) -> String {
        match self {
            ExportError::WeakPassphrase => tr::data_error_passphrase_short(lang),
            ExportError::Random => tr::sign_error_random_unavailable(lang),
            _ => tr::data_error_export(lang),
        }
        .into()
    }
}

impl Message for ImportError {
    fn message(&self, lang: Lang) -> String {
        match self {
            ImportError::NotAnExport | ImportError::UnsupportedAlgorithm => {
                tr::data_error_not_an_export(lang)
            }
            ImportError::Corrupted | ImportError::TooCostly { .. } | ImportError::InvalidIin(_) => {
                tr::data_error_corrupted(lang)
            }
            ImportError::NewerVersion { .. } => tr::data_error_newer(lang),
            ImportError::TooLarge { .. } => tr::data_error_too_large(lang),
            ImportError::EmptyPassphrase => tr::data_error_passphrase_empty(lang),
            ImportError::WrongPassphrase => tr::data_error_wrong_passphrase(lang),
            ImportError::OtherPerson => tr::data_error_other_person(lang),
        }
        .into()
    }
}

impl Message for Why {
    fn message(&self, lang: Lang) -> String {
        match self {
            Why::Refused(Refused::OtherPerson) => tr::data_why_other_person(lang),
            Why::Refused(Refused::Signature { .. }) => tr::data_why_signature(lang),
            Why::Refused(Refused::DocumentChanged) => tr::data_why_changed(lang),
            Why::Refused(Refused::KeyFile { .. }) => tr::data_why_key(lang),
            Why::Refused(Refused::Receipt { .. }) => tr::data_why_receipt(lang),
            Why::Refused(_) | Why::Unreadable => tr::data_why_unreadable(lang),
            Why::Taken => tr::data_why_taken(lang),
            Why::Submitted => tr::data_why_submitted(lang),
            Why::SlotFull => tr::data_why_slot_full(lang),
        }
        .into()
    }
}

/// What a collection of the data file holds, in words.
pub fn record_kind(lang: Lang, collection: &str) -> &'static str {
    match collection {
        "apps" => tr::data_what_apps(lang),
        "drafts" => tr::data_what_drafts(lang),
        "complaints" => tr::data_what_complaints(lang),
        "tickets" => tr::data_what_tickets(lang),
        "keys" => tr::data_what_keys(lang),
        _ => tr::data_what_other(lang),
    }
}
