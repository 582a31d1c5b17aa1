//! The application wizard: the answers' names and the validation messages.

use super::labels;
use crate::engine::application::{DocKind, Field, FieldError, Problem, Reason, Who};

labels! {
    Who { Who::Myself => wizard_who_myself, Who::ParentOfMinor => wizard_who_parent }
    Reason {
        Reason::Lost => wizard_reason_lost,
        Reason::Damaged => wizard_reason_damaged,
        Reason::NameChanged => wizard_reason_name_changed,
        Reason::FillingErrors => wizard_reason_filling_errors,
    }
    DocKind {
        DocKind::BasicSecondaryCertificate => wizard_document_basic,
        DocKind::GeneralSecondaryAttestat => wizard_document_general,
    }
    // The message for a validation problem: the field, then the problem.
    FieldError {
        FieldError { field: Field::Who, problem: Problem::NoChildren } => wizard_who_error_no_children,
        FieldError { field: Field::Who, .. } => wizard_who_error_missing,
        FieldError { field: Field::Child, problem: Problem::UnknownChoice } => wizard_child_error_unknown_choice,
        FieldError { field: Field::Child, .. } => wizard_child_error_missing,
        FieldError { field: Field::Reason, .. } => wizard_reason_error_missing,
        FieldError { field: Field::Document, .. } => wizard_document_error_missing,
        FieldError { field: Field::School, problem: Problem::TooLong } => wizard_school_error_too_long,
        FieldError { field: Field::School, .. } => wizard_school_error_missing,
        FieldError { field: Field::Year, problem: Problem::NotAYear } => wizard_year_error_not_a_year,
        FieldError { field: Field::Year, problem: Problem::FutureYear } => wizard_year_error_future_year,
        FieldError { field: Field::Year, problem: Problem::BeforeBirth } => wizard_year_error_before_birth,
        FieldError { field: Field::Year, .. } => wizard_year_error_missing,
        FieldError { field: Field::Office, problem: Problem::UnknownChoice } => wizard_office_error_unknown_choice,
        FieldError { field: Field::Office, .. } => wizard_office_error_missing,
        FieldError { field: Field::DigitalDocument, problem: Problem::NotConfirmed } => wizard_digital_error_not_confirmed,
        FieldError { field: Field::DigitalDocument, .. } => wizard_digital_error_missing,
    }
}
