//! Elections straight from their repository: a PATH that is a git URL (`https://…`,
//! `git@…`, `ssh://…`, `file://…`, or `owner/repo` for GitHub) is cloned shallowly into the
//! cache directory with the system `git`, and opened at its `elections/` (or `candidates/`)
//! folder. A second run fetches; with the network gone it opens the last copy and says so in
//! one line. No hook, filter or anything else of the repository's (or of the voter's own git
//! set-up) ever runs, nothing git prints reaches the terminal unsanitized (a server's messages
//! come through it), and a server that stops answering is given up on.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::output::{Failure, say, shown};
use crate::text::sanitize::sanitize_line;

/// How long git may go without a word (its progress counts) before it is stopped:
/// `HUSTINGS_GIT_TIMEOUT` seconds, else a minute.
fn silence_allowed() -> Duration {
    let seconds = std::env::var("HUSTINGS_GIT_TIMEOUT")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or(60);
    Duration::from_secs(seconds.max(1))
}

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
    // A mistyped local path (`electons/2024`, `elections/e2030.yaml`) is no repository: the
    // short form is one only where nothing of it is here.
    (short && parts.len() == 2 && parts.iter().all(|p| plain(p)) && !Path::new(parts[0]).exists())
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
    crate::folders::ours()
        .map(|dirs| dirs.cache_dir().join("repos"))
        .ok_or_else(|| Failure::Other("no cache directory to clone into".to_string()))
}

/// A folder name for `url`: readable, and unique by a hash of the whole URL.
fn folder_for(url: &str) -> String {
    // FNV-1a: stable from one build to the next, so a copy is found again.
    let hash = crate::text::hash::fnv1a(crate::text::hash::FNV_START, url.bytes());
    let name: String = crate::roster::slug(url).chars().take(60).collect();
    format!("{name}-{hash:016x}")
}

/// `git` with nothing of the repository's or the voter's set-up run: no hooks, no
/// templates, no prompt for a password, and neither the system's nor the voter's own git
/// configuration (whose filters, git-lfs for one, a repository's `.gitattributes` would run).
fn git() -> Command {
    let mut command = Command::new("git");
    command
        .args([
            "-c",
            "core.hooksPath=/dev/null",
            "-c",
            "core.fsmonitor=false",
            // Without the voter's configuration, git would give advice on branch names.
            "-c",
            "init.defaultBranch=main",
        ])
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env_remove("GIT_TEMPLATE_DIR")
        .env_remove("GIT_CONFIG_PARAMETERS")
        .env_remove("GIT_CONFIG_COUNT")
        .stdin(Stdio::null());
    command
}

/// Runs `command`; on failure, the last line git wrote, as the reason. With `shown`, what
/// git writes (its progress for a slow clone, a server's messages) is passed on to stderr a
/// line at a time, sanitized, each progress line drawn over the last. Git is stopped when it
/// says nothing for [`silence_allowed`].
fn run(mut command: Command, shown: bool) -> Result<(), String> {
    // In a process group of its own, so that stopping git stops its helpers too
    // (`git-remote-http` holds the pipe open after git itself is gone).
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run git: {e}"))?;
    let started = Instant::now();
    let heard = Arc::new(AtomicU64::new(0));
    let stderr = child.stderr.take();
    let relay = {
        let heard = Arc::clone(&heard);
        std::thread::spawn(move || {
            let mut last = String::new();
            if let Some(stderr) = stderr {
                let mut err = std::io::stderr();
                let out: Option<&mut dyn Write> = if shown { Some(&mut err) } else { None };
                relay(stderr, out, &mut last, || {
                    let at = started.elapsed().as_millis();
                    heard.store(u64::try_from(at).unwrap_or(u64::MAX), Ordering::Relaxed);
                });
            }
            last
        })
    };
    let allowed = silence_allowed();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) => {}
            Err(e) => return Err(format!("cannot wait for git: {e}")),
        }
        let quiet_since = Duration::from_millis(heard.load(Ordering::Relaxed));
        if started.elapsed().saturating_sub(quiet_since) > allowed {
            stop(&mut child);
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let last = relay.join().unwrap_or_default();
    match status {
        None => Err(format!(
            "the server said nothing for {} s: given up (HUSTINGS_GIT_TIMEOUT sets how long)",
            allowed.as_secs()
        )),
        Some(status) if status.success() => Ok(()),
        Some(_) if last.is_empty() => Err("git failed".to_string()),
        Some(_) => Err(last),
    }
}

