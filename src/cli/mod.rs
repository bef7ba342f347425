//! The command line: arguments, one file per subcommand, the session they share, and one
//! way to report a failure (`hustings: error: …` and a non-zero status).

pub mod args;
mod check;
mod export;
mod history;
mod import;
mod list;
mod output;
mod questions;
mod remote;
mod run_app;
mod session;
mod settings;
mod shell_files;
mod show;
mod themes;
mod write;

use std::process::ExitCode;

pub use args::Cli;
use args::{BallotCommand, Command, FileArgs, VoterArgs};
use output::shown;
pub use output::{Failure, report, say};
pub use session::{Session, load_roster};
pub use shell_files::{completion_script, man_page};

/// Grows the process's table of open files while it has one thread. The app holds a lock
/// file per election, and the kernel grows the table by doubling: growing it while threads
/// share it waits for every core to pass a quiescent point (13 to 19 ms each time, seen
/// three times as the app opened 250 elections). A file number taken high and given back at
/// once leaves the table grown.
fn room_for_files() {
    #[cfg(unix)]
    for high in [1023, 255] {
        if rustix::io::fcntl_dupfd_cloexec(std::io::stderr(), high).is_ok() {
            break;
        }
    }
}

/// Runs the command line.
pub fn run(mut cli: Cli) -> ExitCode {
    room_for_files();
    if let Err(failure) = paths_to_the_command(&mut cli) {
        say(&format!("hustings: error: {failure}"));
        return ExitCode::from(2);
    }
    // Elections named by their repository are fetched before anything reads them.
    if let Err(failure) = fetch_repositories(&mut cli) {
        say(&format!("hustings: error: {failure}"));
        return ExitCode::from(failure.code());
    }
    let (config, problems) = settings::load();
    let in_app = cli.command.is_none();
    if !in_app && !matches!(cli.command, Some(Command::Config { .. })) {
        for problem in &problems {
            say(&format!("hustings: {problem}"));
        }
    }
    let (voter, files) = match options(&cli) {
        Ok(options) => options,
        Err(failure) => {
            say(&format!("hustings: error: {failure}"));
            return ExitCode::from(2);
        }
    };
    let order = voter.order.or(config.order).unwrap_or_default();
    let data_dir = voter.data_dir.clone().or_else(|| config.data_dir.clone());
    output::set_verbose(files.verbose);
    if !files.no_cache
        && let Some(dir) = crate::cache::default_dir()
    {
        // Once a day, shelves of folders since removed go.
        crate::cache::tidy::tidy(&dir);
        crate::cache::enable(dir);
    }
    let data_dir = data_dir.as_deref();
    let outcome = match cli.command {
        None => run_app::run(&cli.paths, order, data_dir, &config, &problems),
        Some(Command::Config { default }) => settings::run(default, &problems),
        Some(Command::List { paths, filter, .. }) => {
            list::run(&paths, filter.as_deref(), order, data_dir)
        }
        Some(Command::Ballot {
            command: BallotCommand::Export { format, paths, .. },
        }) => export::run(&paths, format, order, data_dir),
        Some(Command::Import { sources, out, .. }) => import::run(&sources, &out),
        Some(Command::Check { paths, explain, .. }) => check::run(&paths, explain),
        Some(Command::Show {
            args,
            question: None,
            width,
            plain,
            ..
        }) => show::run(&args, width, plain),
        Some(Command::Show {
            args,
            question: Some(n),
            width,
            plain,
            ..
        }) => show::question(&args, n, width, plain, order, data_dir),
        Some(Command::History { args, .. }) => history::run(&args),
        Some(Command::Themes { paths, count, .. }) => themes::run(&paths, count, order, data_dir),
        Some(Command::Completions { shell }) => shell_files::completions(shell),
        Some(Command::Man) => shell_files::man(),
        Some(Command::Questions {
            paths, json, width, ..
        }) => questions::run(&paths, json, width, order, data_dir),
    };
    match outcome {
        Ok(code) => code,
        Err(failure) => {
            say(&format!("hustings: error: {failure}"));
            ExitCode::from(failure.code())
        }
    }
}

