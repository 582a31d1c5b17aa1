//! What every question of the wizard works with: the draft's answers, the
//! registry facts, the errors of the last Continue, and saving an answer.

use leptos::prelude::*;

use crate::engine::application::{Answers, Context, Field, FieldError};
use crate::ui::labels::Label;
use crate::ui::state::applications::save_answers;
use crate::ui::state::clock::Clock;
use crate::ui::state::db::Db;
use crate::ui::state::prefs::use_lang;

#[derive(Clone, Copy)]
pub struct Form {
    pub draft: StoredValue<String>,
    pub answers: Memo<Answers>,
    pub ctx: Memo<Context>,
    pub errors: RwSignal<Vec<FieldError>>,
    pub db: Db,
    pub clock: Clock,
}

impl Form {
    /// Saves a change to the answers at once.
    pub fn set(&self, change: impl FnOnce(&mut Answers)) {
        // A refusal to store is shown by the shell's "not saved" notice;
        // the answer on screen then stays as it was stored.
        let _ = save_answers(self.db, &self.draft.get_value(), self.clock.now_untracked(), change);
    }

    /// A callback that saves `change(value)` for the value chosen.
    pub fn on(self, change: fn(&mut Answers, String)) -> Callback<String> {
        Callback::new(move |v: String| self.set(|a| change(a, v)))
    }

    /// The inline error of `field`.
    pub fn error(&self, field: Field) -> Signal<Option<String>> {
        let lang = use_lang();
        let errors = self.errors;
        Signal::derive(move || {
            errors.get().into_iter().find(|e| e.field == field).map(|e| e.label(lang).to_string())
        })
    }
}
