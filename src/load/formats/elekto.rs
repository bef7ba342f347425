//! Elekto (Kubernetes 2021 on): a dashed YAML header (`name`, `ID`, `info`) over the
//! statement, and Elekto's own `election.yaml`.

use serde_yaml::Value;

use super::common::{empty, is_dash_line, place, scalar, trim_blank_lines};
use crate::load::read::yaml_value;
use crate::roster::{RawCandidate, RawElection};

/// Elekto's profile: the first dashed block is a YAML header (delimiters of any length, tabs
/// after colons, blank lines); a later `---` rule belongs to the body.
pub(super) fn parse(text: &str, fallback_name: &str) -> RawCandidate {
    let lines: Vec<&str> = text.lines().collect();
    let Some(open) = lines.iter().position(|l| !l.trim().is_empty()) else {
        return empty(fallback_name, String::new());
    };
    let close = if is_dash_line(lines[open]) {
        lines[open + 1..]
            .iter()
            .position(|l| is_dash_line(l))
            .map(|i| open + 1 + i)
    } else {
        None
    };
    let Some(close) = close else {
        return super::plain::parse(text, fallback_name);
    };
    let header = lines[open + 1..close]
        .iter()
        .map(|l| l.replace('\t', " "))
        .collect::<Vec<_>>()
        .join("\n");
    let body = lines[close + 1..].join("\n");
    let mut c = empty(fallback_name, trim_blank_lines(&body));
    let map = match yaml_value(&header) {
        Ok(Value::Mapping(map)) => map,
        other => {
            // A header that is not YAML (or refused by the scan) is kept, whole, and said.
            // The header's first line is the line after the opening dashes.
            let why = match other {
                Err(problem) => problem.at(open + 2),
                Ok(_) => "not a mapping of keys".to_string(),
            };
            c.warnings.push(format!(
                "the header cannot be read ({why}); it is kept as the field `header`"
            ));
            c.extra.push(("header".to_string(), Value::String(header)));
            return c;
        }
    };
    for (key, value) in map {
        let key = scalar(&key);
        match key.to_ascii_lowercase().as_str() {
            "name" => c.name = scalar(&value),
            "info" => info(&mut c, value),
            _ => c.extra.push((key, value)),
        }
    }
    c
}

/// Elekto's `info`: a list of one-key maps or a plain map, into links, affiliation, extra.
fn info(c: &mut RawCandidate, value: Value) {
    let pairs: Vec<(Value, Value)> = match value {
        Value::Mapping(map) => map.into_iter().collect(),
        Value::Sequence(items) => items
            .into_iter()
            .flat_map(|item| match item {
                Value::Mapping(map) => map.into_iter().collect::<Vec<_>>(),
                other => vec![(Value::String("info".into()), other)],
            })
            .collect(),
        other => vec![(Value::String("info".into()), other)],
    };
    for (key, value) in pairs {
        place(c, &scalar(&key), value);
    }
}

/// Elekto's `election.yaml`, in our terms (the rest kept as extra fields).
pub fn election(value: Value) -> Option<RawElection> {
    let Value::Mapping(map) = value else {
        return None;
    };
    let is_elekto = map.contains_key("start_datetime") || map.contains_key("no_winners");
    if !is_elekto {
        return None;
    }
    let mut e = RawElection::default();
    for (key, value) in map {
        let key = scalar(&key);
        let text = scalar(&value);
        match key.as_str() {
            "name" => e.name = Some(text),
            "organization" => e.project = Some(text),
            "no_winners" => e.seats = text.parse().ok(),
            "allow_no_opinion" => {
                e.allow_no_opinion = match text.to_lowercase().as_str() {
                    "true" | "yes" => Some(true),
                    "false" | "no" => Some(false),
                    _ => None,
                }
            }
            "start_datetime" => e.dates.push(("voting_open".to_string(), text)),
            "end_datetime" => e.dates.push(("voting_close".to_string(), text)),
            "exception_due" => e.dates.push(("exceptions_due".to_string(), text)),
            // How Elekto keeps its data and which fields it shows: nothing a voter weighs.
            "delete_after" | "show_candidate_fields" => {}
            _ => e.extra.push((key, value)),
        }
    }
    Some(e)
}
