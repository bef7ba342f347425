//! `hustings show`: statements side by side as plain text, checked by snapshot.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_hustings");

fn show(args: &[&str]) -> String {
    let output = Command::new(BIN)
        .arg("show")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn two_statements_side_by_side() {
    insta::assert_snapshot!(show(&["Tao", "Nanos", "--width", "100"]));
}

#[test]
fn narrow_output_is_one_column_and_plain_is_ascii() {
    let text = show(&["tao", "nanos", "--width", "50", "--plain"]);
    assert!(text.is_ascii(), "{text}");
    assert!(text.lines().all(|l| l.len() <= 50), "{text}");
    let tao = text.find("Tao Peng").unwrap();
    let nanos = text.find("Anastassios Nanos\n").unwrap();
    assert!(tao < nanos, "one after the other");
    insta::assert_snapshot!(text);
}

#[test]
fn a_hostile_statement_prints_no_control_character() {
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile.yaml");
    let text = show(&["Eve", fixture, "--width", "80"]);
    assert!(
        text.chars().all(|c| c == '\n' || !c.is_control()),
        "{text:?}"
    );
    assert!(text.contains("^[]0;pwned^G"));
}

#[test]
fn an_unknown_name_fails_clearly() {
    let output = Command::new(BIN)
        .args(["show", "Nobody At All"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("no candidate named like"));
}
