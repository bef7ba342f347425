//! The real ballot's forms, each read back by a parser written here, apart from the
//! exporter: BLT (against the real OpaVote file NixOS published), Debian's text form,
//! approval lists; and an election's rules (approval caps, employer limits) as a voter
//! meets them.

#[path = "support/run.rs"]
mod run;
#[path = "support/shared.rs"]
mod shared;

use run::{hustings, path};

use std::path::{Path, PathBuf};

/// A BLT file, as OpaVote and OpenSTV read it.
#[derive(Debug, PartialEq)]
struct Blt {
    candidates: usize,
    seats: usize,
    /// (weight, preferences by candidate number from 1)
    ballots: Vec<(u64, Vec<usize>)>,
    names: Vec<String>,
    title: String,
}

/// Reads BLT by its rules: `C S`; ballot lines `w p1 p2 … 0`, every preference a candidate
/// number of 1..=C, none twice, no ties; a lone `0`; C quoted names; a quoted title; nothing
/// after.
fn parse_blt(text: &str) -> Result<Blt, String> {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let header: Vec<usize> = lines
        .next()
        .ok_or("empty")?
        .split_whitespace()
        .map(|t| t.parse().map_err(|_| format!("header {t:?}")))
        .collect::<Result<_, _>>()?;
    let [candidates, seats] = header[..] else {
        return Err(format!("header {header:?}"));
    };
    if seats == 0 || seats > candidates {
        return Err(format!("{seats} seats of {candidates}"));
    }
    let mut ballots = Vec::new();
    loop {
        let line = lines.next().ok_or("no end of ballots")?;
        if line.trim() == "0" {
            break;
        }
        let tokens: Vec<&str> = line.split_whitespace().collect();
        let (weight, rest) = tokens.split_first().ok_or("blank ballot")?;
        let weight: u64 = weight.parse().map_err(|_| format!("weight {weight:?}"))?;
        let (end, preferences) = rest.split_last().ok_or("no preferences")?;
        if *end != "0" {
            return Err(format!("ballot without its 0: {line:?}"));
        }
        let mut seen = Vec::new();
        for p in preferences {
            let n: usize = p
                .parse()
                .map_err(|_| format!("preference {p:?} in {line:?}"))?;
            if n == 0 || n > candidates || seen.contains(&n) {
                return Err(format!("preference {n} in {line:?}"));
            }
            seen.push(n);
        }
        ballots.push((weight, seen));
    }
    let quoted = |line: Option<&str>| -> Result<String, String> {
        let line = line.ok_or("missing a quoted line")?.trim();
        line.strip_prefix('"')
            .and_then(|l| l.strip_suffix('"'))
            .filter(|inner| !inner.contains('"'))
            .map(str::to_string)
            .ok_or(format!("not quoted: {line:?}"))
    };
    let names = (0..candidates)
        .map(|_| quoted(lines.next()))
        .collect::<Result<Vec<_>, _>>()?;
    let title = quoted(lines.next())?;
    if let Some(extra) = lines.next() {
        return Err(format!("after the title: {extra:?}"));
    }
    Ok(Blt {
        candidates,
        seats,
        ballots,
        names,
        title,
    })
}

/// A ballot file as hustings saves it, in `data`, for election `key`.
fn save_ballot(data: &Path, key: &str, ranking: &[&[&str]]) {
    std::fs::create_dir_all(data).unwrap();
    std::fs::set_permissions(data, std::os::unix::fs::PermissionsExt::from_mode(0o700)).unwrap();
    let groups: Vec<String> = ranking
        .iter()
        .map(|g| format!("- [{}]", g.join(", ")))
        .collect();
    std::fs::write(
        data.join(format!("{key}.yaml")),
        format!(
            "format: hustings ballot 1\nelection: {key}\nranking:\n{}\n",
            groups.join("\n")
        ),
    )
    .unwrap();
}

