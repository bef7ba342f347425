//! Any text through the sanitizer comes out display-safe, lines stay lines.
#![no_main]

use hustings::text::sanitize::{is_display_safe, sanitize_line, sanitize_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let out = sanitize_text(text);
    assert!(is_display_safe(&out.text));
    assert!(out.hidden <= text.chars().count());
    let line = sanitize_line(text);
    assert!(is_display_safe(&line.text));
    assert!(!line.text.contains('\n'));
});
