//! Operator mode (staff bundle): a State Corporation employee on a home
//! visit with a tablet. Locked behind a PIN; everything it keeps is sealed
//! (see `state::operator`).

mod consent;
mod lock;
mod package;
mod receipt;
mod signature;
mod visit;
mod visits;

pub use visit::OperatorVisitPage;
pub use visits::OperatorPage;
