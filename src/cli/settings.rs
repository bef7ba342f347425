//! The voter's config file read from its place, and `hustings config`.

use std::path::PathBuf;
use std::process::ExitCode;

use super::output::{Outcome, print, say, shown};
use crate::config::{Config, default_file};

/// Where the config file is: `$XDG_CONFIG_HOME/hustings/config.toml` on Linux, the
/// platform's config folder elsewhere.
pub fn path() -> Option<PathBuf> {
    crate::folders::ours().map(|dirs| dirs.config_dir().join("config.toml"))
}

/// The config (every default where there is no file), and each problem with the file's
/// name, line and column.
pub fn load() -> (Config, Vec<String>) {
    let Some(path) = path() else {
        return (Config::default(), Vec::new());
    };
    if std::fs::symlink_metadata(&path).is_err() {
        return (Config::default(), Vec::new());
    }
    // Through the door every file hustings reads goes through: a regular file (never a
    // FIFO or a device), read no further than a config can be.
    use crate::bounded::Refused;
    let read = crate::bounded::read(&path, MAX_CONFIG_BYTES)
        .map_err(|refused| match refused {
            Refused::TooLarge(len) => {
                format!("{len} bytes, more than the {MAX_CONFIG_BYTES} a config file may have")
            }
            Refused::NotRegular => crate::load::read::not_a_regular_file(&path)
                .unwrap_or("not a regular file (a FIFO, device or socket): skipped")
                .to_string(),
            Refused::Io(e) => e.to_string(),
        })
        .and_then(|bytes| String::from_utf8(bytes).map_err(|e| format!("not UTF-8 ({e})")));
    match read {
        Ok(text) => {
            let (config, problems) = Config::parse(&text);
            let named = problems
                .into_iter()
                .map(|p| format!("{}:{p}", shown(&path)))
                .collect();
            (config, named)
        }
        Err(why) => (
            Config::default(),
            vec![format!(
                "{}: cannot be read ({why}); every default kept",
                shown(&path)
            )],
        ),
    }
}

/// The largest config file read.
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// `hustings config`: with `--default` a commented default file; else where the file is and
/// what is wrong with it (status 1 if anything is).
pub fn run(default: bool, problems: &[String]) -> Outcome {
    if default {
        print(&default_file())?;
        return Ok(ExitCode::SUCCESS);
    }
    let Some(path) = path() else {
        say("hustings: this platform has no config folder");
        return Ok(ExitCode::FAILURE);
    };
    let state = if path.exists() {
        "read"
    } else {
        "not there: every default (hustings config --default > it, to start one)"
    };
    print(&format!("{}: {state}\n", shown(&path)))?;
    for problem in problems {
        print(&format!("{problem}\n"))?;
    }
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
