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

/// The manual page as roff text, one page: the command and its options, each subcommand a
/// section with its own, and the keys of every view as the keymap holds them.
pub fn man_page() -> std::io::Result<String> {
    let command = Cli::command();
    let man = clap_mangen::Man::new(command.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    let mut page = String::from_utf8_lossy(&out).into_owned();
    page.push_str(".SH COMMANDS\n");
    commands(&command, "hustings", &mut page);
    page.push_str(".SH KEYS\n");
    for (title, table) in crate::keymap::SECTIONS {
        page.push_str(&format!(".SS \"{}\"\n", roff(title).replace('"', "\\(dq")));
        for binding in *table {
            page.push_str(&format!(
                ".TP\n\\fB{}\\fR\n{}\n",
                roff(binding.label),
                roff(binding.help)
            ));
        }
    }
    Ok(page)
}

/// A section for each of `command`'s subcommands, at every depth: its synopsis, what it
/// does and its own options.
fn commands(command: &clap::Command, prefix: &str, page: &mut String) {
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("{prefix} {}", sub.get_name());
        page.push_str(&format!(".SS \"{}\"\n", roff(&name)));
        let about = sub
            .get_long_about()
            .or_else(|| sub.get_about())
            .map(ToString::to_string)
            .unwrap_or_default();
        page.push_str(&format!("{}\n", roff(&about)));
        for arg in sub
            .get_arguments()
            .filter(|a| !a.is_hide_set() && !a.is_global_set())
        {
            let mut names = Vec::new();
            if let Some(short) = arg.get_short() {
                names.push(format!("-{short}"));
            }
            if let Some(long) = arg.get_long() {
                names.push(format!("--{long}"));
            }
            if names.is_empty() {
                let value = arg
                    .get_value_names()
                    .and_then(|v| v.first())
                    .map_or_else(|| arg.get_id().to_string(), ToString::to_string);
                names.push(format!("[{value}]"));
            }
            let help = arg
                .get_long_help()
                .or_else(|| arg.get_help())
                .map(ToString::to_string)
                .unwrap_or_default();
            page.push_str(&format!(
                ".TP\n\\fB{}\\fR\n{}\n",
                roff(&names.join(", ")),
                roff(&help)
            ));
        }
        commands(sub, &name, page);
    }
}

/// `text` safe in roff: backslashes and dashes escaped, no line read as a request.
fn roff(text: &str) -> String {
    text.replace('\\', "\\e")
        .replace('-', "\\-")
        .lines()
        .map(|line| {
            if line.starts_with(['.', '\'']) {
                format!("\\&{line}")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
