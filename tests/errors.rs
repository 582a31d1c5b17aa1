//! Every engine error is a `std::error::Error` with a message, and a typed
//! cause is reachable through `source()` instead of being flattened into
//! a string.
#![cfg(not(target_arch = "wasm32"))]

use std::error::Error;

use qujat::engine::application::{self, FieldError};
use qujat::engine::calendar::CalendarError;
use qujat::engine::catalog::CatalogError;
use qujat::engine::complaint::{self, ComplaintError, ComplaintFieldError, EscalationProblem};
use qujat::engine::deadline::DeadlineError;
use qujat::engine::identity::iin::IinError;
use qujat::engine::kztime::KzTimeError;
use qujat::engine::lifecycle::LifecycleError;
use qujat::engine::service::{ServiceId, UnknownService};
use qujat::engine::signing::eds::SignError;
use qujat::engine::signing::otp::OtpError;
use qujat::engine::signing::vault::{RandomUnavailable, VaultError};
use qujat::engine::store::{LoadError, Stale};
use qujat::engine::submission::SubmitError;
use qujat::engine::visit::{PinError, VisitError};

mod common;
use common::d;

fn is_error<E: Error + Send + Sync + 'static>(e: E) -> String {
    e.to_string()
}

#[test]
fn every_error_type_is_an_error_with_a_message() {
    let messages = [
        is_error(application::FieldError {
            field: application::Field::Year,
            problem: application::Problem::FutureYear,
        }),
        is_error(application::Problem::Missing),
        is_error(CalendarError::BadData("x".into())),
        is_error(CatalogError { service: ServiceId::S1, message: "x".into() }),
        is_error(ComplaintError::BadAnswer),
        is_error(ComplaintFieldError {
            field: complaint::Field::Phone,
            problem: complaint::Problem::PhoneFormat,
        }),
        is_error(complaint::Problem::Required),
        is_error(EscalationProblem::NotAnswered),
        is_error(DeadlineError::ZeroTerm),
        is_error(IinError::Empty),
        is_error(KzTimeError::OutOfRange),
        is_error(LifecycleError::NoHours),
        is_error(LoadError::FromTheFuture(9)),
        is_error(OtpError::Malformed),
        is_error(PinError::TooShort),
        is_error(RandomUnavailable),
        is_error(SignError::Tampered),
        is_error(Stale { expected: 1, found: 2 }),
        is_error(SubmitError::OtpDocumentChanged),
        is_error(UnknownService("S9".into())),
        is_error(VaultError::Corrupt),
        is_error(VisitError::Offline),
    ];
    for m in messages {
        assert!(!m.trim().is_empty());
    }
}

/// The chain of causes, as their messages, outermost first.
fn chain(e: &(dyn Error + 'static)) -> Vec<String> {
    let mut out = vec![e.to_string()];
    let mut cur = e.source();
    while let Some(c) = cur {
        out.push(c.to_string());
        cur = c.source();
    }
    out
}

#[test]
fn causes_are_typed_and_reachable() {
    let out_of_range = CalendarError::OutOfRange {
        date: d("2040-01-01"),
        first: d("2016-01-01"),
        last: d("2030-12-31"),
    };
    let deadline = DeadlineError::Calendar(out_of_range.clone());
    for e in [
        Box::new(LifecycleError::Deadline(deadline.clone())) as Box<dyn Error>,
        Box::new(SubmitError::Deadline(deadline.clone())),
        Box::new(ComplaintError::Deadline(deadline.clone())),
        Box::new(VisitError::Deadline(deadline.clone())),
    ] {
        let c = chain(e.as_ref());
        assert_eq!(c.len(), 3, "{c:?}");
        assert_eq!(c[2], out_of_range.to_string());
        let cause = e.source().unwrap().downcast_ref::<DeadlineError>();
        assert_eq!(cause, Some(&deadline));
    }
    // A calendar error converts into a life-cycle error without losing its type.
    assert_eq!(
        LifecycleError::from(out_of_range.clone()),
        LifecycleError::Deadline(DeadlineError::Calendar(out_of_range))
    );
    let time = CalendarError::Time(KzTimeError::OutOfRange);
    assert!(time.source().unwrap().is::<KzTimeError>());
    let sign = SignError::InvalidIin(IinError::BadChecksum);
    assert!(sign.source().unwrap().is::<IinError>());
    assert!(SignError::Random(RandomUnavailable).source().unwrap().is::<RandomUnavailable>());
    assert!(OtpError::Random(RandomUnavailable).source().unwrap().is::<RandomUnavailable>());
    let submit = SubmitError::Signature(SignError::Tampered);
    assert!(submit.source().unwrap().is::<SignError>());
    let escalation = ComplaintError::Escalation(EscalationProblem::OtherService);
    assert!(escalation.source().unwrap().is::<EscalationProblem>());
    let field = ComplaintFieldError {
        field: complaint::Field::Text,
        problem: complaint::Problem::Required,
    };
    let invalid = ComplaintError::Invalid(vec![field]);
    assert_eq!(invalid.source().unwrap().downcast_ref::<ComplaintFieldError>(), Some(&field));
    let stale = LifecycleError::from(Stale { expected: 3, found: 4 });
    assert_eq!(stale, LifecycleError::StaleRevision { expected: 3, found: 4 });
    let wizard =
        FieldError { field: application::Field::School, problem: application::Problem::TooLong };
    assert!(wizard.source().unwrap().is::<application::Problem>());
}
