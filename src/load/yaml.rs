//! The YAML forms of a candidate and an election, as written on disk, before sanitizing.
//!
//! The visitors are written by hand rather than derived with `#[serde(flatten)]`: flatten
//! buffers the whole mapping first, and serde_yaml then loses the line and column of a bad
//! field. Reading field by field keeps them, and keeps unknown keys in order.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_yaml::Value;

use crate::roster::{BallotKind, RawCandidate, RawElection, RawQuestion};

/// A document holding either one candidate or a list of them.
pub struct CandidateDoc(pub Vec<RawCandidate>);

impl<'de> Deserialize<'de> for CandidateDoc {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct DocVisitor;
        impl<'de> Visitor<'de> for DocVisitor {
            type Value = CandidateDoc;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a candidate (a mapping with `name` and `statement`) or a list of them")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<CandidateDoc, A::Error> {
                CandidateVisitor
                    .visit_map(map)
                    .map(|c| CandidateDoc(vec![c]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<CandidateDoc, A::Error> {
                let mut all = Vec::new();
                while let Some(c) = seq.next_element::<RawCandidate>()? {
                    all.push(c);
                }
                Ok(CandidateDoc(all))
            }
        }
        d.deserialize_any(DocVisitor)
    }
}

impl<'de> Deserialize<'de> for RawCandidate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(CandidateVisitor)
    }
}

struct CandidateVisitor;

impl<'de> Visitor<'de> for CandidateVisitor {
    type Value = RawCandidate;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a candidate: a mapping with `name` and `statement`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawCandidate, A::Error> {
        let mut name = None;
        let mut emails = Vec::new();
        let mut affiliation = None;
        let mut links = Vec::new();
        let mut statement = None;
        let mut questions = Vec::new();
        let mut extra = Vec::new();
        while let Some(key) = map.next_key::<Scalar>()? {
            match key.0.as_str() {
                "name" => name = Some(map.next_value::<Scalar>()?.0),
                "email" => emails = map.next_value::<OneOrMany>()?.0,
                "affiliation" => affiliation = map.next_value::<Option<Scalar>>()?.map(|s| s.0),
                "links" => links = map.next_value::<Pairs>()?.0,
                "statement" => statement = Some(map.next_value::<Scalar>()?.0),
                "answers" => questions = map.next_value::<Questions>()?.0,
                _ => extra.push((key.0, map.next_value::<Value>()?)),
            }
        }
        // A data file of nominees may call the affiliation by another name.
        if affiliation.is_none()
            && let Some(at) = extra.iter().position(|(k, v)| {
                matches!(
                    k.to_lowercase().as_str(),
                    "affil" | "company" | "employer" | "organization" | "organisation"
                ) && v.is_string()
            })
        {
            affiliation = extra.remove(at).1.as_str().map(|s| s.trim().to_string());
        }
        Ok(RawCandidate {
            name: name.ok_or_else(|| de::Error::missing_field("name"))?,
            emails,
            affiliation,
            links,
            statement: statement.ok_or_else(|| de::Error::missing_field("statement"))?,
            extra,
            questions,
            warnings: Vec::new(),
        })
    }
}

impl<'de> Deserialize<'de> for RawElection {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ElectionVisitor;
        impl<'de> Visitor<'de> for ElectionVisitor {
            type Value = RawElection;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an election: a mapping with `name`, `project`, `seats`, `dates`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawElection, A::Error> {
                let mut e = RawElection::default();
                while let Some(key) = map.next_key::<Scalar>()? {
                    match key.0.as_str() {
                        "id" => e.id = Some(map.next_value::<Scalar>()?.0),
                        "name" => e.name = Some(map.next_value::<Scalar>()?.0),
                        "short_name" => e.short_name = Some(map.next_value::<Scalar>()?.0),
                        "project" => e.project = Some(map.next_value::<Scalar>()?.0),
                        "seats" => e.seats = Some(map.next_value()?),
                        "dates" => e.dates = map.next_value::<Pairs>()?.0,
                        "incumbents" => e.incumbents = map.next_value::<OneOrMany>()?.0,
                        "contest" => e.contest = Some(map.next_value::<Scalar>()?.0),
                        "ballot" => e.ballot = Some(map.next_value::<BallotWord>()?.0),
                        "max_choices" => e.max_choices = Some(map.next_value()?),
                        "max_per_employer" => e.max_per_employer = Some(map.next_value()?),
                        "allow_no_opinion" => e.allow_no_opinion = Some(map.next_value()?),
                        "ballot_names" => e.ballot_names = map.next_value::<OneOrMany>()?.0,
                        "questions" => e.questions = map.next_value::<Questions>()?.0,
                        "read" => e.read = Some(map.next_value()?),
                        _ => e.extra.push((key.0, map.next_value::<Value>()?)),
                    }
                }
                Ok(e)
            }
        }
        d.deserialize_map(ElectionVisitor)
    }
}

