//! Dates and times as Kazakhstan shows them: dd.mm.yyyy and HH:MM, in
//! Kazakhstan local time whatever the browser's time zone.

use chrono::{DateTime, NaiveDate, Utc};

use crate::engine::kztime;

pub fn date(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

pub fn time(instant: DateTime<Utc>) -> String {
    match kztime::to_local(instant) {
        Ok(l) => l.local.format("%H:%M").to_string(),
        Err(_) => instant.format("%H:%M UTC").to_string(),
    }
}

pub fn date_time(instant: DateTime<Utc>) -> String {
    match kztime::to_local(instant) {
        Ok(l) => l.local.format("%d.%m.%Y %H:%M").to_string(),
        Err(_) => instant.format("%d.%m.%Y %H:%M UTC").to_string(),
    }
}

/// "m:ss" for a countdown.
pub fn countdown(secs: i64) -> String {
    let s = secs.max(0);
    format!("{}:{:02}", s / 60, s % 60)
}

/// A phone number with the middle digits hidden, as SMS services show it.
pub fn masked_phone(phone: &str) -> String {
    let digits: Vec<char> = phone.chars().filter(|c| c.is_ascii_digit()).collect();
    if digits.len() < 4 {
        return phone.to_string();
    }
    let tail: String = digits[digits.len() - 2..].iter().collect();
    format!("+7 7•• ••• •• {tail}")
}
