//! The staff bundle (`/staff/…`): the provider's back office, the
//! complaint desk, the State Corporation's hall, counter and home visits.

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
