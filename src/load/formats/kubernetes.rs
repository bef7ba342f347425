//! Kubernetes 2017–2020: `# Name` headings with `- GitHub:` / `- Employer:` bullets, and
//! the election README's table that names each statement's candidate.

use std::collections::HashMap;

use serde_yaml::Value;

use super::common::{empty, github_handle, key_bullet, link_text, place, trim_blank_lines};
use crate::roster::RawCandidate;

/// Kubernetes 2017–2020: `# Name`, then `- GitHub:` / `- Employer:` (and other) bullets.
pub(super) fn parse(text: &str, fallback_name: &str) -> RawCandidate {
    let mut c = empty(fallback_name, String::new());
    let mut body = Vec::new();
    let mut named = false;
    let mut in_bullets = true;
    for line in text.lines() {
        if !named && line.starts_with("# ") {
            let (name, url) = link_text(line[2..].trim());
            c.name = name;
            if let Some(handle) = url
                .filter(|u| u.contains("github.com/"))
                .and_then(|u| github_handle(&u))
            {
                c.links.push(("github".to_string(), handle));
            }
            named = true;
            continue;
        }
        if named && in_bullets {
            if let Some((k, v)) = key_bullet(line, 2, &[]) {
                place(&mut c, k, Value::String(v.to_string()));
                continue;
            }
            if !line.trim().is_empty() {
                in_bullets = false;
            }
        }
        body.push(line);
    }
    c.statement = trim_blank_lines(&body.join("\n"));
    c
}

/// A candidate as an election's README lists them: a table row whose first cell links to
/// the statement file (`[Name](name_bio.md) | Employer | [@handle](…)`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// The name as the officials wrote it.
    pub name: String,
    /// The second cell, where it is plain text.
    pub affiliation: Option<String>,
    /// A `@handle` in a later cell.
    pub handle: Option<String>,
}

/// The candidates an election README's table lists, by the lower-case file name each row
/// links to. Rows that link anywhere else (a web page, another folder) are no listing.
pub fn listed(readme: &str) -> HashMap<String, Listed> {
    let mut out = HashMap::new();
    for line in readme.lines().filter(|l| l.contains('|')) {
        let cells: Vec<&str> = line
            .split('|')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        let Some(first) = cells.first() else {
            continue;
        };
        let (name, Some(target)) = link_text(first) else {
            continue;
        };
        let local = !target.contains("://") && !target.contains('/') && !target.is_empty();
        if !local || name.is_empty() {
            continue;
        }
        let affiliation = cells
            .get(1)
            .filter(|c| !c.contains('[') && !c.starts_with('@'))
            .map(|c| (*c).to_string());
        let handle = cells.iter().skip(1).find_map(|c| {
            let text = link_text(c).0;
            text.strip_prefix('@').map(str::to_string)
        });
        out.insert(
            target.to_lowercase(),
            Listed {
                name,
                affiliation,
                handle,
            },
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_readme_table_lists_each_statement_file_with_its_candidate() {
        let readme = "Name | Organization | GitHub\n---|---|---\n\
            [Justin Santa Barbara](vote_for_justinsb.md)\t|\tIndependent | [@justinsb](https://github.com/justinsb)\n\
            [Phillip Wittrock](pwittrock_bio.md) |\tGoogle | \t[@pwittrock](https://github.com/pwittrock)\n\
            [Elsewhere](https://example.org/x.md) | Nope | [@no](https://github.com/no)\n";
        let found = listed(readme);
        assert_eq!(found.len(), 2, "{found:?}");
        let justin = &found["vote_for_justinsb.md"];
        assert_eq!(justin.name, "Justin Santa Barbara");
        assert_eq!(justin.affiliation.as_deref(), Some("Independent"));
        assert_eq!(justin.handle.as_deref(), Some("justinsb"));
        assert_eq!(found["pwittrock_bio.md"].name, "Phillip Wittrock");
    }
}
