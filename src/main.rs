use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use hustings::app::App;
use hustings::cli::Cli;
use hustings::model::{LoadError, Roster};
use hustings::tui;
use hustings::ui::Theme;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (roster, errors) = if !cli.paths.is_empty() {
        Roster::load_paths(&cli.paths)
    } else if Path::new("candidates").is_dir() {
        Roster::load_paths(&[PathBuf::from("candidates")])
    } else {
        Roster::embedded()
    };
    if roster.candidates.is_empty() {
        eprintln!("hustings: no candidate could be loaded");
        report(&errors);
        return ExitCode::from(2);
    }
    if !std::io::stdout().is_terminal() {
        eprintln!(
            "hustings: standard output is not a terminal; run it in one to read the candidates"
        );
        report(&errors);
        return ExitCode::FAILURE;
    }
    let mut app = App::new(roster, errors);
    let result = tui::run(&mut app, Theme::from_env());
    report(&app.errors);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("hustings: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Prints load errors on stderr, one `file:line:column: message` per line.
fn report(errors: &[LoadError]) {
    if errors.is_empty() {
        return;
    }
    let n = errors.len();
    eprintln!(
        "hustings: {n} file{} could not be loaded:",
        if n == 1 { "" } else { "s" }
    );
    for error in errors {
        eprintln!("{error}");
    }
}
