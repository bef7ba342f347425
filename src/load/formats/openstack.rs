//! OpenStack: statements named by e-mail with no header; the cycle's `tc.yaml` results
//! give each candidate's name, IRC name and whether they were elected.

use std::collections::HashMap;

use serde_yaml::Value;

use super::common::scalar;
use crate::load::read::yaml_value;

/// One OpenStack TC candidate as the results file names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenStackName {
    /// The name as the results give it.
    pub fullname: String,
    /// The IRC nick, where given.
    pub ircname: Option<String>,
    /// Whether the candidate was elected, where known.
    pub elected: Option<bool>,
}

/// `tc.yaml`: every candidate's e-mail → name, IRC name and whether elected.
pub fn names(text: &str) -> HashMap<String, OpenStackName> {
    let mut names = HashMap::new();
    let Ok(value) = yaml_value(text) else {
        return names;
    };
    let Some(Value::Mapping(groups)) = value.get("candidates") else {
        return names;
    };
    for (_, list) in groups {
        let Value::Sequence(list) = list else {
            continue;
        };
        for entry in list {
            let (Some(email), Some(fullname)) = (entry.get("email"), entry.get("fullname")) else {
                continue;
            };
            names.insert(
                scalar(email).to_lowercase(),
                OpenStackName {
                    fullname: scalar(fullname),
                    ircname: entry.get("ircname").map(scalar),
                    elected: entry.get("elected").and_then(Value::as_bool),
                },
            );
        }
    }
    names
}