#[test]
fn a_blt_export_reads_as_the_real_opavote_file_does() {
    let Some(corpus) = shared::shared("corpus") else {
        return;
    };
    let nixos = corpus.join("nixos-sc-election-2024");
    let real = parse_blt(&std::fs::read_to_string(nixos.join("opavote_ballots.blt")).unwrap())
        .expect("the real file reads by these rules");
    assert_eq!(real.candidates, 23);
    assert!(real.ballots.len() > 100);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // Robert Hensing first, then John Ericson, then Alexander; keys are e-mail addresses.
    save_ballot(
        &data,
        "nix-steering-committee-sc-election-2024",
        &[
            &["robert@roberthensing.nl"],
            &["nix@johnericson.me"],
            &["alex@proof.construction"],
        ],
    );
    let (out, err, code) = hustings(&[
        "ballot",
        "export",
        "--format",
        "blt",
        "--data-dir",
        path(&data),
        path(&nixos),
    ]);
    assert_eq!(code, Some(0), "{err}");
    let ours = parse_blt(&out).unwrap_or_else(|e| panic!("{e}\n{out}"));
    assert_eq!(
        ours.names, real.names,
        "the names the election's ballots use"
    );
    assert_eq!(ours.seats, 7, "the election's seats");
    let number = |handle: &str| real.names.iter().position(|n| n == handle).unwrap() + 1;
    assert_eq!(
        ours.ballots,
        vec![(
            1,
            vec![
                number("roberth"),
                number("Ericson2314"),
                number("proofconstruction")
            ]
        )]
    );
}

/// An election of five in `dir`, with `extra` lines in its `election.yaml`.
fn election(dir: &Path, extra: &str) -> PathBuf {
    let election = dir.join("board");
    std::fs::create_dir_all(&election).unwrap();
    std::fs::write(
        election.join("election.yaml"),
        format!("id: board-2030\nname: Board 2030\n{extra}"),
    )
    .unwrap();
    for (file, name, employer) in [
        ("ann", "Ann Lee", "Acme"),
        ("bo", "Bo Ma", "Acme, Inc."),
        ("cy", "Cy Doe", "acme"),
        ("di", "Di Fox", "Beta"),
        ("ed", "Ed Ng", "Independent"),
    ] {
        std::fs::write(
            election.join(format!("{file}.yaml")),
            format!("name: {name}\naffiliation: {employer}\nstatement: s\n"),
        )
        .unwrap();
    }
    election
}

fn export(election: &Path, data: &Path, format: &str) -> (String, String, Option<i32>) {
    hustings(&[
        "ballot",
        "export",
        "--format",
        format,
        "--order",
        "name",
        "--data-dir",
        path(data),
        path(election),
    ])
}

#[test]
fn blt_without_a_ballot_file_names_everyone_and_refuses_a_tie() {
    let dir = tempfile::tempdir().unwrap();
    let board = election(dir.path(), "seats: 2\n");
    let data = dir.path().join("data");
    save_ballot(&data, "board-2030", &[&["cy.yaml"], &["ann.yaml"]]);
    let (out, err, code) = export(&board, &data, "blt");
    assert_eq!(code, Some(0), "{err}");
    let blt = parse_blt(&out).unwrap_or_else(|e| panic!("{e}\n{out}"));
    assert_eq!(blt.names, ["Ann Lee", "Bo Ma", "Cy Doe", "Di Fox", "Ed Ng"]);
    assert_eq!((blt.candidates, blt.seats), (5, 2));
    assert_eq!(blt.ballots, vec![(1, vec![3, 1])]);
    assert_eq!(blt.title, "Board 2030");
    save_ballot(
        &data,
        "board-2030",
        &[&["cy.yaml", "ann.yaml"], &["bo.yaml"]],
    );
    let (out, err, code) = export(&board, &data, "blt");
    assert_eq!(code, Some(1));
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains("hustings: error: Board 2030: a BLT ballot holds no ties, and Ann Lee and Cy Doe share a rank"),
        "{err}"
    );
}

