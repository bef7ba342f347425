//! The candidate finder: reads a published document (through [`super::document`]) and
//! decides from what it holds, not from its file's name, whether it is one candidate's
//! statement, a document of many (a section, a table row or a list item each), or no
//! candidate at all (a template, a page that renders a data file), and says why.

pub mod data;
mod facts;
mod many;
pub mod names;
mod nominee;

use super::document::{self, Document, Kind, Markup};
use crate::roster::{Layout, RawCandidate, ReadHint};
use crate::text::trim_blank_lines;
pub use facts::Facts;
use names::Person;
use nominee::{Nominee, github_handle};
pub use nominee::{is_note, without_notes};

/// How one document was read.
#[derive(Debug, Default)]
pub struct Reading {
    /// Its candidates, in document order.
    pub candidates: Vec<RawCandidate>,
    /// What it says of its election.
    pub facts: Facts,
    /// How it was read, for `check --explain`: "7 candidates from the table under 'Nominees'".
    pub how: String,
    /// Why it holds no candidate, when it holds none.
    pub left_out: Option<String>,
    /// Whether it holds several candidates: a document that is an election of its own.
    pub many: bool,
    /// The data a page renders (`site.data.candidates` → `candidates`): its election's file.
    pub renders: Option<String>,
}

/// The data a Liquid or Jinja page loops over: `{% for p in site.data.candidates %}`.
fn rendered_data(text: &str) -> Option<String> {
    let find = |tag: &str| memchr::memmem::find(text.as_bytes(), tag.as_bytes());
    let at = find("{% for ").or_else(|| find("{%- for "))?;
    let tag = &text[at..];
    let tag = &tag[..tag.find("%}")?];
    let source = tag.split(" in ").nth(1)?.split_whitespace().next()?;
    let name = source.rsplit('.').next()?;
    (!name.is_empty()).then(|| name.to_string())
}

/// Reads `text` (from a file named `file_name`) and finds its candidates; `fallback_name`
/// names a lone candidate the text does not name.
pub fn find(text: &str, file_name: &str, fallback_name: &str) -> Reading {
    find_as(text, file_name, fallback_name, None)
}

/// As [`find`], reading the candidates where `told` (from `election.yaml`) says they are.
pub fn find_as(
    text: &str,
    file_name: &str,
    fallback_name: &str,
    told: Option<&ReadHint>,
) -> Reading {
    let mut reading = find_in(text, file_name, fallback_name, told);
    if told.is_some() {
        reading.how.push_str(" (as election.yaml says)");
    }
    reading
}

/// Whether Markdown `text` cannot hold more than one candidate, nor name one: no heading
/// (ATX, setext or HTML), no table, no front matter, no template loop. Such a document is one
/// candidate's statement, named by its file, whatever lists and quotes it holds: it needs no
/// parse to say so.
fn unstructured(text: &str) -> bool {
    let first = text.lines().next().unwrap_or("").trim_end();
    if first == "---" || first == "+++" || text.contains(['|', '{']) {
        return false;
    }
    // An HTML heading or table (`<h3>`, `<table>`), not an address in brackets (`<https:`).
    let bytes = text.as_bytes();
    let lower_tags = memchr::memchr_iter(b'<', bytes).any(|at| {
        let tag = &bytes[at + 1..bytes.len().min(at + 6)];
        matches!(tag, [b'h' | b'H', b'1'..=b'6', ..])
            || tag.len() >= 5 && tag[..5].eq_ignore_ascii_case(b"table")
    });
    if lower_tags {
        return false;
    }
    let mut previous_blank = true;
    for line in text.lines() {
        let t = line.trim_start();
        let indent = line.len() - t.len();
        // A heading, or a line of bold words that may stand as one.
        if indent <= 3 && (t.starts_with('#') || t.starts_with("**") || t.starts_with("__")) {
            return false;
        }
        // A setext underline under a line of words makes a heading.
        let underline = !t.is_empty()
            && (t.trim_end().bytes().all(|b| b == b'=') || t.trim_end().bytes().all(|b| b == b'-'));
        if underline && !previous_blank && indent <= 3 {
            return false;
        }
        previous_blank = t.is_empty();
    }
    true
}

