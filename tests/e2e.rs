//! Tier 4: the real binary in a real terminal (tmux): start, navigate, search, compare,
//! resize, quit, and the terminal restored afterwards. Needs `tmux` on the PATH (`.ci/run`
//! installs it); without it these tests fail rather than pass unseen.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_hustings");
const WAIT: Duration = Duration::from_secs(15);

/// One tmux server of its own, killed when dropped.
struct Tmux {
    socket: String,
    /// The voter's data folder when the test made it, so tests never touch the real one.
    _data: Option<tempfile::TempDir>,
}

impl Tmux {
    /// Starts `args` under hustings in a `width` × `height` window, with a fresh data folder.
    fn start(args: &[&str], cwd: &Path, width: u16, height: u16, env: &[(&str, &str)]) -> Tmux {
        let data = tempfile::tempdir().expect("a data folder");
        let path = data.path().to_path_buf();
        Tmux::start_with_data(args, cwd, (width, height), env, &path, Some(data), None)
    }

    /// Starts `args` under hustings with the data folder `data_dir`; after it exits the pane
    /// prints its exit code and the terminal modes, then waits.
    fn start_with_data(
        args: &[&str],
        cwd: &Path,
        (width, height): (u16, u16),
        env: &[(&str, &str)],
        data_dir: &Path,
        owned: Option<tempfile::TempDir>,
        record: Option<&Path>,
    ) -> Tmux {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let socket = format!(
            "hustings-test-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::SeqCst)
        );
        let data_arg = format!("--data-dir={}", data_dir.display());
        let quoted: Vec<String> = std::iter::once(data_arg.as_str())
            .chain(args.iter().copied())
            .map(|a| format!("'{a}'"))
            .collect();
        // The app's cache beside the data folder, away from the developer's, and no config
        // file but the one a test writes.
        let cache = format!(
            "XDG_CACHE_HOME='{}' XDG_CONFIG_HOME='{}' ",
            data_dir.join("cache").display(),
            data_dir.join("no-config").display()
        );
        let exports: String = std::iter::once(cache)
            .chain(env.iter().map(|(k, v)| format!("{k}='{v}' ")))
            .collect();
        let command = format!("{exports}'{BIN}' {}", quoted.join(" "));
        // `script` records every byte the app sends the terminal, to check what it undid.
        let command = match record {
            Some(log) => format!("script -q -e -f -c \"{command}\" '{}'", log.display()),
            None => command,
        };
        let script = format!(
            "{command} ; echo EXIT=$? ; stty -a | tr ' ;' '\\n\\n' | grep -E -x -- '-?(icanon|echo)' | tr '\\n' ' ' ; echo MODES ; sleep 600"
        );
        let tmux = Tmux {
            socket,
            _data: owned,
        };
        tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            "-s",
            "t",
            "-c",
            &cwd.display().to_string(),
            "sh",
            "-c",
            &script,
        ]);
        tmux
    }

    fn run(&self, args: &[&str]) -> String {
        let output: Output = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux must be installed to run the end-to-end tests (apt-get install tmux)");
        assert!(
            output.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Types text literally.
    fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "t", "-l", text]);
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "t"])
    }

    fn format(&self, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", "t", format])
            .trim()
            .to_string()
    }

    /// Waits until `check` holds for the screen; fails with the screen if it never does.
    fn wait_until(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if check(&screen) {
                return screen;
            }
            if start.elapsed() > WAIT {
                panic!("timed out waiting for {what}; screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn wait_for(&self, needle: &str) -> String {
        self.wait_until(needle, |s| s.contains(needle))
    }

    fn resize(&self, width: u16, height: u16) {
        self.run(&[
            "resize-window",
            "-t",
            "t",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
    }

    /// Sends `signal` (`-TERM`, `-HUP`) to the app: the pane's descendant running the binary.
    fn signal(&self, signal: &str) {
        let mut pending = vec![self.format("#{pane_pid}")];
        while let Some(pid) = pending.pop() {
            let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
            if cmdline.starts_with(BIN.as_bytes()) {
                assert!(
                    Command::new("kill")
                        .args([signal, &pid])
                        .status()
                        .unwrap()
                        .success()
                );
                return;
            }
            let children = std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children"))
                .unwrap_or_default();
            pending.extend(children.split_whitespace().map(str::to_string));
        }
        panic!("the app is not running");
    }

    /// The terminal modes the app must leave as it found them.
    fn assert_restored(&self) {
        let screen = self.wait_for("MODES");
        assert!(
            screen.contains("icanon echo"),
            "raw mode left on:\n{screen}"
        );
        for flag in [
            "alternate_on",
            "mouse_any_flag",
            "mouse_button_flag",
            "mouse_standard_flag",
            "mouse_sgr_flag",
        ] {
            assert_eq!(self.format(&format!("#{{{flag}}}")), "0", "{flag} left on");
        }
        assert_eq!(self.format("#{cursor_flag}"), "1", "cursor left hidden");
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn a_voter_reads_searches_compares_resizes_and_quits() {
    let t = Tmux::start(&[], &repo(), 120, 40, &[]);
    // A capture can catch a frame half drawn: wait for everything expected at once.
    t.wait_until("both candidates and the status bar", |s| {
        s.contains("Anastassios Nanos") && s.contains("Tao Peng") && s.contains("1/2")
    });
    assert_eq!(t.format("#{alternate_on}"), "1");

    // Navigate and read (the newest election's candidate is listed first).
    t.keys(&["j"]);
    t.wait_for("2/2");
    t.keys(&["Enter"]);
    t.wait_for("staff engineer");
    t.keys(&["Escape"]);

    // Search: `/tao` leaves Tao Peng.
    t.keys(&["/"]);
    t.type_text("tao");
    t.wait_until("the filtered list", |s| {
        s.contains("/tao: 1 match") && s.contains("Candidates (1/2)")
    });
    t.keys(&["Enter"]);
    t.wait_until("search line closed", |s| !s.contains("1 of 2"));
    t.keys(&["Escape"]);
    t.wait_for("Candidates (2)");

    // Compare both side by side.
    t.keys(&["g", "Space", "Space", "c"]);
    t.wait_until("both statements side by side", |s| {
        let top = s.lines().next().unwrap_or_default();
        top.contains("Tao Peng")
            && top.contains("Anastassios Nanos")
            && s.contains("staff engineer at Ant Group")
            && s.contains("Systems Researcher")
            && s.contains("Comparing 2")
    });

    // Resize: narrow, too small, nothing, and back.
    t.resize(60, 20);
    t.wait_until("a 60-column layout", |s| {
        s.lines()
            .next()
            .is_some_and(|l| l.chars().count() <= 60 && l.contains("Tao"))
    });
    t.resize(20, 5);
    t.wait_for("Window too small");
    t.resize(1, 1);
    std::thread::sleep(Duration::from_millis(200));
    t.resize(120, 40);
    t.wait_until("the compare view again", |s| {
        s.contains("Tao Peng") && s.contains("Anastassios Nanos") && !s.contains("too small")
    });

    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_restored();
}

#[test]
fn a_folder_with_a_broken_file_opens_the_good_ones_and_names_the_bad() {
    let dir = tempfile::tempdir().unwrap();
    let election = dir.path().join("election");
    std::fs::create_dir(&election).unwrap();
    std::fs::write(
        election.join("alice.yaml"),
        "name: Alice Good\nstatement: Hello\n",
    )
    .unwrap();
    std::fs::write(election.join("bob.yaml"), "name: Bob Good\nstatement: Hi\n").unwrap();
    std::fs::write(
        election.join("broken.yaml"),
        "name: Carol\nstatement: |\n  fine\nemail: x: y\naffiliation: z\n",
    )
    .unwrap();
    let t = Tmux::start(&["election"], dir.path(), 120, 40, &[]);
    t.wait_until("the error panel naming line and column", |s| {
        s.contains("could not be loaded")
            && s.contains("election/broken.yaml:4:9: mapping values are not allowed")
    });
    t.keys(&["Escape"]);
    t.wait_until("the two good candidates", |s| {
        !s.contains("could not be loaded")
            && s.contains("Alice Good")
            && s.contains("Bob Good")
            && s.contains("1 file failed")
    });
    t.keys(&["q"]);
    // After exit the error is printed again on the ordinary screen.
    t.wait_until("the error repeated after exit", |s| {
        s.contains("EXIT=0") && s.contains("election/broken.yaml:4:9:")
    });
    t.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    let t = Tmux::start(&[], &repo(), 100, 30, &[]);
    t.wait_until("the first frame", |s| {
        s.contains("Tao Peng") && s.contains("? help")
    });
    t.keys(&["Space", "Space", "c"]);
    t.wait_for("Comparing 2");
    t.signal("-TERM");
    t.wait_for("EXIT=143");
    t.assert_restored();
}

#[test]
fn sighup_restores_the_terminal() {
    let t = Tmux::start(&[], &repo(), 100, 30, &[]);
    t.wait_until("the first frame", |s| {
        s.contains("Tao Peng") && s.contains("? help")
    });
    t.signal("-HUP");
    t.wait_for("EXIT=129");
    t.assert_restored();
}

#[test]
fn a_panic_restores_the_terminal_and_says_what_happened() {
    let t = Tmux::start(&[], &repo(), 100, 30, &[("HUSTINGS_TEST_PANIC_KEY", "%")]);
    t.wait_until("the first frame", |s| {
        s.contains("Tao Peng") && s.contains("? help")
    });
    t.keys(&["Space", "Space", "c"]);
    t.wait_for("Comparing 2");
    t.keys(&["%"]);
    let screen = t.wait_for("EXIT=101");
    assert!(screen.contains("test panic on key"), "{screen}");
    t.assert_restored();
}

/// Every mode the app turns on is turned off again after the last time it was turned on.
fn assert_modes_undone(log: &Path) {
    let bytes = std::fs::read(log).expect("the recorded output");
    let text = String::from_utf8_lossy(&bytes);
    for (on, off) in [
        ("\x1b[?1049h", "\x1b[?1049l"),
        ("\x1b[?2004h", "\x1b[?2004l"),
        ("\x1b[?1000h", "\x1b[?1000l"),
        ("\x1b[?1002h", "\x1b[?1002l"),
        ("\x1b[?1003h", "\x1b[?1003l"),
        ("\x1b[?1006h", "\x1b[?1006l"),
        ("\x1b[?1015h", "\x1b[?1015l"),
        ("\x1b[?25l", "\x1b[?25h"),
    ] {
        let enabled = text
            .rfind(on)
            .unwrap_or_else(|| panic!("{on:?} never sent"));
        let disabled = text
            .rfind(off)
            .unwrap_or_else(|| panic!("{off:?} never sent"));
        assert!(disabled > enabled, "{on:?} left on");
    }
}

#[test]
fn the_bytes_sent_undo_every_mode_after_quit_sigterm_and_a_panic() {
    for ending in ["quit", "sigterm", "panic"] {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("output.log");
        let env = [("HUSTINGS_TEST_PANIC_KEY", "%")];
        let t = Tmux::start_with_data(&[], &repo(), (100, 30), &env, dir.path(), None, Some(&log));
        t.wait_until("the first frame", |s| {
            s.contains("Tao Peng") && s.contains("? help")
        });
        match ending {
            "quit" => t.keys(&["q"]),
            "panic" => t.keys(&["%"]),
            _ => {
                t.signal("-TERM");
            }
        }
        t.wait_for("MODES");
        t.assert_restored();
        assert_modes_undone(&log);
    }
}

#[test]
fn no_color_draws_without_colour_and_shows_the_selection() {
    let t = Tmux::start(&[], &repo(), 100, 30, &[("NO_COLOR", "1")]);
    t.wait_until("the first frame", |s| {
        s.contains("Tao Peng") && s.contains("? help")
    });
    let styled = t.run(&["capture-pane", "-p", "-e", "-t", "t"]);
    assert!(styled.contains("▶"), "{styled}");
    for sgr in styled.split("\x1b[").skip(1) {
        let params: String = sgr
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ';')
            .collect();
        for p in params.split(';').filter_map(|p| p.parse::<u16>().ok()) {
            assert!(
                !matches!(p, 30..=37 | 38 | 40..=47 | 48 | 90..=97 | 100..=107),
                "colour {p} drawn under NO_COLOR"
            );
        }
    }
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

#[test]
fn nothing_loadable_exits_non_zero_with_the_list() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.yaml"), "name: A\n").unwrap();
    std::fs::write(dir.path().join("b.yaml"), "").unwrap();
    let output = Command::new(BIN).arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no candidate could be loaded"), "{stderr}");
    assert!(
        stderr.contains("a.yaml:1:1: missing field `statement`"),
        "{stderr}"
    );
    assert!(stderr.contains("b.yaml: empty file"), "{stderr}");
}

#[test]
fn keys_typed_while_a_large_roster_loads_reach_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let election = dir.path().join("big");
    std::fs::create_dir_all(&election).unwrap();
    for i in 0..3000 {
        std::fs::write(
            election.join(format!("c{i:04}.yaml")),
            format!("name: Person {i:04}\nstatement: A statement of {i} words, give or take.\n"),
        )
        .unwrap();
    }
    let t = Tmux::start(&[election.to_str().unwrap()], dir.path(), 100, 30, &[]);
    // At once, before the list can be there: a search, typed ahead.
    t.keys(&["/"]);
    t.type_text("Person 2999");
    // The whole query, and its one match ("1001 of 3000" is a query still being typed).
    let screen = t.wait_until("the search typed ahead", |s| {
        s.contains("/Person 2999  1 of 3000")
    });
    assert!(screen.contains("▶   Person 2999"), "{screen}");
    t.keys(&["Escape", "q"]);
    t.wait_for("EXIT=0");
    // Quitting while it loads (each start has a cache of its own: this load is cold too).
    let t = Tmux::start(&[election.to_str().unwrap()], dir.path(), 100, 30, &[]);
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_restored();
}

/// An election of five candidates in `dir/ac`, returned as the folder to open.
fn five_candidates(dir: &Path) -> PathBuf {
    let election = dir.join("ac");
    std::fs::create_dir_all(&election).unwrap();
    std::fs::write(election.join("election.yaml"), "name: Test AC\nseats: 2\n").unwrap();
    for name in ["Alice", "Bob", "Carol", "Dave", "Eve"] {
        std::fs::write(
            election.join(format!("{}.yaml", name.to_lowercase())),
            format!("name: {name} Example\nstatement: Statement of {name}.\n"),
        )
        .unwrap();
    }
    election
}

/// The voter's ballot for `election` as `ballot export` prints it (Markdown, with notes).
fn exported(election: &Path, data: &Path) -> String {
    let export = Command::new(BIN)
        .args(["--order=name", "--data-dir"])
        .arg(data)
        .args(["ballot", "export", "--format", "markdown"])
        .arg(election)
        .output()
        .unwrap();
    String::from_utf8_lossy(&export.stdout).into_owned()
}

/// Five candidates in order of name, with a data folder of their own, shown in a 120×40
/// window: (the window, the folder, the election, the data folder).
fn five_in_a_window() -> (Tmux, tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let election = five_candidates(dir.path());
    let data = dir.path().join("data");
    let t = start_five(dir.path(), &election, &data);
    (t, dir, election, data)
}

/// Starts hustings on `election` with `data`, in name order, and waits for the list.
fn start_five(dir: &Path, election: &Path, data: &Path) -> Tmux {
    let args = ["--order=name", election.to_str().unwrap()];
    let t = Tmux::start_with_data(&args, dir, (120, 40), &[], data, None, None);
    t.wait_until("the list", |s| {
        s.contains("Alice Example") && s.contains("? help")
    });
    t
}

#[test]
fn ranking_and_notes_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let election = five_candidates(dir.path());
    let data = dir.path().join("data");
    let t = start_five(dir.path(), &election, &data);
    // Rank three: Carol, Alice, Eve; then notes on Bob and Dave.
    t.keys(&["b"]);
    t.wait_for("0 of 5 ranked");
    t.keys(&["j", "j", "K"]);
    t.wait_for("1 of 5 ranked");
    t.keys(&["g", "j", "K"]);
    t.wait_for("2 of 5 ranked");
    t.keys(&["G", "K"]);
    t.wait_for("3 of 5 ranked");
    t.keys(&["Escape"]);
    t.wait_until("the ballot closed", |s| !s.contains("ranked"));
    for (down, note) in [(1, "Bob knows CI"), (3, "Ask Dave about hypervisors")] {
        t.keys(&["g"]);
        for _ in 0..down {
            t.keys(&["j"]);
        }
        t.keys(&["e"]);
        t.wait_for("Your note on");
        t.type_text(note);
        t.wait_for(note);
        t.keys(&["Escape"]);
        t.wait_for("saved");
    }
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    drop(t);

    let t = start_five(dir.path(), &election, &data);
    t.keys(&["b"]);
    let screen = t.wait_for("3 of 5 ranked");
    let order: Vec<&str> = ["1  Carol", "2  Alice", "3  Eve"].to_vec();
    for line in &order {
        assert!(screen.contains(line), "{line} missing:\n{screen}");
    }
    assert!(
        screen.find("1  Carol") < screen.find("2  Alice"),
        "{screen}"
    );
    assert!(screen.contains("Bob Example ✎"), "{screen}");
    assert!(screen.contains("Dave Example ✎"), "{screen}");
    t.keys(&["Escape"]);
    t.keys(&["q"]);
    t.wait_for("EXIT=0");

    let text = exported(&election, &data);
    assert!(
        text.contains("1. Carol Example\n2. Alice Example\n3. Eve Example\n"),
        "{text}"
    );
    assert!(text.contains("### Bob Example\n\nBob knows CI\n"), "{text}");
    assert!(
        text.contains("### Dave Example\n\nAsk Dave about hypervisors\n"),
        "{text}"
    );
}

#[test]
fn two_instances_on_one_election_do_not_clobber_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let election = five_candidates(dir.path());
    let data = dir.path().join("data");
    let args = ["--order=name", election.to_str().unwrap()];
    let first = start_five(dir.path(), &election, &data);
    first.keys(&["b", "K"]);
    first.wait_for("1 of 5 ranked");

    let second = Tmux::start_with_data(&args, dir.path(), (120, 40), &[], &data, None, None);
    second.wait_for("are read-only");
    second.keys(&["Escape"]);
    second.wait_until("the notice closed", |s| !s.contains("are read-only"));
    second.keys(&["b"]);
    second.wait_for("1 of 5 ranked");
    second.keys(&["j", "K"]);
    second.wait_for("Read-only");
    second.keys(&["Escape"]);
    second.keys(&["q"]);
    second.wait_for("EXIT=0");

    first.keys(&["j", "K"]);
    first.wait_for("2 of 5 ranked");
    first.keys(&["Escape"]);
    first.keys(&["q"]);
    first.wait_for("EXIT=0");

    // The file names each candidate by identity: here (no e-mail, no handle) their file.
    let saved = std::fs::read_to_string(data.join("test-ac.yaml")).unwrap();
    assert!(
        saved.contains("ranking:\n- - alice.yaml\n- - bob.yaml\n"),
        "{saved}"
    );
}

#[test]
fn a_note_continues_in_the_voters_editor() {
    let dir = tempfile::tempdir().unwrap();
    let election = five_candidates(dir.path());
    let data = dir.path().join("data");
    let editor = dir.path().join("editor.sh");
    std::fs::write(&editor, "#!/bin/sh\necho 'from the editor' >> \"$1\"\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let args = ["--order=name", election.to_str().unwrap()];
    let env = [("EDITOR", editor.to_str().unwrap()), ("VISUAL", "")];
    let t = Tmux::start_with_data(&args, dir.path(), (100, 30), &env, &data, None, None);
    t.wait_until("the list", |s| {
        s.contains("Alice Example") && s.contains("? help")
    });
    t.keys(&["e"]);
    t.wait_for("Your note on Alice");
    t.type_text("typed here");
    t.wait_for("typed here");
    t.keys(&["C-x", "C-e"]);
    t.wait_until("the note back from the editor", |s| {
        s.contains("typed here") && s.contains("from the editor") && s.contains("Your note on")
    });
    t.keys(&["Escape"]);
    t.wait_for("saved");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_restored();
    let saved = std::fs::read_to_string(data.join("test-ac.yaml")).unwrap();
    assert!(saved.contains("typed here\n    from the editor"), "{saved}");
}

#[test]
fn sigterm_while_typing_a_note_saves_the_last_keystrokes() {
    let (t, _dir, election, data) = five_in_a_window();
    t.keys(&["e"]);
    t.wait_for("Your note on");
    t.type_text("typed just before the end");
    t.wait_for("typed just before the end");
    // Well inside the pause after which a note is saved while typing.
    t.signal("-TERM");
    t.wait_for("EXIT=143");
    t.assert_restored();
    drop(t);
    let text = exported(&election, &data);
    assert!(
        text.contains("### Alice Example\n\ntyped just before the end\n"),
        "{text}"
    );
}

#[test]
fn a_save_that_fails_at_quit_is_said_and_exits_non_zero() {
    let (t, _dir, _election, data) = five_in_a_window();
    // A folder where the ballot file goes: every save from now on fails (a full disk or a
    // vanished mount looks the same to the app, and a test running as root cannot make those).
    let ballot = data.join("test-ac.yaml");
    let _ = std::fs::remove_file(&ballot);
    std::fs::create_dir(&ballot).unwrap();
    t.keys(&["e"]);
    t.wait_for("Your note on");
    t.type_text("a note with nowhere to go");
    t.wait_for("nowhere to go");
    t.keys(&["Escape"]);
    t.wait_for("Could not save");
    t.keys(&["q"]);
    let screen = t.wait_for("EXIT=");
    assert!(screen.contains("EXIT=1"), "{screen}");
    assert!(
        screen
            .contains("hustings: error: your notes and ranking could not be saved for \"Test AC\""),
        "{screen}"
    );
    // Nothing typed is lost: a copy went to the temporary folder, and the voter is told.
    assert!(screen.contains("a copy is in"), "{screen}");
    let copies: Vec<std::path::PathBuf> = std::fs::read_dir(std::env::temp_dir())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("hustings-unsaved-test-ac-"))
        })
        .collect();
    let kept = copies.iter().find(|p| {
        std::fs::read_to_string(p).is_ok_and(|t| t.contains("a note with nowhere to go"))
    });
    assert!(kept.is_some(), "{copies:?}");
    for copy in copies {
        let _ = std::fs::remove_file(copy);
    }
}

