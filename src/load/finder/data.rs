//! Data files that hold an election's people: a list (or a table) of records, one per
//! nominee, whatever their keys are called (`name`, `affil`, `bio`); and those that hold
//! other people, such as the voters.

use serde_yaml::Value;

use super::names;
use super::nominee::Nominee;
use crate::roster::RawCandidate;

/// What a data file holds.
pub enum Data {
    /// Nominees, one per record.
    Nominees(Vec<RawCandidate>),
    /// Something else, with what it is.
    Other(&'static str),
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The records of a value: a list of maps, or the one list of maps a map holds.
fn records(value: &Value) -> Option<&Vec<Value>> {
    match value {
        Value::Sequence(items) if items.iter().all(Value::is_mapping) && !items.is_empty() => {
            Some(items)
        }
        Value::Mapping(map) => {
            let lists: Vec<&Vec<Value>> = map.values().filter_map(records).collect();
            match lists.as_slice() {
                [one] => Some(one),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Reads a data file's value: nominees where its records have names, voters where its one
/// list is under a key about voters; `None` where it is neither (a broken candidate file
/// keeps its own error).
pub fn read(value: &Value) -> Option<Data> {
    if let Value::Mapping(map) = value
        && map.keys().any(|k| {
            k.as_str()
                .is_some_and(|k| k.to_lowercase().contains("voter"))
        })
    {
        return Some(Data::Other("a list of voters"));
    }
    let records = records(value)?;
    let mut out = Vec::new();
    for record in records {
        let Value::Mapping(map) = record else {
            continue;
        };
        let field = |keys: &[&str]| {
            map.iter().find_map(|(k, v)| {
                let k = k.as_str()?.to_lowercase();
                keys.contains(&k.as_str()).then(|| text(v)).flatten()
            })
        };
        let name = field(&["name", "full_name", "fullname", "nominee", "candidate"])?;
        if names::placeholder(&name) {
            continue;
        }
        let mut nominee = Nominee {
            name: name.trim().to_string(),
            ..Nominee::default()
        };
        for (k, v) in map {
            let (Some(key), Some(value)) = (k.as_str(), text(v)) else {
                continue;
            };
            let lower = key.to_lowercase();
            if ["name", "full_name", "fullname", "nominee", "candidate"].contains(&lower.as_str()) {
                continue;
            }
            let words = super::super::document::Inline {
                text: value.clone(),
                links: if value.starts_with("http") {
                    vec![super::super::document::Link {
                        text: value.clone(),
                        url: value.clone(),
                    }]
                } else {
                    Vec::new()
                },
                images: Vec::new(),
            };
            let key = if lower == "affil" { "affiliation" } else { key };
            nominee.field(key, &words);
        }
        out.push(nominee.into_raw(Some("the election's data file")));
    }
    Some(if out.is_empty() {
        Data::Other("a template: its records are stand-ins")
    } else {
        Data::Nominees(out)
    })
}
