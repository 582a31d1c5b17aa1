//! One module per page.

mod backoffice;
mod cabinet;
mod confirmation;
mod consent;
mod home;
mod keys;
mod not_found;
mod operator;
mod operator_visit;
mod passport;
mod sign;
mod signin;
mod tracker;
mod wizard;

pub use backoffice::{BackOfficeApplication, BackOfficePage, StaffRole};
pub use cabinet::CabinetPage;
pub use confirmation::ApplicationPage;
pub use home::Home;
pub use keys::KeysPage;
pub use not_found::NotFound;
pub use operator::{OperatorPage, OperatorVault};
pub use operator_visit::OperatorVisitPage;
pub use passport::PassportPage;
pub use sign::SignPage;
pub use signin::SignIn;
pub use tracker::TrackerPage;
pub use wizard::{ApplyStart, WizardPage};
