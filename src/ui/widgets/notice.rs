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
