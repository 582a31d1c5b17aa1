//! The modes a device can be in, each remembered on the device: the
//! accessibility mode, the kiosk (with its keyboard and timeout), and
//! offline use (the service worker).

pub mod access;
pub mod keyboard;
pub mod kiosk;
pub mod offline;
pub mod timeout;
