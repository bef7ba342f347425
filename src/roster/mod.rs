//! Candidates, elections and the roster that holds them: plain types, sanitized when built.
//! Nothing here reads a file or knows the terminal.

pub mod dates;
mod error;
mod raw;
pub mod text;

use std::path::PathBuf;

pub use error::LoadError;
pub use raw::{BallotKind, Layout, RawCandidate, RawElection, RawQuestion, ReadHint};
pub use text::Text;

use crate::text::sanitize::{is_display_safe, sanitize_line, sanitize_text};

/// One candidate of one election, display-safe.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Candidate {
    /// The candidate's name, display-safe.
    pub name: String,
    /// E-mail addresses, display-safe.
    pub emails: Vec<String>,
    /// Employer or affiliation, if given.
    pub affiliation: Option<String>,
    /// Named links (`github`, `website`), in file order.
    pub links: Vec<(String, String)>,
    /// The statement.
    pub statement: Text,
    /// Keys the schema does not know, shown as fields, never dropped.
    pub extra: Vec<(String, String)>,
    /// Index into [`Roster::elections`].
    pub election: usize,
    /// The file the candidate came from (not kept in the cache, which knows it).
    #[serde(skip)]
    pub path: PathBuf,
    /// Hidden characters made visible anywhere in this candidate (fields, statement, answers).
    pub hidden: usize,
    /// The candidate's answers to the election's questions, in the election's order.
    pub answers: Vec<Answer>,
    /// The questions as this candidate's file put them, until the election gathers them into
    /// its own list (see `load`); empty after loading.
    pub asked: Vec<Asked>,
    /// Who this is within the election, for the voter's ranking and notes: the e-mail, else
    /// the GitHub handle, else the file; never the display name alone, which anyone can
    /// copy. Set when the whole election has loaded (see `load`).
    pub key: String,
}

impl Candidate {
    /// Sanitizes every field of `raw` once; this is where untrusted text becomes drawable.
    pub fn from_raw(raw: RawCandidate, election: usize, path: PathBuf) -> Self {
        let mut hidden = 0;
        let mut line = |s: &str| {
            let clean = sanitize_line(s);
            hidden += clean.hidden;
            clean.text
        };
        let name = line(&raw.name);
        let emails = raw.emails.iter().map(|e| line(e)).collect();
        let affiliation = raw
            .affiliation
            .as_deref()
            .map(&mut line)
            .filter(|a| !a.is_empty());
        let links = raw.links.iter().map(|(k, v)| (line(k), line(v))).collect();
        let extra_keys: Vec<String> = raw.extra.iter().map(|(k, _)| line(k)).collect();
        let mut extra = Vec::with_capacity(raw.extra.len());
        for (key, (_, value)) in extra_keys.into_iter().zip(&raw.extra) {
            let text = sanitize_text(&value_to_text(value));
            hidden += text.hidden;
            extra.push((key, text.text));
        }
        let statement = Text::new(raw.statement);
        hidden += statement.hidden;
        let asked: Vec<Asked> = raw
            .questions
            .into_iter()
            .map(|q| {
                let answer = q.answer.clone().map(Text::new);
                let answer_link = q.answer_link.as_deref().map(|l| {
                    let clean = sanitize_line(l);
                    hidden += clean.hidden;
                    clean.text
                });
                let question = Question::from_raw(q);
                hidden += question.hidden + answer.as_ref().map_or(0, |a| a.hidden);
                Asked {
                    question,
                    answer,
                    answer_link,
                }
            })
            .collect();
        Candidate {
            name,
            emails,
            affiliation,
            links,
            statement,
            extra,
            election,
            path,
            hidden,
            answers: Vec::new(),
            asked,
            key: String::new(),
        }
    }