/// Any scalar read as text: `seats: 4` and `name: 2024` are as welcome as strings.
struct Scalar(String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ScalarVisitor;
        impl Visitor<'_> for ScalarVisitor {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("text")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Scalar, E> {
                Ok(Scalar(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
        }
        d.deserialize_any(ScalarVisitor)
    }
}

/// One text or a list of texts (`email: a@b` or `email: [a@b, c@d]`); null is an empty list.
struct OneOrMany(Vec<String>);

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ListVisitor;
        impl<'de> Visitor<'de> for ListVisitor {
            type Value = OneOrMany;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("text or a list of texts")
            }
            fn visit_unit<E: de::Error>(self) -> Result<OneOrMany, E> {
                Ok(OneOrMany(Vec::new()))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<OneOrMany, E> {
                Ok(OneOrMany(vec![v.to_string()]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<OneOrMany, A::Error> {
                let mut all = Vec::new();
                while let Some(s) = seq.next_element::<Scalar>()? {
                    all.push(s.0);
                }
                Ok(OneOrMany(all))
            }
        }
        d.deserialize_any(ListVisitor)
    }
}

/// `ranked` or `approval`; anything else is refused where it is written.
struct BallotWord(BallotKind);

impl<'de> Deserialize<'de> for BallotWord {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct WordVisitor;
        impl Visitor<'_> for WordVisitor {
            type Value = BallotWord;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("`ranked` or `approval`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<BallotWord, E> {
                BallotKind::parse(v)
                    .map(BallotWord)
                    .ok_or_else(|| E::invalid_value(de::Unexpected::Str(v), &self))
            }
        }
        d.deserialize_str(WordVisitor)
    }
}

/// A list of questions: `title` (or `question`), `link`, `text`, `asked_by`, and in a
/// candidate's `answers` the `answer`. Unknown keys are refused, with their line.
struct Questions(Vec<RawQuestion>);

impl<'de> Deserialize<'de> for Questions {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ListVisitor;
        impl<'de> Visitor<'de> for ListVisitor {
            type Value = Questions;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of questions")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Questions, E> {
                Ok(Questions(Vec::new()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Questions, A::Error> {
                let mut all = Vec::new();
                while let Some(q) = seq.next_element::<OneQuestion>()? {
                    all.push(q.0);
                }
                Ok(Questions(all))
            }
        }
        d.deserialize_any(ListVisitor)
    }
}

struct OneQuestion(RawQuestion);

impl<'de> Deserialize<'de> for OneQuestion {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct QuestionVisitor;
        impl<'de> Visitor<'de> for QuestionVisitor {
            type Value = OneQuestion;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a question: a mapping with `title` and optionally `link`, `text`, `asked_by`, `answer`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OneQuestion, A::Error> {
                let mut q = RawQuestion::default();
                let mut titled = false;
                while let Some(key) = map.next_key::<Scalar>()? {
                    match key.0.as_str() {
                        "title" | "question" => {
                            q.title = map.next_value::<Scalar>()?.0;
                            titled = true;
                        }
                        "link" => q.link = map.next_value::<Option<Scalar>>()?.map(|s| s.0),
                        "text" => {
                            q.text = map
                                .next_value::<Option<Scalar>>()?
                                .map(|s| s.0)
                                .unwrap_or_default()
                        }
                        "asked_by" => q.asked_by = map.next_value::<Option<Scalar>>()?.map(|s| s.0),
                        "answer" => q.answer = map.next_value::<Option<Scalar>>()?.map(|s| s.0),
                        other => {
                            return Err(de::Error::unknown_field(
                                other,
                                &["title", "link", "text", "asked_by", "answer"],
                            ));
                        }
                    }
                }
                if !titled {
                    return Err(de::Error::missing_field("title"));
                }
                Ok(OneQuestion(q))
            }
        }
        d.deserialize_map(QuestionVisitor)
    }
}

/// A mapping of text to text, in file order (`links:`, `dates:`); null is empty.
struct Pairs(Vec<(String, String)>);

