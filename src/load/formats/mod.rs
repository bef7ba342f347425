//! Parsers for candidate statements as projects publish them. Each takes the decoded text and
//! the file name and gives a [`RawCandidate`]; the statement keeps every word of the body.
//! One file per source; a new format is one new file.

pub mod blt;
mod common;
mod elekto;
mod kata;
mod kubernetes;
mod nixos;
mod openssf;
mod openstack;
mod opentelemetry;
mod pipermail;
mod plain;

use common::{bullet, key_value, link_text, looks_like_a_name};
pub use common::{emails, is_dash_line};
pub use elekto::election as elekto_election;
pub use kata::readme as kata_readme;
pub use kubernetes::{Listed, listed as readme_listing};
pub use openssf::contest;
pub use openstack::{OpenStackName, names as openstack_names};

use super::finder;
use crate::roster::RawCandidate;

/// The formats statements come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `Name:` / `Email:` / `Background:` key lines (Kata Containers).
    KeyLines,
    /// A dashed YAML header (`name`, `ID`, `info`), as Elekto reads it.
    Elekto,
    /// `# Name` and `- GitHub:` / `- Employer:` bullets (Kubernetes 2017–2020).
    KubernetesBio,
    /// `- Name:` / `- GitHub handle:` bullets, then questions and answers (NixOS).
    NixOS,
    /// A mailing-list archive page saved as text (pipermail).
    Pipermail,
    /// Every candidate in one file, a `### Name` section each (OpenTelemetry).
    Sections,
    /// Every nominee a row of one table, HTML or pipes (OpenSSF).
    Table,
    /// No header at all: the name comes from the file name (or e-mail, for OpenStack).
    Plain,
}

impl Format {
    /// How a file in this format is read, for `check --explain`.
    pub fn describe(self) -> &'static str {
        match self {
            Format::KeyLines => "one candidate's statement, named by its `Name:` line",
            Format::Elekto => "one candidate's statement under Elekto's dashed header",
            Format::KubernetesBio => "one candidate's statement, named by its `# Name` heading",
            Format::NixOS => "one candidate's statement with its questions and answers",
            Format::Pipermail => "a mailing-list archive page of one candidacy",
            Format::Sections => "a document of `### Name` sections with profile bullets",
            Format::Table => "a nominations table",
            Format::Plain => "a statement with no header, named by its file name",
        }
    }
}

/// Which format `text` is in, from its content and file name.
pub fn detect(text: &str, file_name: &str) -> Format {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    // A dashed header has a closing line; a lone `---` rule at the top is just a rule.
    let closed_header = is_dash_line(first)
        && text
            .lines()
            .skip_while(|l| !is_dash_line(l))
            .skip(1)
            .take(40)
            .any(is_dash_line);
    // Front matter (a Jekyll post's `title:`) is a document's, not Elekto's header: that
    // one names its candidate.
    let names_someone = || {
        text.lines()
            .skip_while(|l| !is_dash_line(l))
            .skip(1)
            .take_while(|l| !is_dash_line(l))
            .any(|l| l.starts_with("name:"))
    };
    if closed_header && names_someone() || file_name.starts_with("candidate-") {
        return Format::Elekto;
    }
    if first.starts_with('[') && first.contains(']') && text.contains("More information about the")
    {
        return Format::Pipermail;
    }
    if openssf::detect(text) {
        return Format::Table;
    }
    if opentelemetry::detect(text) {
        return Format::Sections;
    }
    if nixos::detect(text) {
        return Format::NixOS;
    }
    let head: Vec<&str> = text.lines().take(40).collect();
    if head.iter().any(|l| key_value(l, "Name").is_some()) {
        return Format::KeyLines;
    }
    let has_bullets = head
        .iter()
        .any(|l| bullet(l, "GitHub").is_some() || bullet(l, "Employer").is_some());
    let named_heading = first
        .strip_prefix("# ")
        .is_some_and(|h| looks_like_a_name(&link_text(h).0));
    if first.starts_with("# ") && (has_bullets || file_name.ends_with("_bio.md")) || named_heading {
        return Format::KubernetesBio;
    }
    Format::Plain
}

/// Parses `text` in `format`; `fallback_name` names a candidate the text does not name.
/// Formats that hold several candidates give the first (see [`parse_all`]).
pub fn parse(text: &str, format: Format, fallback_name: &str) -> RawCandidate {
    match format {
        Format::KeyLines => kata::key_lines(text, fallback_name, Vec::new()),
        Format::Elekto => elekto::parse(text, fallback_name),
        Format::KubernetesBio => kubernetes::parse(text, fallback_name),
        Format::Pipermail => pipermail::parse(text, fallback_name),
        Format::NixOS => nixos::parse(text, fallback_name),
        Format::Plain | Format::Sections | Format::Table => parse_all(text, format, fallback_name)
            .candidates
            .into_iter()
            .next()
            .unwrap_or_else(|| plain::parse(text, fallback_name)),
    }
}

