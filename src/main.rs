use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    hustings::commands::run(hustings::cli::Cli::parse())
}
