//! Reading a receipt's QR code from a picture: a photo or a scan of a
//! printed receipt, or a screenshot. The UI draws the picture on a canvas
//! (the browser decodes PNG, JPEG…) and hands its pixels here as grey
//! levels; [`read`] finds the QR codes in it (`quircs`) and returns the text
//! of the first that decodes. What the text is worth is [`verify`]'s
//! question.
//!
//! The picture is bounded ([`MAX_SIDE`], [`MAX_PIXELS`]): the UI scales a
//! larger one down before it comes here, and anything bigger is refused
//! unread rather than allocated.
//!
//! ```
//! use qujat::engine::receipt::scan::{self, ScanError};
//!
//! // A QR code drawn 4 pixels a module with its quiet zone, as a camera
//! // or a screenshot would see it.
//! let (side, grey) = scan::drawn("QJ1.EXAMPLE", 4).unwrap();
//! assert_eq!(scan::read(side, side, &grey).unwrap(), "QJ1.EXAMPLE");
//!
//! // A blank page holds no code.
//! assert_eq!(scan::read(64, 64, &[255; 64 * 64]), Err(ScanError::NoCode));
//! ```
//!
//! [`verify`]: super::verify

/// The longest side of a picture [`read`] accepts, in pixels.
pub const MAX_SIDE: usize = 2048;
/// The most pixels [`read`] accepts (2 megapixels).
pub const MAX_PIXELS: usize = 2 * 1024 * 1024;

/// Why no text came out of a picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[derive(strum_macros::IntoStaticStr)]
#[strum(prefix = "scan-", serialize_all = "kebab-case")]
pub enum ScanError {
    /// Empty, larger than [`MAX_SIDE`] or [`MAX_PIXELS`], or fewer grey
    /// levels than pixels.
    #[error("not a picture this app reads")]
    BadPicture,
    /// No QR code found in it.
    #[error("no QR code in the picture")]
    NoCode,
    /// A QR code was found, but it could not be read (blurred, cut off,
    /// damaged) or its text is not UTF-8.
    #[error("the QR code in the picture could not be read")]
    Unreadable,
}

impl ScanError {
    /// Stable machine code for the UI's message lookup and the tests:
    /// `scan-` and the variant's name in kebab case, written by the
    /// `IntoStaticStr` derive.
    pub fn code(self) -> &'static str {
        self.into()
    }
}

/// The text of the first readable QR code in a `width` × `height` picture
/// given as grey levels (0 black … 255 white), row by row.
pub fn read(width: usize, height: usize, grey: &[u8]) -> Result<String, ScanError> {
    let pixels = width.checked_mul(height).ok_or(ScanError::BadPicture)?;
    if width == 0
        || height == 0
        || width > MAX_SIDE
        || height > MAX_SIDE
        || pixels > MAX_PIXELS
        || grey.len() < pixels
    {
        return Err(ScanError::BadPicture);
    }
    let grey = &grey[..pixels];
    // The detector is sensitive to how module edges fall on pixels (a
    // screenshot at 2.6 pixels a module, anti-aliased): the picture is
    // tried as it is, then in black and white, then twice as large, and
    // the first reading wins.
    let mut found = false;
    let mut tries = vec![(width, height, grey.to_vec())];
    tries.push((width, height, black_and_white(grey)));
    if width * 2 <= MAX_SIDE && height * 2 <= MAX_SIDE && pixels * 4 <= MAX_PIXELS {
        let large = doubled(width, height, grey);
        let large_bw = black_and_white(&large);
        tries.push((width * 2, height * 2, large));
        tries.push((width * 2, height * 2, large_bw));
    }
    // One detector for every try: it sizes its buffers to each picture.
    let mut decoder = quircs::Quirc::default();
    for (w, h, g) in tries {
        match read_once(&mut decoder, w, h, &g) {
            Ok(text) => return Ok(text),
            Err(ScanError::Unreadable) => found = true,
            Err(_) => {}
        }
    }
    Err(if found { ScanError::Unreadable } else { ScanError::NoCode })
}

/// One attempt of the detector and decoder on a picture.
fn read_once(
    decoder: &mut quircs::Quirc, width: usize, height: usize, grey: &[u8],
) -> Result<String, ScanError> {
    let mut found = false;
    for code in decoder.identify(width, height, grey) {
        found = true;
        if let Some(text) =
            code.ok().and_then(|c| c.decode().ok()).and_then(|d| String::from_utf8(d.payload).ok())
        {
            return Ok(text);
        }
    }
    Err(if found { ScanError::Unreadable } else { ScanError::NoCode })
}