fn find_in(text: &str, file_name: &str, fallback_name: &str, told: Option<&ReadHint>) -> Reading {
    let markup = Markup::of(file_name);
    if told.is_none() && markup == Markup::Markdown && unstructured(text) {
        return one(&Document::unstructured(), text, fallback_name, None);
    }
    let doc = document::read(text, markup);
    if let Some(hint) = told {
        let where_told = many::Told {
            under: hint.under.as_deref(),
            name: hint.name.as_deref(),
        };
        let many = match hint.candidates {
            Layout::Sections => many::sections(
                &doc,
                text,
                &names::Listed::default(),
                Some(hint.level.unwrap_or(3)),
            )
            .map(Found::sections),
            Layout::Table => many::table(&doc, where_told).map(Found::table),
            Layout::List => many::list(&doc, where_told).map(Found::list),
            Layout::File => return one(&doc, text, fallback_name, hint.name.as_deref()),
        };
        return match many {
            Some(found) if !found.found.is_empty() => {
                read_many(&doc, text, &names::Listed::default(), found)
            }
            _ => Reading {
                how: "no candidate where election.yaml says they are".to_string(),
                left_out: Some("no candidate where election.yaml says they are".to_string()),
                facts: facts::facts(&doc, text),
                ..Reading::default()
            },
        };
    }
    if let Some(data) = rendered_data(text) {
        return Reading {
            how: format!(
                "a page that renders the data '{data}' ({{% for %}}): it describes the election"
            ),
            left_out: Some(format!(
                "a page that renders the data '{data}': it describes the election, no candidate"
            )),
            facts: facts::facts(&doc, text),
            renders: Some(data),
            ..Reading::default()
        };
    }
    let listed = many::listed(&doc);
    // Sections hold their candidates' statements; a table or a list only names them.
    let many = many::sections(&doc, text, &listed, None)
        .filter(|s| {
            with_evidence(&s.found, &listed, text)
                || about_candidates(&doc, file_name) && mostly_people(&doc, s.level, s.found.len())
        })
        .map(Found::sections)
        .or_else(|| many::table(&doc, many::Told::default()).map(Found::table))
        .or_else(|| many::list(&doc, many::Told::default()).map(Found::list));
    if let Some(found) = many {
        return read_many(&doc, text, &listed, found);
    }
    // One candidate's document says nothing of the election that a README would not.
    one(&doc, text, fallback_name, None)
}

/// Sections are people's where most carry what a candidate's section has: a handle, a photo,
/// profile fields, a link on the name, or the document's own list naming them.
fn with_evidence(found: &[Nominee], listed: &names::Listed, text: &str) -> bool {
    let first = found.first().map_or(0, |n| n.span.start);
    // Names met in the introduction are evidence; looked for only where that stays cheap.
    let intro = text
        .get(..first)
        .filter(|intro| intro.len().saturating_mul(found.len()) <= 1 << 26)
        .unwrap_or("");
    let evidence = found
        .iter()
        .filter(|n| {
            n.nick.is_some()
                || !n.links.is_empty()
                || n.affiliation.is_some()
                || listed.contains(&n.name)
                || intro.contains(&n.name)
        })
        .count();
    found.len() >= 2 && evidence * 2 >= found.len()
}

/// How sections at `level` are named in an account of the reading.
fn sections_named(level: u8) -> String {
    if level > 6 {
        "its lines of bold names".to_string()
    } else {
        format!("its level-{level} headings")
    }
}

/// Whether a document says it is about candidates: its title (front matter, first heading)
/// or its file's name speaks of candidates, nominees, an election or a ballot.
fn about_candidates(doc: &Document, file_name: &str) -> bool {
    let heading = doc.headings().next().map(|(_, _, t)| t.text.clone());
    [
        doc.front("title").map(str::to_string),
        heading,
        Some(file_name.to_string()),
    ]
    .into_iter()
    .flatten()
    .any(|t| {
        let l = t.to_lowercase();
        [
            "candidate",
            "nominee",
            "nomination",
            "election",
            "ballot",
            "meet the",
        ]
        .iter()
        .any(|w| l.contains(w))
    })
}

/// Whether the headings of `level` are mostly people's: `people` of them, two thirds at least.
fn mostly_people(doc: &Document, level: u8, people: usize) -> bool {
    let all = doc.headings().filter(|(_, l, _)| *l == level).count();
    people >= 2 && people * 3 >= all * 2
}

/// Candidates found in a document of many: where from, whether their statements are there,
/// and the document's closing words after the last of them.
struct Found {
    from: String,
    found: Vec<Nominee>,
    statements_here: bool,
    closing: Option<String>,
}

impl Found {
    fn sections(s: many::Sections) -> Found {
        Found {
            from: sections_named(s.level),
            found: s.found,
            statements_here: true,
            closing: s.closing,
        }
    }

    fn table(under: (String, Vec<Nominee>)) -> Found {
        Found::naming("table", under)
    }

    fn list(under: (String, Vec<Nominee>)) -> Found {
        Found::naming("list", under)
    }

    /// Nominees a `what` (a table, a list) under `heading` names, their statements elsewhere.
    fn naming(what: &str, (heading, found): (String, Vec<Nominee>)) -> Found {
        Found {
            from: format!("the {what} under '{heading}'"),
            found,
            statements_here: false,
            closing: None,
        }
    }
}

