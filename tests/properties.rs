//! Properties that hold for any input (proptest): what the fuzz targets check, run in CI.

use hustings::roster::{Roster, Source};
use hustings::text::sanitize::{is_display_safe, sanitize_line, sanitize_text};
use proptest::prelude::*;

/// Text heavy in the characters that cause trouble.
fn nasty() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        any::<char>().prop_map(|c| c.to_string()),
        Just("\x1b[31m".to_string()),
        Just("\x1b]0;t\x07".to_string()),
        Just("\u{202E}".to_string()),
        Just("\u{200B}".to_string()),
        Just("\t".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("日本語".to_string()),
        Just("e\u{301}\u{301}".to_string()),
        Just("# heading\n".to_string()),
        Just("- item\n".to_string()),
        Just("[l](u)".to_string()),
        Just("&#27;".to_string()),
        Just("```\n".to_string()),
        Just("word ".to_string()),
    ];
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn sanitized_text_is_always_display_safe(text in nasty()) {
        prop_assert!(is_display_safe(&sanitize_text(&text).text));
        let line = sanitize_line(&text).text;
        prop_assert!(is_display_safe(&line));
        prop_assert!(!line.contains('\n'));
    }

    #[test]
    fn wrapped_lines_fit(text in nasty(), width in 1usize..120) {
        let safe = sanitize_text(&text).text;
        for line in hustings::text::wrap::wrap(&safe, width) {
            // A single glyph wider than the line is the only overflow allowed.
            let w = hustings::text::wrap::width(&line);
            prop_assert!(w <= width || line.chars().count() == 1, "{w} > {width}: {line:?}");
        }
    }

    #[test]
    fn markdown_renders_safe_text_that_fits(text in nasty(), width in 1usize..100) {
        let safe = sanitize_text(&text).text;
        let candidate = format!("name: M\nstatement: {}\n", serde_yaml::to_string(&safe).unwrap());
        let (roster, _) = Roster::from_memory(&[("e/m.yaml", &candidate)], Source::Embedded);
        for c in &roster.candidates {
            let (lines, _) = hustings::app::build_lines(c, roster.election_of(c), None, width);
            for line in lines {
                prop_assert!(is_display_safe(&line.text), "{:?}", line.text);
                prop_assert!(hustings::text::wrap::width(&line.text) <= width.max(2), "{:?}", line.text);
                for (range, _) in &line.marks {
                    prop_assert!(range.end <= line.text.len());
                }
            }
        }
    }

    #[test]
    fn any_bytes_load_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("x.yaml"), &bytes).unwrap();
        std::fs::write(dir.path().join("x.txt"), &bytes).unwrap();
        std::fs::write(dir.path().join("candidate-x.md"), &bytes).unwrap();
        let (roster, errors) = Roster::load_paths(&[dir.path().to_path_buf()]);
        for c in &roster.candidates {
            prop_assert!(is_display_safe(&c.name));
            prop_assert!(is_display_safe(&c.statement.display));
        }
        for e in &errors {
            prop_assert!(is_display_safe(&e.to_string()));
        }
    }

    #[test]
    fn importers_never_invent_words_and_markdown_stays_safe(text in nasty(), name in "[a-zA-Z_@.-]{1,20}") {
        let format = hustings::load::formats::detect(&text, &name);
        let raw = hustings::load::formats::parse(&text, format, &name);
        // The importer only takes header lines out: it never invents a word.
        for word in raw.statement.split_whitespace() {
            prop_assert!(text.contains(word), "{word:?} is not in the source");
        }
        let blocks = hustings::text::markdown::parse(&sanitize_text(&text).text);
        for block in blocks {
            prop_assert!(is_display_safe(&block.text));
        }
    }
}
