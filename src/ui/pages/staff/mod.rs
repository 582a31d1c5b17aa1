//! The staff's pages: the provider's back office and complaint desk (the
//! `/staff/…` bundle), and the State Corporation's hall, counter and home
//! visits (the `/corporation/…` bundle).

mod application;
mod backoffice;
mod complaint_desk;
mod complaints;
mod hall;
mod operator;
mod role;

pub use application::BackOfficeApplication;
pub use backoffice::BackOfficePage;
pub use complaint_desk::ComplaintDeskPage;
pub use complaints::ComplaintDeskList;
pub use hall::HallPage;
pub use operator::{CounterPage, CounterVisitPage, OperatorPage, OperatorVisitPage};
