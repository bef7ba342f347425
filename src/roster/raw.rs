//! A candidate and an election as written, before sanitizing.

use serde_yaml::Value;

/// One candidate as written in YAML.
#[derive(Debug, Clone, PartialEq)]
pub struct RawCandidate {
    /// The name as written.
    pub name: String,
    /// E-mail addresses (one or a list).
    pub emails: Vec<String>,
    /// Employer or affiliation.
    pub affiliation: Option<String>,
    /// Named links, in file order.
    pub links: Vec<(String, String)>,
    /// The statement as written.
    pub statement: String,
    /// Keys this schema does not know, kept in file order.
    pub extra: Vec<(String, Value)>,
    /// The questions put to the candidate, answered or not, in file order.
    pub questions: Vec<RawQuestion>,
    /// What could not be read as meant (a header that is not YAML), said as warnings
    /// naming the file; the text itself is kept.
    pub warnings: Vec<String>,
}

/// An `election.yaml` as written.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawElection {
    /// A stable identity for the voter's saved notes and ranking; derived if absent.
    pub id: Option<String>,
    /// Display name.
    pub name: Option<String>,
    /// A short label for narrow places.
    pub short_name: Option<String>,
    /// The project holding the election.
    pub project: Option<String>,
    /// Seats to fill.
    pub seats: Option<u32>,
    /// Named dates as written, in file order.
    pub dates: Vec<(String, String)>,
    /// Who holds the seats now.
    pub incumbents: Vec<String>,
    /// The contest, where an election holds several (OpenSSF's TAC and SCIR).
    pub contest: Option<String>,
    /// How the ballot is filled in: ranked (the default) or approval.
    pub ballot: Option<BallotKind>,
    /// At most this many choices (approvals) on a ballot.
    pub max_choices: Option<u32>,
    /// At most this many seats held by people of one employer.
    pub max_per_employer: Option<u32>,
    /// Whether the real ballot offers "no opinion" (Elekto's `allow_no_opinion`).
    pub allow_no_opinion: Option<bool>,
    /// The candidates as the election's ballot file names them.
    pub ballot_names: Vec<String>,
    /// The questions put to every candidate, in a stable order.
    pub questions: Vec<RawQuestion>,
    /// How the folder's published documents are to be read, where inference gets it wrong.
    pub read: Option<ReadHint>,
    /// Keys this schema does not know, kept in file order.
    pub extra: Vec<(String, Value)>,
}

/// `read:` in `election.yaml`: how the documents beside it hold their candidates.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadHint {
    /// What a candidate is in them.
    pub candidates: Layout,
    /// For `sections`: the heading level (1 to 6) whose headings are the candidates.
    #[serde(default, deserialize_with = "heading_level")]
    pub level: Option<u8>,
    /// For `table` and `list`: the words of the heading it stands under.
    #[serde(default)]
    pub under: Option<String>,
    /// Which column (a table) or field (`Name:`, front matter) is the name.
    #[serde(default)]
    pub name: Option<String>,
}

/// What a candidate is in a folder's documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// A section each, at `level`.
    Sections,
    /// A row each of the table under `under`.
    Table,
    /// An item each of the list under `under`.
    List,
    /// One candidate per file.
    File,
}

fn heading_level<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u8>, D::Error> {
    let level: u8 = serde::Deserialize::deserialize(d)?;
    if (1..=6).contains(&level) {
        Ok(Some(level))
    } else {
        Err(serde::de::Error::custom(format!(
            "a heading level is 1 to 6, not {level}"
        )))
    }
}

/// A question put to the candidates, as written (in a candidate's file or `election.yaml`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawQuestion {
    /// The question's title.
    pub title: String,
    /// Where it was asked (an issue); questions are matched across candidates by it.
    pub link: Option<String>,
    /// The question in full.
    pub text: String,
    /// Who asked it, where known.
    pub asked_by: Option<String>,
    /// This candidate's answer; `None` for an unanswered question (or in `election.yaml`).
    pub answer: Option<String>,
    /// Where the answer itself was given (a comment on the question's issue), if known.
    pub answer_link: Option<String>,
}

/// How a ballot is filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BallotKind {
    /// Candidates ranked in order of preference, ties allowed (CIVS, Elekto, OpaVote).
    #[default]
    Ranked,
    /// Each candidate approved or not; the most approved win.
    Approval,
}

impl BallotKind {
    /// `ranked` or `approval`, as `election.yaml` writes it.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_lowercase().as_str() {
            "ranked" | "ranking" | "ranked-choice" => Some(BallotKind::Ranked),
            "approval" => Some(BallotKind::Approval),
            _ => None,
        }
    }

    /// The word `election.yaml` uses.
    pub fn as_str(self) -> &'static str {
        match self {
            BallotKind::Ranked => "ranked",
            BallotKind::Approval => "approval",
        }
    }
}
