//! The command line: `list` in the voter's order, global options, and `ballot export` of
//! each format against hand-written expected output.

#[path = "support/run.rs"]
mod run;

use std::path::{Path, PathBuf};
use std::process::Command;

use run::{hustings, hustings_with, path};

/// Twelve candidates in one election.
fn twelve(dir: &Path) -> PathBuf {
    let election = dir.join("election");
    std::fs::create_dir_all(&election).unwrap();
    for i in 0..12 {
        std::fs::write(
            election.join(format!("c{i:02}.yaml")),
            format!("name: Candidate {i:02}\nstatement: s\n"),
        )
        .unwrap();
    }
    election
}

#[test]
fn list_order_is_stable_per_voter_and_differs_between_voters() {
    let dir = tempfile::tempdir().unwrap();
    let election = twelve(dir.path());
    let (a, b) = (dir.path().join("voter-a"), dir.path().join("voter-b"));
    let list = |data: &Path| {
        let (out, err, code) = hustings(&["list", "--data-dir", path(data), path(&election)]);
        assert_eq!(code, Some(0), "{err}");
        out
    };
    let first = list(&a);
    assert_eq!(first.lines().count(), 12);
    assert_eq!(
        list(&a),
        first,
        "the same voter sees the same order every run"
    );
    assert_ne!(list(&b), first, "another voter sees another order");
}

#[test]
fn order_and_data_dir_work_before_or_after_the_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let election = twelve(dir.path());
    let data = dir.path().join("data");
    let before = hustings(&[
        "--order",
        "name",
        "--data-dir",
        path(&data),
        "list",
        path(&election),
    ]);
    let after = hustings(&[
        "list",
        path(&election),
        "--data-dir",
        path(&data),
        "--order",
        "name",
    ]);
    assert_eq!(before.0, after.0);
    let names: Vec<&str> = before
        .0
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "--order name is alphabetical");
    let seeded = hustings(&[
        "list",
        "--order",
        "7",
        "--data-dir",
        path(&data),
        path(&election),
    ]);
    let again = hustings(&[
        "--order=7",
        "list",
        path(&election),
        "--data-dir",
        path(&data),
    ]);
    assert_eq!(seeded.0, again.0);
    assert_ne!(seeded.0, before.0);
}

#[test]
fn a_bad_order_is_refused_clearly() {
    let (_, err, code) = hustings(&["--order", "sideways", "list"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("`sideways` is not an order"), "{err}");
}

/// An election with a hand-written ballot file in `data`.
fn election_with_ballot(dir: &Path) -> (PathBuf, PathBuf) {
    let election = dir.join("tc");
    std::fs::create_dir_all(&election).unwrap();
    std::fs::write(
        election.join("election.yaml"),
        "id: test-tc-2026\nname: Test TC 2026\nproject: Test\nseats: 2\n",
    )
    .unwrap();
    let people = [
        (
            "alice",
            "name: Alice Adams\nlinks: {github: alice-gh}\nstatement: a\n",
        ),
        ("bob", "name: Bob Brown\nID: bob-id\nstatement: b\n"),
        ("carol", "name: Carol Chen\nstatement: c\n"),
        ("dave", "name: Dave Diaz\nstatement: d\n"),
        ("eve", "name: Eve Evans\nstatement: e\n"),
    ];
    for (file, text) in people {
        std::fs::write(election.join(format!("{file}.yaml")), text).unwrap();
    }
    let data = dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    // As hustings makes it: private (a folder others can read is remarked on, on stderr).
    std::fs::set_permissions(&data, std::os::unix::fs::PermissionsExt::from_mode(0o700)).unwrap();
    std::fs::write(
        data.join("test-tc-2026.yaml"),
        "format: hustings ballot 1\n\
         election: test-tc-2026\n\
         ranking:\n\
         - [Bob Brown]\n\
         - [Alice Adams, Carol Chen]\n\
         no_opinion: [Dave Diaz]\n\
         read: [Alice Adams, Bob Brown, Carol Chen, Dave Diaz]\n\
         notes:\n\
         \x20 Bob Brown: \"Runs the CI.\\nGood reviewer.\"\n\
         \x20 Alice Adams: Release manager.\n",
    )
    .unwrap();
    (election, data)
}

fn export(format: &str) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let (election, data) = election_with_ballot(dir.path());
    let (out, err, code) = hustings(&[
        "ballot",
        "export",
        "--format",
        format,
        "--order",
        "name",
        "--data-dir",
        path(&data),
        path(&election),
    ]);
    assert_eq!(code, Some(0), "{err}");
    (out, err)
}

