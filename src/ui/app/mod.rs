//! The app around the pages: the four bundles and their routes, mounting,
//! and the frame every page shares.

pub mod bundle;
mod frame;
pub mod mount;
pub mod routes;
mod shared;

pub use bundle::{Bundle, navigator};
pub use mount::mount;
pub use routes::{App, ApplyApp, ServicesApp, StaffApp};
