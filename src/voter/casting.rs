//! Where and how an election's real ballot is cast, as far as its files say, and the export
//! that goes with it: the election's own words first (its description naming CIVS, OpaVote,
//! Elekto, a Google form or a mailing list, with the link where one is given), then what its
//! shape tells (an approval ballot, Elekto's settings). Pure: reads the election only.

use crate::roster::{BallotKind, Election};
use crate::voter::export::Format;

/// How one election's ballot is cast.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Casting {
    /// Where: "CIVS", "OpaVote", "Elekto", "a Google form", "the mailing list"; `None` where
    /// the files do not say.
    pub place: Option<&'static str>,
    /// The address the files give for it, if any.
    pub link: Option<String>,
    /// The export to take there.
    pub format: Format,
    /// The `--format` value of that export.
    pub flag: &'static str,
}

/// The services a description may name: a word that names it, the part of an address that
/// does, what it is called, and the export a voter takes there.
const PLACES: &[(&str, &str, &str, Format, &str)] = &[
    ("elekto", "elekto", "Elekto", Format::Elekto, "elekto"),
    ("civs", "civs", "CIVS", Format::Civs, "civs"),
    ("opavote", "opavote", "OpaVote", Format::Civs, "civs"),
    ("helios", "helios", "Helios", Format::Civs, "civs"),
    ("belenios", "belenios", "Belenios", Format::Civs, "civs"),
    (
        "electionbuddy",
        "electionbuddy",
        "ElectionBuddy",
        Format::Civs,
        "civs",
    ),
    (
        "simplyvoting",
        "simplyvoting",
        "Simply Voting",
        Format::Civs,
        "civs",
    ),
    (
        "google form",
        "docs.google.com/forms",
        "a Google form",
        Format::Civs,
        "civs",
    ),
    (
        "ballot link",
        "",
        "the ballot link e-mailed to you",
        Format::Civs,
        "civs",
    ),
];

/// Words that say the vote itself is sent by e-mail, as Debian's is.
const MAILED: &[&str] = &[
    "devotee",
    "vote by e-mail",
    "vote by email",
    "vote by replying",
    "send your vote",
    "mail your ballot",
];

/// Where and how `election` is cast.
pub fn of(election: &Election) -> Casting {
    let approval = election.rules.ballot == BallotKind::Approval;
    let (default, flag) = if approval {
        (Format::Approval, "approval")
    } else {
        (Format::Civs, "civs")
    };
    let words: String = election
        .extra
        .iter()
        .map(|(_, text)| text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let lower = words.to_lowercase();
    // The service named first in the election's own words.
    let named = PLACES
        .iter()
        .filter_map(|place| lower.find(place.0).map(|at| (at, place)))
        .min_by_key(|(at, _)| *at);
    if let Some((_, &(_, host, place, format, place_flag))) = named {
        let (format, flag) = if approval {
            (default, flag)
        } else {
            (format, place_flag)
        };
        return Casting {
            place: Some(place),
            link: link_with(&words, host),
            format,
            flag,
        };
    }
    // Elekto's own settings, where its election.yaml was read.
    let elekto = election
        .extra
        .iter()
        .any(|(k, _)| matches!(k.as_str(), "election_officers" | "show_candidate_fields"))
        || election.rules.allow_no_opinion.is_some();
    if elekto && !approval {
        return Casting {
            place: Some("Elekto"),
            link: None,
            format: Format::Elekto,
            flag: "elekto",
        };
    }
    if MAILED.iter().any(|w| lower.contains(w)) && !approval {
        return Casting {
            place: Some("the mailing list"),
            link: None,
            format: Format::Debian,
            flag: "debian",
        };
    }
    Casting {
        place: None,
        link: None,
        format: default,
        flag,
    }
}

impl Casting {
    /// One line for the ballot view: "Cast on CIVS (https://civs1.civs.us/): export with
    /// `hustings ballot export --format civs`".
    pub fn line(&self) -> String {
        let export = format!("hustings ballot export --format {}", self.flag);
        match self.place {
            Some(place) => {
                let at = self
                    .link
                    .as_deref()
                    .map_or_else(String::new, |l| format!(" ({l})"));
                format!("Cast on {place}{at}: export with `{export}`")
            }
            None => format!("Its files do not say where it is cast: `{export}` by default"),
        }
    }
}

/// The first web address in `text` whose host or path holds `host` (none for no `host`).
fn link_with(text: &str, host: &str) -> Option<String> {
    if host.is_empty() {
        return None;
    }
    crate::text::links::find(text)
        .into_iter()
        .find(|url| url.to_lowercase().contains(host))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn election(description: &str) -> Election {
        Election {
            extra: vec![("description".to_string(), description.to_string())],
            ..Election::default()
        }
    }

    #[test]
    fn the_service_the_description_names_first_is_where_it_is_cast() {
        let e = election(
            "The vote will be held on [CIVS](https://civs1.civs.us/), using the best-candidate mode. Results are counted with OpaVote.",
        );
        let c = of(&e);
        assert_eq!(c.place, Some("CIVS"));
        assert_eq!(c.link.as_deref(), Some("https://civs1.civs.us/"));
        assert_eq!(c.flag, "civs");
        assert_eq!(
            c.line(),
            "Cast on CIVS (https://civs1.civs.us/): export with `hustings ballot export --format civs`"
        );
        let e = election(
            "Instructions on using Elekto can be found [in its docs site](https://elekto.dev/docs/voting/).",
        );
        assert_eq!(of(&e).format, Format::Elekto);
        assert_eq!(
            of(&e).link.as_deref(),
            Some("https://elekto.dev/docs/voting/")
        );
        let e = election(
            "Request a ballot with this **[Google Form](https://docs.google.com/forms/d/e/x/viewform)**; eligible voters receive an invitation from Opavote.",
        );
        assert_eq!(of(&e).place, Some("a Google form"));
    }

    #[test]
    fn without_words_the_shape_says_what_it_can() {
        let mut e = election("Vote for the steering committee.");
        assert_eq!(of(&e).place, None);
        assert_eq!(of(&e).format, Format::Civs);
        assert!(
            of(&e)
                .line()
                .starts_with("Its files do not say where it is cast")
        );
        e.rules.allow_no_opinion = Some(true);
        assert_eq!(of(&e).place, Some("Elekto"));
        e.rules.ballot = BallotKind::Approval;
        assert_eq!(of(&e).format, Format::Approval);
        let e = election("Ballots are sent by e-mail; vote by replying to the mailing list.");
        assert_eq!(of(&e).format, Format::Debian);
        let e = election(
            "Members should have received their personal ballot link by email; cast your vote before March 8.",
        );
        assert_eq!(of(&e).place, Some("the ballot link e-mailed to you"));
        assert_eq!(of(&e).format, Format::Civs);
    }
}
