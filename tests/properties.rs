//! Properties that hold for any input (proptest): what the fuzz targets check, run in CI.

use hustings::analysis::search::has_phrase;
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

/// Pieces of the three formats that hold questions, several candidates or tables, mixed
/// with hostile text.
fn nasty_published() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        nasty(),
        Just("- Name: Pat Q\n* GitHub handle: @p\n".to_string()),
        Just("## Q&A\n".to_string()),
        Just("## Unanswered questions\n".to_string()),
        Just("### T ([link](https://x.org/issues/3))\n".to_string()),
        Just("<details>\n<summary>Answer (<a href=\"https://x.org/issues/3#c\">link</a>)</summary>\n".to_string()),
        Just("<details><summary>Q (<a href=\"u\">link</a>)</summary>\n".to_string()),
        Just("</details>\n".to_string()),
        Just("### A B\n- Company: [X](https://x.org)\n- GitHub: @ab\n".to_string()),
        Just("<!--\n### Candidate 1\n- Company: C\n-->\n".to_string()),
        Just("| Full Name | Socials | Why |\n|---|---|---\n".to_string()),
        Just("|Jo| Company: Foo [GitHub](https://github.com/jo)|Because \\| so.\n".to_string()),
        Just("<table><tr><td>Name</td><td>Company</td><td>Why</td></tr>\n".to_string()),
        Just("<tr><td>Jo<p>Doe</td><td>Company: A &amp; B <a href=\"https://l\">In</a></td><td>x<br>y</td></tr>\n".to_string()),
    ];
    prop::collection::vec(pieces, 0..30).prop_map(|v| v.concat())
}

/// Every piece of `written` (split at white space and at Markdown link punctuation, which
/// an HTML link made a Markdown one gains) is in `source`.
fn from_source(written: &str, source: &str) -> bool {
    // The finder's own note of where a nominee's statement is (or that there is none) is its
    // words, not the candidate's: only the address in it must come from the source.
    let written = hustings::load::finder::without_notes(written);
    written
        .split(|c: char| c.is_whitespace() || matches!(c, '[' | ']' | '(' | ')'))
        .filter(|piece| !piece.is_empty())
        .all(|piece| source.contains(piece))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A phrase is found in a statement as in a flat, lowered copy of each of its paragraphs:
    /// texts of a few letters in both cases, white space of several kinds (a no-break space
    /// and blank lines among them) and letters beyond ASCII; phrases cut from them, or made
    /// up, of one to three words.
    #[test]
    fn a_phrase_is_found_as_in_a_flat_lowered_copy(
        text in "[abrAB \n\t\u{a0}Éé,]{0,60}",
        from in 0usize..60,
        len in 1usize..12,
        made_up in "[abr]{1,3}( [abr]{1,3}){0,2}",
    ) {
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        let chars: Vec<char> = flat.chars().collect();
        let from = from.min(chars.len());
        let cut: String = chars[from..(from + len).min(chars.len())].iter().collect();
        let cut = cut.split_whitespace().collect::<Vec<_>>().join(" ");
        // Each paragraph (the lines between blank ones) flat and lowered: a phrase is words
        // in a row within one.
        let mut paragraphs = vec![String::new()];
        for line in text.split('\n') {
            if line.trim().is_empty() {
                paragraphs.push(String::new());
            } else if let Some(last) = paragraphs.last_mut() {
                last.push(' ');
                last.push_str(line);
            }
        }
        let flat: Vec<String> = paragraphs
            .iter()
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase())
            .collect();
        for phrase in [cut, made_up] {
            let expected = flat.iter().any(|p| p.contains(&phrase));
            prop_assert_eq!(has_phrase(&text, &phrase), expected, "{:?} {:?}", text, phrase);
        }
    }

    #[test]
    fn the_formats_of_many_candidates_and_questions_never_invent_a_word(text in nasty_published()) {
        use hustings::load::formats::{Format, parse_all};
        for format in [Format::NixOS, Format::Sections, Format::Table] {
            for raw in parse_all(&text, format, "fallback").candidates {
                prop_assert!(from_source(&raw.statement, &text), "{format:?}: {:?}", raw.statement);
                for q in &raw.questions {
                    prop_assert!(from_source(&q.title, &text), "{:?}", q.title);
                    prop_assert!(from_source(&q.text, &text), "{:?}", q.text);
                    prop_assert!(from_source(q.answer.as_deref().unwrap_or(""), &text));
                }
            }
        }
        let _ = hustings::load::formats::blt::read(&text);
    }

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
            prop_assert!(is_display_safe(c.statement.display()));
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
