//! Applying for S2 (the `/apply/` bundle): start or resume, the wizard's
//! questions and "check your answers". Signing and the receipt are the
//! `/sign/` bundle's (`pages::sign`).

mod check;
mod consent;
mod form;
mod questions;
mod start;
mod wizard;

pub use start::ApplyStart;
pub use wizard::WizardPage;
