//! Completions and the manual page are made from the binary's own clap definition: every
//! subcommand and every long option it has is in each, and the binary prints what the
//! definition makes.

#[path = "support/run.rs"]
mod run;

use clap::CommandFactory;
use clap_complete::Shell;
use hustings::cli::{Cli, completion_script, man_page};
use run::hustings;

/// Every subcommand's name and every `--long` option, at every depth.
fn words(command: &clap::Command) -> Vec<String> {
    let mut out = Vec::new();
    for arg in command.get_arguments() {
        if let Some(long) = arg.get_long() {
            out.push(format!("--{long}"));
        }
    }
    for sub in command.get_subcommands() {
        out.push(sub.get_name().to_string());
        out.extend(words(sub));
    }
    out
}

#[test]
fn every_shells_completions_know_every_command_and_option() {
    let expected = words(&Cli::command());
    assert!(expected.contains(&"questions".to_string()));
    assert!(expected.contains(&"--question".to_string()));
    for shell in [
        Shell::Bash,
        Shell::Zsh,
        Shell::Fish,
        Shell::Elvish,
        Shell::PowerShell,
    ] {
        let script = completion_script(shell);
        for word in &expected {
            let bare = word.trim_start_matches('-');
            assert!(script.contains(bare), "{shell}: {word} missing");
        }
        let (out, err, code) = hustings(&["completions", &shell.to_string()]);
        assert_eq!(code, Some(0), "{err}");
        assert_eq!(
            out, script,
            "{shell}: the binary prints what the definition makes"
        );
    }
}

#[test]
fn the_manual_page_documents_every_command_and_option() {
    let page = man_page().unwrap();
    assert!(page.starts_with(".ie"), "roff: {}", &page[..40]);
    assert!(page.contains(".TH hustings 1"));
    for word in words(&Cli::command()) {
        // roff writes a dash in an option as `\-`.
        let roff = word.replace('-', "\\-");
        assert!(page.contains(&roff), "{word} missing from the manual page");
    }
    let (out, _, code) = hustings(&["man"]);
    assert_eq!(code, Some(0));
    assert_eq!(out, page);
}

#[test]
fn version_names_the_commit() {
    let (out, _, code) = hustings(&["--version"]);
    assert_eq!(code, Some(0));
    let version = env!("CARGO_PKG_VERSION");
    assert!(out.starts_with(&format!("hustings {version} (")), "{out}");
    let commit = out
        .trim_end()
        .trim_end_matches(')')
        .rsplit('(')
        .next()
        .unwrap();
    assert!(
        commit == "unknown commit" || commit.chars().all(|c| c.is_ascii_hexdigit()),
        "{out}"
    );
}

#[test]
fn the_manual_page_is_one_page_with_every_key_of_every_view() {
    let page = man_page().unwrap();
    assert_eq!(page.matches(".TH ").count(), 1, "one page");
    assert!(page.contains(".SH COMMANDS") && page.contains(".SS \"hustings ballot export\""));
    assert!(page.contains(".SH KEYS"));
    for (title, table) in hustings::keymap::SECTIONS {
        assert!(
            page.contains(&format!(".SS \"{}\"", title.replace('-', "\\-"))),
            "{title}"
        );
        for binding in *table {
            let help = binding.help.replace('\\', "\\e").replace('-', "\\-");
            let first = help.lines().next().unwrap_or_default();
            assert!(page.contains(first), "{title}: {} missing", binding.label);
        }
    }
}
