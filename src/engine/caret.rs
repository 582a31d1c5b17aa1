//! Editing text at a caret the way the DOM counts it (UTF-16 code units,
//! as `selectionStart`/`selectionEnd` do): the kiosk's on-screen keyboard
//! types with these, so they are tested natively here.

/// Replaces the UTF-16 range `start..end` of `value` by `insert`; returns
/// the new value and the caret after the insertion.
pub fn splice_utf16(value: &str, start: usize, end: usize, insert: &str) -> (String, usize) {
    let units: Vec<u16> = value.encode_utf16().collect();
    let start = start.min(units.len());
    let end = end.clamp(start, units.len());
    let ins: Vec<u16> = insert.encode_utf16().collect();
    let mut out = units[..start].to_vec();
    out.extend_from_slice(&ins);
    out.extend_from_slice(&units[end..]);
    (String::from_utf16_lossy(&out), start + ins.len())
}

/// Backspace: the selection, or the character before the caret.
pub fn backspace_utf16(value: &str, start: usize, end: usize) -> (String, usize) {
    if start != end {
        return splice_utf16(value, start, end, "");
    }
    let units: Vec<u16> = value.encode_utf16().collect();
    let start = start.min(units.len());
    if start == 0 {
        return (value.to_string(), 0);
    }
    // A character outside the BMP is two units: remove both.
    let width = if start >= 2 && (0xDC00..0xE000).contains(&units[start - 1]) { 2 } else { 1 };
    splice_utf16(value, start - width, start, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_replaces_the_selection_and_moves_the_caret() {
        assert_eq!(splice_utf16("Абай", 4, 4, "ұлы"), ("Абайұлы".into(), 7));
        assert_eq!(splice_utf16("Абай", 1, 3, "қ"), ("Ақй".into(), 2));
        assert_eq!(splice_utf16("", 5, 9, "ә"), ("ә".into(), 1));
    }

    #[test]
    fn backspace_removes_one_character_or_the_selection() {
        assert_eq!(backspace_utf16("Әлия", 4, 4), ("Әли".into(), 3));
        assert_eq!(backspace_utf16("Әлия", 0, 0), ("Әлия".into(), 0));
        assert_eq!(backspace_utf16("Әлия", 1, 3), ("Әя".into(), 1));
        assert_eq!(backspace_utf16("a😀", 3, 3), ("a".into(), 1));
    }
}
