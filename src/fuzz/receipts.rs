//! Receipts from outside: a code pasted or read from a QR code, checked by
//! the verify page, and the pictures the page scans for a QR code.

use super::{Gen, Target};
#[cfg(feature = "scan")]
use crate::engine::receipt::scan;
use crate::engine::receipt::{self, Holder, Statement, What};
use crate::engine::service::ServiceId;
use crate::engine::term::Channel;

/// A genuine receipt code to mutate.
fn genuine_code() -> String {
    let statement = Statement {
        reference: "S2-250320-23Y2H9".into(),
        service: ServiceId::S2,
        channel: Channel::Portal,
        holder: Holder::of_iin("850314401018").expect("a valid demo IIN"),
        issued_at: "2025-03-20T05:00:00Z".parse().expect("an instant"),
        what: What::Acceptance { due: "2025-04-10".parse().expect("a date") },
    };
    receipt::issue(&statement, "portal").map(|s| s.code).unwrap_or_default()
}

pub(super) fn receipt_targets() -> Vec<Target> {
    let code = genuine_code();
    #[cfg(feature = "scan")]
    let picture = scan::drawn(&code, 2).unwrap_or((1, vec![255]));
    #[allow(unused_mut)]
    let mut all = vec![Target {
        name: "receipt code".into(),
        weight: 4,
        run: Box::new(move |g: &mut Gen| {
            let text = g.typed_near(&code, 80, 300);
            receipt::verify(&text).is_ok()
        }),
    }];
    #[cfg(feature = "scan")]
    all.push(picture_target(picture));
    all
}

/// The scanner on the receipt's picture with pixels flipped, blotted or
/// cut, or on noise of any size up to 96 pixels.
#[cfg(feature = "scan")]
fn picture_target((side, picture): (usize, Vec<u8>)) -> Target {
    Target {
        name: "picture of a QR code".into(),
        weight: 1,
        run: Box::new(move |g: &mut Gen| {
            let (w, h, grey) = if g.chance(70) {
                let mut p = picture.clone();
                for _ in 0..g.below(40) {
                    let i = g.below(p.len() as u64) as usize;
                    p[i] = 255 - p[i];
                }
                if g.chance(30) {
                    let (x0, y0) = (g.below(side as u64) as usize, g.below(side as u64) as usize);
                    for y in y0..(y0 + 12).min(side) {
                        for x in x0..(x0 + 12).min(side) {
                            p[y * side + x] = g.below(256) as u8;
                        }
                    }
                }
                let h = if g.chance(20) { 1 + g.below(side as u64) as usize } else { side };
                (side, h, p)
            } else {
                let (w, h) = (1 + g.below(96) as usize, 1 + g.below(96) as usize);
                let noise = (0..w * h).map(|_| g.below(256) as u8).collect();
                (w, h, noise)
            };
            scan::read(w, h, &grey).is_ok()
        }),
    }
}