#[test]
fn ranks_typed_with_gaps_are_cast_without_them_in_every_form() {
    let dir = tempfile::tempdir().unwrap();
    let board = election(dir.path(), "seats: 2\n");
    let data = dir.path().join("data");
    // As the voter typed them: no one at ranks 1 and 3.
    save_ballot(
        &data,
        "board-2030",
        &[&[], &["cy.yaml"], &[], &["ann.yaml"]],
    );
    let (out, err, code) = export(&board, &data, "blt");
    assert_eq!(code, Some(0), "{err}");
    let blt = parse_blt(&out).unwrap_or_else(|e| panic!("{e}\n{out}"));
    assert_eq!(blt.ballots, vec![(1, vec![3, 1])]);
    let (out, err, code) = export(&board, &data, "civs");
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("Cy Doe: 1") && out.contains("Ann Lee: 2"),
        "{out}"
    );
    let (out, _, _) = export(&board, &data, "elekto");
    assert!(!out.contains(": 3") && !out.contains(": 4"), "{out}");
    let (out, _, _) = export(&board, &data, "debian");
    let ranks: Vec<Option<usize>> = parse_debian(&out).into_iter().map(|(r, _, _)| r).collect();
    assert_eq!(ranks, [Some(2), None, Some(1), None, None]);
}

/// Debian's form by its rules: `[ r ] Choice k: Name`, r blank or a number.
fn parse_debian(text: &str) -> Vec<(Option<usize>, usize, String)> {
    text.lines()
        .filter(|l| l.starts_with('['))
        .map(|l| {
            let (bracket, rest) = l[1..].split_once(']').expect("a closing bracket");
            let rank = bracket.trim();
            let rest = rest.trim_start().strip_prefix("Choice ").expect("Choice k");
            let (k, name) = rest.split_once(": ").expect("k: name");
            (
                (!rank.is_empty()).then(|| rank.parse().expect("a rank")),
                k.parse().expect("a choice number"),
                name.to_string(),
            )
        })
        .collect()
}

#[test]
fn the_debian_form_has_a_line_per_choice_ties_share_a_number() {
    let dir = tempfile::tempdir().unwrap();
    let board = election(dir.path(), "");
    let data = dir.path().join("data");
    save_ballot(
        &data,
        "board-2030",
        &[&["di.yaml"], &["ann.yaml", "ed.yaml"]],
    );
    let (out, err, code) = export(&board, &data, "debian");
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        parse_debian(&out),
        vec![
            (Some(2), 1, "Ann Lee".to_string()),
            (None, 2, "Bo Ma".to_string()),
            (None, 3, "Cy Doe".to_string()),
            (Some(1), 4, "Di Fox".to_string()),
            (Some(2), 5, "Ed Ng".to_string()),
        ]
    );
}

#[test]
fn an_approval_export_never_lists_more_than_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    let board = election(dir.path(), "ballot: approval\nmax_choices: 2\n");
    let data = dir.path().join("data");
    // Three approved (saved before the cap was known): the export keeps two and says so.
    save_ballot(&data, "board-2030", &[&["bo.yaml", "di.yaml", "ann.yaml"]]);
    let (out, err, code) = export(&board, &data, "approval");
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        out, "# Approval ballot: Board 2030\nAnn Lee\nBo Ma\n",
        "in the voter's order"
    );
    assert!(
        err.contains("3 approved, but at most 2 may be: the export lists the first 2"),
        "{err}"
    );
}

#[test]
fn the_employer_limit_is_a_warning_on_export_not_a_block() {
    let dir = tempfile::tempdir().unwrap();
    let board = election(dir.path(), "seats: 3\nmax_per_employer: 2\n");
    let data = dir.path().join("data");
    save_ballot(
        &data,
        "board-2030",
        &[&["ann.yaml"], &["bo.yaml"], &["cy.yaml"], &["di.yaml"]],
    );
    let (out, err, code) = export(&board, &data, "civs");
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("Cy Doe: 3"), "{out}");
    assert!(
        err.contains("warning: Board 2030: your top 3 include 3 from Acme; at most 2 can sit"),
        "{err}"
    );
    // Cy moved below Di: two from Acme in the top three is within the rule.
    save_ballot(
        &data,
        "board-2030",
        &[&["ann.yaml"], &["bo.yaml"], &["di.yaml"], &["cy.yaml"]],
    );
    let (_, err, _) = export(&board, &data, "civs");
    assert!(!err.contains("at most 2 can sit"), "{err}");
}