#[test]
fn export_markdown() {
    let (out, err) = export("markdown");
    assert_eq!(
        out,
        "# Ballot: Test TC 2026\n\
         \n\
         Test · 2 seats\n\
         \n\
         1. Bob Brown\n\
         2. Alice Adams (tied)\n\
         2. Carol Chen (tied)\n\
         \n\
         No opinion: Dave Diaz\n\
         \n\
         Unranked (counted as no opinion): Eve Evans\n\
         \n\
         ## Notes\n\
         \n\
         ### Alice Adams\n\
         \n\
         Release manager.\n\
         \n\
         ### Bob Brown\n\
         \n\
         Runs the CI.\n\
         Good reviewer.\n"
    );
    assert_eq!(
        err,
        "warning: Test TC 2026: 1 unranked (counted as no opinion): Eve Evans\n\
         warning: Test TC 2026: 1 statement not read yet: Eve Evans\n"
    );
}

#[test]
fn export_with_no_format_takes_the_form_of_where_the_election_is_cast() {
    let dir = tempfile::tempdir().unwrap();
    let (election, data) = election_with_ballot(dir.path());
    let run = || {
        hustings(&[
            "ballot",
            "export",
            "--order",
            "name",
            "--data-dir",
            path(&data),
            path(&election),
        ])
    };
    let (out, err, code) = run();
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out, export("civs").0, "nothing said: CIVS's form");
    assert!(
        err.starts_with(
            "Test TC 2026: exported as --format civs, where its files do not say it is cast"
        ),
        "{err}"
    );
    std::fs::write(
        election.join("election.yaml"),
        "id: test-tc-2026\nname: Test TC 2026\nproject: Test\nseats: 2\ndescription: Vote on [Elekto](https://elections.example.org/app/elections/tc) once it opens.\n",
    )
    .unwrap();
    let (out, err, code) = run();
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out, export("elekto").0);
    assert!(
        err.starts_with("Test TC 2026: exported as --format elekto, for Elekto;"),
        "{err}"
    );
}

#[test]
fn export_json() {
    let (out, _) = export("json");
    assert_eq!(
        out,
        r#"[
  {
    "election": "Test TC 2026",
    "key": "test-tc-2026",
    "no_opinion": [
      "Dave Diaz"
    ],
    "notes": {
      "Alice Adams": "Release manager.",
      "Bob Brown": "Runs the CI.\nGood reviewer."
    },
    "ranking": [
      [
        "Bob Brown"
      ],
      [
        "Alice Adams",
        "Carol Chen"
      ]
    ],
    "seats": 2,
    "unranked": [
      "Eve Evans"
    ]
  }
]
"#
    );
}

#[test]
fn export_civs() {
    let (out, _) = export("civs");
    assert_eq!(
        out,
        "# CIVS ballot: Test TC 2026\n\
         Bob Brown: 1\n\
         Alice Adams: 2\n\
         Carol Chen: 2\n\
         Eve Evans: No opinion\n\
         Dave Diaz: No opinion\n"
    );
}

#[test]
fn export_elekto() {
    let (out, _) = export("elekto");
    assert_eq!(
        out,
        "# Elekto ballot: Test TC 2026\n\
         bob-id: 1\n\
         # Bob Brown\n\
         alice-gh: 2\n\
         # Alice Adams\n\
         Carol Chen: 2\n\
         # Carol Chen\n\
         Eve Evans: No opinion\n\
         # Eve Evans\n\
         Dave Diaz: No opinion\n\
         # Dave Diaz\n"
    );
}

#[test]
fn a_corrupt_ballot_file_is_set_aside_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let (election, data) = election_with_ballot(dir.path());
    std::fs::write(data.join("test-tc-2026.yaml"), "ranking: [oops\n").unwrap();
    let (_, err, code) = hustings(&["list", "--data-dir", path(&data), path(&election)]);
    assert_eq!(code, Some(0));
    assert!(err.contains("could not be read"), "{err}");
    assert!(err.contains("moved to"), "{err}");
    let aside = std::fs::read_dir(&data)
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().contains("unreadable"))
        .expect("the bad file kept beside");
    assert_eq!(
        std::fs::read_to_string(aside.path()).unwrap(),
        "ranking: [oops\n"
    );
}

#[test]
fn an_export_to_a_full_disk_fails_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let election = twelve(dir.path());
    let data = dir.path().join("data");
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full exists on Linux");
    let output = Command::new(env!("CARGO_BIN_EXE_hustings"))
        .args([
            "ballot",
            "export",
            "--data-dir",
            path(&data),
            path(&election),
        ])
        .stdout(full)
        .output()
        .expect("run hustings");
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{err}");
    let errors: Vec<&str> = err.lines().filter(|l| l.contains("error")).collect();
    assert_eq!(errors.len(), 1, "{err}");
    assert!(
        errors[0].starts_with("hustings: error: cannot write the output: "),
        "{err}"
    );
}

