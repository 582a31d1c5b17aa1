//! The app around the pages: the seven bundles and their routes, mounting,
//! and the frame every page shares.

pub mod bundle;
mod frame;
pub mod mount;
mod moved;
pub mod routes;
mod shared;
mod warm;

pub use bundle::{Bundle, navigator};
pub use mount::mount;
pub use routes::{App, ApplyApp, CabinetApp, CorporationApp, ServicesApp, SignApp, StaffApp};
