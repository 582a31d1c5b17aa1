//! Operator mode (the State Corporation's bundle): a State Corporation employee on a home
//! visit with a tablet. Locked behind a PIN; everything it keeps is sealed
//! (see `state::operator`).

mod consent;
mod counter;
mod lock;
mod package;
mod receipt;
mod signature;
mod visit;
mod visits;

pub use counter::{CounterPage, CounterVisitPage};
pub use visit::OperatorVisitPage;
pub use visits::OperatorPage;

use crate::engine::source::Lang;
use crate::i18n::tr;
use crate::ui::state::store::Refused;

/// What to say when a step was not taken because the visit changed in
/// another tab (otherwise nothing: the step's own page says what follows).
pub fn stale_message<R, E>(lang: Lang, r: Result<R, Refused<E>>) -> Option<String> {
    matches!(r, Err(Refused::Stale { .. } | Refused::Missing))
        .then(|| tr::operator_changed(lang).to_string())
}
