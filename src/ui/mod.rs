//! The Leptos app: a thin layer over [`crate::engine`], in layers that
//! only ever import downwards (see `docs/architecture.md`):
//!
//! - [`app`]: the six bundles, their routes, mounting and the frame;
//! - [`pages`]: one folder per flow; a page never imports another page;
//! - [`widgets`]: one file per GOV.UK-pattern component, each with its
//!   accessibility acceptance criteria, shared by the pages;
//! - [`modes`]: kiosk, accessibility and offline;
//! - [`labels`]: every enum→text, through the `Label` and `Message` traits;
//! - [`state`]: every storage key, the stored collections and the domain
//!   transactions (a view never writes two records itself);
//! - [`paths`] and [`format`](mod@format): addresses and dates as Kazakhstan writes them.
//!
//! It compiles on the host too (so `cargo check`, clippy and editors see
//! it); it runs in the browser only.

pub mod app;
pub mod format;
pub mod labels;
pub mod modes;
pub mod pages;
pub mod paths;
pub mod state;
pub mod widgets;

pub use app::{
    App, ApplyApp, Bundle, CabinetApp, CorporationApp, ServicesApp, SignApp, StaffApp, mount,
};
