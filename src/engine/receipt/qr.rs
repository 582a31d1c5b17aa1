//! The QR code of a receipt, made with the `qrcode` crate the UI already
//! uses for the reference number.
//!
//! Error correction level M (15 % of the code can be lost): the crate's
//! default, and enough for a receipt printed on an office printer and
//! scanned by a phone. The crate picks the densest mode per segment: a
//! receipt code is all upper-case base32 after `QJ1.`, so it is encoded in
//! the alphanumeric mode. The UI can render the same code with
//! [`svg`], or read its size with [`size`].

use qrcode::{EcLevel, QrCode, Version};
use serde::Serialize;

/// The error correction level of every receipt QR code.
pub const EC_LEVEL: EcLevel = EcLevel::M;

/// Modules of quiet zone on each side (ISO/IEC 18004 asks for 4).
pub const QUIET_ZONE: usize = 4;

/// How big a receipt's QR code is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct QrSize {
    /// QR version 1–40.
    pub version: i16,
    /// Modules on a side, without the quiet zone.
    pub modules: usize,
}

impl QrSize {
    /// The printed side in millimetres with the quiet zone, for a module of
    /// `module_mm` (0.5 mm prints and scans reliably on a laser printer).
    pub fn side_mm(&self, module_mm: f32) -> f32 {
        (self.modules + 2 * QUIET_ZONE) as f32 * module_mm
    }
}

fn code(text: &str) -> Option<QrCode> {
    QrCode::with_error_correction_level(text.as_bytes(), EC_LEVEL).ok()
}

/// The QR version and size `text` needs; `None` if it does not fit any.
pub fn size(text: &str) -> Option<QrSize> {
    let c = code(text)?;
    let version = match c.version() {
        Version::Normal(v) | Version::Micro(v) => v,
    };
    Some(QrSize { version, modules: c.width() })
}

/// The QR code of `text` as SVG markup, at least `min_px` pixels a side,
/// with the quiet zone; empty if it does not fit a QR code (a receipt code
/// always does). The markup is the crate's, from our own code text.
pub fn svg(text: &str, min_px: u32) -> String {
    code(text)
        .map(|c| {
            c.render::<qrcode::render::svg::Color<'_>>()
                .min_dimensions(min_px, min_px)
                .quiet_zone(true)
                .build()
        })
        .unwrap_or_default()
}
