//! The command line: arguments, one file per subcommand, the session they share, and one
//! way to report a failure (`hustings: error: …` and a non-zero status).

pub mod args;
mod check;
mod export;
mod history;
mod import;
mod list;
mod run_app;
mod session;
mod show;
mod themes;
mod write;

use std::io::{self, Write};
use std::process::ExitCode;

pub use args::Cli;
use args::{BallotCommand, Command};
pub use session::{Session, load_roster};

use crate::roster::LoadError;
use crate::text::sanitize::sanitize_line;

/// Why a command failed; printed once as `hustings: error: …`.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// No candidate could be loaded from what was named.
    #[error("no candidate could be loaded")]
    NothingLoaded,
    /// A name given on the command line matches no candidate.
    #[error("no candidate named like \"{0}\"")]
    NoMatch(String),
    /// Standard output could not be written (a full disk, a closed file).
    #[error("cannot write the output: {0}")]
    Output(io::Error),
    /// Anything else, said in one line.
    #[error("{0}")]
    Other(String),
}

impl Failure {
    /// The exit status: 2 when nothing could be loaded, else 1.
    fn code(&self) -> u8 {
        match self {
            Failure::NothingLoaded => 2,
            _ => 1,
        }
    }
}

/// What a command returns: its exit status, or why it failed.
type Outcome = Result<ExitCode, Failure>;

/// Runs the command line.
pub fn run(cli: Cli) -> ExitCode {
    let order = cli.order;
    let data_dir = cli.data_dir.clone();
    let data_dir = data_dir.as_deref();
    let outcome = match cli.command {
        None => run_app::run(&cli.paths, order, data_dir),
        Some(Command::List { paths, filter }) => {
            list::run(&paths, filter.as_deref(), order, data_dir)
        }
        Some(Command::Ballot {
            command: BallotCommand::Export { format, paths },
        }) => export::run(&paths, format, order, data_dir),
        Some(Command::Import { sources, out }) => import::run(&sources, &out),
        Some(Command::Check { paths }) => check::run(&paths),
        Some(Command::Show { args, width, plain }) => show::run(&args, width, plain),
        Some(Command::History { args }) => history::run(&args),
        Some(Command::Themes { paths, count }) => themes::run(&paths, count, order, data_dir),
    };
    match outcome {
        Ok(code) => code,
        Err(failure) => {
            eprintln!(
                "hustings: error: {}",
                sanitize_line(&failure.to_string()).text
            );
            ExitCode::from(failure.code())
        }
    }
}

/// Writes `text` to standard output. A closed pipe (`| head`) is no error of ours; any other
/// failure to write (a full disk) is.
fn print(text: &str) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Failure::Output(e)),
        _ => Ok(()),
    }
}

/// Reports load errors and notices on stderr; the exit status says whether there were errors.
fn finish(app: &crate::app::App) -> ExitCode {
    report(&app.errors);
    for notice in &app.notices {
        eprintln!("hustings: {notice}");
    }
    if app.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Prints load errors on stderr, one `file:line:column: message` per line.
pub fn report(errors: &[LoadError]) {
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
