//! Nothing a candidate wrote, and no path, leaves any command as a control sequence: every
//! command is run on an election whose folder, files, fields, notes and IDs are hostile, with
//! a hostile data folder and output folder, and every byte of stdout and stderr is checked.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_hustings");

/// An ESC sequence, a BEL, an 8-bit CSI (C1) and a bidi override, as a file name may hold.
const EVIL: &[u8] = b"x\x1b]0;pwned\x07\xc2\x9b31m\xe2\x80\xaey";

/// What must never leave: ESC, BEL, the other C0 controls but tab and newline, DEL, C1
/// controls, and bidi and invisible format characters.
fn forbidden(output: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(output);
    text.chars()
        .find(|&c| {
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
        })
        .map(|c| format!("{c:?} in:\n{text}"))
}

fn evil_path(parent: &Path, prefix: &str) -> PathBuf {
    let mut name = prefix.as_bytes().to_vec();
    name.extend_from_slice(EVIL);
    parent.join(OsStr::from_bytes(&name))
}

/// An election of two candidates in a hostile folder; returns the folder.
fn election(dir: &Path) -> PathBuf {
    let folder = evil_path(dir, "election");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(
        folder.join("election.yaml"),
        "name: \"Vote \\e[2J\\u202e now\"\nseats: 2\n",
    )
    .unwrap();
    std::fs::write(
        evil_path(&folder, "cand").with_extension("yaml"),
        "name: \"Mallory \\e]8;;http://x\\a\"\nID: \"mallory: 1\\nalice: 1\"\nstatement: \"Hi \\e[31m\\u009b there\"\n",
    )
    .unwrap();
    std::fs::write(
        folder.join("alice.yaml"),
        "name: Alice Apple\nID: alice\nstatement: Hello.\n",
    )
    .unwrap();
    // A statement that is empty and a file with no name: `check` names their files.
    std::fs::write(
        evil_path(&folder, "empty").with_extension("yaml"),
        "name: E\nstatement: \"\"\n",
    )
    .unwrap();
    folder
}

fn run(args: &[&OsStr]) -> (Vec<u8>, Vec<u8>, Option<i32>) {
    let output = Command::new(BIN).args(args).output().expect("run hustings");
    (output.stdout, output.stderr, output.status.code())
}

#[test]
fn the_output_check_sees_each_kind_of_control() {
    for bad in ["\u{1b}[2J", "\u{7}", "\u{9b}", "\u{202e}", "\u{200b}", "\r"] {
        assert!(forbidden(bad.as_bytes()).is_some(), "{bad:?}");
    }
    assert!(forbidden("a\tb\nünï <U+202E> ^[".as_bytes()).is_none());
}

#[test]
fn no_command_lets_a_control_sequence_out() {
    let dir = tempfile::tempdir().unwrap();
    let folder = election(dir.path());
    let data = evil_path(dir.path(), "data");
    let out = evil_path(dir.path(), "out");
    let missing = evil_path(dir.path(), "missing");
    let a_file = folder.join("alice.yaml");
    let f = folder.as_os_str();
    let d = OsStr::new("--data-dir");
    let o = OsStr::new;
    let commands: Vec<Vec<&OsStr>> = vec![
        vec![o("list"), d, data.as_os_str(), f],
        vec![o("list"), d, data.as_os_str(), o("--filter"), o("hi"), f],
        vec![o("check"), f],
        vec![o("check"), missing.as_os_str()],
        vec![o("show"), o("Mallory"), f],
        vec![o("show"), o("Nobody\x1b[2J"), f],
        vec![o("themes"), d, data.as_os_str(), f],
        vec![o("history"), o("Mallory"), f],
        vec![o("import"), f, o("--out"), out.as_os_str()],
        vec![o("list"), d, data.as_os_str(), missing.as_os_str()],
        vec![o("ballot"), o("export"), d, data.as_os_str(), f],
        vec![
            o("ballot"),
            o("export"),
            o("--format"),
            o("json"),
            d,
            data.as_os_str(),
            f,
        ],
        vec![
            o("ballot"),
            o("export"),
            o("--format"),
            o("civs"),
            d,
            data.as_os_str(),
            f,
        ],
        vec![
            o("ballot"),
            o("export"),
            o("--format"),
            o("elekto"),
            d,
            data.as_os_str(),
            f,
        ],
        // A data folder that is a file: the error names it.
        vec![o("list"), d, a_file.as_os_str(), f],
    ];
    for args in &commands {
        let (stdout, stderr, _) = run(args);
        for (stream, bytes) in [("stdout", &stdout), ("stderr", &stderr)] {
            if let Some(found) = forbidden(bytes) {
                panic!("{args:?} {stream}: {found}");
            }
        }
    }
}

#[test]
fn a_candidate_cannot_forge_elekto_ballot_lines() {
    let dir = tempfile::tempdir().unwrap();
    let folder = election(dir.path());
    let data = dir.path().join("data");
    let (stdout, stderr, code) = run(&[
        OsStr::new("ballot"),
        OsStr::new("export"),
        OsStr::new("--format"),
        OsStr::new("elekto"),
        OsStr::new("--data-dir"),
        data.as_os_str(),
        folder.as_os_str(),
    ]);
    let text = String::from_utf8_lossy(&stdout);
    assert_eq!(code, Some(0), "{}", String::from_utf8_lossy(&stderr));
    let mut ballot_lines: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
    // The voter's order is random; what matters is which lines there are.
    ballot_lines.sort_unstable();
    assert_eq!(
        ballot_lines,
        ["E: No opinion", "alice: No opinion"],
        "{text}"
    );
    assert!(
        text.contains("# Mallory") && text.contains("not a plain ID"),
        "the refused ID is said, in a comment: {text}"
    );
}