#[test]
fn the_place_is_kept_across_a_quit() {
    let (t, dir, election, data) = five_in_a_window();
    // Compare Bob and Carol, sync on, a search kept.
    t.keys(&["j", "Space", "Space", "c"]);
    t.wait_for("Comparing 2");
    t.keys(&["s"]);
    t.wait_for("Synced scrolling on");
    t.keys(&["/"]);
    t.type_text("Statement");
    t.keys(&["Enter"]);
    t.wait_for("/Statement:");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    drop(t);

    let t = start_five(dir.path(), &election, &data);
    let screen = t.wait_until("the place", |s| {
        let top = s.lines().next().unwrap_or_default();
        top.contains("Bob Example") && top.contains("Carol Example")
    });
    assert!(screen.contains("marked 2"), "{screen}");
    assert!(
        screen.contains("/Statement:"),
        "the search is back: {screen}"
    );
    assert!(screen.contains("sync"), "{screen}");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

/// A config folder holding `config.toml` with `text`, for `XDG_CONFIG_HOME`.
fn config_home(dir: &Path, text: &str) -> PathBuf {
    let home = dir.join("config");
    std::fs::create_dir_all(home.join("hustings")).unwrap();
    std::fs::write(home.join("hustings/config.toml"), text).unwrap();
    home
}

#[test]
fn a_config_remaps_keys_and_the_help_shows_them_as_bound() {
    let dir = tempfile::tempdir().unwrap();
    let election = five_candidates(dir.path());
    let home = config_home(
        dir.path(),
        "[keys]\nQ = \"quit\"\nq = \"none\"\n[theme]\nselected = \"bold yellow on blue\"\n",
    );
    let env = [("XDG_CONFIG_HOME", home.to_str().unwrap())];
    let args = ["--order=name", election.to_str().unwrap()];
    let data = dir.path().join("data");
    let t = Tmux::start_with_data(&args, dir.path(), (100, 30), &env, &data, None, None);
    t.wait_until("the list", |s| {
        s.contains("Alice Example") && s.contains("? help")
    });
    t.keys(&["q"]);
    std::thread::sleep(Duration::from_millis(300));
    assert!(!t.screen().contains("EXIT="), "q is unbound: still running");
    t.keys(&["?"]);
    let help = t.wait_for("Your keys (config.toml)");
    assert!(help.contains("Q          quit"), "{help}");
    assert!(help.contains("q          (unbound)"), "{help}");
    // The theme's colours: the selection in yellow (33) on blue (44).
    t.keys(&["Escape"]);
    t.wait_until("the help closed", |s| !s.contains("Your keys"));
    let styled = t.run(&["capture-pane", "-p", "-e", "-t", "t"]);
    let yellow_on_blue = ["38;5;3m\x1b[48;5;4m", "33;44m", "33m\x1b[44m"];
    assert!(
        yellow_on_blue.iter().any(|sgr| styled.contains(sgr)),
        "{styled}"
    );
    t.keys(&["Q"]);
    t.wait_for("EXIT=0");
    t.assert_restored();
}

#[test]
fn a_broken_config_is_named_with_its_line_and_the_app_starts_anyway() {
    let dir = tempfile::tempdir().unwrap();
    let election = five_candidates(dir.path());
    let home = config_home(dir.path(), "[keys]\nQ = \"quitt\"\n");
    let env = [("XDG_CONFIG_HOME", home.to_str().unwrap())];
    let args = ["--order=name", election.to_str().unwrap()];
    let data = dir.path().join("data");
    let t = Tmux::start_with_data(&args, dir.path(), (120, 30), &env, &data, None, None);
    t.wait_for("The config file has 1 problem");
    t.keys(&["E"]);
    let notices = t.wait_for("config.toml:2:5");
    assert!(notices.contains("\"quitt\" is no action"), "{notices}");
    t.keys(&["Escape", "q"]);
    t.wait_for("EXIT=0");
}

#[test]
fn a_link_opens_through_the_voters_browser() {
    let dir = tempfile::tempdir().unwrap();
    let election = dir.path().join("e");
    std::fs::create_dir_all(&election).unwrap();
    std::fs::write(
        election.join("ann.yaml"),
        "name: Ann Lee\nstatement: |\n  See [my talk](https://talks.example/ann) and javascript:alert(1).\n",
    )
    .unwrap();
    let opened = dir.path().join("opened");
    let browser = dir.path().join("browser.sh");
    std::fs::write(
        &browser,
        format!("#!/bin/sh\necho \"$@\" >> '{}'\n", opened.display()),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755)).unwrap();
    let browser_command = format!("{} --new-tab %s", browser.display());
    let env = [("BROWSER", browser_command.as_str())];
    let args = [election.to_str().unwrap()];
    let data = dir.path().join("data");
    let t = Tmux::start_with_data(&args, dir.path(), (100, 30), &env, &data, None, None);
    t.wait_until("the list", |s| {
        s.contains("Ann Lee") && s.contains("? help")
    });
    t.keys(&["Enter", "L"]);
    let links = t.wait_for("Links in Ann Lee");
    assert!(links.contains("https://talks.example/ann"), "{links}");
    let listed: Vec<&str> = links.lines().filter(|l| l.starts_with("│ │")).collect();
    assert!(!listed.iter().any(|l| l.contains("javascript")), "{links}");
    t.keys(&["Enter"]);
    t.wait_for("Opened https://talks.example/ann");
    let start = Instant::now();
    while !opened.exists() && start.elapsed() < WAIT {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(
        std::fs::read_to_string(&opened).unwrap(),
        "--new-tab https://talks.example/ann\n"
    );
    t.keys(&["Escape", "q"]);
    t.wait_for("EXIT=0");
}

/// Three elections of different sizes (some candidates known by e-mail, some by file), dated
/// so the newest is listed first: (folder, candidates' names in name order).
fn three_elections(dir: &Path) -> Vec<(PathBuf, Vec<&'static str>)> {
    let specs: [(&str, &str, &[&str]); 3] = [
        ("tsc-2026", "2026-05-01", &["Ann Old", "Ben Old"]),
        (
            "tsc-2025",
            "2025-05-01",
            &["Cat Mid", "Dan Mid", "Eli Mid", "Fay Mid", "Gus Mid"],
        ),
        ("tsc-2024", "2024-05-01", &["Hal New", "Ivy New", "Jo New"]),
    ];
    specs
        .iter()
        .map(|(folder, date, names)| {
            let election = dir.join(folder);
            std::fs::create_dir_all(&election).unwrap();
            std::fs::write(
                election.join("election.yaml"),
                format!("name: TSC {folder}\ndates:\n  voting_open: \"{date}\"\n"),
            )
            .unwrap();
            for (i, name) in names.iter().enumerate() {
                let email = if i % 2 == 0 {
                    format!("email: {}@x.org\n", name.replace(' ', "."))
                } else {
                    String::new()
                };
                std::fs::write(
                    election.join(format!("{}.yaml", name.replace(' ', "-"))),
                    format!("name: {name}\n{email}statement: Statement of {name}.\n"),
                )
                .unwrap();
            }
            (election, names.to_vec())
        })
        .collect()
}

/// With three elections open, the top candidate of each is ranked first and annotated; each
/// election opened alone exports exactly that (ranks once landed on the next candidate in
/// every election after the first).
#[test]
fn a_rank_and_note_stay_with_their_candidate_when_elections_are_opened_alone() {
    let dir = tempfile::tempdir().unwrap();
    let elections = three_elections(dir.path());
    let data = dir.path().join("data");
    let mut args = vec!["--order=name".to_string()];
    args.extend(elections.iter().map(|(e, _)| e.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let t = Tmux::start_with_data(&args, dir.path(), (120, 40), &[], &data, None, None);
    t.wait_until("the list", |s| {
        s.contains("Ann Old") && s.contains("? help")
    });
    let total: usize = elections.iter().map(|(_, n)| n.len()).sum();
    let mut row = 0;
    for (_, names) in &elections {
        let top = names[0];
        t.keys(&["g"]);
        for _ in 0..row {
            t.keys(&["j"]);
        }
        t.wait_for(&format!(" {}/{total} ", row + 1));
        t.keys(&["e"]);
        t.wait_for(&format!("Your note on {top}"));
        t.type_text(&format!("Note on {top}"));
        t.wait_for(&format!("Note on {top}"));
        t.keys(&["Escape"]);
        t.wait_for("saved");
        t.keys(&["b"]);
        t.wait_for(&format!("0 of {} ranked", names.len()));
        t.keys(&["g", "1"]);
        t.wait_for(&format!("1 of {} ranked", names.len()));
        t.keys(&["Escape"]);
        t.wait_until("the ballot closed", |s| !s.contains("ranked"));
        row += names.len();
    }
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    drop(t);

    for (election, names) in &elections {
        let text = exported(election, &data);
        let top = names[0];
        assert!(text.contains(&format!("1. {top}\n")), "{text}");
        assert!(
            text.contains(&format!("### {top}\n\nNote on {top}\n")),
            "{text}"
        );
        for other in &names[1..] {
            assert!(!text.contains(&format!(". {other}\n")), "{other}:\n{text}");
            assert!(!text.contains(&format!("Note on {other}")), "{text}");
        }
    }
}
