//! Any text in every published format: the importers never panic and never invent a word.
#![no_main]

use hustings::import::formats::{Format, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (text, _) = hustings::import::decode(data.to_vec());
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
    let _ = hustings::import::formats::detect(&text, "candidate-x.md");
    let _ = hustings::import::kata_readme(&text);
    let _ = hustings::import::openstack_names(&text);
});
