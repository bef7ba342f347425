//! The hostile corpus (`hostile`, 200+ cases): every case loads or is refused with
//! an error naming its file, none stops the others, and none sends the terminal anything but
//! the renderer's own styling and cursor moves.

#[path = "support/hostile.rs"]
mod hostile;

mod common;

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use common::*;
use hustings::app::{Action, App};
use hustings::roster::Roster;
use hustings::ui::theme;

/// Writes every case, plus one ordinary candidate, into one election folder.
fn corpus() -> (tempfile::TempDir, PathBuf, usize) {
    let dir = tempfile::tempdir().unwrap();
    let election = dir.path().join("hostile");
    std::fs::create_dir(&election).unwrap();
    let cases = hostile::cases();
    for case in &cases {
        std::fs::write(election.join(&case.name), &case.bytes).unwrap();
    }
    std::fs::write(
        election.join("good.yaml"),
        "name: Good Candidate\nstatement: Fine.\n",
    )
    .unwrap();
    (dir, election, cases.len())
}

/// Loads on another thread: a case that made the parser hang fails the test (after a
/// generous two minutes) instead of hanging the suite.
fn load_guarded(path: PathBuf) -> (Roster, Vec<hustings::roster::LoadError>) {
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(Roster::load_paths(&[path]));
    });
    receive
        .recv_timeout(Duration::from_secs(120))
        .expect("loading the hostile corpus hung")
}

#[test]
fn every_case_loads_or_is_named_and_none_stops_the_others() {
    let (_keep, election, cases) = corpus();
    let (roster, errors) = load_guarded(election.clone());
    assert!(
        roster.candidates.iter().any(|c| c.name == "Good Candidate"),
        "the ordinary file still loads"
    );
    let mut accounted = 0;
    for entry in std::fs::read_dir(&election).unwrap().filter_map(Result::ok) {
        let path = entry.path();
        let shown = path.display().to_string();
        let loaded = roster.candidates.iter().any(|c| c.path == path);
        let failed = errors.iter().any(|e| e.path == shown);
        let skipped = roster.skipped.iter().any(|(p, _)| *p == shown);
        assert!(
            loaded || failed || skipped,
            "{shown} vanished without a word"
        );
        accounted += 1;
    }
    assert_eq!(accounted, cases + 1);
    let refused = |name: &str| {
        errors
            .iter()
            .find(|e| e.path.ends_with(name))
            .unwrap_or_else(|| panic!("{name} should be refused: {errors:?}"))
            .message
            .clone()
    };
    assert!(refused("yaml-billion-laughs.yaml").contains("aliases"));
    assert!(refused("yaml-quadratic-aliases.yaml").contains("aliases"));
    assert!(refused("yaml-deep-flow.yaml").contains("nested"));
    assert!(refused("yaml-deep-block.yaml").contains("nested"));
    assert!(refused("utf8-truncated.yaml").contains("UTF-8"));
    assert_eq!(refused("empty.yaml"), "empty file");
    for error in &errors {
        assert!(
            hustings::text::sanitize::is_display_safe(&error.to_string()),
            "{error}"
        );
    }
}

#[test]
fn every_loaded_case_draws_only_the_renderers_own_escapes() {
    let (_keep, election, _) = corpus();
    let (roster, errors) = load_guarded(election);
    let count = roster.candidates.len();
    assert!(count > 150, "{count}");
    let mut app = App::new(roster, errors);
    app.update(Action::Back);
    for size in [(100u16, 30u16), (40, 12)] {
        app.update(Action::Resize {
            width: size.0,
            height: size.1,
        });
        app.update(Action::Top);
        for _ in 0..count {
            app.update(Action::Open);
            app.update(Action::PageDown);
            app.update(Action::Back);
            let bytes = bytes_of(&mut app, size.0, size.1, &theme::COLOR);
            assert_only_renderer_escapes(&bytes);
            app.update(Action::Down);
        }
    }
}

#[test]
fn the_command_line_prints_nothing_a_terminal_would_obey() {
    let (_keep, election, _) = corpus();
    let bin = env!("CARGO_BIN_EXE_hustings");
    let data = tempfile::tempdir().unwrap();
    for args in [
        vec!["check"],
        vec!["list", "--data-dir", data.path().to_str().unwrap()],
        vec!["themes", "--data-dir", data.path().to_str().unwrap()],
    ] {
        let output = Command::new(bin)
            .args(&args)
            .arg(&election)
            .output()
            .unwrap();
        for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
            let text = String::from_utf8_lossy(bytes);
            // Tabs separate `list`'s columns; nothing else may be a control or invisible.
            let bad = text.chars().find(|&c| {
                c != '\n' && c != '\t' && !hustings::text::sanitize::is_display_safe(&c.to_string())
            });
            assert_eq!(bad, None, "{args:?} {stream}");
        }
    }
}