/// The voter's and the files' options in force: the subcommand's own, else those written
/// before it; an option the subcommand has no use for (`--order` for `man`) is refused.
fn options(cli: &Cli) -> Result<(VoterArgs, FileArgs), Failure> {
    let Some(command) = &cli.command else {
        return Ok((cli.voter.clone(), cli.files));
    };
    let (name, voter, files) = command.options();
    let top = &cli.voter;
    let voter = match voter {
        Some(own) => VoterArgs {
            order: own.order.or(top.order),
            data_dir: own.data_dir.clone().or(top.data_dir.clone()),
        },
        None if top.order.is_some() || top.data_dir.is_some() => {
            let option = if top.order.is_some() {
                "--order"
            } else {
                "--data-dir"
            };
            return Err(Failure::Other(format!(
                "{option} means nothing to `{name}`: it shows no candidate in your order and reads no ballot"
            )));
        }
        None => VoterArgs::default(),
    };
    let top = cli.files;
    let files = match files {
        Some(own) => FileArgs {
            verbose: own.verbose || top.verbose,
            no_cache: own.no_cache || top.no_cache,
        },
        None if top.verbose || top.no_cache => {
            let option = if top.verbose {
                "--verbose"
            } else {
                "--no-cache"
            };
            return Err(Failure::Other(format!(
                "{option} means nothing to `{name}`: it reads no candidate files"
            )));
        }
        None => FileArgs::default(),
    };
    Ok((voter, files))
}

/// Gives PATHs written before the subcommand (`hustings DIR ballot export`) to the
/// subcommand, before its own; a subcommand that reads no PATH refuses them.
fn paths_to_the_command(cli: &mut Cli) -> Result<(), Failure> {
    if cli.paths.is_empty() || cli.command.is_none() {
        return Ok(());
    }
    let before = std::mem::take(&mut cli.paths);
    match cli.command.as_mut().map(Command::inputs) {
        Some(Inputs::Paths(own)) => {
            own.splice(0..0, before);
        }
        Some(Inputs::Args(own)) => {
            own.splice(
                0..0,
                before.iter().map(|p| p.to_string_lossy().into_owned()),
            );
        }
        Some(Inputs::None) | None => {
            return Err(Failure::Other(format!(
                "{} given before a subcommand that reads no files",
                shown(&before[0])
            )));
        }
    }
    Ok(())
}

/// What a subcommand reads.
enum Inputs<'a> {
    /// Files and folders.
    Paths(&'a mut Vec<std::path::PathBuf>),
    /// Names and paths mixed.
    Args(&'a mut Vec<String>),
    /// Nothing.
    None,
}

impl Command {
    /// The subcommand's name, and the options it offers: the voter's, the files'.
    fn options(&self) -> (&'static str, Option<&VoterArgs>, Option<FileArgs>) {
        match self {
            Command::List { voter, files, .. } => ("list", Some(voter), Some(*files)),
            Command::Show { voter, files, .. } => ("show", Some(voter), Some(*files)),
            Command::Themes { voter, files, .. } => ("themes", Some(voter), Some(*files)),
            Command::Questions { voter, files, .. } => ("questions", Some(voter), Some(*files)),
            Command::Ballot {
                command: BallotCommand::Export { voter, files, .. },
            } => ("ballot export", Some(voter), Some(*files)),
            Command::Check { files, .. } => ("check", None, Some(*files)),
            Command::History { files, .. } => ("history", None, Some(*files)),
            Command::Import { files, .. } => ("import", None, Some(*files)),
            Command::Completions { .. } => ("completions", None, None),
            Command::Man => ("man", None, None),
            Command::Config { .. } => ("config", None, None),
        }
    }

    fn inputs(&mut self) -> Inputs<'_> {
        match self {
            Command::List { paths, .. }
            | Command::Check { paths, .. }
            | Command::Themes { paths, .. }
            | Command::Questions { paths, .. }
            | Command::Ballot {
                command: BallotCommand::Export { paths, .. },
            } => Inputs::Paths(paths),
            Command::Import { sources, .. } => Inputs::Paths(sources),
            Command::Show { args, .. } | Command::History { args, .. } => Inputs::Args(args),
            Command::Completions { .. } | Command::Man | Command::Config { .. } => Inputs::None,
        }
    }
}

/// Replaces every PATH given as a git URL by the folder of its local copy.
fn fetch_repositories(cli: &mut Cli) -> Result<(), Failure> {
    remote::resolve_paths(&mut cli.paths)?;
    match cli.command.as_mut().map(Command::inputs) {
        Some(Inputs::Paths(paths)) => remote::resolve_paths(paths),
        Some(Inputs::Args(args)) => remote::resolve_args(args),
        Some(Inputs::None) | None => Ok(()),
    }
}
