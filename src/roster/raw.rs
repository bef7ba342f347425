//! A candidate and an election as written, before sanitizing.

use serde_yaml::Value;

/// One candidate as written in YAML.
#[derive(Debug, Clone, PartialEq)]
pub struct RawCandidate {
    pub name: String,
    pub emails: Vec<String>,
    pub affiliation: Option<String>,
    pub links: Vec<(String, String)>,
    pub statement: String,
    /// Keys this schema does not know, kept in file order.
    pub extra: Vec<(String, Value)>,
}

/// An `election.yaml` as written.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawElection {
    /// A stable identity for the voter's saved notes and ranking; derived if absent.
    pub id: Option<String>,
    pub name: Option<String>,
    pub short_name: Option<String>,
    pub project: Option<String>,
    pub seats: Option<u32>,
    pub dates: Vec<(String, String)>,
    pub incumbents: Vec<String>,
    pub extra: Vec<(String, Value)>,
}