/// What one file holds: its candidates, and the election's name where the file gives it.
pub struct Parsed {
    /// The candidates, in file order.
    pub candidates: Vec<RawCandidate>,
    /// The election's name from the file's title (a document of many candidates).
    pub title: Option<String>,
    /// How the candidate finder read it, where it did (its candidates are above).
    pub reading: Option<finder::Reading>,
}

impl Parsed {
    /// What the candidate finder read: its candidates, and a title where it found many.
    pub fn read(mut reading: finder::Reading) -> Parsed {
        Parsed {
            candidates: std::mem::take(&mut reading.candidates),
            title: reading.facts.title.clone().filter(|_| reading.many),
            reading: Some(reading),
        }
    }
}

/// Parses every candidate of `text` in `format`. A document with no community's layout, and
/// one of candidates' sections, is read by the candidate finder.
pub fn parse_all(text: &str, format: Format, fallback_name: &str) -> Parsed {
    parse_file(text, format, &format!("{fallback_name}.md"), fallback_name)
}

/// As [`parse_all`], for a file named `file_name` (its markup: `.rst` or Markdown).
pub fn parse_file(text: &str, format: Format, file_name: &str, fallback_name: &str) -> Parsed {
    match format {
        // Sections end at the next heading of their level, whoever it names: the finder's.
        Format::Plain | Format::Sections => {
            Parsed::read(finder::find(text, file_name, fallback_name))
        }
        Format::Table => Parsed {
            candidates: openssf::parse(text, fallback_name),
            title: None,
            reading: None,
        },
        // Several `Name:` lines are several candidates, never one with another's words.
        Format::KeyLines => {
            let (candidates, preamble) = kata::records(text, fallback_name);
            if candidates.len() < 2 {
                return Parsed {
                    candidates,
                    title: None,
                    reading: None,
                };
            }
            let mut reading = finder::Reading {
                how: format!(
                    "a document; {} candidates, from each `Name:` line to the next",
                    candidates.len()
                ),
                many: true,
                ..finder::Reading::default()
            };
            reading.facts.description = (!preamble.is_empty()).then_some(preamble);
            Parsed {
                candidates,
                title: None,
                reading: Some(reading),
            }
        }
        _ => Parsed {
            candidates: vec![parse(text, format, fallback_name)],
            title: None,
            reading: None,
        },
    }
}

