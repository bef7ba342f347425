//! The README's key table is the keymap's own: `?`, the README and the keys agree. Run with
//! `HUSTINGS_WRITE_README=1` to write the table into the README after changing the keymap.

use hustings::keymap::{NORMAL, markdown_table};

const START: &str =
    "<!-- The key table below is made from src/keymap/tables.rs by tests/readme.rs. -->\n";
const END: &str = "<!-- end of the key table -->";

#[test]
fn the_readme_key_table_is_the_keymaps() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).expect("README.md");
    let start = readme.find(START).expect("the table's start marker") + START.len();
    let end = start + readme[start..].find(END).expect("the table's end marker");
    let expected = markdown_table(NORMAL);
    if std::env::var_os("HUSTINGS_WRITE_README").is_some() {
        let written = format!("{}{expected}{}", &readme[..start], &readme[end..]);
        std::fs::write(path, written).expect("README.md written");
        return;
    }
    assert_eq!(
        readme[start..end],
        expected,
        "README's key table differs from the keymap: run with HUSTINGS_WRITE_README=1"
    );
}

#[test]
fn the_table_is_made_from_every_binding() {
    let table = markdown_table(NORMAL);
    assert_eq!(table.lines().count(), NORMAL.len() + 2);
    assert!(
        table.contains("| `j` `↓` | next candidate · scroll down |"),
        "{table}"
    );
}
