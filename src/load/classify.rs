//! Recognising the files of an election folder from their name (and where they stand):
//! candidates in our YAML, statements as projects publish them, the election's metadata, and
//! files that are no candidate (READMEs, results, templates, voter lists), named as such.

use std::path::Path;

/// What a file in an election folder is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Candidate YAML in our schema, or a data file of records (YAML, or TOML and JSON named
    /// for the nominees).
    CandidateYaml,
    /// `election.yaml`: ours, or Elekto's.
    ElectionYaml,
    /// OpenStack's `doc/source/results/<cycle>/tc.yaml`: e-mail → name.
    OpenStackResults,
    /// An election's README (Kata: seats, incumbents, dates).
    Readme,
    /// An election's results.
    Results,
    /// The election's own ballots (BLT): they name the candidates as its ballots do.
    Ballots,
    /// Elekto's `election_desc.md`.
    Description,
    /// A statement to import.
    Statement,
    /// No candidate, with the reason shown to the voter.
    NotCandidate(&'static str),
}

/// Recognises a file by its name (and where it stands).
pub fn classify(path: &Path) -> Kind {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    // Asked of few names: a look at every component of every path was a fifth of the time
    // spent sorting ten thousand files.
    let in_candidates_tree = || path.components().any(|c| c.as_os_str() == "candidates");
    match name.as_str() {
        "election.yaml" | "election.yml" => return Kind::ElectionYaml,
        "tc.yaml" if !in_candidates_tree() => return Kind::OpenStackResults,
        "readme.md" | "readme.txt" | "readme" | "readme.rst" => return Kind::Readme,
        "results.md" | "results.txt" | "ranking.md" => return Kind::Results,
        "election_desc.md" => return Kind::Description,
        "voters.md" | "voters.txt" => return Kind::NotCandidate("a list of voters"),
        _ => {}
    }
    if name.ends_with("-results.txt") || name.ends_with("-results.md") {
        return Kind::Results;
    }
    if name.contains("template") {
        return Kind::NotCandidate("a template");
    }
    // A repository's own files and an election's ballots sit beside statements in every
    // format; none of them is anyone's candidacy.
    let stem = name.split('.').next().unwrap_or_default();
    if matches!(
        stem,
        "license"
            | "licence"
            | "copying"
            | "notice"
            | "contributing"
            | "code_of_conduct"
            | "changelog"
            | "security"
            | "codeowners"
            | "authors"
            | "maintainers"
            | "owners"
    ) {
        return Kind::NotCandidate("a file of the repository, no statement");
    }
    if stem.ends_with("process") || stem.contains("election-process") {
        return Kind::NotCandidate("how the election is run, no statement");
    }
    if ext == "blt" {
        return Kind::Ballots;
    }
    // A data file named for its nominees holds them as records.
    let of_nominees = ["candidate", "nominee", "nomination"]
        .iter()
        .any(|w| stem.contains(w));
    if matches!(ext, "toml" | "json") && of_nominees {
        return Kind::CandidateYaml;
    }
    if matches!(ext, "csv" | "tsv" | "json") {
        return Kind::NotCandidate("ballots or results, no statement");
    }
    match ext {
        "yaml" | "yml" => Kind::CandidateYaml,
        "txt" | "md" | "markdown" | "rst" | "text" | "html" | "htm" => Kind::Statement,
        // OpenStack names statements by e-mail address, with no extension.
        _ if name.contains('@') => Kind::Statement,
        "" if in_candidates_tree() => Kind::Statement,
        _ => Kind::NotCandidate("not a statement (unknown kind of file)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn files_are_recognised_by_name() {
        let k = |p: &str| classify(&PathBuf::from(p));
        assert_eq!(k("e/README.md"), Kind::Readme);
        assert_eq!(k("e/Results.md"), Kind::Results);
        assert_eq!(k("e/2018-09-Results.txt"), Kind::Results);
        assert_eq!(
            k("e/nomination-template.md"),
            Kind::NotCandidate("a template")
        );
        assert_eq!(k("e/voters.md"), Kind::NotCandidate("a list of voters"));
        assert_eq!(k("e/JonOlson.txt"), Kind::Statement);
        assert_eq!(k("candidates/2026.1/TC/cardoe@cardoe.com"), Kind::Statement);
        assert_eq!(
            k("doc/source/results/2026.1/tc.yaml"),
            Kind::OpenStackResults
        );
        assert_eq!(k("e/alice.yaml"), Kind::CandidateYaml);
        assert_eq!(k("e/election.yaml"), Kind::ElectionYaml);
        assert!(matches!(k("e/logo.png"), Kind::NotCandidate(_)));
        assert_eq!(k("e/opavote_ballots.blt"), Kind::Ballots);
        for file in [
            "candidates/LICENSE",
            "candidates/LICENCE.md",
            "candidates/CONTRIBUTING.md",
            "candidates/civs_ballots.csv",
            "candidates/candidate-template.md",
            "elections/tac-and-scir-election-process.md",
        ] {
            assert!(matches!(k(file), Kind::NotCandidate(_)), "{file}");
        }
    }
}
