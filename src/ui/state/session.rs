//! Who is signed in: the IIN of a person in the demo registry. Everything
//! about them (name, address, documents) is looked up in the registry, never
//! typed in, as the seeds require of documents held by information systems.

use leptos::prelude::*;

use super::keys;
use super::store::{Collection, NotSaved, StoreNotices};
use crate::engine::identity::registry::{self, Person};

#[derive(Clone, Copy)]
pub struct Session {
    iin: Collection<Option<String>>,
}

impl Session {
    pub fn open(notices: StoreNotices) -> Session {
        Session {
            iin: Collection::open(keys::SESSION, notices),
        }
    }

    /// The signed-in person (reactive). A stored IIN that is no longer in
    /// the registry counts as signed out.
    pub fn person(&self) -> Option<&'static Person> {
        self.iin.with(|i| i.as_deref().and_then(registry::find))
    }

    /// The signed-in person's IIN (reactive).
    pub fn iin(&self) -> Option<&'static str> {
        self.person().map(|p| p.iin.as_str())
    }

    pub fn person_untracked(&self) -> Option<&'static Person> {
        self.iin
            .with_untracked(|i| i.as_deref().and_then(registry::find))
    }

    pub fn sign_in(&self, iin: &str) -> Result<(), NotSaved> {
        let iin = iin.to_string();
        self.iin.update(|s| *s = Some(iin))
    }

    pub fn sign_out(&self) {
        self.iin.clear();
    }
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// A same-site path to return to after signing in (never another site).
pub fn safe_next(next: Option<String>) -> String {
    match next {
        Some(p) if p.starts_with('/') && !p.starts_with("//") && !p.contains('\\') => p,
        _ => "/apply/cabinet".into(),
    }
}