#[test]
fn five_thousand_tiny_files_load() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..5_000 {
        std::fs::write(
            dir.path().join(format!("c{i:04}.yaml")),
            format!("name: C{i}\nstatement: s\n"),
        )
        .unwrap();
    }
    let (roster, errors) = load_guarded(dir.path().to_path_buf());
    assert!(errors.is_empty());
    assert_eq!(roster.candidates.len(), 5_000);
}

/// Every attack that hung or flooded an earlier version, beside good candidates, in one
/// checkout-like tree: generated here, never checked in.
fn attacks(dir: &std::path::Path) -> PathBuf {
    let root = dir.join("community");
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let elekto = root.join("elections/2026");
    std::fs::create_dir_all(&elekto).unwrap();
    std::fs::write(
        elekto.join("candidate-deep.md"),
        format!("---\nname: Deep\nx: {deep}\n---\nStatement.\n"),
    )
    .unwrap();
    let anchor = format!("a: &x [{}]\n", vec!["1"; 50_000].join(","));
    let aliases = vec!["*x"; 5_000].join(", ");
    std::fs::write(
        elekto.join("candidate-aliases.md"),
        format!("---\nname: Aliases\n{anchor}b: [{aliases}]\n---\nStatement.\n"),
    )
    .unwrap();
    std::fs::write(
        elekto.join("candidate-good.md"),
        "---\nname: Good Elekto\nID: good\n---\nA fine statement.\n",
    )
    .unwrap();
    std::fs::write(
        elekto.join("yaml-header.yaml"),
        format!("name: Header In Statement\nstatement: |\n  ---\n  x: {deep}\n  ---\n  text\n"),
    )
    .unwrap();
    // A block scalar in a sequence item, its lines at the item's own indentation: the scalar
    // is empty and the lines are YAML (a scan that took them for its text let them through).
    for (file, header, payload) in [
        ("seq-deep.yaml", "- statement: |", deep.clone()),
        ("seq-aliases.yaml", "- key: >", format!("[{aliases}]")),
        ("seq-seq.yaml", "- - key: |", deep.clone()),
    ] {
        let indent = header.len() - header.trim_start_matches(['-', ' ']).len();
        std::fs::write(
            elekto.join(file),
            format!(
                "{anchor}list:
{header}
{}x: {payload}
",
                " ".repeat(indent)
            ),
        )
        .unwrap();
    }
    let cycle = root.join("candidates/2026.1/TC");
    std::fs::create_dir_all(&cycle).unwrap();
    std::fs::write(cycle.join("jane@example.org"), "I am Jane.\n").unwrap();
    let results = root.join("doc/source/results/2026.1");
    std::fs::create_dir_all(&results).unwrap();
    std::fs::write(
        results.join("tc.yaml"),
        format!("candidates:\n  tc: {deep}\n"),
    )
    .unwrap();
    #[cfg(unix)]
    {
        for name in ["cand.yaml", "JaneDoe.md", "election.yaml"] {
            let made = Command::new("mkfifo").arg(elekto.join(name)).status();
            assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        }
        std::os::unix::fs::symlink("/dev/zero", elekto.join("Zero.md")).unwrap();
    }
    root
}

#[test]
fn no_attack_hangs_or_floods_a_command_and_the_good_candidates_load() {
    let dir = tempfile::tempdir().unwrap();
    let root = attacks(dir.path());
    let data = dir.path().join("data");
    for command in [
        &["list", "-v"][..],
        &["check"],
        &["themes"],
        &["ballot", "export"],
    ] {
        // `check` reads no ballot: it is offered no data folder.
        let data_dir: &[&str] = if command == ["check"] {
            &[]
        } else {
            &["--data-dir", data.to_str().unwrap()]
        };
        let mut child = Command::new(env!("CARGO_BIN_EXE_hustings"))
            .args(command)
            .args(data_dir)
            .arg(&root)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // A watchdog, not a timing: an earlier version never returned at all.
        let deadline = std::time::Instant::now() + Duration::from_secs(120);
        while child.try_wait().unwrap().is_none() {
            if std::time::Instant::now() > deadline {
                let _ = child.kill();
                panic!("{command:?} hung");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let output = child.wait_with_output().unwrap();
        let out = String::from_utf8_lossy(&output.stdout);
        let err = String::from_utf8_lossy(&output.stderr);
        if command == ["list", "-v"] {
            for good in ["Good Elekto", "Header In Statement", "jane@example.org"] {
                assert!(out.contains(good), "{good} missing from:\n{out}\n{err}");
            }
            assert!(err.contains("not a regular file"), "{err}");
        }
        if command == ["check"] {
            assert!(
                out.contains("candidate-deep.md: the header cannot be read"),
                "{out}"
            );
            assert!(
                out.contains("candidate-aliases.md: the header cannot be read"),
                "{out}"
            );
            for file in ["seq-deep.yaml", "seq-aliases.yaml", "seq-seq.yaml"] {
                assert!(
                    out.lines().any(|l| l.contains(file)
                        && (l.contains("nested too deeply") || l.contains("aliases"))),
                    "{file} not refused:\n{out}"
                );
            }
        }
    }
}