/// Black below the midpoint of the darkest and the lightest grey, white
/// above.
fn black_and_white(grey: &[u8]) -> Vec<u8> {
    let (lo, hi) = grey.iter().fold((u8::MAX, u8::MIN), |(lo, hi), &v| (lo.min(v), hi.max(v)));
    let mid = (u16::from(lo) + u16::from(hi)) / 2;
    grey.iter().map(|&v| if u16::from(v) <= mid { 0 } else { 255 }).collect()
}

/// The picture at twice its size, each new pixel interpolated between its
/// neighbours (bilinear).
fn doubled(width: usize, height: usize, grey: &[u8]) -> Vec<u8> {
    let at = |x: usize, y: usize| u32::from(grey[y * width + x]);
    let (w2, h2) = (width * 2, height * 2);
    (0..w2 * h2)
        .map(|i| {
            let (x, y) = (i % w2, i / w2);
            // Centres of the new pixels fall at ¼ and ¾ between the old ones.
            let (x0, y0) = ((x.saturating_sub(1)) / 2, (y.saturating_sub(1)) / 2);
            let (x1, y1) = ((x0 + 1).min(width - 1), (y0 + 1).min(height - 1));
            let (ax, ay) = (if x % 2 == 1 { 1 } else { 3 }, if y % 2 == 1 { 1 } else { 3 });
            let (ax, ay) = if x == 0 { (0, ay) } else { (ax, ay) };
            let (ax, ay) = if y == 0 { (ax, 0) } else { (ax, ay) };
            let top = at(x0, y0) * (4 - ax) + at(x1, y0) * ax;
            let bottom = at(x0, y1) * (4 - ax) + at(x1, y1) * ax;
            ((top * (4 - ay) + bottom * ay) / 16) as u8
        })
        .collect()
}

/// `text`'s QR code (as on a receipt: level M, a quiet zone of 4 modules)
/// drawn `scale` pixels a module, black on white: the side in pixels and
/// the grey levels. For tests and the fuzz harness: a picture known to
/// hold a code. `None` if `text` fits no QR code.
pub fn drawn(text: &str, scale: usize) -> Option<(usize, Vec<u8>)> {
    let code =
        qrcode::QrCode::with_error_correction_level(text.as_bytes(), super::qr::EC_LEVEL).ok()?;
    let (n, q) = (code.width(), super::qr::QUIET_ZONE);
    let colors = code.to_colors();
    let side = (n + 2 * q) * scale;
    let grey = (0..side * side)
        .map(|i| {
            let (x, y) = ((i % side) / scale, (i / side) / scale);
            let inside = (q..n + q).contains(&x) && (q..n + q).contains(&y);
            if inside && colors[(y - q) * n + (x - q)] == qrcode::Color::Dark { 0 } else { 255 }
        })
        .collect();
    Some((side, grey))
}

