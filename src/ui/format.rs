//! Dates and times as Kazakhstan shows them: dd.mm.yyyy and HH:MM, in
//! Kazakhstan local time whatever the browser's time zone. Written by hand
//! rather than with chrono's strftime, whose parser would add tens of
//! kilobytes to the wasm.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc};

use crate::engine::kztime;

pub fn date(d: NaiveDate) -> String {
    format!("{:02}.{:02}.{}", d.day(), d.month(), d.year())
}

pub fn clock(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

pub fn local_date_time(l: NaiveDateTime) -> String {
    format!("{} {}", date(l.date()), clock(l.time()))
}

pub fn time(instant: DateTime<Utc>) -> String {
    match kztime::to_local(instant) {
        Ok(l) => clock(l.local.time()),
        Err(_) => format!("{} UTC", clock(instant.time())),
    }
}

pub fn date_time(instant: DateTime<Utc>) -> String {
    match kztime::to_local(instant) {
        Ok(l) => local_date_time(l.local),
        Err(_) => format!("{} UTC", local_date_time(instant.naive_utc())),
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

/// "Surname Name Patronymic", leaving out what is not there.
pub fn full_name(surname: &str, name: &str, patronymic: Option<&str>) -> String {
    [Some(surname), Some(name), patronymic].into_iter().flatten().collect::<Vec<_>>().join(" ")
}

/// A `data:` URL that downloads `text` as a file of this MIME type.
pub fn data_url(mime: &str, text: &str) -> String {
    format!("data:{mime};charset=utf-8,{}", js_sys::encode_uri_component(text))
}
