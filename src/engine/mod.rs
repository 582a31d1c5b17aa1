//! The rules and deadline engine. Nothing here touches the browser: every
//! input (the time now, stored data, randomness) is passed in, so each
//! function is a plain computation that tests can pin down.
//!
//! One folder or file per concept, lower layers first (a module only uses
//! the ones above it in this list, so there are no import cycles):
//!
//! - [`service`], [`lang`], [`texts`], [`embedded`], [`source`], [`term`],
//!   [`kztime`], [`region`], [`caret`], [`demo_clock`], [`order`]: which
//!   service, the languages, the texts a bundle fetches per language, the
//!   data files as a bundle embeds them, provenance, the shape of a legal
//!   term, Kazakhstan local time and each region's clock, caret editing,
//!   the demo clock's saturating arithmetic, one stable sort for every
//!   list;
//! - [`catalog`]: S1, S2 and S3 as data (`data/*.toml`), with every citation;
//! - [`calendar`]: working days 2016–2030 and working time;
//! - [`deadline`]: deadlines and milestones that explain themselves;
//! - [`identity`]: IINs and the demo state registry;
//! - [`signing`]: SMS codes, EDS signatures, encryption at rest;
//! - [`store`]: versioned envelopes and changes at a known revision;
//! - [`lifecycle`]: an application after hand-in, as a state machine;
//! - [`application`]: the S2 wizard; [`submission`]: signing it in;
//! - [`complaint`]: the complaint procedure; [`visit`]: the operator's home
//!   visit; [`case`]: one service × channel × situation and all the law
//!   says for it (the legal test table's row);
//! - [`queue`]: the State Corporation's electronic queue (booking, tickets,
//!   the hall);
//! - [`codec`]: strict base32 and base64; [`receipt`]: receipts anyone can
//!   verify offline; [`transfer`]: a person's data in one encrypted file;
//!   [`guide`]: what to do, at the top of each passport.

pub mod application;
pub mod calendar;
pub mod caret;
pub mod case;
pub mod catalog;
pub mod codec;
pub mod complaint;
pub mod deadline;
pub mod demo_clock;
pub mod embedded;
pub mod guide;
pub mod identity;
pub mod json;
pub mod kztime;
pub mod lang;
pub mod lifecycle;
pub mod order;
pub mod queue;
pub mod receipt;
pub mod region;
pub mod service;
pub mod signing;
pub mod source;
pub mod store;
pub mod submission;
pub mod term;
pub mod texts;
pub mod transfer;
pub mod visit;
