//! `hustings completions SHELL` and `hustings man`: made from the same clap definition as the
//! binary's own arguments, so they cannot drift from it.

use std::process::ExitCode;

use clap::CommandFactory;

use super::args::Cli;
use super::output::{Failure, Outcome, print};

/// The completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) -> Outcome {
    print(&completion_script(shell))?;
    Ok(ExitCode::SUCCESS)
}

/// The completion script for `shell`, as text.
pub fn completion_script(shell: clap_complete::Shell) -> String {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "hustings", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The manual page, roff.
pub fn man() -> Outcome {
    print(&man_page().map_err(|e| Failure::Other(format!("cannot make the manual page: {e}")))?)?;
    Ok(ExitCode::SUCCESS)
}

/// The manual page as roff text: the command, every subcommand and every option.
pub fn man_page() -> std::io::Result<String> {
    let command = Cli::command();
    let mut out = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut out)?;
    // Each subcommand's own page, as `hustings-ballot-export(1)` would have it.
    pages(&command, "hustings", &mut out)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// The pages of `command`'s subcommands, at every depth, each named by its path.
fn pages(command: &clap::Command, prefix: &str, out: &mut Vec<u8>) -> std::io::Result<()> {
    for sub in command.get_subcommands() {
        let name = format!("{prefix}-{}", sub.get_name());
        clap_mangen::Man::new(sub.clone().display_name(name.clone())).render(out)?;
        pages(sub, &name, out)?;
    }
    Ok(())
}
