//! Running the real binary from a test.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

/// The binary's stdout, stderr and exit status for `args`.
pub fn hustings(args: &[&str]) -> (String, String, Option<i32>) {
    hustings_with(args, &[])
}

/// As [`hustings`], with `env` set for the run.
pub fn hustings_with(args: &[&str], env: &[(&str, &Path)]) -> (String, String, Option<i32>) {
    let output = Command::new(env!("CARGO_BIN_EXE_hustings"))
        .args(args)
        // The tests' own cache, away from the developer's, and no config file but the one a
        // test writes (a test may set either).
        .env("XDG_CACHE_HOME", test_cache())
        .env("XDG_CONFIG_HOME", test_cache().join("no-config"))
        .envs(env.iter().copied())
        .output()
        .expect("run hustings");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        output.status.code(),
    )
}

/// The cache folder the binary uses in tests that do not choose one.
pub fn test_cache() -> std::path::PathBuf {
    std::env::temp_dir().join("hustings-tests-cache")
}

/// A temp path as an argument.
pub fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temp path")
}
