//! Any text in every published format: the importers never panic and never invent a word.
#![no_main]

use hustings::load::formats::{Format, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (text, _) = hustings::load::read::decode_lossy(data.to_vec());
    for format in [
        Format::KeyLines,
        Format::Elekto,
        Format::KubernetesBio,
        Format::Pipermail,
        Format::Plain,
    ] {
        let raw = parse(&text, format, "fallback");
        for word in raw.statement.split_whitespace() {
            assert!(text.contains(word));
        }
    }
    let _ = hustings::load::formats::detect(&text, "candidate-x.md");
    let _ = hustings::load::formats::kata_readme(&text);
    let _ = hustings::load::formats::openstack_names(&text);
});