#[test]
fn a_closed_pipe_is_no_error() {
    let dir = tempfile::tempdir().unwrap();
    let election = twelve(dir.path());
    let data = dir.path().join("data");
    let mut child = Command::new(env!("CARGO_BIN_EXE_hustings"))
        .args(["list", "--data-dir", path(&data), path(&election)])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away, as `| head -0` does
    let output = child.wait_with_output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn history_of_nobody_fails_with_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let election = twelve(dir.path());
    let (out, err, code) = hustings(&["history", "Nobody Here", path(&election)]);
    assert_eq!(code, Some(1));
    assert!(out.is_empty(), "{out}");
    assert_eq!(
        err.trim_end(),
        "hustings: error: no candidate named like \"Nobody Here\""
    );
}

#[test]
fn a_second_file_copying_a_name_inherits_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let election = dir.path().join("e");
    std::fs::create_dir(&election).unwrap();
    std::fs::write(election.join("election.yaml"), "id: twins\nname: Twins\n").unwrap();
    std::fs::write(
        election.join("alice.yaml"),
        "name: Alice Apple\nemail: alice@real.org\nstatement: The real one.\n",
    )
    .unwrap();
    std::fs::write(
        election.join("bob.yaml"),
        "name: Bob Berry\nemail: bob@x.org\nstatement: Bob.\n",
    )
    .unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::set_permissions(&data, std::os::unix::fs::PermissionsExt::from_mode(0o700)).unwrap();
    // A ballot saved by name, as older versions saved them.
    std::fs::write(
        data.join("twins.yaml"),
        "format: hustings ballot 1\nelection: twins\nranking:\n- - Alice Apple\n- - Bob Berry\nnotes:\n  Alice Apple: trusted\n",
    )
    .unwrap();
    let export = || {
        let (out, err, code) = hustings(&[
            "ballot",
            "export",
            "--format",
            "json",
            "--data-dir",
            path(&data),
            path(&election),
        ]);
        assert_eq!(code, Some(0), "{err}");
        let value: serde_json::Value = serde_json::from_str(&out).expect("JSON");
        (value[0].clone(), err)
    };
    let (before, _) = export();
    assert_eq!(
        before["ranking"],
        serde_json::json!([["Alice Apple"], ["Bob Berry"]])
    );
    // The first run moved the ballot to identities: the file no longer says "Alice Apple".
    let saved = std::fs::read_to_string(data.join("twins.yaml")).unwrap();
    assert!(saved.contains("alice@real.org"), "{saved}");

    std::fs::write(
        election.join("alice2.yaml"),
        "name: Alice Apple\nemail: mallory@fake.org\nstatement: The copy.\n",
    )
    .unwrap();
    let (after, err) = export();
    assert_eq!(
        after["ranking"],
        serde_json::json!([["Alice Apple"], ["Bob Berry"]]),
        "no tie the voter never made"
    );
    assert_eq!(
        after["unranked"],
        serde_json::json!(["Alice Apple"]),
        "the copy is unranked"
    );
    assert_eq!(
        after["notes"],
        serde_json::json!({"Alice Apple": "trusted"})
    );
    assert!(
        err.contains("another candidate of this election is named \"Alice Apple\""),
        "{err}"
    );
}

#[test]
fn files_left_out_are_counted_in_one_line_and_listed_with_v() {
    let dir = tempfile::tempdir().unwrap();
    let election = twelve(dir.path());
    std::fs::write(election.join("nomination-template.md"), "x").unwrap();
    std::fs::write(election.join("voters.md"), "x").unwrap();
    let data = dir.path().join("data");
    let (_, err, code) = hustings(&["list", "--data-dir", path(&data), path(&election)]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        err.trim_end(),
        "hustings: 2 files left out as no candidate (-v lists them)"
    );
    let (_, err, _) = hustings(&["list", "-v", "--data-dir", path(&data), path(&election)]);
    assert!(err.contains("nomination-template.md: a template"), "{err}");
    assert!(err.contains("voters.md: a list of voters"), "{err}");
}