/// A readable name from a file name: `JonOlson.txt` → "Jon Olson", `kris-nova_bio.md` →
/// "kris-nova", `Amrith_Kumar.txt` → "Amrith Kumar".
pub fn name_from_file(file_name: &str) -> String {
    let stem = file_name
        .rsplit_once('.')
        .filter(|(_, ext)| matches!(*ext, "txt" | "md" | "markdown" | "rst"))
        .map_or(file_name, |(stem, _)| stem);
    let stem = stem.strip_suffix("_bio").unwrap_or(stem);
    let stem = stem.strip_prefix("candidate-").unwrap_or(stem);
    let mut out = String::new();
    let mut prev: Option<char> = None;
    for c in stem.chars() {
        if c == '_' {
            out.push(' ');
        } else {
            if c.is_uppercase() && prev.is_some_and(|p| p.is_lowercase()) {
                out.push(' ');
            }
            out.push(c);
        }
        prev = Some(c);
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_yaml::Value;

    #[test]
    fn names_from_file_names() {
        assert_eq!(name_from_file("JonOlson.txt"), "Jon Olson");
        assert_eq!(name_from_file("Amrith_Kumar.txt"), "Amrith Kumar");
        assert_eq!(name_from_file("derekcarr_bio.md"), "derekcarr");
        assert_eq!(name_from_file("candidate-e6n.md"), "e6n");
        assert_eq!(name_from_file("cardoe@cardoe.com"), "cardoe@cardoe.com");
    }

    #[test]
    fn key_lines_become_fields() {
        let c = parse(
            "Name: Jane Doe\n\nEmail: jane@x.org, j at y.org\n\nBackground:\n\nHello.\n",
            Format::KeyLines,
            "x",
        );
        assert_eq!(c.name, "Jane Doe");
        assert_eq!(c.emails, vec!["jane@x.org", "j@y.org"]);
        assert_eq!(c.statement, "Hello.\n");
        let text = "---\nName: Eric Ernst\nEmail: eric_ernst at apple dot com\n\nI am.\n";
        let c = parse(text, detect(text, "EricErnst.txt"), "x");
        assert_eq!(c.name, "Eric Ernst");
        assert_eq!(c.emails, vec!["eric_ernst@apple.com"]);
        assert_eq!(c.statement, "---\n\nI am.\n");
    }

    #[test]
    fn several_name_lines_are_several_candidates() {
        let text = "Candidacies for the 2030 AC\n\nName: Ann Lee\nEmail: ann@x.org\n\nI build.\n\n---\n\nName: Bo Ma\n\nI care.\n";
        let parsed = parse_file(text, detect(text, "all.txt"), "all.txt", "all");
        let names: Vec<&str> = parsed.candidates.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Ann Lee", "Bo Ma"]);
        assert_eq!(parsed.candidates[0].statement, "I build.\n");
        assert_eq!(parsed.candidates[0].emails, ["ann@x.org"]);
        assert_eq!(parsed.candidates[1].statement, "I care.\n");
        let reading = parsed.reading.unwrap();
        assert!(reading.many);
        assert_eq!(
            reading.facts.description.as_deref(),
            Some("Candidacies for the 2030 AC\n"),
            "what precedes them is kept, as the election's words"
        );
    }

    #[test]
    fn a_name_line_with_a_handle() {
        let c = parse(
            "# A -> AC\n\nName: Anastassios Nanos, [@ananos](https://github.com/ananos).\n\nEmail: a@b.c\n\n## Who\n",
            Format::KeyLines,
            "x",
        );
        assert_eq!(c.name, "Anastassios Nanos");
        assert_eq!(c.links, vec![("github".to_string(), "ananos".to_string())]);
        assert_eq!(c.statement, "# A -> AC\n\n\n\n## Who\n");
    }

    #[test]
    fn elekto_header_is_the_first_dashed_block_only() {
        let text = "------------------------------------------------\nname: Jo\nID:\tjo\n\ninfo:\n  - employer: Acme\n  - slack: '@jo'\n-------------------------------------------------------------\n\n## Why\n\nText\n\n---\n\nMore text\n";
        let c = parse(text, detect(text, "candidate-jo.md"), "jo");
        assert_eq!(c.name, "Jo");
        assert_eq!(c.affiliation.as_deref(), Some("Acme"));
        assert_eq!(c.links[0].0, "slack");
        assert_eq!(c.extra[0].0, "ID");
        assert_eq!(c.statement, "## Why\n\nText\n\n---\n\nMore text\n");
    }

    #[test]
    fn elekto_info_may_be_a_plain_map_and_a_header_may_not_parse() {
        let text = "---\nname: Al\ninfo:\n  employer: Beta\n  github: al\n---\nBody\n";
        let c = parse(text, detect(text, "candidate-al.md"), "al");
        assert_eq!(c.affiliation.as_deref(), Some("Beta"));
        assert_eq!(c.links, vec![("github".to_string(), "al".to_string())]);
        let text = "----\nname: [unclosed\n----\nBody\n";
        let c = parse(text, detect(text, "candidate-x.md"), "x");
        assert_eq!(c.name, "x");
        assert_eq!(
            c.extra[0].0, "header",
            "an unreadable header is kept, not lost"
        );
        assert_eq!(c.statement, "Body\n");
    }

    #[test]
    fn empty_and_one_line_files() {
        assert_eq!(parse("", detect("", "Empty.txt"), "Empty").statement, "");
        let c = parse("I stand.", detect("I stand.", "OneLine.txt"), "One Line");
        assert_eq!(
            (c.name.as_str(), c.statement.as_str()),
            ("One Line", "I stand.\n")
        );
    }

    #[test]
    fn kubernetes_bios_take_heading_and_bullets() {
        let text = "# Derek Carr\n\n- GitHub: @derekwaynecarr\n- Employer: Red Hat\n\n## Roles\n\n- Lead: sig-node\n";
        let c = parse(text, detect(text, "derekcarr_bio.md"), "x");
        assert_eq!(c.name, "Derek Carr");
        assert_eq!(c.affiliation.as_deref(), Some("Red Hat"));
        assert_eq!(
            c.links,
            vec![("github".to_string(), "derekwaynecarr".to_string())]
        );
        assert_eq!(c.statement, "## Roles\n\n- Lead: sig-node\n");
        let text =
            "# Klaus Ma\n\n* GitHub/Slack/Twitter: [@k82cn](http://github.com/k82cn)\n\nHi\n";
        let c = parse(text, detect(text, "klausma.md"), "x");
        assert_eq!(c.name, "Klaus Ma");
        assert_eq!(c.links, vec![("github".to_string(), "k82cn".to_string())]);
        assert_eq!(detect("# My Candidacy: why\n\ntext", "a.md"), Format::Plain);
        let text = "# [Ilya Dmitrichenko](https://github.com/errordeveloper)\n\nHi\n";
        let c = parse(text, detect(text, "errordeveloper_bio.md"), "x");
        assert_eq!(c.name, "Ilya Dmitrichenko");
        assert_eq!(
            c.links,
            vec![("github".to_string(), "errordeveloper".to_string())]
        );
    }

    #[test]
    fn pipermail_pages_lose_their_footer_and_keep_the_author() {
        let text = "[kata-dev] Announcing X\n\nPeng Tao bergwolf at hyper.sh\nFri Mar 11 15:41:53 UTC 2022\n\n\nName: Tao Peng\n\nBackground:\n\nHi.\n\n\n\nMore information about the kata-dev mailing list";
        let c = parse(text, detect(text, "x.txt"), "x");
        assert_eq!(c.name, "Tao Peng");
        assert_eq!(c.emails, vec!["bergwolf@hyper.sh"]);
        assert_eq!(c.statement, "Hi.\n");
        assert_eq!(
            c.extra[1],
            ("author".into(), Value::String("Peng Tao".into()))
        );
    }
}
