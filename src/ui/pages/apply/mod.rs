//! Applying for S2 (the `/apply/` bundle): start or resume, the wizard's
//! questions, "check your answers", and the receipt after signing.

mod check;
mod consent;
mod form;
mod questions;
mod receipt;
mod start;
mod wizard;

pub use receipt::ReceiptPage;
pub use start::ApplyStart;
pub use wizard::WizardPage;