#[test]
fn check_names_a_wrong_rule_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let board = election(dir.path(), "seats: 3\nballot: borda\n");
    let (out, _, code) = hustings(&["check", path(&board)]);
    assert_eq!(code, Some(1));
    assert!(
        out.contains("election.yaml:4:") && out.contains("`ranked` or `approval`"),
        "{out}"
    );
}

/// The ballot file of election `key` in `data`, as text.
fn ballot_file(data: &Path, key: &str) -> String {
    std::fs::read_to_string(data.join(format!("{key}.yaml"))).unwrap()
}

#[test]
fn a_rank_saved_for_one_name_is_never_given_to_another() {
    let dir = tempfile::tempdir().unwrap();
    let board = election(dir.path(), "");
    let council = dir.path().join("council");
    std::fs::create_dir_all(&council).unwrap();
    std::fs::write(council.join("election.yaml"), "id: council-2029\n").unwrap();
    for (file, name) in [("fa", "Fa Ru"), ("gi", "Gi Ho")] {
        let text = format!("name: {name}\nstatement: s\n");
        std::fs::write(council.join(format!("{file}.yaml")), text).unwrap();
    }
    let elsewhere = tempfile::tempdir().unwrap();
    let data = elsewhere.path().join("data");
    // Saved by an older version, by display name: adopted, and saved with the names seen.
    save_ballot(&data, "board-2030", &[&["Cy Doe"], &["Ann Lee"]]);
    save_ballot(&data, "council-2029", &[&["Gi Ho"]]);
    let (out, err, code) = export(dir.path(), &data, "civs");
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("Cy Doe: 1") && out.contains("Gi Ho: 1"),
        "{out}"
    );
    let saved = ballot_file(&data, "board-2030");
    assert!(
        saved.contains("cy.yaml: Cy Doe") && saved.contains("ann.yaml: Ann Lee"),
        "{saved}"
    );
    assert!(ballot_file(&data, "council-2029").contains("gi.yaml: Gi Ho"));

    // Cy's file now names someone else: what was given to Cy is given to no one.
    std::fs::write(board.join("cy.yaml"), "name: Cyrus Other\nstatement: s\n").unwrap();
    let (out, err, code) = export(&board, &data, "civs");
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("Ann Lee: 1"), "{out}");
    assert!(!out.contains("Cyrus Other: 1"), "{out}");
    assert!(
        err.contains(
            "your rank 1 was given to 'Cy Doe'; that candidate's entry is now named 'Cyrus Other'"
        ),
        "{err}"
    );
    assert_eq!(
        ballot_file(&data, "board-2030"),
        saved,
        "the file is kept as it is"
    );

    // Ann's file gone: said so; both come back when their files do.
    std::fs::remove_file(board.join("ann.yaml")).unwrap();
    let (_, err, _) = export(dir.path(), &data, "civs");
    assert!(
        err.contains("your rank 2 was given to 'Ann Lee', who is no longer in this election"),
        "{err}"
    );
    std::fs::write(board.join("cy.yaml"), "name: Cy Doe\nstatement: s\n").unwrap();
    std::fs::write(board.join("ann.yaml"), "name: Ann Lee\nstatement: s\n").unwrap();
    let (out, err, _) = export(dir.path(), &data, "civs");
    assert!(
        out.contains("Cy Doe: 1") && out.contains("Ann Lee: 2"),
        "{out}"
    );
    assert!(out.contains("Gi Ho: 1"), "{out}");
    assert!(!err.contains("given to"), "{err}");
}
