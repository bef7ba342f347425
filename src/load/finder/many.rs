//! A document of many candidates: a section each (the heading level whose headings are
//! people), a row each of a nominee table, or an item each of a nominee list.

use super::super::document::{Block, Document, Inline, Kind};
use super::names::{self, Listed, Person};
use super::nominee::{Nominee, fields_from, profile_follows};

const NOMINEE_WORDS: &[&str] = &[
    "nominee",
    "candidate",
    "nomination",
    "ballot",
    "running",
    "standing",
];
const RESULT_WORDS: &[&str] = &[
    "result",
    "elected",
    "tally",
    "matrix",
    "winner",
    "elimination",
    "votes",
];

/// Whether a heading's title holds one of `words`.
fn about(title: &str, words: &[&str]) -> bool {
    let l = title.to_lowercase();
    words.iter().any(|w| l.contains(w))
}

/// Heading words that put a table or list among the nominees, and those that put it among
/// the results.
fn about_nominees(title: &str) -> bool {
    about(title, NOMINEE_WORDS) && !about(title, &["withdrawn"])
}

fn about_results(title: &str) -> bool {
    about(title, RESULT_WORDS)
}

/// The candidates as sections: at the heading level with the most people's names (two at
/// least), each such heading opens a candidate's section, which runs to the next heading of
/// its level or above. `listed` (names the document lists itself) makes a heading at that
/// level a candidate even where its words do not read as a name.
/// With `told` (from `election.yaml`), every heading at that level is someone's.
///
/// Where a rule closes every section but the last, the last closes at its last rule too, and
/// what follows it (the post's closing words) is returned apart: the election's, not theirs.
pub fn sections(doc: &Document, text: &str, listed: &Listed, told: Option<u8>) -> Option<Sections> {
    // A heading whose section opens with a profile (`- Company:`, `- GitHub:`) is someone's,
    // whatever the name looks like ("A B").
    let is_candidate = |i: usize, title: &Inline| {
        if told.is_some() {
            return !title.text.is_empty() && !names::placeholder(&title.text);
        }
        is_candidate_heading(title, listed)
            || (!names::placeholder(&title.text)
                && title.text.split_whitespace().count() <= 6
                && profile_follows(&doc.blocks[i + 1..]))
    };
    let mut best: Option<(u8, usize)> = told.map(|level| (level, 0));
    // Bold lines standing as headings count only where no heading level holds people.
    for level in 1..=7u8 {
        if level == 7 && best.is_some() {
            break;
        }
        let people = doc
            .headings()
            .filter(|(i, l, t)| *l == level && is_candidate(*i, t))
            .count();
        if told.is_none() && people >= 2 && best.is_none_or(|(_, n)| people > n) {
            best = Some((level, people));
        }
    }
    let (level, _) = best?;
    // Each candidate's heading and where the section ends.
    let mut spans: Vec<(usize, &Inline, usize)> = doc
        .headings()
        .filter(|(i, l, title)| *l == level && is_candidate(*i, title))
        .map(|(i, _, title)| (i, title, doc.section_end(i, text.len())))
        .collect();
    let closing = closing_rule(doc, &spans).map(|(rule, after)| {
        let last = spans.last_mut().expect("a closing rule is in a section");
        let words = doc.written(text, after..last.2);
        last.2 = rule;
        without_closing_rules(&words)
    });
    let closing = closing.filter(|words| !words.trim().is_empty());
    let mut found = Vec::new();
    for (i, title, end) in spans {
        let person = names::person(&title.text).unwrap_or(Person {
            name: title.text.clone(),
            ..Person::default()
        });
        let body: Vec<&Block> = section_blocks(doc, i, end).collect();
        let mut nominee = Nominee::named(person);
        nominee.links.extend(
            title
                .links
                .iter()
                .map(|l| ("link".to_string(), l.url.clone())),
        );
        let start = fields_from(&body, text, &mut nominee).unwrap_or(end);
        // Fields that are words (a `Statement:` bullet) come first, then the section's.
        nominee
            .statement
            .push_str(&without_closing_rules(&doc.written(text, start..end)));
        nominee.span = doc.blocks[i].span.start..end;
        found.push(nominee);
    }
    Some(Sections {
        level,
        found,
        closing,
    })
}

/// The candidates read as sections, and the words after the last one's closing rule.
#[derive(Debug)]
pub struct Sections {
    pub level: u8,
    pub found: Vec<Nominee>,
    pub closing: Option<String>,
}

