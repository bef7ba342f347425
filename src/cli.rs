//! The command line.

use std::path::PathBuf;

use clap::Parser;

/// Read, compare and weigh the candidates of an open-source governance election.
///
/// With no PATH, opens ./candidates if there is one, else the roster built into hustings.
#[derive(Debug, Parser)]
#[command(name = "hustings", version, about)]
pub struct Cli {
    /// Candidate YAML files, or folders of them (read recursively; each folder is an election).
    pub paths: Vec<PathBuf>,
}
