//! The generator of fuzz inputs: SplitMix64 from a seed (a failure can be
//! reproduced) and the mutations of stored texts.

use chrono::{DateTime, TimeDelta, Utc};
use serde_json::{Map, Value, json};

// ---------------------------------------------------------------------------
// Randomness: SplitMix64, seeded, so a failure can be reproduced.

/// A small deterministic generator.
pub struct Gen(u64);

impl Gen {
    pub fn new(seed: u64) -> Gen {
        Gen(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0..n (0 when n is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next_u64() % n }
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// Characters that break naive code: multi-byte, astral, combining,
    /// bidi controls, NUL and other controls, quotes and markup.
    const NASTY: &'static [char] = &[
        'é',
        'ə',
        'Ә',
        'і',
        'ж',
        '😀',
        '\u{301}',
        '\u{202E}',
        '\u{200F}',
        '\u{FEFF}',
        '\0',
        '\u{7}',
        '\t',
        '\n',
        '\r',
        '"',
        '\\',
        '<',
        '>',
        '&',
        '%',
        '/',
        ' ',
        '\u{a0}',
        '-',
        '+',
        '0',
        '1',
        '5',
        '9',
        'a',
        'Z',
        '\u{10FFFF}',
        '\u{D7FF}',
        '\u{E000}',
    ];

    /// A short string of digits, letters and nasty characters.
    pub fn text(&mut self, max: u64) -> String {
        let n = self.below(max + 1);
        (0..n)
            .map(|_| match self.below(4) {
                0 => char::from(b'0' + self.below(10) as u8),
                1 => char::from(b'a' + self.below(26) as u8),
                2 => *self.pick(Gen::NASTY),
                _ => char::from_u32(self.below(0x11_0000) as u32).unwrap_or('?'),
            })
            .collect()
    }

    /// An instant anywhere, often near the real present or at the ends of time.
    pub fn instant(&mut self) -> DateTime<Utc> {
        let base = DateTime::<Utc>::from_timestamp(1_780_000_000, 0).unwrap_or_default();
        match self.below(6) {
            0 => DateTime::<Utc>::MIN_UTC,
            1 => DateTime::<Utc>::MAX_UTC,
            2 => DateTime::<Utc>::UNIX_EPOCH,
            3 => {
                let secs = self.next_u64() as i64 % 8_000_000_000_000;
                DateTime::<Utc>::from_timestamp(secs, 0).unwrap_or(base)
            }
            _ => base
                .checked_add_signed(TimeDelta::seconds(
                    self.below(400 * 86_400) as i64 - 200 * 86_400,
                ))
                .unwrap_or(base),
        }
    }

    /// A number that breaks arithmetic: extremes, off-by-ones, huge, negative.
    pub fn number(&mut self) -> Value {
        match self.below(10) {
            0 => json!(u64::MAX),
            1 => json!(i64::MIN),
            2 => json!(-1),
            3 => json!(0),
            4 => json!(1.5e300),
            5 => json!(-0.0),
            6 => json!(u32::MAX),
            7 => json!(i64::MAX),
            _ => json!(self.next_u64() as i64 >> self.below(64)),
        }
    }

    /// Any JSON value, `depth` levels deep at most.
    pub fn value(&mut self, depth: u32) -> Value {
        match self.below(if depth == 0 { 5 } else { 7 }) {
            0 => Value::Null,
            1 => Value::Bool(self.chance(50)),
            2 => self.number(),
            3 => Value::String(self.text(24)),
            4 => Value::String(self.instant().to_rfc3339()),
            5 => Value::Array((0..self.below(4)).map(|_| self.value(depth - 1)).collect()),
            _ => {
                let mut m = Map::new();
                for _ in 0..self.below(4) {
                    m.insert(self.text(8), self.value(depth - 1));
                }
                Value::Object(m)
            }
        }
    }

    /// `v` with a few nodes replaced, removed, retyped or duplicated; half
    /// the time only leaves are changed, each to a value of its own type
    /// (so the result usually still decodes, with hostile contents).
    pub fn mutate(&mut self, v: &Value) -> Value {
        let mut out = v.clone();
        let keep_types = self.chance(50);
        for _ in 0..=self.below(3) {
            if keep_types {
                self.mutate_leaf(&mut out, 0);
            } else {
                self.mutate_once(&mut out, 0);
            }
        }
        out
    }

    fn mutate_leaf(&mut self, v: &mut Value, depth: u32) {
        match v {
            Value::Object(m) if !m.is_empty() && depth < 16 => {
                let keys: Vec<String> = m.keys().cloned().collect();
                let k = self.pick(&keys).clone();
                if let Some(child) = m.get_mut(&k) {
                    self.mutate_leaf(child, depth + 1);
                }
            }
            Value::Array(a) if !a.is_empty() && depth < 16 => {
                let i = self.below(a.len() as u64) as usize;
                match self.below(8) {
                    0 => {
                        let copy = a[i].clone();
                        a.insert(i, copy);
                    }
                    1 => {
                        a.remove(i);
                    }
                    _ => self.mutate_leaf(&mut a[i], depth + 1),
                }
            }
            Value::String(s) => {
                *s = match self.below(4) {
                    0 => self.instant().to_rfc3339(),
                    1 => self.text(30),
                    _ => self.mutate_text(s),
                }
            }
            Value::Number(n) => {
                *v = if self.chance(50) {
                    self.number()
                } else {
                    let x = n.as_i64().unwrap_or(0);
                    json!(x.wrapping_add(self.below(5) as i64 - 2))
                }
            }
            Value::Bool(b) => *b = !*b,
            Value::Null => *v = self.value(1),
            _ => {}
        }
    }

    fn mutate_once(&mut self, v: &mut Value, depth: u32) {
        let descend = depth < 12 && self.chance(if depth < 3 { 95 } else { 75 });
        match v {
            Value::Object(m) if descend && !m.is_empty() => {
                let keys: Vec<String> = m.keys().cloned().collect();
                let k = self.pick(&keys).clone();
                match self.below(8) {
                    0 => {
                        m.remove(&k);
                    }
                    1 => {
                        let copy = m.get(&k).cloned().unwrap_or(Value::Null);
                        m.insert(self.text(6), copy);
                    }
                    _ => {
                        if let Some(child) = m.get_mut(&k) {
                            self.mutate_once(child, depth + 1);
                        }
                    }
                }
            }
            Value::Array(a) if descend && !a.is_empty() => {
                let i = self.below(a.len() as u64) as usize;
                match self.below(6) {
                    0 => {
                        a.remove(i);
                    }
                    1 => {
                        let copy = a[i].clone();
                        a.push(copy);
                    }
                    _ => self.mutate_once(&mut a[i], depth + 1),
                }
            }
            Value::String(s) if self.chance(50) => *s = self.mutate_text(s),
            _ => {
                *v = match self.below(4) {
                    0 => self.number(),
                    1 => Value::String(self.instant().to_rfc3339()),
                    _ => self.value(2),
                }
            }
        }
    }

    /// What a person might type where `s` is expected: `percent` times in
    /// a hundred `s` mutated ([`mutate_text`](Self::mutate_text)), else
    /// any text of up to `max` characters.
    pub fn typed_near(&mut self, s: &str, percent: u64, max: u64) -> String {
        if self.chance(percent) { self.mutate_text(s) } else { self.text(max) }
    }

    /// `s` with characters inserted, removed, replaced, or cut short.
    pub fn mutate_text(&mut self, s: &str) -> String {
        let mut chars: Vec<char> = s.chars().collect();
        for _ in 0..=self.below(4) {
            let len = chars.len() as u64;
            match self.below(5) {
                0 if len > 0 => {
                    chars.remove(self.below(len) as usize);
                }
                1 => {
                    let c = *self.pick(Gen::NASTY);
                    chars.insert(self.below(len + 1) as usize, c);
                }
                2 if len > 0 => {
                    let i = self.below(len) as usize;
                    chars[i] = *self.pick(Gen::NASTY);
                }
                3 => chars.truncate(self.below(len + 1) as usize),
                _ => {
                    let extra: Vec<char> = self.text(6).chars().collect();
                    let at = self.below(len + 1) as usize;
                    chars.splice(at..at, extra);
                }
            }
        }
        chars.into_iter().collect()
    }
}