fn read_many(doc: &Document, text: &str, listed: &names::Listed, found: Found) -> Reading {
    let Found {
        from,
        found,
        statements_here,
        closing,
    } = found;
    let mut facts = facts::facts(doc, text);
    let first = found.first().map_or(text.len(), |n| n.span.start);
    // What comes before the candidates describes the election, where it says more than a
    // title and a list of names.
    let intro = doc.written(text, doc.body_start..first);
    let intro = intro.trim();
    let says_something =
        doc.blocks.iter().take_while(|b| b.span.start < first).any(
            |b| matches!(&b.kind, Kind::Paragraph(p) if p.text.split_whitespace().count() >= 10),
        );
    if says_something {
        facts.description = Some(intro.to_string());
    }
    if let Some(closing) = closing {
        facts.description = Some(match facts.description.take() {
            Some(before) => format!("{before}\n\n{closing}"),
            None => closing,
        });
    }
    let mut how = format!("a document; {} candidates from {from}", found.len());
    if facts.results.is_some() {
        how.push_str("; 'Results' kept as the election's results");
    }
    let mut warnings = Vec::new();
    let found_keys: std::collections::HashSet<String> =
        found.iter().map(|n| names::key(&n.name)).collect();
    for name in &listed.names {
        if !found_keys.contains(&names::key(name)) {
            warnings.push(format!(
                "'{name}' is listed among the candidates, but no section, row or item of theirs was found"
            ));
        }
    }
    let where_from = format!("the election's document ({from})");
    let where_from = (!statements_here).then_some(where_from.as_str());
    let mut candidates: Vec<RawCandidate> =
        found.into_iter().map(|n| n.into_raw(where_from)).collect();
    if let Some(first) = candidates.first_mut() {
        first.warnings = warnings;
    }
    Reading {
        candidates,
        facts,
        how,
        many: true,
        ..Reading::default()
    }
}

/// A document of one candidate: named by a front-matter name, a `Candidate` section's first
/// line, a first heading that is a name, in that order; the file name last.
fn one(doc: &Document, text: &str, fallback_name: &str, told_name: Option<&str>) -> Reading {
    let mut nominee = Nominee::default();
    let body = doc.written(text, doc.body_start..text.len());
    let keys: Vec<&str> = match told_name {
        Some(key) => vec![key],
        None => vec!["name", "candidate", "nominee", "full_name"],
    };
    let (name, how) = if let Some(name) = keys.iter().find_map(|k| doc.front(k)) {
        (Some(name.to_string()), "named by its front matter")
    } else if let Some(name) = told_name.and_then(|key| key_line(doc, key)) {
        (Some(name), "named by its field")
    } else if let Some(name) = candidate_section(doc, &mut nominee) {
        (Some(name), "named by its 'Candidate' section")
    } else if let Some(name) = doc.blocks.first().and_then(|b| match &b.kind {
        // A statement that opens with a name heads itself with it.
        Kind::Heading(level, t) if *level <= 2 => names::person(&t.text),
        _ => None,
    }) {
        (Some(name.name), "named by its first heading")
    } else {
        (
            None,
            "named by its file name: nothing in it names the candidate",
        )
    };
    if let Some(name) = name.as_deref().filter(|n| names::placeholder(n)) {
        let left = format!("a template: its candidate is the stand-in '{name}'");
        return Reading {
            how: left.clone(),
            left_out: Some(left),
            ..Reading::default()
        };
    }
    nominee.name = name.unwrap_or_else(|| fallback_name.to_string());
    nominee.statement = trim_blank_lines(&body);
    let raw = nominee.into_raw(None);
    Reading {
        candidates: vec![raw],
        how: format!("one candidate's statement, {how}"),
        ..Reading::default()
    }
}

/// The value of a `Key: value` line (a paragraph's first words, or a list item) for `key`.
fn key_line(doc: &Document, key: &str) -> Option<String> {
    doc.blocks.iter().find_map(|b| {
        let texts: Vec<&str> = match &b.kind {
            Kind::Paragraph(p) => vec![p.text.as_str()],
            Kind::List(items) => items.iter().map(|i| i.words.text.as_str()).collect(),
            _ => Vec::new(),
        };
        texts.into_iter().find_map(|t| {
            let (k, v) = t.split_once(':')?;
            let v = v.trim();
            (k.trim().eq_ignore_ascii_case(key) && !v.is_empty()).then(|| v.to_string())
        })
    })
}

/// A section headed "Candidate" or "Nominee" (Hiero's `### Candidate`): its first line is the
/// candidate's name, then a handle or a link.
fn candidate_section(doc: &Document, nominee: &mut Nominee) -> Option<String> {
    let (i, _, _) = doc.headings().find(|(_, _, t)| {
        let l = t.text.to_lowercase();
        matches!(
            l.as_str(),
            "candidate" | "nominee" | "the candidate" | "the nominee" | "name"
        )
    })?;
    let Kind::Paragraph(p) = &doc.blocks.get(i + 1)?.kind else {
        return None;
    };
    let cut = [" - ", " – ", " — ", ", ", " (", " ["]
        .iter()
        .filter_map(|s| p.text.find(s))
        .min()
        .unwrap_or(p.text.len());
    let person = names::person(&p.text[..cut]).or_else(|| {
        // A stand-in is named as such, so that the file is left out as a template.
        let words = p.text[..cut].trim();
        names::placeholder(words).then(|| Person {
            name: words.to_string(),
            ..Person::default()
        })
    })?;
    for link in &p.links {
        match github_handle(&link.url).filter(|_| link.url.contains("github.com/")) {
            Some(handle) => nominee.links.push(("github".to_string(), handle)),
            None => nominee.links.push(("link".to_string(), link.url.clone())),
        }
    }
    Some(person.name)
}

#[cfg(test)]
mod tests;
