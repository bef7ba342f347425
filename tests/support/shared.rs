//! `../shared/` (the real corpus and the seeds) lives beside a checkout, not in it. Tests
//! that read it skip where it is absent, saying so in one line; with `HUSTINGS_REQUIRE_SHARED`
//! set (as `.ci/run` sets it) its absence is a failure instead.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Once;

/// The variable that turns a skip into a failure.
pub const REQUIRE: &str = "HUSTINGS_REQUIRE_SHARED";

/// `../shared/<part>` if it is there. Where it is not: a failure if required, else one
/// line on stderr (written past the test harness's capture, once per test binary).
pub fn shared(part: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(part);
    if path.exists() {
        return Some(path);
    }
    assert!(
        std::env::var_os(REQUIRE).is_none(),
        "../shared/{part} is missing, and {REQUIRE} says it must be there"
    );
    static SAID: Once = Once::new();
    SAID.call_once(|| {
        let _ = writeln!(
            std::io::stderr(),
            "skipped: tests of the real corpus (../shared is not beside this checkout)"
        );
    });
    None
}
