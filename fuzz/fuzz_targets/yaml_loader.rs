//! Any bytes as a candidate YAML file: load or refuse, never panic, never unsafe text.
#![no_main]

use hustings::roster::{Roster, Source};
use hustings::text::sanitize::is_display_safe;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (roster, errors) = Roster::from_memory(&[("e/x.yaml", text)], Source::Embedded);
    for c in &roster.candidates {
        assert!(is_display_safe(&c.name));
        assert!(is_display_safe(c.statement.display()));
    }
    for e in &errors {
        assert!(is_display_safe(&e.to_string()));
    }
});