/// The blocks of the section headed by block `heading`, ending at `end`.
fn section_blocks(doc: &Document, heading: usize, end: usize) -> impl Iterator<Item = &Block> {
    doc.blocks[heading + 1..]
        .iter()
        .take_while(move |b| b.span.start < end)
}

/// Where a rule is the last block of every section but the last, and the last holds words
/// after a rule of its own, those words close the document, not the last candidate's
/// statement: where that rule starts, and where the words after it do.
fn closing_rule(doc: &Document, spans: &[(usize, &Inline, usize)]) -> Option<(usize, usize)> {
    let ((last, _, last_end), earlier) = spans.split_last()?;
    let ends_with_rule = |(i, _, end): &(usize, &Inline, usize)| {
        section_blocks(doc, *i, *end)
            .last()
            .is_some_and(|b| b.kind == Kind::Rule)
    };
    if earlier.is_empty() || !earlier.iter().all(ends_with_rule) {
        return None;
    }
    let body: Vec<&Block> = section_blocks(doc, *last, *last_end).collect();
    let rule = body.iter().rposition(|b| b.kind == Kind::Rule)?;
    let after = body.get(rule + 1)?;
    Some((body[rule].span.start, after.span.start))
}

fn is_candidate_heading(title: &Inline, listed: &Listed) -> bool {
    (names::person(&title.text).is_some() && !names::placeholder(&title.text))
        || listed.contains(&title.text)
}

/// A section's words without the rule that separates it from the next one.
fn without_closing_rules(section: &str) -> String {
    let mut lines: Vec<&str> = section.lines().collect();
    while lines.last().is_some_and(|l| {
        let t = l.trim();
        t.is_empty() || (t.len() >= 3 && t.chars().all(|c| c == '-' || c == '*' || c == '_'))
    }) {
        lines.pop();
    }
    while lines.first().is_some_and(|l| l.trim().is_empty()) {
        lines.remove(0);
    }
    if lines.is_empty() {
        String::new()
    } else {
        lines.join("\n") + "\n"
    }
}

/// The header cell that names the nominees' column.
fn name_column(head: &[Inline], rows: &[Vec<Inline>]) -> Option<usize> {
    let by_header = head.iter().position(|h| {
        let l = h.text.to_lowercase();
        ["name", "nominee", "candidate", "who"].iter().any(|w| {
            l.split_whitespace().any(|x| {
                x.trim_matches(|c: char| !c.is_alphanumeric())
                    .starts_with(w)
            })
        })
    });
    by_header.or_else(|| {
        let people = rows
            .iter()
            .filter(|r| r.first().is_some_and(|c| names::person(&c.text).is_some()))
            .count();
        (people * 2 > rows.len() && !head.first().is_some_and(|h| h.text.is_empty())).then_some(0)
    })
}

/// Where `election.yaml` says the candidates are: under which heading, which column or
/// field is the name.
#[derive(Clone, Copy, Default)]
pub struct Told<'a> {
    /// The words of the heading the table or list stands under.
    pub under: Option<&'a str>,
    /// The name's column.
    pub name: Option<&'a str>,
}

impl Told<'_> {
    fn given(&self) -> bool {
        self.under.is_some() || self.name.is_some()
    }

    /// Whether a heading is the one told, or (told nothing) one about nominees.
    fn fits(&self, heading: &str) -> bool {
        match self.under {
            Some(under) => heading.to_lowercase().contains(&under.to_lowercase()),
            None => !about_results(heading),
        }
    }
}

