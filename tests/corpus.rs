//! Every real election in `../shared/corpus` (read in place): each statement appears once,
//! under its election, with the name and e-mail the source gives, and the words of its body
//! equal the words of the source's body. The body rules here are written apart from the
//! importer's, so the two check each other.

#[path = "support/shared.rs"]
mod shared;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use hustings::load::classify::{Kind, classify};
use hustings::roster::{Candidate, Roster};

fn corpus(part: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(part);
    assert!(
        path.is_dir(),
        "{} (the corpus lives beside the repository)",
        path.display()
    );
    path
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

fn is_dashes(line: &str) -> bool {
    let t = line.trim_end();
    t.len() >= 3 && t.chars().all(|c| c == '-')
}

/// The source's body, by simple rules per format.
fn body(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let first = lines.iter().position(|l| !l.trim().is_empty()).unwrap_or(0);
    // Elekto: everything after the first dashed block.
    if lines.get(first).is_some_and(|l| is_dashes(l))
        && let Some(close) = lines[first + 1..].iter().position(|l| is_dashes(l))
    {
        return lines[first + close + 2..].join("\n");
    }
    // A mailing-list page: after subject, author and date; before the footer.
    let (lines, first) =
        if lines[first].starts_with('[') && text.contains("More information about the") {
            let start = lines[first + 1..]
                .iter()
                .position(|l| !l.trim().is_empty())
                .map_or(lines.len(), |i| first + 1 + i + 2);
            let end = lines
                .iter()
                .rposition(|l| l.starts_with("More information about the"))
                .unwrap_or(lines.len());
            (lines[start..end].to_vec(), 0)
        } else {
            (lines, first)
        };
    // Key lines: without Name:, Email: and a bare Background: label.
    let key = |l: &str, k: &str| {
        let t = l.trim().trim_start_matches("**").to_lowercase();
        t.starts_with(&format!("{k}:")) || t.starts_with(&format!("{k}**:"))
    };
    if lines.iter().take(40).any(|l| key(l, "name")) {
        let mut background_seen = false;
        return lines
            .iter()
            .enumerate()
            .filter(|(i, l)| {
                if *i >= 60 || background_seen {
                    return true;
                }
                if l.trim().eq_ignore_ascii_case("background:") {
                    background_seen = true;
                    return false;
                }
                !(key(l, "name") || key(l, "email"))
            })
            .map(|(_, l)| *l)
            .collect::<Vec<_>>()
            .join("\n");
    }
    // A bio: without the `# Name` heading and the `- Key: value` bullets under it.
    if lines.get(first).is_some_and(|l| l.starts_with("# ")) {
        let rest = &lines[first + 1..];
        let bullets = rest
            .iter()
            .take_while(|l| {
                let t = l.trim_start();
                l.trim().is_empty()
                    || ((t.starts_with("- ") || t.starts_with("* "))
                        && t[2..].split_once(':').is_some_and(|(k, _)| {
                            k.split_whitespace().count() <= 2
                                && !k.contains('[')
                                && !k.contains('*')
                        }))
            })
            .count();
        return rest[bullets..].join("\n");
    }
    lines.join("\n")
}

/// Loads `part` of the corpus and checks every statement file against its candidate.
fn check_part(part: &str) -> (Roster, usize) {
    let root = corpus(part);
    let (roster, errors) = Roster::load_paths(std::slice::from_ref(&root));
    assert!(errors.is_empty(), "{errors:?}");
    let by_path: HashMap<&Path, Vec<&Candidate>> =
        roster.candidates.iter().fold(HashMap::new(), |mut m, c| {
            m.entry(c.path.as_path()).or_default().push(c);
            m
        });
    let mut all = Vec::new();
    files(&root, &mut all);
    let mut statements = 0;
    for path in all {
        if classify(&path) != Kind::Statement {
            continue;
        }
        statements += 1;
        let found = by_path.get(path.as_path()).map_or(0, Vec::len);
        assert_eq!(found, 1, "{} appears {found} times", path.display());
        let candidate = by_path[path.as_path()][0];
        let bytes = std::fs::read(&path).unwrap();
        let source = String::from_utf8_lossy(&bytes);
        assert_eq!(
            words(candidate.statement.raw()),
            words(&body(&source)),
            "{}: the words of the body differ",
            path.display()
        );
        // The candidate stands in the election of its own folder.
        let folder = path.parent().unwrap().display().to_string();
        assert_eq!(roster.election_of(candidate).folder, folder);
        assert!(
            !candidate.name.trim().is_empty(),
            "{} has no name",
            path.display()
        );
        check_name_and_email(&source, candidate, &path);
    }
    assert_eq!(
        statements,
        roster.candidates.len(),
        "no candidate from elsewhere"
    );
    (roster, statements)
}

/// Where the source names the candidate or gives an e-mail, the candidate has it.
fn check_name_and_email(source: &str, c: &Candidate, path: &Path) {
    for line in source.lines().take(40) {
        let t = line.trim().trim_start_matches("**");
        if let Some(v) = t
            .strip_prefix("Name:")
            .or_else(|| t.strip_prefix("Name**:"))
        {
            let v = v.trim().trim_start_matches("**").trim();
            assert!(
                v.starts_with(&c.name),
                "{}: name {:?} from {v:?}",
                path.display(),
                c.name
            );
            break;
        }
    }
    for line in source.lines().take(40) {
        if let Some(v) = line.trim().strip_prefix("Email:") {
            for address in v
                .replace(" at ", "@")
                .replace(" dot ", ".")
                .split([',', ' ', ';'])
            {
                let address = address.trim().trim_matches(['<', '>', '(', ')', '`']);
                if address.contains('@') && !address.starts_with('@') {
                    assert!(
                        c.emails.iter().any(|e| e == address),
                        "{}: {address} missing from {:?}",
                        path.display(),
                        c.emails
                    );
                }
            }
            break;
        }
    }
    if let Some(name) = elekto_name(source) {
        assert_eq!(c.name, name, "{}", path.display());
    }
}

fn elekto_name(source: &str) -> Option<String> {
    let mut lines = source.lines().skip_while(|l| l.trim().is_empty());
    if !is_dashes(lines.next()?) {
        return None;
    }
    lines
        .take_while(|l| !is_dashes(l))
        .find_map(|l| l.strip_prefix("name:"))
        .map(|v| v.trim().trim_matches(['"', '\'']).to_string())
}

#[test]
fn kata_elections_2018_to_2026() {
    if shared::shared("corpus").is_none() {
        return;
    }
    let (roster, statements) = check_part("kata-containers-community/elections");
    assert_eq!(roster.elections.len(), 16);
    assert!(statements >= 60, "{statements}");
    let e2024 = roster
        .elections
        .iter()
        .find(|e| e.name.ends_with("Apr 2024"))
        .expect("April 2024");
    assert_eq!(e2024.seats, Some(4));
    assert_eq!(
        e2024.incumbents,
        [
            "Fabiano Fidêncio",
            "Peng Tao",
            "Samuel Ortiz",
            "Steve Horsman"
        ]
    );
    assert!(e2024.dates.contains(&(
        "voting_close".to_string(),
        "April 29, 2024 14:59 UTC".to_string()
    )));
    assert!(
        e2024
            .extra
            .iter()
            .any(|(k, v)| k == "results" && v.contains("Zvonko Kaiser"))
    );
    // The 2026 Markdown statements carry a handle on the name line.
    let nanos = roster
        .candidates
        .iter()
        .find(|c| {
            c.name == "Anastassios Nanos"
                && c.path
                    .ends_with("arch-committee-2026-04/AnastassiosNanos.md")
        })
        .expect("Anastassios Nanos, 2026");
    assert!(
        nanos
            .links
            .contains(&("github".to_string(), "ananos".to_string()))
    );
    // No header at all: the name comes from the file name.
    assert!(roster.candidates.iter().any(|c| c.name == "Jon Olson"));
}

#[test]
fn openstack_tc_2015_to_2027() {
    if shared::shared("corpus").is_none() {
        return;
    }
    let (roster, _) = check_part("openstack-election");
    // Named from tc.yaml where the cycle has one.
    let cardoe = roster
        .candidates
        .iter()
        .find(|c| c.path.ends_with("2026.1/TC/cardoe@cardoe.com"))
        .unwrap();
    assert_eq!(cardoe.name, "Doug Goldstein");
    assert_eq!(cardoe.emails, ["cardoe@cardoe.com"]);
    assert!(
        cardoe
            .links
            .contains(&("irc".to_string(), "cardoe".to_string()))
    );
    // The CRLF statement reads as text, with no carriage return left in it or shown.
    let crlf = roster
        .candidates
        .iter()
        .find(|c| c.path.ends_with("wallaby/TC/jsbryant@electronicjungle.net"))
        .unwrap();
    assert!(!crlf.statement.raw().contains('\r'));
    assert!(!crlf.statement.display().contains("^M"));
    assert_eq!(crlf.hidden, 0);
    // Every cycle's TC folder is its own election, named with its cycle.
    assert!(roster.elections.iter().any(|e| e.name == "mitaka TC"));
}

#[test]
fn kubernetes_elections_and_their_non_candidates() {
    if shared::shared("corpus").is_none() {
        return;
    }
    let (roster, _) = check_part("kubernetes-community/elections");
    let skipped: Vec<&str> = roster.skipped.iter().map(|(p, _)| p.as_str()).collect();
    assert!(
        skipped
            .iter()
            .any(|p| p.ends_with("nomination-template.md")),
        "{skipped:?}"
    );
    assert!(
        skipped.iter().any(|p| p.ends_with("voters.md")),
        "{skipped:?}"
    );
    assert!(
        !roster
            .candidates
            .iter()
            .any(|c| c.path.ends_with("README.md"))
    );
    let carr = roster
        .candidates
        .iter()
        .find(|c| c.path.ends_with("steering/2017/derekcarr_bio.md"))
        .unwrap();
    assert_eq!(carr.name, "Derek Carr");
    assert_eq!(carr.affiliation.as_deref(), Some("Red Hat"));
    // "## Vote for justinsb!" is no name: the election's README lists him.
    let justin = roster
        .candidates
        .iter()
        .find(|c| c.path.ends_with("steering/2017/vote_for_justinsb.md"))
        .unwrap();
    assert_eq!(justin.name, "Justin Santa Barbara");
    assert!(
        justin
            .links
            .iter()
            .any(|(k, v)| k == "github" && v == "justinsb")
    );
    let e2023 = roster
        .elections
        .iter()
        .find(|e| e.name == "2023 Steering Committee Election")
        .unwrap();
    assert_eq!(e2023.seats, Some(4));
    assert_eq!(e2023.project.as_deref(), Some("Kubernetes"));
    // 2017–2020 by their own title, not their voters' guide's heading in capitals.
    for year in 2017..=2020 {
        let name = format!("{year} Kubernetes Steering Committee Election");
        assert!(
            roster.elections.iter().any(|e| e.name == name),
            "{name}: {:?}",
            roster.elections.iter().map(|e| &e.name).collect::<Vec<_>>()
        );
    }
}

#[test]
fn elekto_samples() {
    if shared::shared("corpus").is_none() {
        return;
    }
    let (roster, statements) = check_part("elekto-samples/elections");
    assert!(statements >= 10);
    assert!(roster.candidates.iter().any(|c| c.name == "Not CIVS"));
}

#[test]
fn both_seeds() {
    if shared::shared("seeds").is_none() {
        return;
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let (roster, errors) = Roster::load_paths(&[dir]);
    assert!(errors.is_empty());
    let names: Vec<&str> = roster.candidates.iter().map(|c| c.name.as_str()).collect();
    assert!(
        names.contains(&"Anastassios Nanos") && names.contains(&"Tao Peng"),
        "{names:?}"
    );
    let tao = roster
        .candidates
        .iter()
        .find(|c| c.name == "Tao Peng")
        .unwrap();
    assert_eq!(tao.emails, ["bergwolf@hyper.sh", "bergwolf@antgroup.com"]);
    assert!(!tao.statement.raw().contains("More information about"));
    assert!(
        tao.extra
            .iter()
            .any(|(k, v)| k == "author" && v == "Peng Tao")
    );
}

/// The NixOS source's Q&A section, by rules of its own: the links of the questions a file
/// answers, and every word of the section that is no generated markup.
fn nixos_qa(source: &str) -> (Vec<String>, Vec<String>) {
    let mut answered = Vec::new();
    let mut words_left = Vec::new();
    let mut in_qa = false;
    for line in source.lines() {
        let t = line.trim();
        if t == "## Q&A" || t == "## Unanswered questions" {
            in_qa = true;
            continue;
        }
        if !in_qa {
            continue;
        }
        if t.starts_with("### ") && t.ends_with("))") && t.contains(" ([link](") {
            let link = t.rsplit_once("([link](").unwrap().1.trim_end_matches("))");
            answered.push(link.to_string());
            continue;
        }
        let markup = t == "<details>" || t == "</details>" || t.starts_with("<summary>");
        if !markup {
            words_left.extend(t.split_whitespace().map(str::to_string));
        }
    }
    (answered, words_left)
}

#[test]
fn nixos_2024_candidates_questions_and_answers() {
    if shared::shared("corpus").is_none() {
        return;
    }
    let root = corpus("nixos-sc-election-2024");
    let (roster, errors) = Roster::load_paths(std::slice::from_ref(&root));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(roster.elections.len(), 1);
    let election = &roster.elections[0];
    assert_eq!(election.name, "Nix Steering Committee (SC) Election 2024");
    assert!(
        election
            .extra
            .iter()
            .any(|(k, v)| k == "description" && v.contains("Steering Committee")),
        "the README describes the election"
    );
    assert_eq!(roster.candidates.len(), 23);
    assert_eq!(election.questions.len(), 39);
    for c in &roster.candidates {
        let handle = c.path.file_stem().unwrap().to_string_lossy().to_string();
        let source = std::fs::read_to_string(&c.path).unwrap();
        let name = source
            .lines()
            .find_map(|l| l.trim_start_matches(['-', '*', ' ']).strip_prefix("Name:"))
            .unwrap()
            .trim();
        assert_eq!(c.name, name, "{handle}");
        assert!(
            c.links
                .iter()
                .any(|(k, v)| k == "github" && v.eq_ignore_ascii_case(&handle)),
            "{handle}: {:?}",
            c.links
        );
        // The statement is everything before the Q&A but the `Key: value` bullets on top.
        let before: Vec<&str> = source
            .lines()
            .take_while(|l| l.trim() != "## Q&A" && l.trim() != "## Unanswered questions")
            .collect();
        let key_bullet = |l: &str| {
            let t = l.trim_start();
            (t.starts_with("- ") || t.starts_with("* "))
                && t[2..]
                    .split_once(':')
                    .is_some_and(|(k, _)| k.split_whitespace().count() <= 4)
        };
        let header = before
            .iter()
            .position(|l| {
                let t = l.trim();
                !t.is_empty() && !t.starts_with('#') && !key_bullet(l)
            })
            .unwrap_or(before.len());
        let body: Vec<&str> = before
            .iter()
            .enumerate()
            .filter(|(i, l)| *i >= header || !key_bullet(l))
            .flat_map(|(_, l)| l.split_whitespace())
            .collect();
        assert_eq!(
            words(c.statement.raw()),
            body,
            "{handle}: the statement's words"
        );
        let (answered, mut words_left) = nixos_qa(&source);
        // Exactly the questions the file answers.
        let mut got: Vec<&str> = c
            .answers
            .iter()
            .map(|a| election.questions[a.question].link.as_deref().unwrap())
            .collect();
        let mut want: Vec<&str> = answered.iter().map(String::as_str).collect();
        got.sort_unstable();
        want.sort_unstable();
        assert_eq!(got, want, "{handle}");
        // No word lost: the section's words are the questions' texts, the unanswered
        // questions' titles and the answers.
        let mut kept: Vec<String> = Vec::new();
        for (i, q) in election.questions.iter().enumerate() {
            match c.answer(i) {
                Some(a) => {
                    kept.extend(q.text.raw().split_whitespace().map(str::to_string));
                    kept.extend(a.raw().split_whitespace().map(str::to_string));
                }
                None => {
                    kept.extend(q.text.raw().split_whitespace().map(str::to_string));
                }
            }
        }
        // Unanswered questions' titles sit on their `<summary>` lines, left out above.
        words_left.sort();
        kept.sort();
        assert_eq!(kept, words_left, "{handle}: the words of the Q&A differ");
    }
}

/// Text without HTML comments that hold a template heading.
fn without_templates(source: &str) -> String {
    let mut out = String::new();
    let mut rest = source;
    while let Some(open) = rest.find("<!--") {
        let close = rest[open..]
            .find("-->")
            .map_or(rest.len(), |c| open + c + 3);
        out.push_str(&rest[..open]);
        if !rest[open..close].contains("\n### ") {
            out.push_str(&rest[open..close]);
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

#[test]
fn opentelemetry_2019_to_2023_one_file_per_election() {
    if shared::shared("corpus").is_none() {
        return;
    }
    let root = corpus("opentelemetry-gc/elections");
    let (roster, errors) = Roster::load_paths(std::slice::from_ref(&root));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(roster.elections.len(), 5);
    let mut total = 0;
    for year in 2019..=2023 {
        let path = root.join(format!("{year}/governance-committee-candidates.md"));
        let source = without_templates(&std::fs::read_to_string(&path).unwrap());
        let election = roster
            .elections
            .iter()
            .position(|e| e.folder == root.join(year.to_string()).display().to_string())
            .unwrap();
        assert!(
            roster.elections[election]
                .name
                .starts_with(&year.to_string())
        );
        let ours: Vec<&Candidate> = roster
            .candidates
            .iter()
            .filter(|c| c.election == election)
            .collect();
        // Each `### ` section is a candidate: its heading the name, `- Company:` the
        // affiliation, the rest (but the photo, the bullets and the closing rule) its words.
        let sections: Vec<&str> = source.split("\n### ").skip(1).collect();
        assert_eq!(ours.len(), sections.len(), "{year}");
        for section in sections {
            let (name, rest) = section.split_once('\n').unwrap();
            let c = ours
                .iter()
                .find(|c| c.name == name.trim())
                .unwrap_or_else(|| panic!("{year}: no {name:?}"));
            let company = rest
                .lines()
                .find_map(|l| l.strip_prefix("- Company:"))
                .unwrap()
                .trim();
            let company = company
                .strip_prefix('[')
                .and_then(|c| c.split_once(']'))
                .map_or(company, |(label, _)| label);
            assert_eq!(c.affiliation.as_deref(), Some(company), "{year} {name}");
            // Profile bullets (`- Key: value` before the first paragraph) are fields, and
            // each value is somewhere among them.
            let mut in_profile = true;
            let mut body: Vec<&str> = Vec::new();
            for line in rest.lines() {
                let t = line.trim();
                if t.starts_with("![") || t.starts_with("<img ") || t == "---" {
                    continue;
                }
                let bullet = t
                    .strip_prefix("- ")
                    .and_then(|b| b.split_once(':'))
                    .filter(|(k, _)| k.split_whitespace().count() <= 2 && !k.contains('['));
                if in_profile && let Some((key, value)) = bullet {
                    let value = value.trim();
                    let kept = c.affiliation.as_deref().is_some_and(|a| value.contains(a))
                        || c.links.iter().any(|(_, v)| value.contains(v.as_str()))
                        || c.extra.iter().any(|(_, v)| v == value);
                    assert!(kept, "{year} {name}: {key}: {value} is lost");
                    continue;
                }
                if !t.is_empty() {
                    in_profile = false;
                }
                body.extend(t.split_whitespace());
            }
            assert_eq!(
                words(c.statement.raw()),
                body,
                "{year} {name}: the words differ"
            );
            total += 1;
        }
    }
    assert_eq!(total, roster.candidates.len());
}

/// The cells of an OpenSSF table by rules of their own: HTML rows split at `<td`, tags
/// taken out; pipe rows split at `|`.
fn openssf_rows(source: &str) -> Vec<Vec<String>> {
    let strip = |html: &str| {
        let mut out = String::new();
        let mut in_tag = false;
        for ch in html.chars() {
            match ch {
                '<' => in_tag = true,
                '>' if in_tag => {
                    in_tag = false;
                    out.push(' ');
                }
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&amp;", "&")
    };
    if source.trim_start().starts_with("<table") {
        source
            .split("<tr")
            .skip(2)
            .map(|row| {
                row.split("<td")
                    .skip(1)
                    .map(|cell| strip(&format!("<td{cell}")))
                    .collect()
            })
            .collect()
    } else {
        source
            .lines()
            .filter(|l| l.starts_with('|'))
            .skip(2)
            .map(|l| {
                l.trim_start_matches('|')
                    .split('|')
                    .map(str::to_string)
                    .collect()
            })
            .collect()
    }
}

#[test]
fn openssf_2024_and_2026_one_election_per_contest() {
    if shared::shared("corpus").is_none() {
        return;
    }
    let root = corpus("ossf-tac/elections");
    let (roster, errors) = Roster::load_paths(std::slice::from_ref(&root));
    assert!(errors.is_empty(), "{errors:?}");
    let contests: Vec<(&str, Option<&str>)> = roster
        .elections
        .iter()
        .map(|e| (e.name.as_str(), e.contest.as_deref()))
        .collect();
    for (file, name, contest) in [
        (
            "OpenSSF-TAC-Nominations-2024.md",
            "OpenSSF 2024: TAC",
            "TAC",
        ),
        (
            "OpenSSF-TAC-GB-Nominations-2024.md",
            "OpenSSF 2024: TAC GB",
            "TAC GB",
        ),
        (
            "OpenSSF-SCIR-Nominations-2024.md",
            "OpenSSF 2024: SCIR",
            "SCIR",
        ),
        (
            "OpenSSF-TAC-Nominations-2026.md",
            "OpenSSF 2026: TAC",
            "TAC",
        ),
        (
            "OpenSSF-SCIR-Nominations-2026.md",
            "OpenSSF 2026: SCIR",
            "SCIR",
        ),
    ] {
        assert!(contests.contains(&(name, Some(contest))), "{contests:?}");
        let source = std::fs::read_to_string(root.join(file)).unwrap();
        let rows = openssf_rows(&source);
        let election = roster
            .elections
            .iter()
            .position(|e| e.name == name)
            .unwrap();
        let ours: Vec<&Candidate> = roster
            .candidates
            .iter()
            .filter(|c| c.election == election)
            .collect();
        assert_eq!(ours.len(), rows.len(), "{file}");
        for row in rows {
            let name: String = words(&row[0]).join(" ");
            let c = ours
                .iter()
                .find(|c| c.name == name)
                .unwrap_or_else(|| panic!("{file}: no {name:?}"));
            assert!(
                c.affiliation.as_deref().is_some_and(|a| row[1].contains(a)),
                "{file} {name}: {:?}",
                c.affiliation
            );
            let statement = row[2..].join(" ");
            assert_eq!(words(c.statement.raw()), words(&statement), "{file} {name}");
        }
    }
    assert_eq!(
        roster.elections.len(),
        5,
        "the process document is no election"
    );
    // Standing in two contests: ranked in each on its own.
    let mut lin: Vec<&str> = roster
        .candidates
        .iter()
        .filter(|c| c.name == "Lin Sun")
        .map(|c| roster.election_of(c).name.as_str())
        .collect();
    lin.sort_unstable();
    assert_eq!(lin, ["OpenSSF 2024: SCIR", "OpenSSF 2024: TAC"]);
}

#[test]
fn import_then_check_round_trips_every_statement() {
    if shared::shared("corpus").is_none() {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_hustings");
    for part in [
        "kata-containers-community/elections",
        "openstack-election",
        "kubernetes-community/elections",
        "elekto-samples/elections",
        "nixos-sc-election-2024",
        "opentelemetry-gc/elections",
        "ossf-tac/elections",
        "../seeds",
    ] {
        let target = out.path().join(part.replace(['/', '.'], "-"));
        let status = Command::new(bin)
            .arg("import")
            .arg(corpus(part))
            .arg("--out")
            .arg(&target)
            .status()
            .unwrap();
        assert!(status.success(), "import {part}");
        let check = Command::new(bin)
            .arg("check")
            .arg(&target)
            .output()
            .unwrap();
        assert!(
            check.status.success(),
            "check {part}: {}",
            String::from_utf8_lossy(&check.stdout)
        );
        let (source, _) = Roster::load_paths(&[corpus(part)]);
        let (imported, errors) = Roster::load_paths(&[target]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(imported.candidates.len(), source.candidates.len(), "{part}");
        assert_eq!(imported.elections.len(), source.elections.len(), "{part}");
        // Line-end spaces are dropped on export (they force YAML into quoted lines).
        let trimmed = |s: &str| s.lines().map(str::trim_end).collect::<Vec<_>>().join("\n");
        let mut a: Vec<(&str, String)> = source
            .candidates
            .iter()
            .map(|c| (c.name.as_str(), trimmed(c.statement.raw())))
            .collect();
        let mut b: Vec<(&str, String)> = imported
            .candidates
            .iter()
            .map(|c| (c.name.as_str(), trimmed(c.statement.raw())))
            .collect();
        a.sort();
        b.sort();
        assert_eq!(a, b, "{part}: names and statements survive the round trip");
        // And every question and answer, by the question's title.
        let answers = |r: &Roster| {
            let mut all: Vec<(String, String, String)> = r
                .candidates
                .iter()
                .flat_map(|c| {
                    let questions = &r.election_of(c).questions;
                    c.answers.iter().map(move |a| {
                        let q = &questions[a.question];
                        (c.name.clone(), q.title.clone(), trimmed(a.text.raw()))
                    })
                })
                .collect();
            all.sort();
            all
        };
        assert_eq!(answers(&source), answers(&imported), "{part}: answers");
        let questions = |r: &Roster| {
            let mut all: Vec<(String, Option<String>, String)> = r
                .elections
                .iter()
                .flat_map(|e| {
                    e.questions
                        .iter()
                        .map(|q| (q.title.clone(), q.link.clone(), trimmed(q.text.raw())))
                })
                .collect();
            all.sort();
            all
        };
        assert_eq!(
            questions(&source),
            questions(&imported),
            "{part}: questions"
        );
    }
}

#[test]
fn tao_pengs_history_runs_from_2021_to_2025_with_diffs() {
    if shared::shared("corpus").is_none() {
        return;
    }
    let output = Command::new(env!("CARGO_BIN_EXE_hustings"))
        .args(["history", "Tao Peng"])
        .arg(corpus("kata-containers-community/elections"))
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("Tao Peng: 5 candidacies\n"), "{text}");
    let years: Vec<&str> = text
        .lines()
        .skip(1)
        .take(5)
        .map(|l| l.trim_start().get(..4).unwrap_or(""))
        .collect();
    assert_eq!(years, ["2021", "2022", "2023", "2024", "2025"], "{text}");
    assert!(
        text.contains("arch-committee-2021-02/PengTao.txt"),
        "matched by name: {text}"
    );
    assert_eq!(text.matches("words kept").count(), 4, "{text}");
}

#[test]
fn the_themes_of_april_2024_name_each_candidates_topics() {
    if shared::shared("corpus").is_none() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_hustings"))
        .args(["themes", "--order", "name", "--data-dir"])
        .arg(data.path())
        .arg(corpus(
            "kata-containers-community/elections/arch-committee-2024-04",
        ))
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let row = |term: &str| -> Vec<String> {
        text.lines()
            .find(|l| l.starts_with(&format!("{term} ")))
            .unwrap_or_else(|| panic!("no theme {term}:\n{text}"))
            .split_whitespace()
            .rev()
            .take(4)
            .map(str::to_string)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect()
    };
    // Columns: Anastassios, Steve, Tao, Zvonko.
    assert_eq!(row("hypervisor"), ["8", "·", "·", "·"], "{text}");
    assert_eq!(
        row("coco"),
        ["·", "3", "3", "·"],
        "confidential containers: {text}"
    );
    assert_eq!(row("ci"), ["3", "2", "·", "·"], "{text}");
    assert_eq!(row("nvidia"), ["·", "·", "·", "5"], "{text}");
}
