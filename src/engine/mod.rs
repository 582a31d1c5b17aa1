//! The rules and deadline engine. Nothing here touches the browser: every
//! input (the time now, stored data, randomness) is passed in, so each
//! function is a plain computation that tests can pin down.

pub mod application;
pub mod calendar;
pub mod caret;
pub mod catalog;
pub mod complaint;
pub mod deadline;
pub mod iin;
pub mod kztime;
pub mod lifecycle;
pub mod otp;
pub mod registry;
pub mod signature;
pub mod source;
pub mod store;
pub mod submission;
pub mod term;
pub mod vault;
pub mod visit;