#[test]
fn history_dates_undated_elections_by_their_folder_marked_as_approximate() {
    let dir = tempfile::tempdir().unwrap();
    for (cycle, text) in [("zed", "I ran in zed."), ("antelope", "I ran in antelope.")] {
        let folder = dir.path().join("candidates").join(cycle).join("TC");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("jane@example.org"), text).unwrap();
    }
    let (out, err, code) = hustings(&["history", "jane", path(dir.path())]);
    assert_eq!(code, Some(0), "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[1].trim_start().starts_with("~2022-10") && lines[1].contains("zed TC"),
        "{out}"
    );
    assert!(
        lines[2].trim_start().starts_with("~2023-03") && lines[2].contains("antelope TC"),
        "{out}"
    );
    assert!(
        lines[3].contains("zed TC → antelope TC"),
        "oldest first: {out}"
    );
}

/// An election in a published format with questions: two NixOS statements, one answering
/// both questions, one answering the first and leaving the second.
fn nixos_like(dir: &Path) -> PathBuf {
    let repo = dir.join("sc-election");
    let candidates = repo.join("candidates");
    std::fs::create_dir_all(&candidates).unwrap();
    std::fs::write(
        repo.join("README.md"),
        "# Steering Election 2030\n\nSeven seats.\n",
    )
    .unwrap();
    let link = "https://example.org/issues";
    let answer = |n: u32, text: &str| {
        format!(
            "<details>\n<summary>Answer (<a href=\"{link}/{n}#c\">link</a>)</summary>\n\n{text}\n</details>\n"
        )
    };
    std::fs::write(
        candidates.join("ann.md"),
        format!(
            "- Name: Ann Lee\n- GitHub handle: @ann\n\nI maintain things.\n\n## Q&A\n\n### Forges? ([link]({link}/1))\n\nShould we self-host?\n\n{}\n### Money ([link]({link}/2))\n\nWho pays?\n\n{}",
            answer(1, "No, the network effects matter."),
            answer(2, "Sponsors with care.")
        ),
    )
    .unwrap();
    std::fs::write(
        candidates.join("bo.md"),
        format!(
            "* Name: Bo Ma\n* Github Handle: bo\n\nI package things.\n\n## Q&A\n\n### Forges? ([link]({link}/1))\n\nShould we self-host?\n\n{}\n## Unanswered questions\n<details>\n<summary>Money (<a href=\"{link}/2\">link</a>)</summary>\n\nWho pays?\n</details>\n",
            answer(1, "Yes: a forge of our own frees us.")
        ),
    )
    .unwrap();
    repo
}

/// Runs hustings with `args` on [`nixos_like`] made in `dir`, with a data folder there.
fn on_nixos_like(dir: &Path, args: &[&str]) -> (String, String, Option<i32>) {
    let repo = if dir.join("sc-election").exists() {
        dir.join("sc-election")
    } else {
        nixos_like(dir)
    };
    let data = dir.join("data");
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--data-dir", path(&data), path(&repo)]);
    hustings(&all)
}

