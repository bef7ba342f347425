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
}

impl Tmux {
    /// Starts `args` under hustings in a `width` × `height` window; after it exits the pane
    /// prints its exit code and the terminal modes, then waits.
    fn start(args: &[&str], cwd: &Path, width: u16, height: u16, env: &[(&str, &str)]) -> Tmux {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let socket = format!(
            "hustings-test-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::SeqCst)
        );
        let quoted: Vec<String> = args.iter().map(|a| format!("'{a}'")).collect();
        let exports: String = env.iter().map(|(k, v)| format!("{k}='{v}' ")).collect();
        let script = format!(
            "{exports}'{BIN}' {} ; echo EXIT=$? ; stty -a | tr ' ;' '\\n\\n' | grep -E -x -- '-?(icanon|echo)' | tr '\\n' ' ' ; echo MODES ; sleep 600",
            quoted.join(" ")
        );
        let tmux = Tmux { socket };
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

    // Navigate and read.
    t.keys(&["j"]);
    t.wait_for("2/2");
    t.keys(&["Enter"]);
    t.wait_for("Systems Researcher");
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
    let shell = t.format("#{pane_pid}");
    let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children"))
        .expect("the app's pid");
    let pid = children
        .split_whitespace()
        .next()
        .expect("the app is running");
    let status = Command::new("kill").args(["-TERM", pid]).status().unwrap();
    assert!(status.success());
    t.wait_for("EXIT=143");
    t.assert_restored();
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