    /// Whether every text of the candidate is display-safe, as the loader makes them: what
    /// comes from anywhere else (a cache) is checked with this before it is used.
    pub fn is_display_safe(&self) -> bool {
        let line = |s: &str| is_display_safe(s) && !s.contains('\n');
        line(&self.name)
            && line(&self.key)
            && self.emails.iter().all(|s| line(s))
            && self.affiliation.as_deref().is_none_or(line)
            && self.links.iter().all(|(k, v)| line(k) && line(v))
            && self
                .extra
                .iter()
                .all(|(k, v)| line(k) && is_display_safe(v))
            && self.texts().all(Text::is_display_safe)
            && self.asked.iter().all(|a| {
                let q = &a.question;
                line(&q.key)
                    && line(&q.title)
                    && q.link.as_deref().is_none_or(line)
                    && q.asked_by.as_deref().is_none_or(line)
                    && q.text.is_display_safe()
                    && a.answer.as_ref().is_none_or(Text::is_display_safe)
                    && a.answer_link.as_deref().is_none_or(line)
            })
            && self
                .answers
                .iter()
                .all(|a| a.link.as_deref().is_none_or(line))
    }

    /// Everything the candidate wrote at length: the statement, then each answer.
    pub fn texts(&self) -> impl Iterator<Item = &Text> {
        std::iter::once(&self.statement).chain(self.answers.iter().map(|a| &a.text))
    }

    /// Where the voter's note on this candidate's answer to `question` is kept: beside the
    /// candidate's own note, named by the question's key (its link, else its title), so it
    /// stays with the answer whatever order the questions come in.
    pub fn answer_note_key(&self, question: &Question) -> String {
        format!("{}#{}", self.key, question.key)
    }

    /// The answer to the election's question `question`, if the candidate gave one.
    pub fn answer(&self, question: usize) -> Option<&Text> {
        self.answer_given(question).map(|a| &a.text)
    }

    /// All the candidate wrote, as one text: the statement, then each answer (a paragraph
    /// apart); borrowed where there is no answer.
    pub fn all_written(&self) -> std::borrow::Cow<'_, str> {
        if self.answers.is_empty() {
            return std::borrow::Cow::Borrowed(self.statement.display());
        }
        let texts: Vec<&str> = self.texts().map(Text::display).collect();
        std::borrow::Cow::Owned(texts.join("\n\n"))
    }

    /// The candidate's GitHub handle, where their file gives one.
    pub fn github(&self) -> Option<&str> {
        self.links
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("github"))
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.contains('/'))
    }

    /// The candidate's answer to `question` with where it was given, if they answered.
    pub fn answer_given(&self, question: usize) -> Option<&Answer> {
        // Found by halving, the answers being in question order: a grid of 2,000 questions
        // by 500 candidates looked through every answer for every cell.
        debug_assert!(self.answers.is_sorted_by_key(|a| a.question));
        self.answers
            .binary_search_by_key(&question, |a| a.question)
            .ok()
            .map(|i| &self.answers[i])
    }
}

/// A question put to an election's candidates, display-safe.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Question {
    /// What matches it across candidates: its link without a fragment, else its title in
    /// lower case with single spaces.
    pub key: String,
    /// The title, one line.
    pub title: String,
    /// Where it was asked.
    pub link: Option<String>,
    /// The question in full.
    pub text: Text,
    /// Who asked it, where known.
    pub asked_by: Option<String>,
    /// Hidden characters made visible in title, link and asker.
    pub hidden: usize,
}

impl Question {
    /// Sanitizes a question as written.
    pub fn from_raw(raw: RawQuestion) -> Self {
        let mut hidden = 0;
        let mut line = |s: &str| {
            let clean = sanitize_line(s);
            hidden += clean.hidden;
            clean.text
        };
        let title = line(raw.title.trim());
        let link = raw.link.as_deref().map(&mut line).filter(|l| !l.is_empty());
        let asked_by = raw.asked_by.as_deref().map(&mut line);
        let key = match &link {
            Some(link) => without_fragment(link).to_string(),
            None => title
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase(),
        };
        let text = Text::new(raw.text);
        hidden += text.hidden;
        Question {
            key,
            title,
            link,
            text,
            asked_by,
            hidden,
        }
    }

