//! A mailing-list archive page saved as text (pipermail): subject, author and date
//! become fields, the archive's footer is dropped.

use serde_yaml::Value;

use super::common::emails;
use super::kata::key_lines;
use crate::roster::RawCandidate;

/// A pipermail page: subject, author (` at ` for `@`), date, body, the archive's footer.
pub(super) fn parse(text: &str, fallback_name: &str) -> RawCandidate {
    let lines: Vec<&str> = text.lines().collect();
    let mut rest = lines.iter().copied().skip_while(|l| l.trim().is_empty());
    let subject = rest.next().unwrap_or_default().trim().to_string();
    let mut rest = rest.skip_while(|l| l.trim().is_empty());
    let author_line = rest.next().unwrap_or_default().trim().to_string();
    let date = rest.next().unwrap_or_default().trim().to_string();
    let body: Vec<&str> = rest.collect();
    let footer = body
        .iter()
        .rposition(|l| l.starts_with("More information about the"))
        .unwrap_or(body.len());
    let body = body[..footer].join("\n");
    let (author, author_email) = match author_line.find(" at ") {
        Some(at) => {
            let before = &author_line[..at];
            let split = before.rfind(' ').unwrap_or(0);
            (
                before[..split].trim().to_string(),
                emails(&author_line[split..]).into_iter().next(),
            )
        }
        None => (author_line.clone(), None),
    };
    let extra = vec![
        ("subject".to_string(), Value::String(subject)),
        ("author".to_string(), Value::String(author.clone())),
        ("posted".to_string(), Value::String(date)),
    ];
    let name = if author.is_empty() {
        fallback_name
    } else {
        &author
    };
    let mut c = key_lines(&body, name, extra);
    if c.emails.is_empty() {
        c.emails.extend(author_email);
    }
    c
}
