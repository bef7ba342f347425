use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    hustings::cli::run(hustings::cli::Cli::parse())
}
