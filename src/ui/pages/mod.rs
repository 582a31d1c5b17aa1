//! One module per page.

mod backoffice;
mod cabinet;
mod complaint;
mod complaint_track;
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
mod staff_complaints;
mod tracker;
mod wizard;

pub use backoffice::{BackOfficeApplication, BackOfficePage, StaffRole};
pub use cabinet::CabinetPage;
pub use complaint::{ComplaintFiledPage, ComplaintFormPage, ComplaintSignPage};
pub use complaint_track::{ComplaintTrackerPage, ComplaintsList};
pub use confirmation::ApplicationPage;
pub use home::Home;
pub use keys::KeysPage;
pub use not_found::NotFound;
pub use operator::{OperatorPage, OperatorVault};
pub use operator_visit::OperatorVisitPage;
pub use passport::PassportPage;
pub use sign::SignPage;
pub use signin::SignIn;
pub use staff_complaints::{ComplaintDeskList, ComplaintDeskPage};
pub use tracker::TrackerPage;
pub use wizard::{ApplyStart, WizardPage};
