//! The pages, one folder per flow. A page never imports another page: what
//! two pages share is a widget (`ui::widgets`) or state (`ui::state`).
//!
//! - [`portal`]: the catalogue, sign-in (`/`);
//! - [`services`]: the service passports, "what to do" first (`/services/…`);
//! - [`apply`]: the S2 wizard (`/apply/S2…`);
//! - [`book`]: booking the State Corporation's electronic queue, the ticket;
//! - [`sign`]: signing an application, its receipt, the EDS keys (`/sign/…`);
//! - [`cabinet`]: the cabinet, the trackers, the notifications;
//! - [`complaint`]: the complaint form, signing, confirmation, tracker;
//! - [`staff`]: the back office, the complaint desk, operator mode.

pub mod apply;
pub mod book;
pub mod cabinet;
pub mod complaint;
pub mod portal;
pub mod services;
pub mod sign;
pub mod staff;
pub mod verify;
