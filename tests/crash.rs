//! Crash safety of the voter's data: a process saving through the voter's store (the
//! `save_stress` example, built from the same library as the binary) is killed with SIGKILL
//! while it saves, again and again, and the file on disk must always be one whole version.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The `save_stress` example beside this test's own build, built first if it is missing.
fn save_stress() -> PathBuf {
    let exe = std::env::current_exe().expect("the test's own path");
    // target/<profile>/deps/crash-<hash> -> target/<profile>/examples/save_stress
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("a target folder");
    let example = profile_dir.join("examples").join("save_stress");
    if !example.exists() {
        let mut build = Command::new(env!("CARGO"));
        build.args(["build", "--quiet", "--example", "save_stress"]);
        if profile_dir.file_name().is_some_and(|n| n == "release") {
            build.arg("--release");
        }
        let status = build.status().expect("cargo runs");
        assert!(status.success(), "building the save_stress example failed");
    }
    example
}
const KILLS: usize = 200;

/// The version a saved ballot file holds; panics if the file is not whole and consistent.
fn whole_version(path: &Path) -> Option<u64> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => panic!("{}: {e}", path.display()),
    };
    let value: serde_yaml::Value = serde_yaml::from_str(&text).unwrap_or_else(|e| {
        panic!(
            "a half-written file ({e}):\n{}",
            &text[..text.len().min(300)]
        )
    });
    let note = value["notes"]["stress"]
        .as_str()
        .unwrap_or_else(|| panic!("no note in:\n{}", &text[..text.len().min(300)]));
    let lines: Vec<&str> = note.lines().collect();
    assert_eq!(lines.len(), 2_000, "a truncated note");
    assert!(
        lines.iter().all(|l| *l == lines[0]),
        "a note mixing two versions"
    );
    let version = lines[0].strip_prefix("version ").expect("a version line");
    Some(version.parse().expect("a version number"))
}

#[test]
fn kill_9_during_saves_never_leaves_a_half_written_file() {
    let dir = tempfile::tempdir().unwrap();
    let election = dir.path().join("e");
    std::fs::create_dir(&election).unwrap();
    std::fs::write(
        election.join("election.yaml"),
        "id: crash-test\nname: Crash\n",
    )
    .unwrap();
    std::fs::write(election.join("a.yaml"), "name: A\nstatement: a\n").unwrap();
    let data = dir.path().join("data");
    let file = data.join("crash-test.yaml");

    // A cheap pseudo-random kill delay between 0 and 40 ms, different every round.
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut delay = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        Duration::from_micros(state % 40_000)
    };
    let mut seen = Vec::new();
    let stress = save_stress();
    let start = Instant::now();
    for _ in 0..KILLS {
        let mut child = Command::new(&stress)
            .arg(&data)
            .arg(&election)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay());
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        seen.push(whole_version(&file));
    }
    let survived = seen.iter().flatten().count();
    assert!(
        survived > KILLS / 2,
        "most rounds saved something: {seen:?}"
    );
    // The file is always the old version or a newer one: never older, never half.
    let versions: Vec<u64> = seen.iter().flatten().copied().collect();
    assert!(versions.windows(2).all(|w| w[0] <= w[1]), "{versions:?}");
    // The versions differ between rounds: kills really landed at different points.
    let mut distinct: Vec<u64> = seen.iter().flatten().copied().collect();
    distinct.sort_unstable();
    distinct.dedup();
    assert!(distinct.len() > 5, "{seen:?}");
    eprintln!(
        "{KILLS} kills in {:.1}s, {survived} files checked whole, {} distinct versions",
        start.elapsed().as_secs_f64(),
        distinct.len()
    );
}
