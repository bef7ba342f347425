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

/// OpenStack's releases in order, with the year and month each was released: the names of
/// the first alphabet (austin to zed), then of the second (antelope on).
const OPENSTACK_RELEASES: &[(&str, i32, u32)] = &[
    ("austin", 2010, 10),
    ("bexar", 2011, 2),
    ("cactus", 2011, 4),
    ("diablo", 2011, 9),
    ("essex", 2012, 4),
    ("folsom", 2012, 9),
    ("grizzly", 2013, 4),
    ("havana", 2013, 10),
    ("icehouse", 2014, 4),
    ("juno", 2014, 10),
    ("kilo", 2015, 4),
    ("liberty", 2015, 10),
    ("mitaka", 2016, 4),
    ("newton", 2016, 10),
    ("ocata", 2017, 2),
    ("pike", 2017, 8),
    ("queens", 2018, 2),
    ("rocky", 2018, 8),
    ("stein", 2019, 4),
    ("train", 2019, 10),
    ("ussuri", 2020, 5),
    ("victoria", 2020, 10),
    ("wallaby", 2021, 4),
    ("xena", 2021, 10),
    ("yoga", 2022, 3),
    ("zed", 2022, 10),
    ("antelope", 2023, 3),
    ("bobcat", 2023, 10),
    ("caracal", 2024, 4),
    ("dalmatian", 2024, 10),
    ("epoxy", 2025, 4),
    ("flamingo", 2025, 10),
    ("gazpacho", 2026, 4),
    ("hibiscus", 2026, 10),
];

/// When an election took place, as near as can be told, for putting elections in order:
/// its closing date, else the latest of its dates, else a year (`2025`, `2024.1`,
/// `2025-GB`) or an OpenStack release name in its folder or name.
pub fn approximate(election: &Election) -> Option<DateTime<Utc>> {
    if let Some(close) = voting_close(election) {
        return Some(close);
    }
    if let Some(latest) = of(election).into_iter().filter_map(|w| w.at).max() {
        return Some(latest);
    }
    let folder = election.folder.replace('\\', "/");
    let parts: Vec<String> = folder
        .split('/')
        .rev()
        .chain(election.name.split_whitespace())
        .map(str::to_lowercase)
        .collect();
    parts.iter().find_map(|part| named_time(part))
}

/// The time a folder or name part stands for: a release name, or a year with an optional
/// half (`2024.1`, `2024.2`) or suffix (`2025-GB`).
fn named_time(part: &str) -> Option<DateTime<Utc>> {
    let at = |year: i32, month: u32| {
        NaiveDate::from_ymd_opt(year, month, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|d| Utc.from_utc_datetime(&d))
    };
    if let Some(&(_, year, month)) = OPENSTACK_RELEASES.iter().find(|(name, ..)| *name == part) {
        return at(year, month);
    }
    let digits: String = part.chars().take_while(char::is_ascii_digit).collect();
    let year: i32 = digits.parse().ok().filter(|y| (1990..=2200).contains(y))?;
    if digits.len() != 4 {
        return None;
    }
    let rest = &part[4..];
    let month = match rest.strip_prefix('.').and_then(|r| r.parse::<u32>().ok()) {
        Some(1) => 3,
        Some(2) => 9,
        _ => 1,
    };
    at(year, month)
}

/// A time as every view shows one: in the voter's zone, with the zone:
/// `2024-04-29 16:59 +02:00`, or `2024-04-29 14:59 UTC` where the voter's zone is UTC.
pub fn shown(at: DateTime<Utc>) -> String {
    in_zone(at.with_timezone(&Local))
}

fn in_zone<Z: TimeZone>(at: DateTime<Z>) -> String
where
    Z::Offset: std::fmt::Display,
{
    use chrono::Offset;
    if at.offset().fix().local_minus_utc() == 0 {
        format!("{} UTC", at.format("%Y-%m-%d %H:%M"))
    } else {
        at.format("%Y-%m-%d %H:%M %:z").to_string()
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

    #[test]
    fn a_time_is_shown_in_one_format_with_its_zone() {
        let at = Utc.with_ymd_and_hms(2024, 4, 29, 14, 59, 0).unwrap();
        assert_eq!(in_zone(at), "2024-04-29 14:59 UTC");
        let berlin = chrono::FixedOffset::east_opt(2 * 3600).unwrap();
        assert_eq!(
            in_zone(at.with_timezone(&berlin)),
            "2024-04-29 16:59 +02:00"
        );
        let kolkata = chrono::FixedOffset::east_opt(5 * 3600 + 1800).unwrap();
        assert_eq!(
            in_zone(at.with_timezone(&kolkata)),
            "2024-04-29 20:29 +05:30"
        );
    }

    #[test]
    fn elections_are_placed_in_time_by_dates_years_or_release_names() {
        let at = |folder: &str, name: &str| {
            let election = Election {
                folder: folder.to_string(),
                name: name.to_string(),
                ..Election::default()
            };
            approximate(&election).map(|d| d.format("%Y-%m").to_string())
        };
        assert_eq!(
            at("os/candidates/antelope/TC", "antelope TC").as_deref(),
            Some("2023-03")
        );
        assert_eq!(
            at("os/candidates/zed/TC", "zed TC").as_deref(),
            Some("2022-10")
        );
        assert_eq!(
            at("os/candidates/2025.1/TC", "2025.1 TC").as_deref(),
            Some("2025-03")
        );
        assert_eq!(
            at("os/candidates/2025.2/TC", "x").as_deref(),
            Some("2025-09")
        );
        assert_eq!(
            at("elections/steering/2025-GB", "x").as_deref(),
            Some("2025-01")
        );
        assert_eq!(at("k8s/2017", "x").as_deref(), Some("2017-01"));
        assert_eq!(at("somewhere/else", "Some Election"), None);
        assert_eq!(at("x/12345", "x"), None, "not a year");
        let dated = Election {
            folder: "x/2019".to_string(),
            dates: vec![(
                "voting_close".to_string(),
                "2024-04-29T14:59:00Z".to_string(),
            )],
            ..Election::default()
        };
        assert_eq!(
            approximate(&dated)
                .map(|d| d.format("%Y-%m").to_string())
                .as_deref(),
            Some("2024-04"),
            "its own date first"
        );
    }

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
