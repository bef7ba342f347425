//! A candidate as a document gives one (a section, a row, an item, a record), and the
//! fields beside the name put where a reader expects them.

use serde_yaml::Value;

use super::super::document::{Block, Inline, Kind};
use super::names::Person;
use crate::roster::RawCandidate;

/// A candidate as a document gives one, before it is a [`RawCandidate`].
#[derive(Debug, Default)]
pub(super) struct Nominee {
    pub(super) name: String,
    pub(super) nick: Option<String>,
    pub(super) affiliation: Option<String>,
    pub(super) emails: Vec<String>,
    pub(super) links: Vec<(String, String)>,
    pub(super) extra: Vec<(String, String)>,
    pub(super) statement: String,
    /// Where the statement is, when it is not in the document.
    pub(super) elsewhere: Option<(String, String)>,
    /// Where the candidate stands in the source.
    pub(super) span: std::ops::Range<usize>,
}

impl Nominee {
    pub(super) fn named(person: Person) -> Nominee {
        Nominee {
            name: person.name,
            nick: person.nick,
            affiliation: person.affiliation,
            ..Nominee::default()
        }
    }

    /// A field the document gives beside the name (a bullet, a table column), put where a
    /// reader expects it; one it does not know is kept under its own key.
    pub(super) fn field(&mut self, key: &str, value: &Inline) {
        let k = key.to_lowercase();
        let shown = value.text.trim().to_string();
        // A bare address is a link too.
        let bare = (shown.starts_with("https://") || shown.starts_with("http://"))
            && !shown.contains(char::is_whitespace);
        let url = value
            .links
            .first()
            .map(|l| l.url.clone())
            .or_else(|| bare.then(|| shown.clone()));
        let only_a_link = bare || matches!(value.links.as_slice(), [l] if l.text == shown);
        if k.contains("github") || k == "handle" {
            match github_handle(url.as_deref().unwrap_or(&shown)) {
                Some(handle) => self.links.push(("github".to_string(), handle)),
                None => self.extra.push((key.to_string(), shown)),
            }
        } else if [
            "company",
            "employer",
            "affiliation",
            "organization",
            "organisation",
        ]
        .iter()
        .any(|w| k == *w || k.ends_with(&format!(" {w}")))
        {
            self.affiliation = Some(shown);
            if let Some(url) = url {
                self.links.push(("company".to_string(), url));
            }
        } else if k.contains("mail") {
            self.emails.extend(
                shown
                    .split([',', ' ', ';'])
                    .filter(|e| e.contains('@'))
                    .map(|e| {
                        e.trim_matches(['<', '>', '(', ')'])
                            .trim_start_matches("mailto:")
                            .to_string()
                    }),
            );
        } else if [
            "rationale",
            "statement",
            "platform",
            "nomination",
            "why",
            "bio",
        ]
        .iter()
        .any(|w| k.contains(w))
        {
            match (&url, only_a_link || shown.is_empty()) {
                (Some(url), true) => self.elsewhere = Some((key.to_lowercase(), url.clone())),
                _ => {
                    if !self.statement.is_empty() {
                        self.statement.push_str("\n\n");
                    }
                    self.statement.push_str(&shown);
                    self.statement.push('\n');
                }
            }
        } else if let Some(url) = url.filter(|_| only_a_link) {
            self.links.push((key.to_lowercase(), url));
        } else if !shown.is_empty() {
            self.extra.push((key.to_string(), shown));
        }
    }