#[test]
fn questions_print_a_grid_in_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| on_nixos_like(dir.path(), args);
    let (out, err, code) = run(&["questions", "--order", "name"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.starts_with("Steering Election 2030: 2 questions, 2 candidates\n"),
        "{out}"
    );
    let q1 = out
        .lines()
        .find(|l| l.trim_start().starts_with("Q1 "))
        .unwrap();
    assert!(q1.contains("Forges?") && q1.ends_with("2/2"), "{out}");
    let q2 = out
        .lines()
        .find(|l| l.trim_start().starts_with("Q2 "))
        .unwrap();
    assert!(q2.contains('·') && q2.ends_with("1/2"), "{out}");
    // Columns headed by handle (or initials), named in the legend, every title in full.
    assert!(
        out.lines().any(|l| l.trim_start().starts_with("ann  bo")),
        "{out}"
    );
    assert!(
        out.contains("1 ann  Ann Lee") && out.contains("answered 2 of 2"),
        "{out}"
    );
    assert!(
        out.contains("2 bo   Bo Ma") && out.contains("answered 1 of 2"),
        "{out}"
    );
    assert!(out.contains("\nQ1. Forges?\n"), "{out}");
    assert!(out.lines().all(|l| l.chars().count() <= 80), "{out}");

    let (out, err, code) = run(&["questions", "--json", "--order", "name"]);
    assert_eq!(code, Some(0), "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let e = &json["elections"][0];
    assert_eq!(e["name"], "Steering Election 2030");
    assert_eq!(e["candidates"], serde_json::json!(["Ann Lee", "Bo Ma"]));
    assert_eq!(e["questions"][0]["title"], "Forges?");
    assert_eq!(e["questions"][0]["link"], "https://example.org/issues/1");
    assert_eq!(e["questions"][0]["answers"]["Ann Lee"], 5);
    assert_eq!(e["questions"][1]["answers"]["Ann Lee"], 3);
    assert_eq!(e["questions"][1]["answers"]["Bo Ma"], 0);
}

#[test]
fn show_question_prints_every_answer_side_by_side() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| on_nixos_like(dir.path(), args);
    let (out, err, code) = run(&[
        "show",
        "--question",
        "2",
        "--width",
        "80",
        "--order",
        "name",
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.starts_with("Q2. Money\nhttps://example.org/issues/2\nWho pays?\n"),
        "{out}"
    );
    assert!(out.contains("Answered by 1 of 2"), "{out}");
    let names = out.lines().find(|l| l.starts_with("Ann Lee")).unwrap();
    assert!(names.contains("│ Bo Ma"), "side by side: {out}");
    assert!(
        out.contains("Sponsors with care.") && out.contains("(no answer)"),
        "{out}"
    );
    let (_, err, code) = run(&["show", "--question", "3"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("there is no question 3"), "{err}");
}

/// `hustings args…` with `XDG_CONFIG_HOME` set to `home`.
fn with_config(home: &Path, args: &[&str]) -> (String, String, Option<i32>) {
    hustings_with(args, &[("XDG_CONFIG_HOME", home)])
}

#[test]
fn the_config_file_sets_defaults_and_config_names_its_problems() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("config");
    // No file: every default, and config says where one would go.
    let (out, _, code) = with_config(&home, &["config"]);
    assert_eq!(code, Some(0));
    assert!(out.contains("hustings/config.toml: not there"), "{out}");
    // The default file, written there, changes nothing and has no problem.
    let (default, _, code) = with_config(&home, &["config", "--default"]);
    assert_eq!(code, Some(0));
    std::fs::create_dir_all(home.join("hustings")).unwrap();
    std::fs::write(home.join("hustings/config.toml"), &default).unwrap();
    let (out, _, code) = with_config(&home, &["config"]);
    assert_eq!((out.lines().count(), code), (1, Some(0)), "{out}");
    // order and data_dir from the file; --order on the command line still wins.
    let election = twelve(dir.path());
    let data = dir.path().join("data");
    std::fs::write(
        home.join("hustings/config.toml"),
        format!("order = \"name\"\ndata_dir = \"{}\"\n", data.display()),
    )
    .unwrap();
    let (out, err, code) = with_config(&home, &["list", path(&election)]);
    assert_eq!(code, Some(0), "{err}");
    let names: Vec<&str> = out.lines().map(|l| l.split('\t').next().unwrap()).collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(names, sorted, "in name order, from the config");
    assert!(data.join("voter.yaml").exists(), "the config's data folder");
    let (out, _, _) = with_config(&home, &["list", "--order", "7", path(&election)]);
    assert_ne!(out.lines().collect::<Vec<_>>(), names, "--order wins");
    // A broken entry: named with file, line and column; the command still runs.
    std::fs::write(
        home.join("hustings/config.toml"),
        "order = \"name\"\n[keys]\nQ = \"quitt\"\n",
    )
    .unwrap();
    let (out, _, code) = with_config(&home, &["config"]);
    assert_eq!(code, Some(1));
    assert!(
        out.contains("config.toml:3:5: \"quitt\" is no action"),
        "{out}"
    );
    let (out, err, code) = with_config(&home, &["list", path(&election)]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out.lines().count(), 12);
    assert!(
        err.contains("config.toml:3:5: \"quitt\" is no action"),
        "{err}"
    );
}

#[test]
fn elections_of_the_same_formats_not_in_the_corpus_open_too() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let write = |path: &str, text: &str| {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    // A nominee table with its columns in another order, under other headings.
    write(
        "lf/LF-Board-Nominations-2027.md",
        "| Statement | Name | Affiliation / Socials |\n|---|---|---|\n| I will help. | Jo Doe | Company: Foo Corp [GitHub](https://github.com/jodoe) |\n| Me too. | Al Ray | Company: Bar |\n",
    );
    // One file of sections, bullets in another order, a name with trailing spaces.
    write(
        "otel/2024/governance-committee-candidates.md",
        "# 2024 OpenTelemetry Governance Committee Candidates\n\n- [A B](#a-b)\n\n### A B\n\n- Company: X\n- GitHub: [ab](https://github.com/ab)\n\nHello from A.\n\n### C D  \n\n- GitHub: @cd\n- Company: Y\n\nHello from C.\n",
    );
    // Lower-case keys, the summary on the `<details>` line.
    write("nix/README.md", "# NixOS SC Election 2025\n");
    write(
        "nix/candidates/patq.md",
        "* name: Pat Q\n* github: `patq`\n\nMy statement.\n\n## Q&A\n\n### Flakes? ([link](https://x.org/issues/3))\n\nWhen?\n\n<details><summary>Answer (<a href=\"https://x.org/issues/3#c\">link</a>)</summary>\n\nSoon.\n</details>\n\n## Unanswered questions\n<details>\n<summary>Forges? (<a href=\"https://x.org/issues/4\">link</a>)</summary>\n\nMove?\n</details>\n",
    );
    let data = root.join("data");
    let (out, err, code) = hustings(&[
        "list",
        "--order",
        "name",
        "--data-dir",
        path(&data),
        path(root),
    ]);
    assert_eq!(code, Some(0), "{err}");
    for line in [
        "Al Ray\tBar\tLF 2027: Board",
        "Jo Doe\tFoo Corp\tLF 2027: Board",
        "Pat Q\t\tNixOS SC Election 2025",
        "A B\tX\t2024 OpenTelemetry Governance Committee",
        "C D\tY\t2024 OpenTelemetry Governance Committee",
    ] {
        assert!(out.lines().any(|l| l == line), "{line:?} missing:\n{out}");
    }
    let (out, _, _) = hustings(&[
        "questions",
        "--json",
        "--data-dir",
        path(&data),
        path(&root.join("nix")),
    ]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let questions = &json["elections"][0]["questions"];
    assert_eq!(questions[0]["title"], "Flakes?");
    assert_eq!(questions[0]["answers"]["Pat Q"], 1);
    assert_eq!(questions[1]["title"], "Forges?");
    assert_eq!(questions[1]["answers"]["Pat Q"], 0);
}

#[test]
fn a_second_list_reads_the_cache_and_no_cache_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    let election = twelve(dir.path());
    // Old enough for the cache to vouch for them.
    std::thread::sleep(std::time::Duration::from_millis(2100));
    let cache = dir.path().join("cache");
    let data = dir.path().join("data");
    let env = [("XDG_CACHE_HOME", cache.as_path())];
    let args = [
        "list",
        "--order",
        "name",
        "--filter",
        "\"candidate 03\"",
        "--data-dir",
        path(&data),
        path(&election),
    ];
    let mut no_cache = args.to_vec();
    no_cache.insert(0, "--no-cache");
    let uncached = hustings_with(&no_cache, &env);
    assert_eq!(uncached.0, "Candidate 03\t\telection\n", "{uncached:?}");
    assert!(!cache.exists(), "--no-cache writes no cache");
    let first = hustings_with(&args, &env);
    assert_eq!(first, uncached);
    let shelves = |kind: &str| {
        std::fs::read_dir(cache.join("hustings/rosters").join(kind))
            .map(|d| d.count())
            .unwrap_or(0)
    };
    assert_eq!(shelves("files"), 1, "one shelf for the one folder");
    assert_eq!(
        hustings_with(&args, &env),
        uncached,
        "the same from the cache"
    );
    // A statement changed since is read afresh.
    std::fs::write(
        election.join("c03.yaml"),
        "name: Candidate 03 Renamed\nstatement: s\n",
    )
    .unwrap();
    let changed = hustings_with(&args, &env);
    assert_eq!(changed.0, "Candidate 03 Renamed\t\telection\n");
}

#[test]
fn a_path_before_the_subcommand_is_the_subcommands() {
    let dir = tempfile::tempdir().unwrap();
    let election = twelve(dir.path());
    let data = dir.path().join("data");
    let after = hustings(&["list", "--data-dir", path(&data), path(&election)]);
    let before = hustings(&[path(&election), "list", "--data-dir", path(&data)]);
    assert_eq!(before, after);
    assert_eq!(before.2, Some(0), "{}", before.1);
    let (out, err, code) = hustings(&[
        path(&election),
        "ballot",
        "export",
        "--format",
        "civs",
        "--data-dir",
        path(&data),
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(!out.contains("Tao Peng"), "not the built-in roster:\n{out}");
    assert_eq!(
        out.lines().filter(|l| l.ends_with(": No opinion")).count(),
        12,
        "{out}"
    );
    let (out, err, code) = hustings(&[path(&election), "man"]);
    assert_eq!(code, Some(2));
    assert!(out.is_empty());
    assert!(
        err.contains("given before a subcommand that reads no files"),
        "{err}"
    );
}

/// An election of three whose statements each hold a word of their own.
fn worded(dir: &Path) -> PathBuf {
    let election = dir.join("worded");
    std::fs::create_dir_all(&election).unwrap();
    for (file, name, word) in [
        ("a", "Ann", "hypervisor"),
        ("b", "Bo", "kernel"),
        ("c", "Cy", "scheduler"),
    ] {
        std::fs::write(
            election.join(format!("{file}.yaml")),
            format!("name: {name}\nstatement: I care about the {word} most.\n"),
        )
        .unwrap();
    }
    // Old enough for the cache to vouch for them.
    std::thread::sleep(std::time::Duration::from_millis(2100));
    election
}

#[test]
fn a_cache_whose_secret_was_lost_is_rebuilt_never_a_wrong_answer() {
    let dir = tempfile::tempdir().unwrap();
    let election = worded(dir.path());
    let cache = dir.path().join("cache");
    let data = dir.path().join("data");
    let run = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--data-dir", path(&data), path(&election)]);
        hustings_with(&all, &[("XDG_CACHE_HOME", &cache)])
    };
    let (out, _, _) = run(&["list", "--filter", "kernel"]);
    assert!(out.starts_with("Bo\t"), "{out}");
    // Twice, so the second run reads what the first put on the shelves.
    let (out, _, _) = run(&["list", "--filter", "kernel"]);
    assert!(out.starts_with("Bo\t"), "{out}");
    let secret = cache.join("hustings/rosters/secret");
    assert!(secret.is_file());
    std::fs::remove_file(&secret).unwrap();
    for _ in 0..2 {
        let (out, err, _) = run(&["list", "--filter", "scheduler"]);
        assert!(out.starts_with("Cy\t"), "{out}{err}");
        let (out, _, _) = hustings_with(
            &["show", "--plain", path(&election), "Ann"],
            &[("XDG_CACHE_HOME", &cache)],
        );
        assert!(out.contains("hypervisor"), "{out}");
        assert!(!out.contains("could not be read back"), "{out}");
    }
}

#[test]
fn first_runs_at_once_agree_on_the_caches_secret() {
    let dir = tempfile::tempdir().unwrap();
    let election = worded(dir.path());
    let data = dir.path().join("data");
    for round in 0..12 {
        let cache = dir.path().join(format!("cache-{round}"));
        let children: Vec<_> = (0..3)
            .map(|_| {
                Command::new(env!("CARGO_BIN_EXE_hustings"))
                    .args(["list", "--data-dir", path(&data), path(&election)])
                    .env("XDG_CACHE_HOME", &cache)
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for mut child in children {
            child.wait().unwrap();
        }
        let (out, err, _) = hustings_with(
            &[
                "list",
                "--filter",
                "hypervisor",
                "--data-dir",
                path(&data),
                path(&election),
            ],
            &[("XDG_CACHE_HOME", &cache)],
        );
        assert!(out.starts_with("Ann\t"), "round {round}: {out}{err}");
    }
}

#[test]
fn the_config_file_goes_through_the_same_door_as_a_candidate_file() {
    let dir = tempfile::tempdir().unwrap();
    let config_home = dir.path().join("config");
    let folder = config_home.join("hustings");
    std::fs::create_dir_all(&folder).unwrap();
    let file = folder.join("config.toml");
    let config = |args: &[&str]| hustings_with(args, &[("XDG_CONFIG_HOME", &config_home)]);

    // 50,000 bad keys: a handful named, the rest counted, at once.
    let mut text = String::from("[keys]\n");
    for i in 0..50_000 {
        text.push_str(&format!("bad{i} = \"quit\"\n"));
    }
    std::fs::write(&file, &text).unwrap();
    let (out, _, _) = config(&["config"]);
    assert_eq!(
        out.lines().filter(|l| l.contains("is no key")).count(),
        20,
        "{out}"
    );
    assert!(out.contains("and 49980 more problems like these"), "{out}");

    // A long value is never echoed whole.
    let long = "x".repeat(500_000);
    std::fs::write(&file, format!("[keys]\n{long} = \"quit\"\n")).unwrap();
    let (out, _, _) = config(&["config"]);
    assert!(out.len() < 2_000, "{} bytes", out.len());
    assert!(out.contains("xxxx…\" is no key"), "{out}");

    // Too large, a FIFO, a link to a device: refused, every default kept, nothing waits.
    std::fs::write(&file, "#".repeat(2 * 1024 * 1024)).unwrap();
    let (out, _, _) = config(&["config"]);
    assert!(
        out.contains("more than the 1048576 a config file may have"),
        "{out}"
    );
    std::fs::remove_file(&file).unwrap();
    let made = Command::new("mkfifo").arg(&file).status().unwrap();
    assert!(made.success());
    let (out, _, code) = config(&["config"]);
    assert!(out.contains("not a regular file"), "{out}");
    assert_eq!(code, Some(1));
    std::fs::remove_file(&file).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &file).unwrap();
    let (out, _, _) = config(&["config"]);
    assert!(out.contains("not a regular file"), "{out}");
    // ... and the commands still run, with every default.
    let (out, err, code) = config(&["list", "--order", "name"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(!out.is_empty());
}

#[test]
fn ballots_are_exported_in_the_apps_order_the_newest_election_first() {
    let dir = tempfile::tempdir().unwrap();
    for year in ["2029", "2030", "2031"] {
        let election = dir.path().join(format!("board-{year}"));
        std::fs::create_dir_all(&election).unwrap();
        std::fs::write(
            election.join("election.yaml"),
            format!("name: Board {year}\n"),
        )
        .unwrap();
        std::fs::write(election.join("ann.yaml"), "name: Ann Lee\nstatement: s\n").unwrap();
    }
    let elsewhere = tempfile::tempdir().unwrap();
    let data = elsewhere.path().join("data");
    let (list, _, _) = hustings(&["list", "--data-dir", path(&data), path(dir.path())]);
    let listed: Vec<&str> = ["Board 2031", "Board 2030", "Board 2029"]
        .into_iter()
        .filter(|name| list.contains(name))
        .collect();
    assert_eq!(listed.len(), 3, "{list}");
    let in_list = |name: &str| list.find(name).unwrap();
    assert!(
        in_list("Board 2031") < in_list("Board 2029"),
        "the app: newest first\n{list}"
    );
    let (out, err, code) = hustings(&[
        "ballot",
        "export",
        "--format",
        "markdown",
        "--data-dir",
        path(&data),
        path(dir.path()),
    ]);
    assert_eq!(code, Some(0), "{err}");
    let at = |name: &str| out.find(&format!("# Ballot: {name}")).unwrap();
    assert!(
        at("Board 2031") < at("Board 2030") && at("Board 2030") < at("Board 2029"),
        "{out}"
    );
}

#[test]
fn check_with_no_path_looks_where_the_app_does() {
    let run_in = |dir: &Path| {
        let output = Command::new(env!("CARGO_BIN_EXE_hustings"))
            .arg("check")
            .current_dir(dir)
            .env("XDG_CACHE_HOME", run::test_cache())
            .env("XDG_CONFIG_HOME", run::test_cache().join("no-config"))
            .output()
            .unwrap();
        (
            String::from_utf8_lossy(&output.stdout).into_owned(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
            output.status.code(),
        )
    };
    // ./candidates, as the app opens it: its broken file is named.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("candidates")).unwrap();
    std::fs::write(
        dir.path().join("candidates/ann.yaml"),
        "name: Ann\nstatement: s\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("candidates/bad.yaml"), "name: [unclosed\n").unwrap();
    let (out, err, code) = run_in(dir.path());
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(format!("{out}{err}").contains("bad.yaml:1:"), "{out}{err}");
    // No ./candidates: the built-in roster, which is clean.
    let empty = tempfile::tempdir().unwrap();
    let (out, err, code) = run_in(empty.path());
    assert_eq!(code, Some(0), "{out}{err}");
}

#[test]
fn an_option_that_means_nothing_to_a_command_is_not_offered_there() {
    let (_, err, code) = hustings(&["man", "--order", "name"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("--order"), "{err}");
    let (_, err, code) = hustings(&["--order", "name", "man"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("--order means nothing to `man`"), "{err}");
    let (_, err, code) = hustings(&["--no-cache", "completions", "bash"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("--no-cache means nothing to `completions`"),
        "{err}"
    );
    let (_, err, code) = hustings(&["check", "--data-dir", "somewhere"]);
    assert_eq!(code, Some(2), "{err}");
    let (help, _, _) = hustings(&["man", "--help"]);
    assert!(
        !help.contains("--order") && !help.contains("--data-dir"),
        "{help}"
    );
    let (help, _, _) = hustings(&["list", "--help"]);
    assert!(
        help.contains("--order") && help.contains("--no-cache"),
        "{help}"
    );
    // Where they mean something, before or after the command alike.
    let dir = tempfile::tempdir().unwrap();
    let (election, data) = election_with_ballot(dir.path());
    for args in [
        &[
            "--order",
            "name",
            "list",
            "--data-dir",
            path(&data),
            path(&election),
        ][..],
        &[
            "list",
            "--order",
            "name",
            "--data-dir",
            path(&data),
            path(&election),
        ],
        &["--no-cache", "check", path(&election)],
    ] {
        let (_, err, code) = hustings(args);
        assert_eq!(code, Some(0), "{args:?}: {err}");
    }
}