    /// The number a link ends in (`…/issues/18` → 18), which orders questions as asked.
    pub fn number(&self) -> Option<u64> {
        let link = without_fragment(self.link.as_deref()?);
        link.trim_end_matches('/').rsplit('/').next()?.parse().ok()
    }
}

/// A link without its `#fragment`: where a question was asked, whichever comment of it a
/// link points to.
pub fn without_fragment(link: &str) -> &str {
    link.split('#').next().unwrap_or(link)
}

/// A question as one candidate's file puts it, with the answer if there is one.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Asked {
    /// The question.
    pub question: Question,
    /// The candidate's answer; `None` when the file lists it as unanswered.
    pub answer: Option<Text>,
    /// Where the answer itself was given, if known.
    pub answer_link: Option<String>,
}

/// A candidate's answer to one of the election's questions.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Answer {
    /// Index into the election's [`Election::questions`].
    pub question: usize,
    /// The answer.
    pub text: Text,
    /// Where it was given (a comment on the question's issue), if known.
    pub link: Option<String>,
}

/// Renders a YAML value of an unknown key as readable text.
fn value_to_text(value: &serde_yaml::Value) -> String {
    use serde_yaml::Value;
    match value {
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        Value::Sequence(items) if items.iter().all(is_scalar) => items
            .iter()
            .map(value_to_text)
            .collect::<Vec<_>>()
            .join(", "),
        // A value that cannot be written back as YAML says so rather than vanish.
        other => serde_yaml::to_string(other)
            .unwrap_or_else(|e| format!("(cannot be shown: {e})"))
            .trim_end()
            .to_string(),
    }
}

fn is_scalar(v: &serde_yaml::Value) -> bool {
    !matches!(
        v,
        serde_yaml::Value::Sequence(_)
            | serde_yaml::Value::Mapping(_)
            | serde_yaml::Value::Tagged(_)
    )
}

/// The rules a ballot must keep, as the election states them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rules {
    /// Ranked or approval.
    pub ballot: BallotKind,
    /// At most this many choices (approvals) on one ballot.
    pub max_choices: Option<u32>,
    /// At most this many seats for people of one employer (a charter's limit).
    pub max_per_employer: Option<u32>,
    /// Whether the real ballot offers "no opinion".
    pub allow_no_opinion: Option<bool>,
}

/// An election: a folder of candidates with optional `election.yaml` metadata.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Election {
    /// Stable identity, the same wherever the folder is opened from: `id` from
    /// `election.yaml`, else a slug of its project and name, else of the folder's name.
    pub key: String,
    /// The folder it was loaded from.
    pub folder: String,
    /// Display name: `name` from `election.yaml`, else the folder's name.
    pub name: String,
    /// A short label for narrow places such as the candidate list; the name if not given.
    pub short_name: String,
    /// The project holding the election.
    pub project: Option<String>,
    /// Seats to fill.
    pub seats: Option<u32>,
    /// Named dates (`voting_open`, `voting_close`, …) as written, in file order.
    pub dates: Vec<(String, String)>,
    /// Who holds the seats now.
    pub incumbents: Vec<String>,
    /// The contest, where an election holds several (OpenSSF's TAC and SCIR): each contest
    /// is one [`Election`] of its own, with its own candidates, seats and ballot.
    pub contest: Option<String>,
    /// The questions put to the candidates, in a stable order (as asked, where their links
    /// are numbered; else as first met).
    pub questions: Vec<Question>,
    /// How the ballot is filled in, and its limits.
    pub rules: Rules,
    /// The candidates as the election's own ballot file names them (a BLT file beside the
    /// statements), in its order; empty where there is none.
    pub ballot_names: Vec<String>,
    /// Other keys of `election.yaml`, as text.
    pub extra: Vec<(String, String)>,
}