    /// The candidate; `where_from` (a table, a list: no statement is expected there) names
    /// where a nominee with no statement is named, for the pane to say so; `None` leaves an
    /// empty statement empty, for `check` to say so.
    pub(super) fn into_raw(self, where_from: Option<&str>) -> RawCandidate {
        let mut statement = self.statement;
        let mut links = self.links;
        match self.elsewhere {
            // Where the document holds no statement, the pane says where it is.
            Some((_, url)) if statement.trim().is_empty() => {
                statement = format!("{ELSEWHERE} It is at <{url}>.\n");
                links.push(("statement".to_string(), url));
            }
            Some(link) => links.push(link),
            None if statement.trim().is_empty() && where_from.is_some() => {
                let where_from = where_from.unwrap_or_default();
                statement = format!("{UNWRITTEN} {where_from} names this nominee.\n");
            }
            None => {}
        }
        if let Some(nick) = &self.nick {
            links.push(("nick".to_string(), nick.clone()));
        }
        RawCandidate {
            name: self.name,
            emails: self.emails,
            affiliation: self.affiliation.filter(|a| !a.is_empty()),
            links,
            statement,
            extra: self
                .extra
                .into_iter()
                .map(|(k, v)| (k, Value::String(v)))
                .collect(),
            questions: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

/// How a nominee's statement starts where the statement is elsewhere (a link).
pub const ELSEWHERE: &str = "The statement is not in the election's files.";
/// How it starts where the election's files name the nominee and give no statement.
pub const UNWRITTEN: &str = "No statement in the election's files:";

/// Whether a line of a statement is one the finder wrote (saying where the statement is),
/// not the candidate.
pub fn is_note(line: &str) -> bool {
    line.starts_with(ELSEWHERE) || line.starts_with(UNWRITTEN)
}

/// A statement with each of the finder's notes reduced to the address it gives (nothing
/// where it gives none): the words left are those taken from the source.
pub fn without_notes(statement: &str) -> String {
    statement
        .lines()
        .map(|l| match is_note(l) {
            true => l
                .rsplit_once('<')
                .map_or("", |(_, url)| url.trim_end_matches(">.")),
            false => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A GitHub handle from a github.com address, `@handle` or a bare handle.
pub(super) fn github_handle(value: &str) -> Option<String> {
    let v = value.trim();
    let handle = match v.find("github.com/") {
        Some(i) => v[i + "github.com/".len()..].split(['/', '?', '#']).next()?,
        None => v.trim_start_matches('@'),
    };
    let ok = !handle.is_empty()
        && handle.len() <= 39
        && handle
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-');
    ok.then(|| handle.to_string())
}

/// Fields at the top of a candidate's section or statement: a photo, `- Company: …` bullets,
/// `Key: value` lines. Puts them in `nominee`; gives where the statement starts (`None`:
/// the section is fields only).
pub(super) fn fields_from(body: &[&Block], text: &str, nominee: &mut Nominee) -> Option<usize> {
    for block in body {
        match &block.kind {
            Kind::Paragraph(p) | Kind::Html(p) if p.text.is_empty() && !p.images.is_empty() => {
                nominee
                    .links
                    .extend(p.images.iter().map(|i| ("photo".to_string(), i.clone())));
            }
            // Profile bullets are fields; the statement starts at the first that is not one.
            Kind::List(items)
                if items
                    .first()
                    .is_some_and(|i| key_value(&i.words.text).is_some()) =>
            {
                for item in items {
                    match key_value(&item.words.text) {
                        Some((key, _)) => nominee.field(key, &after_key(&item.words)),
                        None => return Some(item.span.start),
                    }
                }
            }
            _ => return text.get(block.span.start..).map(|_| block.span.start),
        }
    }
    None
}

/// Whether `blocks` open with a profile: photos, then a bullet of a company, employer,
/// affiliation or GitHub handle.
pub(super) fn profile_follows(blocks: &[Block]) -> bool {
    let first = blocks.iter().find(|b| {
        !matches!(&b.kind, Kind::Paragraph(p) | Kind::Html(p) if p.text.is_empty() && !p.images.is_empty())
    });
    let Some(Block {
        kind: Kind::List(items),
        ..
    }) = first
    else {
        return false;
    };
    items.iter().any(|i| {
        key_value(&i.words.text).is_some_and(|(k, _)| {
            let k = k.to_lowercase();
            ["company", "employer", "affiliation", "github"]
                .iter()
                .any(|w| k.contains(w))
        })
    })
}

/// `Key: value` with a key of at most three plain words.
fn key_value(line: &str) -> Option<(&str, &str)> {
    let (k, v) = line.split_once(':')?;
    let k = k.trim();
    let plain = !k.is_empty()
        && k.split_whitespace().count() <= 3
        && k.chars()
            .all(|c| c.is_alphanumeric() || " -_/()&.'".contains(c))
        && !k.contains("http");
    plain.then(|| (k, v.trim()))
}

/// An item's words after its `Key:`, links kept.
fn after_key(words: &Inline) -> Inline {
    let text = words
        .text
        .split_once(':')
        .map_or("", |(_, v)| v)
        .trim()
        .to_string();
    Inline {
        text,
        links: words.links.clone(),
        images: words.images.clone(),
    }
}
