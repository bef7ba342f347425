//! Writing a roster out as candidate YAML: one folder per election (named by its key), an
//! `election.yaml`, and one file per candidate. Loading the result gives the same candidates.

use std::collections::HashSet;
use std::io;
use std::path::Path;

use serde_yaml::{Mapping, Value};

use crate::roster::{Candidate, Election, Roster, Text, slug};
use crate::voter::store::write_atomic;

/// How much was written.
pub struct Written {
    pub elections: usize,
    pub candidates: usize,
}

/// Writes every election of `roster` under `out`.
pub fn write_roster(roster: &Roster, out: &Path) -> io::Result<Written> {
    std::fs::create_dir_all(out)?;
    let mut written = Written {
        elections: 0,
        candidates: 0,
    };
    for (index, election) in roster.elections.iter().enumerate() {
        let dir = out.join(&election.key);
        std::fs::create_dir_all(&dir)?;
        write_yaml(&dir.join("election.yaml"), &election_yaml(election))?;
        written.elections += 1;
        let mut used = HashSet::new();
        for candidate in &roster.candidates[roster.members(index)] {
            let base = slug(&candidate.name);
            let mut name = base.clone();
            let mut n = 1;
            while !used.insert(name.clone()) {
                n += 1;
                name = format!("{base}-{n}");
            }
            write_yaml(
                &dir.join(format!("{name}.yaml")),
                &candidate_yaml(candidate, &election.questions),
            )?;
            written.candidates += 1;
        }
    }
    Ok(written)
}

fn write_yaml(path: &Path, value: &Value) -> io::Result<()> {
    let text = serde_yaml::to_string(value).map_err(io::Error::other)?;
    write_atomic(path, text.as_bytes())
}

fn put(map: &mut Mapping, key: &str, value: Value) {
    map.insert(Value::String(key.to_string()), value);
}

fn text(s: &str) -> Value {
    Value::String(s.to_string())
}

fn pairs(items: &[(String, String)]) -> Value {
    Value::Mapping(items.iter().map(|(k, v)| (text(k), text(v))).collect())
}

fn election_yaml(e: &Election) -> Value {
    let mut map = Mapping::new();
    put(&mut map, "id", text(&e.key));
    put(&mut map, "name", text(&e.name));
    if e.short_name != e.name {
        put(&mut map, "short_name", text(&e.short_name));
    }
    if let Some(project) = &e.project {
        put(&mut map, "project", text(project));
    }
    if let Some(seats) = e.seats {
        put(&mut map, "seats", Value::Number(seats.into()));
    }
    if !e.dates.is_empty() {
        put(&mut map, "dates", pairs(&e.dates));
    }
    if !e.incumbents.is_empty() {
        put(
            &mut map,
            "incumbents",
            Value::Sequence(e.incumbents.iter().map(|s| text(s)).collect()),
        );
    }
    if let Some(contest) = &e.contest {
        put(&mut map, "contest", text(contest));
    }
    let rules = &e.rules;
    if rules.ballot != crate::roster::BallotKind::Ranked {
        put(&mut map, "ballot", text(rules.ballot.as_str()));
    }
    for (key, value) in [
        ("max_choices", rules.max_choices),
        ("max_per_employer", rules.max_per_employer),
    ] {
        if let Some(n) = value {
            put(&mut map, key, Value::Number(n.into()));
        }
    }
    if let Some(allow) = rules.allow_no_opinion {
        put(&mut map, "allow_no_opinion", Value::Bool(allow));
    }
    if !e.ballot_names.is_empty() {
        put(
            &mut map,
            "ballot_names",
            Value::Sequence(e.ballot_names.iter().map(|n| text(n)).collect()),
        );
    }
    if !e.questions.is_empty() {
        let questions = e
            .questions
            .iter()
            .map(|q| {
                let mut item = Mapping::new();
                put(&mut item, "title", text(&q.title));
                if let Some(link) = &q.link {
                    put(&mut item, "link", text(link));
                }
                if let Some(asked_by) = &q.asked_by {
                    put(&mut item, "asked_by", text(asked_by));
                }
                if !q.text.raw().trim().is_empty() {
                    put(&mut item, "text", block(&q.text));
                }
                Value::Mapping(item)
            })
            .collect();
        put(&mut map, "questions", Value::Sequence(questions));
    }
    for (key, value) in &e.extra {
        put(&mut map, key, text(value));
    }
    Value::Mapping(map)
}

fn candidate_yaml(c: &Candidate, questions: &[crate::roster::Question]) -> Value {
    let mut map = Mapping::new();
    put(&mut map, "name", text(&c.name));
    match c.emails.as_slice() {
        [] => {}
        [one] => put(&mut map, "email", text(one)),
        many => put(
            &mut map,
            "email",
            Value::Sequence(many.iter().map(|s| text(s)).collect()),
        ),
    }
    if let Some(affiliation) = &c.affiliation {
        put(&mut map, "affiliation", text(affiliation));
    }
    if !c.links.is_empty() {
        put(&mut map, "links", pairs(&c.links));
    }
    for (key, value) in &c.extra {
        put(&mut map, key, text(value));
    }
    put(&mut map, "source", text(&c.path.display().to_string()));
    put(&mut map, "statement", block(&c.statement));
    if !c.answers.is_empty() {
        let answers = c
            .answers
            .iter()
            .map(|a| {
                let q = &questions[a.question];
                let mut item = Mapping::new();
                put(&mut item, "question", text(&q.title));
                if let Some(link) = &q.link {
                    put(&mut item, "link", text(link));
                }
                put(&mut item, "answer", block(&a.text));
                Value::Mapping(item)
            })
            .collect();
        put(&mut map, "answers", Value::Sequence(answers));
    }
    Value::Mapping(map)
}

/// Text as written, made to print as a readable YAML block: spaces at line ends (and CR
/// before LF) force YAML into one long quoted line, so they go. No word changes.
fn block(t: &Text) -> Value {
    let raw = t.raw();
    let lines: Vec<&str> = raw.lines().map(str::trim_end).collect();
    let mut out = lines.join("\n");
    if raw.ends_with('\n') {
        out.push('\n');
    }
    text(&out)
}