/// Stops `child` and every process of its group.
fn stop(child: &mut std::process::Child) {
    #[cfg(unix)]
    if let Some(group) = i32::try_from(child.id())
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    {
        let _ = rustix::process::kill_process_group(group, rustix::process::Signal::KILL);
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// Reads what git writes to `from` to its end: each line (ended by a newline, or by a
/// carriage return as progress is) sanitized, kept in `last` when not blank, and written to
/// `out` if there is one, a progress line over the one before; `heard` is called whenever
/// anything comes.
/// The most of one line of `git`'s that is kept.
const LONGEST_LINE: usize = 64 * 1024;

fn relay(
    mut from: impl Read,
    mut out: Option<&mut dyn Write>,
    last: &mut String,
    mut heard: impl FnMut(),
) {
    let mut pending: Vec<u8> = Vec::new();
    let mut drawn: usize = 0;
    let mut buf = [0u8; 4096];
    // A line longer than anyone reads is cut, the rest of it dropped as it comes: a server
    // that never ends its line is held to this much memory.
    let mut overlong = false;
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        heard();
        let mut data = &buf[..n];
        if overlong {
            match data.iter().position(|&b| b == b'\n' || b == b'\r') {
                Some(end) => {
                    overlong = false;
                    pending.extend_from_slice("…".as_bytes());
                    data = &data[end..];
                }
                None => continue,
            }
        }
        // Only what came now is looked through for line ends, and what was said is taken
        // off once per read: a long line arriving a read at a time was looked through, and
        // shifted down, again for every line after it.
        let mut at = pending.len();
        pending.extend_from_slice(data);
        let mut start = 0;
        while let Some(found) = pending[at..].iter().position(|&b| b == b'\n' || b == b'\r') {
            let end_at = at + found;
            let end = pending[end_at];
            let line = sanitize_line(&String::from_utf8_lossy(&pending[start..end_at])).text;
            start = end_at + 1;
            at = start;
            if !line.is_empty() {
                last.clone_from(&line);
            }
            if let Some(err) = out.as_deref_mut() {
                let width = crate::text::wrap::width(&line);
                let pad = " ".repeat(drawn.saturating_sub(width));
                let _ = if end == b'\n' {
                    drawn = 0;
                    write!(err, "\r{line}{pad}\n")
                } else {
                    drawn = width;
                    write!(err, "\r{line}{pad}")
                };
                let _ = err.flush();
            }
        }
        pending.drain(..start);
        if pending.len() > LONGEST_LINE {
            pending.truncate(LONGEST_LINE);
            overlong = true;
        }
    }
    if overlong {
        pending.extend_from_slice("…".as_bytes());
    }
    let rest = sanitize_line(&String::from_utf8_lossy(&pending)).text;
    if !rest.is_empty() {
        last.clone_from(&rest);
    }
    if let Some(err) = out
        && (drawn > 0 || !rest.is_empty())
    {
        let _ = writeln!(err, "\r{rest}");
    }
}

/// The local copy of `url`, cloned or brought up to date; the folder to open in it.
fn local_copy(url: &str) -> Result<PathBuf, Failure> {
    let root = cache_root()?;
    let dir = root.join(folder_for(url));
    let slow = std::io::stderr().is_terminal();
    if dir.join(".git").is_dir() {
        say(&format!("hustings: fetching {url} …"));
        let mut fetch = git();
        fetch.arg("-C").arg(&dir).args([
            "fetch",
            "--progress",
            "--depth",
            "1",
            "--no-tags",
            "origin",
        ]);
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
        say(&format!("hustings: cloning {url} into {} …", shown(&dir)));
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
                // Progress always: it is how a clone that is still working is told from a
                // server that stopped answering.
                "--progress",
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
    fn a_short_form_under_a_local_folder_is_a_mistyped_path() {
        assert_eq!(url_of("src/no-such-file.rs", true), None);
        assert_eq!(url_of("tests/missing", true), None);
        assert!(url_of("no-such-owner-here/repo", true).is_some());
    }

    #[test]
    fn what_git_prints_reaches_the_terminal_sanitized() {
        let hostile = b"remote: \x1b]0;owned\x07title\n\
remote: \x1b[2J\x1b]52;c;ZWNobyBvd25lZA==\x07clip\n\
remote: \xc2\x9b31mC1 CSI\n\
Receiving objects:  50% (1/2)\rReceiving objects: 100% (2/2), done.\n\
fatal: \x1b[31mearly EOF";
        let mut shown = Vec::new();
        let mut last = String::new();
        let mut heard = 0;
        relay(&hostile[..], Some(&mut shown), &mut last, || heard += 1);
        let text = String::from_utf8(shown).unwrap();
        assert!(
            crate::text::sanitize::is_display_safe(&text.replace(['\r', '\n'], "")),
            "{text:?}"
        );
        assert!(!text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{9b}'));
        assert!(text.contains("remote: ^[]0;owned^Gtitle\n"), "{text:?}");
        assert!(
            text.contains("\rReceiving objects: 100% (2/2), done."),
            "progress drawn over itself: {text:?}"
        );
        assert_eq!(last, "fatal: ^[[31mearly EOF", "the reason, sanitized");
        assert!(heard >= 1);
    }

    #[test]
    fn lines_arriving_a_byte_at_a_time_are_relayed_whole() {
        /// A reader that gives one byte per read, as a slow server does.
        struct Trickle<'a>(&'a [u8]);
        impl Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let Some((&first, rest)) = self.0.split_first() else {
                    return Ok(0);
                };
                buf[0] = first;
                self.0 = rest;
                Ok(1)
            }
        }
        let mut shown = Vec::new();
        let mut last = String::new();
        let text = b"remote: one\nCounting: 1%\rCounting: 100%\nfatal: \x1b[1mend";
        relay(Trickle(text), Some(&mut shown), &mut last, || {});
        assert_eq!(
            String::from_utf8(shown).unwrap(),
            "\rremote: one\n\rCounting: 1%\rCounting: 100%\n\rfatal: ^[[1mend\n"
        );
        assert_eq!(last, "fatal: ^[[1mend");
    }

    #[test]
    fn a_line_that_never_ends_is_cut_and_the_next_is_whole() {
        let mut text = vec![b'x'; 10 * 1024 * 1024];
        text.extend_from_slice(b"\nremote: done\n");
        let mut shown = Vec::new();
        let mut last = String::new();
        relay(&text[..], Some(&mut shown), &mut last, || {});
        let shown = String::from_utf8(shown).unwrap();
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(
            lines[0].len(),
            1 + LONGEST_LINE + "…".len(),
            "cut, and said to be"
        );
        assert!(lines[0].ends_with('…'));
        assert_eq!(lines[1], "\rremote: done");
        assert_eq!(last, "remote: done");
        // Unended at the close, it is cut too.
        let mut last = String::new();
        relay(&vec![b'y'; 200_000][..], None, &mut last, || {});
        assert_eq!(last.len(), LONGEST_LINE + "…".len());
    }

    #[test]
    fn each_url_has_its_own_folder() {
        let a = folder_for("https://github.com/a/b.git");
        assert!(a.starts_with("https-github-com-a-b-git-"), "{a}");
        assert_ne!(a, folder_for("https://github.com/a/b"));
        assert_eq!(a, folder_for("https://github.com/a/b.git"));
    }
}
