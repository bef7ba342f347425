//! An election opened straight from a git repository (a `file://` one made here): cloned
//! into the cache, fetched again on the next run, opened from the last copy when the
//! repository is gone, and never running a hook or a filter; and a git server on 127.0.0.1,
//! started here, whose messages never reach the terminal as control sequences and whose
//! silence is given up on.

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
    assert_eq!(lines.len(), 2, "what is fetched, then why it failed: {err}");
    assert!(lines[0].starts_with("hustings: cloning file://"), "{err}");
    assert!(
        lines[1].starts_with("hustings: error: cannot clone file://"),
        "{err}"
    );
    let cache = dir.path().join("cache/hustings/repos");
    let left: Vec<_> = std::fs::read_dir(&cache)
        .map(|d| d.filter_map(Result::ok).map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "nothing half-made is left: {left:?}");
}

/// A pkt-line of `data`.
fn pkt(data: &[u8]) -> Vec<u8> {
    let mut out = format!("{:04x}", data.len() + 4).into_bytes();
    out.extend_from_slice(data);
    out
}

/// What a smart-HTTP git server sends an upload-pack request (the last, `done`): no pack, but messages on the
/// sideband's progress channel meant for the voter's terminal (a title, a cleared screen,
/// the clipboard, an 8-bit CSI), then an error.
fn hostile_pack(sha: &str, done: bool) -> Vec<u8> {
    // The shallow clone's answer first (the one commit is the boundary), then no common
    // commit, then the sideband.
    let mut body = pkt(format!("shallow {sha}\n").as_bytes());
    body.extend(b"0000");
    if !done {
        return body;
    }
    body.extend(b"0008NAK\n");
    for message in [
        &b"\x1b]0;owned\x07title set\n"[..],
        b"\x1b[2J\x1b]52;c;ZWNobyBvd25lZA==\x07clipboard written\n",
        b"\xc2\x9b31mC1 CSI\n",
    ] {
        let mut band = vec![2u8];
        band.extend_from_slice(message);
        body.extend(pkt(&band));
    }
    let mut error = vec![3u8];
    error.extend_from_slice(b"\x1b[31mgo away\n");
    body.extend(pkt(&error));
    body
}

/// A git server on 127.0.0.1 for `requests` requests: it advertises one branch and answers
/// every pack request with [`hostile_pack`]; with `silent`, it takes each connection and
/// says nothing. Returns its URL.
fn server(silent: bool) -> String {
    use std::io::{BufRead, BufReader, Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/community.git", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            if silent {
                held.push(stream);
                continue;
            }
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            let mut length = 0;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some(n) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = n.trim().parse().unwrap_or(0);
                }
                request.push_str(&line);
            }
            let mut body = vec![0; length];
            let _ = reader.read_exact(&mut body);
            let sha = "1111111111111111111111111111111111111111";
            let (kind, reply) = if request.starts_with("GET") {
                let mut reply = pkt(b"# service=git-upload-pack\n");
                reply.extend(b"0000");
                let head = format!("{sha} HEAD\0side-band-64k ofs-delta shallow\n");
                reply.extend(pkt(head.as_bytes()));
                reply.extend(pkt(format!("{sha} refs/heads/main\n").as_bytes()));
                reply.extend(b"0000");
                ("advertisement", reply)
            } else {
                // Stateless: the shallow list answers the first request, everything the
                // one that ends in "done".
                ("result", hostile_pack(sha, body.ends_with(b"done\n")))
            };
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/x-git-upload-pack-{kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                reply.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&reply);
        }
    });
    url
}

#[test]
fn a_git_servers_messages_are_shown_sanitized_in_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let url = server(false);
    let log = dir.path().join("typescript");
    let data = dir.path().join("data");
    let command = format!(
        "'{}' list --data-dir '{}' '{url}'",
        env!("CARGO_BIN_EXE_hustings"),
        path(&data)
    );
    // A real terminal, as `script` gives one, recording every byte written to it.
    let status = Command::new("script")
        .args(["-q", "-e", "-c", &command])
        .arg(&log)
        .env("XDG_CACHE_HOME", dir.path().join("cache"))
        .env("HUSTINGS_GIT_TIMEOUT", "20")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .status()
        .expect("script runs");
    assert!(!status.success(), "the clone fails");
    let bytes = std::fs::read(&log).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    // The messages arrived (so the test sees what a server sends), made visible.
    assert!(text.contains("clipboard written"), "{text}");
    assert!(text.contains("^[]52;c;"), "{text}");
    assert!(text.contains("go away"), "{text}");
    // `script` writes its own header and footer lines: look only between them.
    let body = text
        .lines()
        .filter(|l| !l.starts_with("Script started") && !l.starts_with("Script done"))
        .collect::<Vec<_>>()
        .join("\n");
    for (bad, what) in [("\u{1b}", "ESC"), ("\u{7}", "BEL"), ("\u{9b}", "C1 CSI")] {
        assert!(!body.contains(bad), "{what} reached the terminal: {body:?}");
    }
}

#[test]
fn a_server_that_never_answers_is_given_up_on() {
    let dir = tempfile::tempdir().unwrap();
    let url = server(true);
    let started = std::time::Instant::now();
    let (out, err, code) = hustings_with(
        &["list", "--data-dir", path(&dir.path().join("data")), &url],
        &[
            ("XDG_CACHE_HOME", &dir.path().join("cache")),
            ("HUSTINGS_GIT_TIMEOUT", Path::new("2")),
        ],
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(out.is_empty());
    assert!(err.contains("the server said nothing for 2 s"), "{err}");
    assert!(started.elapsed().as_secs() < 30, "given up, not waited on");
}

#[test]
fn the_voters_own_git_filters_never_run_on_a_clone() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let mark = dir.path().join("a-filter-ran");
    // The voter's own configuration names a filter (as git-lfs does) ...
    let config = format!(
        "[filter \"evil\"]\n\tsmudge = touch '{}'; cat\n\trequired = true\n",
        mark.display()
    );
    std::fs::write(home.join(".gitconfig"), config).unwrap();
    // ... and the repository's .gitattributes asks for it on every file.
    let repo = dir.path().join("community");
    std::fs::create_dir_all(&repo).unwrap();
    git(&repo, &["init", "-q"]);
    std::fs::write(repo.join(".gitattributes"), "* filter=evil\n").unwrap();
    candidate(&repo, "ann.yaml", "Ann Lee");
    let url = format!("file://{}", path(&repo));
    let data = dir.path().join("data");
    let (out, err, code) = hustings_with(
        &["list", "--data-dir", path(&data), &url],
        &[
            ("XDG_CACHE_HOME", &dir.path().join("cache")),
            ("HOME", &home),
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("Ann Lee"), "{out}");
    assert!(!mark.exists(), "the filter ran");
}