impl Election {
    /// Builds an election from its folder and optional metadata, sanitizing it.
    pub fn new(folder: String, folder_name: &str, raw: Option<RawElection>) -> Self {
        let raw = raw.unwrap_or_default();
        let key = match (&raw.id, &raw.name) {
            (Some(id), _) => slug(id),
            (None, Some(name)) => slug(&format!(
                "{} {name}",
                raw.project.as_deref().unwrap_or_default()
            )),
            (None, None) => slug(folder_name),
        };
        let line = |s: &str| sanitize_line(s).text;
        let name = raw
            .name
            .as_deref()
            .map(|n| line(&crate::text::title::own_title(n)))
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| line(folder_name));
        let short_name = raw
            .short_name
            .as_deref()
            .map(line)
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| name.clone());
        Election {
            key,
            folder: line(&folder),
            name,
            short_name,
            project: raw.project.as_deref().map(line),
            seats: raw.seats,
            dates: raw.dates.iter().map(|(k, v)| (line(k), line(v))).collect(),
            incumbents: raw.incumbents.iter().map(|s| line(s)).collect(),
            contest: raw.contest.as_deref().map(line).filter(|c| !c.is_empty()),
            questions: raw.questions.into_iter().map(Question::from_raw).collect(),
            ballot_names: raw.ballot_names.iter().map(|n| line(n)).collect(),
            rules: Rules {
                ballot: raw.ballot.unwrap_or_default(),
                max_choices: raw.max_choices,
                max_per_employer: raw.max_per_employer,
                allow_no_opinion: raw.allow_no_opinion,
            },
            extra: raw
                .extra
                .iter()
                .map(|(k, v)| (line(k), sanitize_text(&value_to_text(v)).text))
                .collect(),
        }
    }
}

/// Lower-case letters and digits joined by single dashes: safe as a file name anywhere.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() && c.is_ascii() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "election".to_string()
    } else {
        out.chars().take(100).collect()
    }
}

/// Where a roster came from, for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The roster compiled into the binary.
    Embedded,
    /// Files and folders named by the voter (or `./candidates`).
    Paths(Vec<PathBuf>),
}

/// Every election and candidate that loaded, in a stable order.
#[derive(Debug, Clone, PartialEq)]
pub struct Roster {
    /// Every election, in a stable order.
    pub elections: Vec<Election>,
    /// Every candidate, in a stable order: grouped by election, in the elections' order
    /// (see [`Roster::members`]).
    pub candidates: Vec<Candidate>,
    /// Where the roster came from.
    pub source: Source,
    /// Files left out as no candidate (path, why), display-safe.
    pub skipped: Vec<(String, String)>,
    /// Files read with a fallback (not UTF-8), display-safe.
    pub warnings: Vec<LoadError>,
    /// How each file was read (path, how), display-safe, for `check --explain`.
    pub readings: Vec<(String, String)>,
}

impl Roster {
    /// The candidates of election `index`, as a range of [`Roster::candidates`] (found by
    /// halving, since candidates are grouped by election in order: an election's members
    /// are never looked for among the whole roster again).
    pub fn members(&self, index: usize) -> std::ops::Range<usize> {
        let start = self.candidates.partition_point(|c| c.election < index);
        let end = self.candidates.partition_point(|c| c.election <= index);
        start..end.max(start)
    }

    /// Election `index`'s candidates as (key, name), in the roster's order.
    pub fn keys_and_names(&self, index: usize) -> Vec<(&str, &str)> {
        self.candidates[self.members(index)]
            .iter()
            .map(|c| (c.key.as_str(), c.name.as_str()))
            .collect()
    }

    /// The election a candidate stands in.
    pub fn election_of(&self, candidate: &Candidate) -> &Election {
        &self.elections[candidate.election]
    }
}