impl<'de> Deserialize<'de> for Pairs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct PairsVisitor;
        impl<'de> Visitor<'de> for PairsVisitor {
            type Value = Pairs;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping of names to text")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Pairs, E> {
                Ok(Pairs(Vec::new()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Pairs, A::Error> {
                let mut all = Vec::new();
                while let Some((k, v)) = map.next_entry::<Scalar, Scalar>()? {
                    all.push((k.0, v.0));
                }
                Ok(Pairs(all))
            }
        }
        d.deserialize_any(PairsVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Result<Vec<RawCandidate>, serde_yaml::Error> {
        serde_yaml::from_str::<CandidateDoc>(text).map(|d| d.0)
    }

    #[test]
    fn reads_the_minimum_schema() {
        let c = one("name: Jane Doe\nemail: jane@example.org\nstatement: Hi\n").unwrap();
        assert_eq!(c[0].name, "Jane Doe");
        assert_eq!(c[0].emails, vec!["jane@example.org"]);
        assert_eq!(c[0].statement, "Hi");
    }

    #[test]
    fn reads_email_lists_links_and_keeps_unknown_keys_in_order() {
        let c = one(
            "name: A\nemail: [a@x, b@y]\nlinks: {github: a, site: 'https://a'}\nzeta: 1\nalpha: [x]\nstatement: s\n",
        )
        .unwrap();
        assert_eq!(c[0].emails, vec!["a@x", "b@y"]);
        assert_eq!(c[0].links[0], ("github".into(), "a".into()));
        let keys: Vec<_> = c[0].extra.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, vec!["zeta", "alpha"]);
    }

    #[test]
    fn reads_a_list_of_candidates() {
        let c = one("- name: A\n  statement: a\n- name: B\n  statement: b\n").unwrap();
        assert_eq!(c.len(), 2);
        assert_eq!(c[1].name, "B");
    }

    #[test]
    fn a_missing_statement_is_an_error_with_a_position() {
        let err = one("name: A\nemail: a@x\n").unwrap_err();
        assert!(
            err.to_string().contains("missing field `statement`"),
            "{err}"
        );
        assert!(err.location().is_some());
    }

    #[test]
    fn a_wrong_type_names_its_line() {
        let err = one("name: A\nstatement: s\nlinks:\n  github: [1, 2]\n").unwrap_err();
        assert_eq!(err.location().map(|l| l.line()), Some(4), "{err}");
    }

    #[test]
    fn reads_answers_and_an_elections_questions() {
        let c = one("name: A\nstatement: s\nanswers:\n  - question: Forges?\n    link: https://x/issues/18\n    answer: |\n      No.\n").unwrap();
        assert_eq!(c[0].questions[0].title, "Forges?");
        assert_eq!(
            c[0].questions[0].link.as_deref(),
            Some("https://x/issues/18")
        );
        assert_eq!(c[0].questions[0].answer.as_deref(), Some("No.\n"));
        let e: RawElection = serde_yaml::from_str(
            "name: SC\ncontest: TAC\nquestions:\n  - title: Forges?\n    text: Should we move?\n    asked_by: someone\n",
        )
        .unwrap();
        assert_eq!(e.contest.as_deref(), Some("TAC"));
        assert_eq!(e.questions[0].text, "Should we move?");
        assert_eq!(e.questions[0].asked_by.as_deref(), Some("someone"));
        let err =
            one("name: A\nstatement: s\nanswers:\n  - title: T\n    anser: typo\n").unwrap_err();
        assert!(err.to_string().contains("anser"), "{err}");
        assert_eq!(err.location().map(|l| l.line()), Some(4), "{err}");
    }

    #[test]
    fn reads_the_rules_and_names_a_wrong_one_with_its_line() {
        let e: RawElection = serde_yaml::from_str(
            "name: X\nseats: 3\nballot: approval\nmax_choices: 2\nmax_per_employer: 1\n",
        )
        .unwrap();
        assert_eq!(e.ballot, Some(BallotKind::Approval));
        assert_eq!((e.max_choices, e.max_per_employer), (Some(2), Some(1)));
        let err = serde_yaml::from_str::<RawElection>("name: X\nballot: borda\n").unwrap_err();
        assert!(err.to_string().contains("`ranked` or `approval`"), "{err}");
        assert_eq!(err.location().map(|l| l.line()), Some(2), "{err}");
        let err = serde_yaml::from_str::<RawElection>("name: X\n\nmax_choices: -1\n").unwrap_err();
        assert_eq!(err.location().map(|l| l.line()), Some(3), "{err}");
    }

    #[test]
    fn reads_an_election() {
        let e: RawElection = serde_yaml::from_str(
            "name: AC 2024\nproject: Kata\nseats: 4\ndates: {voting_open: '2024-04-22'}\nincumbents: [A, B]\nofficials: [x]\n",
        )
        .unwrap();
        assert_eq!(e.seats, Some(4));
        assert_eq!(e.dates[0].0, "voting_open");
        assert_eq!(e.incumbents, vec!["A", "B"]);
        assert_eq!(e.extra[0].0, "officials");
    }
}
