//! A notice (GOV.UK "inset text" and "warning text"): something to know
//! before going on.
//!
//! Accessibility acceptance criteria:
//! - the kind of notice is said in words, its tone only adds a colour and
//!   a border (`notice--warning`, `notice--success`, `notice--error`);
//! - a notice that appears because of something just done, and must be
//!   heard at once (a late application, a locked code), has `role="alert"`;
//!   others are plain content, read in order.

use leptos::prelude::*;

use crate::engine::submission::Submission;
use crate::i18n::tr;
use crate::ui::labels::t;

/// The colour of a notice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tone {
    #[default]
    Info,
    Warning,
    Success,
}

impl Tone {
    fn class(self) -> &'static str {
        match self {
            Tone::Info => "notice",
            Tone::Warning => "notice notice--warning",
            Tone::Success => "notice notice--success",
        }
    }
}

#[component]
pub fn Notice(
    #[prop(optional)] tone: Tone,
    /// Announce it at once (`role="alert"`).
    #[prop(optional)]
    alert: bool,
    children: Children,
) -> impl IntoView {
    view! { <div class=tone.class() role=alert.then_some("alert")>{children()}</div> }
}

/// A warning of one paragraph.
pub fn warning(text: impl IntoView + 'static) -> impl IntoView {
    view! { <Notice tone=Tone::Warning><p>{text}</p></Notice> }
}

/// Said wherever an application is shown whose stored record no longer
/// matches what was signed (`Submission::verify`: the signature, the
/// certificate at the signing time, and the record against the signed
/// document). Such a record was changed after signing: nobody acts on it
/// (the back office offers no action), and the citizen is told whom to
/// call. Nothing is rendered for a genuine record.
#[component]
pub fn IntegrityNotice(submission: Submission) -> impl IntoView {
    submission.verify().is_err().then(|| {
        view! {
            <Notice tone=Tone::Warning alert=true>
                <p class="integrity-failed"><strong>{t(tr::track_integrity_failed)}</strong></p>
            </Notice>
        }
    })
}