/// The nominees as rows of a table (the one under a heading about nominees, else the first
/// with a column of names), each column put where a reader expects it.
pub fn table(doc: &Document, told: Told) -> Option<(String, Vec<Nominee>)> {
    let mut found: Option<(bool, usize, usize)> = None;
    for (i, block) in doc.blocks.iter().enumerate() {
        let Kind::Table(head, rows) = &block.kind else {
            continue;
        };
        let heading = doc.title_above(i);
        if !told.fits(&heading) {
            continue;
        }
        let column = match told.name {
            Some(name) => head.iter().position(|h| h.text.eq_ignore_ascii_case(name)),
            None => name_column(head, rows),
        };
        let Some(column) = column else {
            continue;
        };
        let people = rows
            .iter()
            .filter(|r| {
                r.get(column).is_some_and(|c| {
                    names::person(&c.text).is_some() && !names::placeholder(&c.text)
                })
            })
            .count();
        if people == 0 && !told.given() {
            continue;
        }
        let preferred = about_nominees(&heading);
        if found.is_none_or(|(p, _, _)| preferred && !p) {
            found = Some((preferred, i, column));
        }
    }
    let (_, i, column) = found?;
    let Kind::Table(head, rows) = &doc.blocks[i].kind else {
        return None;
    };
    let heading = doc.title_above(i);
    let mut out = Vec::new();
    for row in rows {
        let Some(cell) = row.get(column).filter(|c| !c.text.is_empty()) else {
            continue;
        };
        if names::placeholder(&cell.text) {
            continue;
        }
        let person = names::person(&cell.text).unwrap_or(Person {
            name: cell.text.clone(),
            ..Person::default()
        });
        let mut nominee = Nominee::named(person);
        for (n, value) in row.iter().enumerate() {
            if n == column || value.text.is_empty() && value.links.is_empty() {
                continue;
            }
            let key = head
                .get(n)
                .map_or_else(|| format!("column {}", n + 1), |h| h.text.clone());
            nominee.field(&key, value);
        }
        nominee.span = doc.blocks[i].span.clone();
        out.push(nominee);
    }
    (!out.is_empty()).then_some((heading, out))
}

/// A list item as a nominee: `[Name](statement)`, `Name (Company)`, `Name, Company`,
/// `Name - Company`.
fn item_nominee(words: &Inline) -> Option<Nominee> {
    let text = words.text.trim();
    let link = words
        .links
        .first()
        .filter(|l| text.starts_with(&l.text) && !l.text.is_empty());
    // The name is the link's words, else the words before a company.
    let cut = match link {
        Some(link) => link.text.len(),
        None => [" (", ", ", " - ", " – ", " — "]
            .iter()
            .filter_map(|s| text.find(s))
            .min()
            .unwrap_or(text.len()),
    };
    let mut nominee = Nominee::named(names::person(&text[..cut])?);
    let rest = text[cut..]
        .trim()
        .trim_start_matches([',', '-', '–', '—', '('])
        .trim_end_matches(')')
        .trim();
    if !rest.is_empty() {
        nominee.affiliation = Some(rest.to_string());
    }
    // A link to an anchor is the document's own table of contents, not a statement.
    nominee.elsewhere = words
        .links
        .first()
        .filter(|l| !l.url.starts_with('#'))
        .map(|l| ("statement".to_string(), l.url.clone()));
    Some(nominee)
}

/// The nominees as items of a list under a heading about them (two at least, every item a
/// name), or the names a document lists of itself (a table of contents) for a cross-check.
pub fn list(doc: &Document, told: Told) -> Option<(String, Vec<Nominee>)> {
    for (i, block) in doc.blocks.iter().enumerate() {
        let Kind::List(items) = &block.kind else {
            continue;
        };
        let heading = doc.title_above(i);
        let fits = match told.under {
            Some(_) => told.fits(&heading),
            None => about_nominees(&heading) && !about_results(&heading),
        };
        if !fits {
            continue;
        }
        let nominees: Vec<Nominee> = items
            .iter()
            .filter_map(|item| {
                let mut n = item_nominee(&item.words)?;
                n.span = item.span.clone();
                Some(n)
            })
            .collect();
        if nominees.len() >= 2 && nominees.len() == items.len() {
            return Some((heading, nominees));
        }
    }
    None
}

/// The names a document lists of its own candidates: a list under a heading about them, a
/// table of contents (links to `#anchors`), or a nominee table.
pub fn listed(doc: &Document) -> Listed {
    let mut out = Listed::default();
    for (i, block) in doc.blocks.iter().enumerate() {
        let Kind::List(items) = &block.kind else {
            continue;
        };
        let heading = doc.title_above(i);
        let anchors = items.iter().all(|item| {
            item.words
                .links
                .first()
                .is_some_and(|l| l.url.starts_with('#'))
        });
        if about_results(&heading) || !(about_nominees(&heading) || anchors) {
            continue;
        }
        for item in items {
            // A generated table of contents nests: every link of it is an entry.
            let names: Vec<String> = if anchors {
                item.words.links.iter().map(|l| l.text.clone()).collect()
            } else {
                vec![
                    item.words
                        .links
                        .first()
                        .map_or_else(|| item.words.text.clone(), |l| l.text.clone()),
                ]
            };
            for name in names {
                if names::person(&name).is_some() && !names::placeholder(&name) {
                    out.push(name);
                }
            }
        }
    }
    out
}
