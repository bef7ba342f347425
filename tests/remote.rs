//! An election opened straight from a git repository (a `file://` one made here): cloned
//! into the cache, fetched again on the next run, opened from the last copy when the
//! repository is gone, and never running a hook.

#[path = "support/run.rs"]
mod run;

use std::path::Path;
use std::process::Command;

use run::{hustings_with, path};

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args(args)
        .env("GIT_TEMPLATE_DIR", "")
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

fn candidate(repo: &Path, file: &str, name: &str) {
    let election = repo.join("elections/board-2030");
    std::fs::create_dir_all(&election).unwrap();
    std::fs::write(
        election.join(file),
        format!("name: {name}\nstatement: I stand.\n"),
    )
    .unwrap();
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", name]);
}

/// `hustings list URL` with the cache and data in `home`; a git template that would leave a
/// mark if any hook of a clone ran.
fn list(home: &Path, url: &str) -> (String, String, Option<i32>) {
    let data = home.join("data");
    let (cache, template) = (home.join("cache"), home.join("template"));
    hustings_with(
        &["list", "--order", "name", "--data-dir", path(&data), url],
        &[("XDG_CACHE_HOME", &cache), ("GIT_TEMPLATE_DIR", &template)],
    )
}

#[test]
fn an_election_opens_from_its_repository_and_again_offline() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    // A template whose hook would leave a file behind: no clone may use it.
    let hooks = home.join("template/hooks");
    std::fs::create_dir_all(&hooks).unwrap();
    let mark = home.join("a-hook-ran");
    let hook = hooks.join("post-checkout");
    std::fs::write(&hook, format!("#!/bin/sh\ntouch '{}'\n", mark.display())).unwrap();
    std::fs::set_permissions(&hook, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();

    let repo = dir.path().join("community");
    std::fs::create_dir_all(&repo).unwrap();
    git(&repo, &["init", "-q"]);
    candidate(&repo, "ann.yaml", "Ann Lee");
    let url = format!("file://{}", path(&repo));

    let (out, err, code) = list(&home, &url);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out, "Ann Lee\t\tboard-2030\n", "opened at elections/");

    // A new candidate upstream: the next run fetches it.
    candidate(&repo, "bo.yaml", "Bo Ma");
    let (out, err, code) = list(&home, &url);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out, "Ann Lee\t\tboard-2030\nBo Ma\t\tboard-2030\n");

    // The repository gone (the network down): the last copy, and one line saying so.
    std::fs::rename(&repo, dir.path().join("elsewhere")).unwrap();
    let (out, err, code) = list(&home, &url);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out, "Ann Lee\t\tboard-2030\nBo Ma\t\tboard-2030\n");
    let notices: Vec<&str> = err.lines().filter(|l| l.contains("cannot fetch")).collect();
    assert_eq!(notices.len(), 1, "{err}");
    assert!(notices[0].contains("opening the last copy"), "{err}");

    assert!(!mark.exists(), "a hook ran");
}

#[test]
fn a_failed_clone_says_why_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let missing = format!("file://{}", path(&dir.path().join("no-such-repo")));
    let (out, err, code) = list(dir.path(), &missing);
    assert_eq!(code, Some(1));
    assert!(out.is_empty());
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(
        lines[0].starts_with("hustings: error: cannot clone file://"),
        "{err}"
    );
    let cache = dir.path().join("cache/hustings/repos");
    let left: Vec<_> = std::fs::read_dir(&cache)
        .map(|d| d.filter_map(Result::ok).map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "nothing half-made is left: {left:?}");
}
