//! Any text in every published format, and as a Markdown or reStructuredText document: the
//! importers and the candidate finder never panic and never invent a word (an HTML link made
//! a Markdown link keeps its label and address, each from the source; the finder's note of
//! where a statement is names only the source's address).
#![no_main]

use hustings::load::formats::{Format, parse_all};
use libfuzzer_sys::fuzz_target;

/// Every piece of `written` (split at white space and at Markdown link punctuation) is in
/// `text`.
fn from_source(written: &str, text: &str) -> bool {
    let written = hustings::load::finder::without_notes(written);
    written
        .split(|c: char| c.is_whitespace() || matches!(c, '[' | ']' | '(' | ')'))
        .filter(|piece| !piece.is_empty())
        .all(|piece| text.contains(piece))
}

fuzz_target!(|data: &[u8]| {
    let (text, _) = hustings::load::read::decode_lossy(data.to_vec());
    for format in [
        Format::KeyLines,
        Format::Elekto,
        Format::KubernetesBio,
        Format::Pipermail,
        Format::Plain,
        Format::NixOS,
        Format::Sections,
        Format::Table,
    ] {
        for raw in parse_all(&text, format, "fallback").candidates {
            assert!(from_source(&raw.statement, &text));
            for q in &raw.questions {
                assert!(from_source(&q.text, &text));
                assert!(from_source(q.answer.as_deref().unwrap_or(""), &text));
            }
        }
    }
    for name in ["x.md", "x.rst"] {
        let reading = hustings::load::finder::find(&text, name, "fallback");
        for raw in &reading.candidates {
            assert!(from_source(&raw.statement, &text));
        }
    }
    let _ = hustings::load::formats::detect(&text, "candidate-x.md");
    let _ = hustings::load::formats::kata_readme(&text);
    let _ = hustings::load::formats::openstack_names(&text);
    let _ = hustings::load::formats::blt::read(&text);
});
