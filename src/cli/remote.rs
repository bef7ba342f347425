//! Elections straight from their repository: a PATH that is a git URL (`https://…`,
//! `git@…`, `ssh://…`, `file://…`, or `owner/repo` for GitHub) is cloned shallowly into the
//! cache directory with the system `git`, and opened at its `elections/` (or `candidates/`)
//! folder. A second run fetches; with the network gone it opens the last copy and says so in
//! one line. No hook or anything else of the repository's ever runs.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::output::{Failure, say, shown};

/// The git URL `arg` names, if it names one. `owner/repo` counts only where `short` allows
/// it (a PATH argument) and no such local path exists.
pub fn url_of(arg: &str, short: bool) -> Option<String> {
    let explicit = ["https://", "http://", "ssh://", "git://", "file://", "git@"];
    if explicit.iter().any(|p| arg.starts_with(p)) {
        return Some(arg.to_string());
    }
    let parts: Vec<&str> = arg.split('/').collect();
    let plain = |p: &str| {
        !p.is_empty()
            && p != "."
            && p != ".."
            && p.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    };
    (short && parts.len() == 2 && parts.iter().all(|p| plain(p)) && !Path::new(arg).exists())
        .then(|| format!("https://github.com/{arg}.git"))
}

/// Replaces every PATH that is a git URL by the folder of its local copy.
pub fn resolve_paths(paths: &mut [PathBuf]) -> Result<(), Failure> {
    for path in paths.iter_mut() {
        if let Some(url) = path.to_str().and_then(|p| url_of(p, true)) {
            *path = local_copy(&url)?;
        }
    }
    Ok(())
}

/// Replaces every argument that is a git URL (written in full) by its local copy's folder;
/// names and other paths are left as they are.
pub fn resolve_args(args: &mut [String]) -> Result<(), Failure> {
    for arg in args.iter_mut() {
        if let Some(url) = url_of(arg, false) {
            *arg = local_copy(&url)?.to_string_lossy().into_owned();
        }
    }
    Ok(())
}

/// Where the copies live: the platform's cache directory.
fn cache_root() -> Result<PathBuf, Failure> {
    directories::ProjectDirs::from("", "", "hustings")
        .map(|dirs| dirs.cache_dir().join("repos"))
        .ok_or_else(|| Failure::Other("no cache directory to clone into".to_string()))
}

/// A folder name for `url`: readable, and unique by a hash of the whole URL.
fn folder_for(url: &str) -> String {
    // FNV-1a: stable from one build to the next, so a copy is found again.
    let hash = url.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    let name: String = crate::roster::slug(url).chars().take(60).collect();
    format!("{name}-{hash:016x}")
}

/// `git` with nothing of the repository's or the voter's set-up run: no hooks, no
/// templates, no prompt for a password.
fn git() -> Command {
    let mut command = Command::new("git");
    command
        .args([
            "-c",
            "core.hooksPath=/dev/null",
            "-c",
            "core.fsmonitor=false",
        ])
        .env("GIT_TERMINAL_PROMPT", "0")
        .env_remove("GIT_TEMPLATE_DIR")
        .stdin(Stdio::null());
    command
}

/// Runs `command`; on failure, the last line git wrote, as the reason. With `shown`, git
/// writes to the voter's terminal itself (its progress for a slow clone) and says why there.
fn run(mut command: Command, shown: bool) -> Result<(), String> {
    if shown {
        let status = command
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .status()
            .map_err(|e| format!("cannot run git: {e}"))?;
        return if status.success() {
            Ok(())
        } else {
            Err("git said why above".to_string())
        };
    }
    let output = command
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if output.status.success() {
        return Ok(());
    }
    let err = String::from_utf8_lossy(&output.stderr);
    Err(err
        .lines()
        .map(str::trim)
        .rfind(|l| !l.is_empty())
        .unwrap_or("git failed")
        .to_string())
}

/// The local copy of `url`, cloned or brought up to date; the folder to open in it.
fn local_copy(url: &str) -> Result<PathBuf, Failure> {
    let root = cache_root()?;
    let dir = root.join(folder_for(url));
    let slow = std::io::stderr().is_terminal();
    if dir.join(".git").is_dir() {
        if slow {
            say(&format!("hustings: fetching {url} …"));
        }
        let mut fetch = git();
        fetch
            .arg("-C")
            .arg(&dir)
            .args(["fetch", "--depth", "1", "--no-tags", "origin"]);
        let fetched = run(fetch, false).and_then(|()| {
            let mut reset = git();
            reset
                .arg("-C")
                .arg(&dir)
                .args(["reset", "--hard", "--quiet", "FETCH_HEAD"]);
            run(reset, false)
        });
        if let Err(why) = fetched {
            say(&format!(
                "hustings: cannot fetch {url} ({why}): opening the last copy, in {}",
                shown(&dir)
            ));
        }
    } else {
        if slow {
            say(&format!("hustings: cloning {url} …"));
        }
        std::fs::create_dir_all(&root)
            .map_err(|e| Failure::Other(format!("cannot make {}: {e}", shown(&root))))?;
        // Cloned beside, then moved in whole: a clone that fails leaves nothing half-made.
        let partial = root.join(format!("{}.partial", folder_for(url)));
        let _ = std::fs::remove_dir_all(&partial);
        let mut clone = git();
        clone
            .args([
                "clone",
                "--depth",
                "1",
                "--no-tags",
                "--single-branch",
                "--template=",
                if slow { "--progress" } else { "--quiet" },
                "--",
                url,
            ])
            .arg(&partial);
        if let Err(why) = run(clone, slow) {
            let _ = std::fs::remove_dir_all(&partial);
            return Err(Failure::Other(format!("cannot clone {url}: {why}")));
        }
        std::fs::rename(&partial, &dir)
            .map_err(|e| Failure::Other(format!("cannot keep the copy of {url}: {e}")))?;
    }
    Ok(["elections", "candidates"]
        .iter()
        .map(|sub| dir.join(sub))
        .find(|sub| sub.is_dir())
        .unwrap_or(dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn which_arguments_are_repositories() {
        assert_eq!(
            url_of("https://github.com/NixOS/SC-election-2024", true).as_deref(),
            Some("https://github.com/NixOS/SC-election-2024")
        );
        assert!(url_of("git@github.com:kubernetes/community.git", false).is_some());
        assert!(url_of("file:///srv/elections.git", false).is_some());
        assert_eq!(
            url_of("kata-containers/community", true).as_deref(),
            Some("https://github.com/kata-containers/community.git")
        );
        assert_eq!(
            url_of("kata-containers/community", false),
            None,
            "a name, maybe"
        );
        assert_eq!(url_of("src/main.rs", true), None, "a path that exists");
        assert_eq!(url_of("a/b/c", true), None);
        assert_eq!(url_of("../x", true), None);
        assert_eq!(url_of("Tao Peng", true), None);
    }

    #[test]
    fn each_url_has_its_own_folder() {
        let a = folder_for("https://github.com/a/b.git");
        assert!(a.starts_with("https-github-com-a-b-git-"), "{a}");
        assert_ne!(a, folder_for("https://github.com/a/b"));
        assert_eq!(a, folder_for("https://github.com/a/b.git"));
    }
}
