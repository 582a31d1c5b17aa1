//! Two text encodings of bytes, strict in both directions, for the two
//! places the portal hands bytes to a person or another device:
//!
//! - [`base32`] (RFC 4648 alphabet, no padding): the receipt code in a QR
//!   code. Its 32 characters are all in the QR *alphanumeric* mode
//!   (5.5 bits a character), so 5 bits of data cost 5.5 bits of QR, against
//!   8 bits for 6 of base64 in byte mode: a signed receipt fits a smaller
//!   QR version (see [`receipt`](super::receipt)).
//! - [`base64`] (standard alphabet, padded): the ciphertext of a data
//!   export file, a third smaller than the vault's hex.
//!
//! A crate would add little for these few lines. Both decoders are total:
//! any input gives bytes or `None`, never a panic, and they accept only the
//! one canonical spelling of each byte string (the unused low bits of the
//! last character must be zero), so two different texts never decode to
//! the same bytes.
//!
//! ```
//! use qujat::engine::codec::{base32, base64};
//!
//! assert_eq!(base32::encode(b"foobar"), "MZXW6YTBOI");
//! assert_eq!(base32::decode("MZXW6YTBOI").as_deref(), Some(&b"foobar"[..]));
//! assert_eq!(base64::encode(b"foobar"), "Zm9vYmFy");
//! assert_eq!(base64::decode("Zm9vYg==").as_deref(), Some(&b"foob"[..]));
//! // Not canonical (low bits set), or not the alphabet: refused.
//! assert_eq!(base32::decode("MZXW6YTBOJ"), None);
//! assert_eq!(base64::decode("Zm9v!mFy"), None);
//! ```

/// RFC 4648 base32, upper case, without padding.
pub mod base32 {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// Upper-case base32 without `=` padding.
    pub fn encode(bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
        let mut acc: u32 = 0;
        let mut bits = 0u32;
        for &b in bytes {
            acc = (acc << 8) | u32::from(b);
            bits += 8;
            while bits >= 5 {
                bits -= 5;
                out.push(char::from(ALPHABET[((acc >> bits) & 31) as usize]));
            }
            acc &= (1 << bits) - 1;
        }
        if bits > 0 {
            out.push(char::from(ALPHABET[((acc << (5 - bits)) & 31) as usize]));
        }
        out
    }

    fn value(c: u8) -> Option<u32> {
        match c {
            b'A'..=b'Z' => Some(u32::from(c - b'A')),
            b'2'..=b'7' => Some(u32::from(c - b'2') + 26),
            _ => None,
        }
    }

    /// Decodes upper-case base32 without padding. `None` for a character
    /// outside the alphabet (lower case included: callers normalise), a
    /// length no byte string encodes to, or non-zero unused low bits.
    pub fn decode(text: &str) -> Option<Vec<u8>> {
        // 8 characters carry 5 bytes; a tail of 1, 3 or 6 characters
        // carries no whole byte, so it was never written by `encode`.
        if matches!(text.len() % 8, 1 | 3 | 6) {
            return None;
        }
        let mut out = Vec::with_capacity(text.len() * 5 / 8);
        let mut acc: u32 = 0;
        let mut bits = 0u32;
        for &c in text.as_bytes() {
            acc = (acc << 5) | value(c)?;
            bits += 5;
            if bits >= 8 {
                bits -= 8;
                out.push((acc >> bits) as u8);
            }
            acc &= (1 << bits) - 1;
        }
        (acc == 0).then_some(out)
    }
}

/// RFC 4648 base64, standard alphabet, with `=` padding.
pub mod base64 {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// Standard base64 with padding.
    pub fn encode(bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let b =
                [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    fn value(c: u8) -> Option<u32> {
        match c {
            b'A'..=b'Z' => Some(u32::from(c - b'A')),
            b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
            b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
            b'+' => Some(62),
            b'/' => Some(63),
            _ => None,
        }
    }

    /// Decodes padded standard base64. `None` for any other character
    /// (whitespace included), a length that is not a multiple of 4, padding
    /// anywhere but the end, or non-zero unused low bits.
    pub fn decode(text: &str) -> Option<Vec<u8>> {
        let bytes = text.as_bytes();
        if !bytes.len().is_multiple_of(4) {
            return None;
        }
        let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
        let groups = bytes.len() / 4;
        for (g, quad) in bytes.chunks_exact(4).enumerate() {
            let pad = quad.iter().rev().take_while(|&&c| c == b'=').count();
            if pad > 2 || (pad > 0 && g + 1 != groups) {
                return None;
            }
            let mut n: u32 = 0;
            for &c in &quad[..4 - pad] {
                n = (n << 6) | value(c)?;
            }
            n <<= 6 * pad as u32;
            let take = 3 - pad;
            // The bits the padding stands for must be zero.
            if n & ((1u32 << (8 * pad as u32)) - 1) != 0 {
                return None;
            }
            for i in 0..take {
                out.push((n >> (16 - 8 * i)) as u8);
            }
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc4648_vectors() {
        let v = [
            ("", "", ""),
            ("f", "MY", "Zg=="),
            ("fo", "MZXQ", "Zm8="),
            ("foo", "MZXW6", "Zm9v"),
            ("foob", "MZXW6YQ", "Zm9vYg=="),
            ("fooba", "MZXW6YTB", "Zm9vYmE="),
            ("foobar", "MZXW6YTBOI", "Zm9vYmFy"),
        ];
        for (plain, b32, b64) in v {
            assert_eq!(base32::encode(plain.as_bytes()), b32);
            assert_eq!(base32::decode(b32).unwrap(), plain.as_bytes());
            assert_eq!(base64::encode(plain.as_bytes()), b64);
            assert_eq!(base64::decode(b64).unwrap(), plain.as_bytes());
        }
    }

    #[test]
    fn every_length_round_trips() {
        let data: Vec<u8> = (0..=255u8).collect();
        for n in 0..data.len() {
            let b = &data[..n];
            assert_eq!(base32::decode(&base32::encode(b)).unwrap(), b, "{n}");
            assert_eq!(base64::decode(&base64::encode(b)).unwrap(), b, "{n}");
        }
    }

    #[test]
    fn non_canonical_and_foreign_text_is_refused() {
        for bad in ["M", "MZX", "MZXW6Y", "my", "MZ=", "MZ XW", "MZ1", "MZ8", "MZ\u{416}"] {
            assert_eq!(base32::decode(bad), None, "{bad:?}");
        }
        // "MZ" is "f"; "M3" sets bits past the byte.
        assert_eq!(base32::decode("M3"), None);
        for bad in
            ["Z", "Zg", "Zg=", "Zh==", "Zm9=", "Z===", "=Zg=", "Zg==Zg==", "Zm9v\n", "Zm-v", "Zm_v"]
        {
            assert_eq!(base64::decode(bad), None, "{bad:?}");
        }
    }
}
