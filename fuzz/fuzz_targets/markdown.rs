//! Any text rendered as Markdown and wrapped: safe, within the width, marks in bounds.
#![no_main]

use hustings::text::sanitize::{is_display_safe, sanitize_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: (&str, u8)| {
    let (text, width) = data;
    let width = usize::from(width % 120) + 1;
    let safe = sanitize_text(text).text;
    for block in hustings::text::markdown::parse(&safe) {
        assert!(is_display_safe(&block.text));
        for (range, _) in &block.marks {
            assert!(range.end <= block.text.len());
        }
    }
    for line in hustings::text::wrap::wrap(&safe, width) {
        assert!(hustings::text::wrap::width(&line) <= width || line.chars().count() == 1);
    }
});