/// The grey level of an RGBA pixel (ITU-R BT.601 weights), for a canvas's
/// `ImageData`; a transparent pixel counts as white paper.
pub fn grey_of_rgba(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .map(|p| {
            let (r, g, b, a) = (u32::from(p[0]), u32::from(p[1]), u32::from(p[2]), u32::from(p[3]));
            let y = (299 * r + 587 * g + 114 * b) / 1000;
            // Over white: y·a + 255·(255 − a), scaled back.
            ((y * a + 255 * (255 - a)) / 255) as u8
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::receipt::qr;

    fn picture(text: &str, scale: usize) -> (usize, Vec<u8>) {
        drawn(text, scale).unwrap()
    }

    #[test]
    fn a_receipt_code_is_read_back_at_several_sizes() {
        let code = format!("QJ1.{}", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".repeat(6));
        for scale in [2, 3, 5] {
            let (side, grey) = picture(&code, scale);
            assert_eq!(read(side, side, &grey), Ok(code.clone()), "scale {scale}");
        }
    }

    /// `text`'s QR code shrunk to `side` pixels, anti-aliased (each pixel
    /// the average of 4×4 samples), as a screenshot of a small code is.
    fn screenshot(text: &str, side: usize) -> Vec<u8> {
        let c = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qr::EC_LEVEL).unwrap();
        let (n, q) = (c.width(), qr::QUIET_ZONE);
        let colors = c.to_colors();
        let per_pixel = (n + 2 * q) as f64 / side as f64;
        let dark = |mx: usize, my: usize| {
            (q..n + q).contains(&mx)
                && (q..n + q).contains(&my)
                && colors[(my - q) * n + (mx - q)] == qrcode::Color::Dark
        };
        (0..side * side)
            .map(|i| {
                let (x, y) = (i % side, i / side);
                let light: u32 = (0..16)
                    .map(|s| {
                        let mx = ((x as f64 + (f64::from(s % 4) + 0.5) / 4.0) * per_pixel) as usize;
                        let my = ((y as f64 + (f64::from(s / 4) + 0.5) / 4.0) * per_pixel) as usize;
                        if dark(mx, my) { 0 } else { 255 }
                    })
                    .sum();
                (light / 16) as u8
            })
            .collect()
    }

    #[test]
    fn small_anti_aliased_screenshots_are_read() {
        // A receipt code at 2.3 to 7 pixels a module: the sizes a receipt's
        // code has in a screenshot (each failed the detector as it is once).
        let code = format!("QJ1.{}", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".repeat(6));
        for side in [130, 140, 150, 160, 180, 200, 220, 250, 300, 400] {
            assert_eq!(read(side, side, &screenshot(&code, side)), Ok(code.clone()), "{side} px");
        }
    }

    #[test]
    fn doubling_keeps_the_picture() {
        assert_eq!(doubled(1, 1, &[7]), vec![7; 4]);
        let d = doubled(2, 1, &[0, 255]);
        assert_eq!(d.len(), 8);
        assert_eq!(&d[..4], &[0, 63, 191, 255]);
        assert_eq!(black_and_white(&[10, 200, 100, 105, 106]), vec![0, 255, 0, 0, 255]);
    }

    #[test]
    fn a_code_on_a_larger_grey_page_is_found() {
        let (side, qr) = picture("QJ1.HELLO", 3);
        let (w, h) = (side + 100, side + 60);
        let mut page = vec![200u8; w * h];
        for y in 0..side {
            page[(y + 30) * w + 50..(y + 30) * w + 50 + side]
                .copy_from_slice(&qr[y * side..(y + 1) * side]);
        }
        assert_eq!(read(w, h, &page).as_deref(), Ok("QJ1.HELLO"));
    }

    #[test]
    fn bad_pictures_are_refused_unread() {
        assert_eq!(read(0, 10, &[]), Err(ScanError::BadPicture));
        assert_eq!(read(10, 10, &[255; 99]), Err(ScanError::BadPicture));
        assert_eq!(read(MAX_SIDE + 1, 1, &[255; MAX_SIDE + 1]), Err(ScanError::BadPicture));
        assert_eq!(read(usize::MAX, 2, &[]), Err(ScanError::BadPicture));
        assert_eq!(read(MAX_SIDE, MAX_SIDE, &[]), Err(ScanError::BadPicture));
    }

    #[test]
    fn no_code_and_a_damaged_code_are_told_apart() {
        assert_eq!(read(40, 30, &[255; 1200]), Err(ScanError::NoCode));
        // Noise: no panic, whatever it finds.
        let noise: Vec<u8> =
            (0..200u32 * 200).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8).collect();
        assert!(read(200, 200, &noise).is_err());
        // The finder and alignment patterns stay, the middle of the data is
        // inverted: more than level M corrects, so found but unreadable.
        let (side, mut grey) = picture("QJ1.DAMAGED-DAMAGED-DAMAGED-DAMAGED", 4);
        let modules = side / 4 - 2 * qr::QUIET_ZONE;
        let middle = (qr::QUIET_ZONE + 9) * 4..(qr::QUIET_ZONE + modules - 9) * 4;
        for y in middle.clone() {
            for x in middle.clone() {
                grey[y * side + x] = 255 - grey[y * side + x];
            }
        }
        assert_eq!(read(side, side, &grey), Err(ScanError::Unreadable));
    }

    #[test]
    fn rgba_becomes_grey_over_white() {
        assert_eq!(
            grey_of_rgba(&[0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 0]),
            vec![0, 255, 255]
        );
        assert_eq!(grey_of_rgba(&[255, 0, 0, 255]), vec![76]);
    }
}
