//! How commands speak: their output, their failures (one style) and load errors.

use std::io::{self, Write};
use std::process::ExitCode;

use std::sync::atomic::{AtomicBool, Ordering};

use crate::app::App;
use crate::app::skipped_summary;
use crate::roster::LoadError;
use crate::text::sanitize::{for_output, sanitize_line};

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
    pub(super) fn code(&self) -> u8 {
        match self {
            Failure::NothingLoaded => 2,
            _ => 1,
        }
    }
}

/// What a command returns: its exit status, or why it failed.
pub(super) type Outcome = Result<ExitCode, Failure>;

/// Writes `text` to standard output. A closed pipe (`| head`) is no error of ours; any other
/// failure to write (a full disk) is.
pub(super) fn print(text: &str) -> Result<(), Failure> {
    // Whatever a command prints passes the sanitizer on its way out: file names, notes and
    // fields included, no control sequence reaches the terminal.
    let text = for_output(text);
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Failure::Output(e)),
        _ => Ok(()),
    }
}

/// Reports load errors and notices on stderr; the exit status says whether there were errors.
pub(super) fn finish(app: &App) -> ExitCode {
    report(&app.errors);
    say_notices(app);
    if app.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// `1 file`, `2 files`: a count and its noun, singular or plural.
pub(super) fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Whether `-v` was given: files left out are listed, not only counted.
static VERBOSE: AtomicBool = AtomicBool::new(false);

/// Sets whether files left out are listed one by one.
pub(super) fn set_verbose(verbose: bool) {
    VERBOSE.store(verbose, Ordering::Relaxed);
}

/// The session's notices on stderr, and the files left out as no candidate: one line that
/// counts them, or (with `-v`) each with the reason.
pub(super) fn say_notices(app: &App) {
    for notice in &app.notices {
        say(&format!("hustings: {notice}"));
    }
    let skipped = &app.roster.skipped;
    if skipped.is_empty() {
        return;
    }
    if VERBOSE.load(Ordering::Relaxed) {
        say(&format!("hustings: {}:", skipped_summary(skipped.len())));
        for (path, why) in skipped {
            say(&format!("hustings:   {path}: {why}"));
        }
    } else {
        say(&format!(
            "hustings: {} (-v lists them)",
            skipped_summary(skipped.len())
        ));
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
        say(&error.to_string());
    }
}

/// Writes one line to standard error, made display-safe (paths and messages may hold
/// anything a file name can).
pub fn say(line: &str) {
    eprintln!("{}", sanitize_line(line).text);
}

/// A path as it can be shown.
pub fn shown(path: &std::path::Path) -> String {
    sanitize_line(&path.display().to_string()).text
}
