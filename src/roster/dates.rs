//! Election dates as projects write them ("April 29, 2024 14:59 UTC", "2023-09-27 11:59:59",
//! RFC 3339), read as UTC, and shown in UTC and the voter's local time with the time left.

use chrono::{DateTime, Datelike, Local, NaiveDate, NaiveDateTime, TimeZone, Utc};

use crate::roster::Election;

/// Reads a date as written; a date without a year takes `default_year`. Times are UTC
/// unless they say otherwise; a date alone means its start.
pub fn parse(text: &str, default_year: Option<i32>) -> Option<DateTime<Utc>> {
    let t = text.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(t) {
        return Some(d.with_timezone(&Utc));
    }
    let t = t
        .trim_start_matches("Week of ")
        .trim_end_matches(" UTC")
        .trim_end_matches(" (UTC)")
        .replace(" at ", " ");
    for format in ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"] {
        if let Ok(d) = NaiveDateTime::parse_from_str(&t, format) {
            return Some(Utc.from_utc_datetime(&d));
        }
    }
    for format in ["%B %d, %Y %H:%M", "%B %d, %Y %H%M", "%b %d, %Y %H:%M"] {
        if let Ok(d) = NaiveDateTime::parse_from_str(&t, format) {
            return Some(Utc.from_utc_datetime(&d));
        }
    }
    for format in ["%Y-%m-%d", "%B %d, %Y", "%b %d, %Y", "%d %B %Y"] {
        // "August 20, 1500" is a time without a year, not the year 1500.
        if let Ok(d) = NaiveDate::parse_from_str(&t, format)
            && d.year() >= 1970
        {
            return d.and_hms_opt(0, 0, 0).map(|d| Utc.from_utc_datetime(&d));
        }
    }
    // "April 22, 15:00": the year is the election's.
    let year = default_year?;
    if let Some((day, time)) = t.split_once(", ") {
        let with_year = format!("{day}, {year} {time}");
        for format in ["%B %d, %Y %H:%M", "%B %d, %Y %H%M"] {
            if let Ok(d) = NaiveDateTime::parse_from_str(&with_year, format) {
                return Some(Utc.from_utc_datetime(&d));
            }
        }
    }
    None
}

/// One of an election's dates, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct When {
    /// The key as written (`voting_close`).
    pub key: String,
    /// The text as written.
    pub text: String,
    /// The moment, if the text could be read as one.
    pub at: Option<DateTime<Utc>>,
}

/// Every date of `election`, read; dates without a year take the year of the others.
pub fn of(election: &Election) -> Vec<When> {
    let year = election
        .dates
        .iter()
        .filter_map(|(_, text)| parse(text, None))
        .map(|d| d.year())
        .max();
    election
        .dates
        .iter()
        .map(|(key, text)| When {
            key: key.clone(),
            text: text.clone(),
            at: parse(text, year),
        })
        .collect()
}

/// When voting closes, if the election says.
pub fn voting_close(election: &Election) -> Option<DateTime<Utc>> {
    of(election)
        .into_iter()
        .find(|w| w.key == "voting_close" || w.key == "end_datetime")
        .and_then(|w| w.at)
}

/// `2024-04-29 14:59 UTC (local 2024-04-29 16:59 +02:00)`; the local part only where the
/// voter's zone is not UTC.
pub fn both_zones(at: DateTime<Utc>) -> String {
    let local = at.with_timezone(&Local);
    let utc = format!("{} UTC", at.format("%Y-%m-%d %H:%M"));
    if local.offset().local_minus_utc() == 0 {
        utc
    } else {
        format!("{utc} (local {})", local.format("%Y-%m-%d %H:%M %:z"))
    }
}

/// "in 3 days 4 hours" or "2 years ago".
pub fn relative(at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let delta = at - now;
    let (future, delta) = if delta.num_seconds() >= 0 {
        (true, delta)
    } else {
        (false, -delta)
    };
    let minutes = delta.num_minutes();
    let (days, hours, mins) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    let amount = if days >= 365 * 2 {
        format!("{} years", days / 365)
    } else if days >= 60 {
        format!("{} months", days / 30)
    } else if days >= 2 {
        format!("{days} days {hours} hours")
    } else if minutes >= 60 {
        format!("{} hours {mins} minutes", minutes / 60)
    } else {
        format!("{minutes} minutes")
    };
    if future {
        format!("in {amount}")
    } else {
        format!("{amount} ago")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn reads_the_forms_elections_use() {
        assert_eq!(
            parse("2024-04-29T14:59:00Z", None),
            Some(utc("2024-04-29T14:59:00Z"))
        );
        assert_eq!(
            parse("2023-09-27 11:59:59", None),
            Some(utc("2023-09-27T11:59:59Z"))
        );
        assert_eq!(
            parse("April 29, 2024 14:59 UTC", None),
            Some(utc("2024-04-29T14:59:00Z"))
        );
        assert_eq!(
            parse("August 27, 2018 14:59 UTC", None),
            Some(utc("2018-08-27T14:59:00Z"))
        );
        assert_eq!(
            parse("April 22, 15:00 UTC", Some(2024)),
            Some(utc("2024-04-22T15:00:00Z"))
        );
        assert_eq!(
            parse("August 20, 1500 UTC", Some(2018)),
            Some(utc("2018-08-20T15:00:00Z"))
        );
        assert_eq!(parse("2024-04-30", None), Some(utc("2024-04-30T00:00:00Z")));
        assert_eq!(
            parse("Week of September 11, 2018", None),
            Some(utc("2018-09-11T00:00:00Z"))
        );
        assert_eq!(parse("sometime soon", Some(2024)), None);
    }

    #[test]
    fn time_left_reads_naturally() {
        let now = utc("2024-04-26T12:00:00Z");
        assert_eq!(
            relative(utc("2024-04-29T14:59:00Z"), now),
            "in 3 days 2 hours"
        );
        assert_eq!(
            relative(utc("2024-04-26T13:30:00Z"), now),
            "in 1 hours 30 minutes"
        );
        assert_eq!(relative(utc("2022-03-31T14:59:00Z"), now), "2 years ago");
    }
}
