//! OpenStack: statements named by e-mail with no header; the cycle's `tc.yaml` results
//! give each candidate's name, IRC name and whether they were elected.

use std::collections::HashMap;

use serde_yaml::Value;

use super::common::scalar;
use crate::load::read::{YamlProblem, yaml_value};

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

/// `tc.yaml`: every candidate's e-mail → name, IRC name and whether elected; or why the
/// file could not be read (a refused or broken file, said with its position).
pub fn names(text: &str) -> Result<HashMap<String, OpenStackName>, YamlProblem> {
    let mut names = HashMap::new();
    let value = yaml_value(text)?;
    let Some(Value::Mapping(groups)) = value.get("candidates") else {
        return Ok(names);
    };
    for (_, list) in groups {
        let Value::Sequence(list) = list else {
            continue;
        };
        for entry in list {
            let (Some(email), Some(fullname)) = (entry.get("email"), entry.get("fullname")) else {
                continue;
            };
            let found = OpenStackName {
                fullname: scalar(fullname),
                ircname: entry.get("ircname").map(scalar),
                elected: entry.get("elected").and_then(Value::as_bool),
            };
            // Older cycles name the statement file by IRC nick (`amrith.txt`), newer ones by
            // e-mail: the row's url gives the file either way.
            if let Some(file) = entry
                .get("url")
                .map(scalar)
                .and_then(|url| url.rsplit('/').next().map(str::to_lowercase))
                .filter(|file| !file.is_empty())
            {
                names.insert(file, found.clone());
            }
            names.insert(scalar(email).to_lowercase(), found);
        }
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_name_statements_by_email_and_by_the_file_their_url_names() {
        let found = names(
            "candidates:\n  TC:\n  - elected: true\n    email: amrith@tesora.com\n    fullname: Amrith Kumar\n    ircname: amrith\n    url: https://git.openstack.org/cgit/openstack/election/plain/candidates/ocata/TC/amrith.txt\n",
        )
        .unwrap();
        assert_eq!(found["amrith.txt"].fullname, "Amrith Kumar");
        assert_eq!(found["amrith@tesora.com"].fullname, "Amrith Kumar");
        assert_eq!(found["amrith.txt"].elected, Some(true));
    }
}
