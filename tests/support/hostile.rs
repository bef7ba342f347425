//! A corpus of hostile candidate files: every control character, terminal escape sequences of
//! every kind, bidi and invisible characters, pathological Unicode, huge and malformed input,
//! YAML bombs. Tests load and draw every case; `examples/hostile.rs` writes them to a folder.
#![allow(dead_code)]

/// One case: a file name and its bytes.
pub struct Case {
    pub name: String,
    pub bytes: Vec<u8>,
}

fn yaml(name: &str, field_name: &str, statement: &str) -> Case {
    Case {
        name: format!("{name}.yaml"),
        bytes: format!(
            "name: {}\nstatement: {}\n",
            quote(field_name),
            quote(statement)
        )
        .into_bytes(),
    }
}

/// A YAML double-quoted string with every character outside printable ASCII escaped, so
/// the case file itself is plain text whatever it carries.
fn quote(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' '..='~' => out.push(c),
            c if (c as u32) <= 0xFFFF => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push_str(&format!("\\U{:08X}", c as u32)),
        }
    }
    out.push('"');
    out
}

/// Escape sequences a terminal would obey.
const SEQUENCES: &[(&str, &str)] = &[
    ("csi-colour", "\x1b[31;1mred\x1b[0m"),
    ("csi-cursor-home", "\x1b[H"),
    ("csi-cursor-up", "\x1b[10A"),
    ("csi-cursor-position", "\x1b[5;10H"),
    ("csi-clear-screen", "\x1b[2J"),
    ("csi-erase-line", "\x1b[2K"),
    ("csi-scroll-region", "\x1b[1;3r"),
    ("csi-alt-screen", "\x1b[?1049h"),
    ("csi-mouse-on", "\x1b[?1000h\x1b[?1006h"),
    ("csi-paste-on", "\x1b[?2004h"),
    ("csi-hide-cursor", "\x1b[?25l"),
    ("csi-device-status", "\x1b[6n"),
    ("osc-title", "\x1b]0;owned\x07"),
    ("osc-title-st", "\x1b]2;owned\x1b\\"),
    (
        "osc-8-link",
        "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\",
    ),
    ("osc-52-clipboard", "\x1b]52;c;cm0gLXJmIH4=\x07"),
    ("osc-4-palette", "\x1b]4;1;rgb:ff/00/00\x07"),
    ("dcs", "\x1bPq#0;2;0;0;0#1\x1b\\"),
    ("apc", "\x1b_Gf=100;AAAA\x1b\\"),
    ("pm", "\x1b^private\x1b\\"),
    ("sos", "\x1bXstring\x1b\\"),
    ("ris-reset", "\x1bc"),
    ("decsc-decrc", "\x1b7text\x1b8"),
    ("c1-csi", "\u{9b}31mred"),
    ("c1-osc", "\u{9d}0;title\u{9c}"),
    ("backspace-overwrite", "safe\x08\x08\x08\x08evil"),
    ("carriage-return-overwrite", "safe text\revil"),
    ("bell", "ding\x07\x07\x07"),
];

/// Characters that hide or reorder text.
const INVISIBLE: &[char] = &[
    '\u{200B}',
    '\u{200C}',
    '\u{200D}',
    '\u{200E}',
    '\u{200F}',
    '\u{202A}',
    '\u{202B}',
    '\u{202C}',
    '\u{202D}',
    '\u{202E}',
    '\u{2060}',
    '\u{2061}',
    '\u{2062}',
    '\u{2063}',
    '\u{2064}',
    '\u{2066}',
    '\u{2067}',
    '\u{2068}',
    '\u{2069}',
    '\u{FEFF}',
    '\u{00AD}',
    '\u{061C}',
    '\u{180E}',
    '\u{E0001}',
    '\u{E0041}',
    '\u{E007F}',
    '\u{FFF9}',
    '\u{FFFB}',
];

/// Every case, at least 200.
pub fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    for b in (0u8..0x20).chain([0x7f]) {
        let c = char::from(b);
        out.push(yaml(
            &format!("c0-{b:02x}"),
            &format!("C0 {b:02x}{c}name"),
            &format!("before{c}after"),
        ));
    }
    for b in 0x80u32..0xA0 {
        let c = char::from_u32(b).unwrap_or('?');
        out.push(yaml(
            &format!("c1-{b:02x}"),
            "C1",
            &format!("before{c}after"),
        ));
    }
    for (name, sequence) in SEQUENCES {
        out.push(yaml(
            &format!("seq-{name}-statement"),
            "Seq",
            &format!("x{sequence}y"),
        ));
        out.push(yaml(
            &format!("seq-{name}-name"),
            &format!("N{sequence}"),
            "statement",
        ));
        out.push(Case {
            name: format!("seq-{name}-affiliation.yaml"),
            bytes: format!(
                "name: A\naffiliation: {}\nemail: {}\nlinks: {{site: {}}}\nstatement: s\n",
                quote(sequence),
                quote(sequence),
                quote(sequence)
            )
            .into_bytes(),
        });
        out.push(Case {
            name: format!("seq-{name}-raw.txt"),
            bytes: format!("Name: Raw {name}\n\nBackground:\n\nx{sequence}y\n").into_bytes(),
        });
    }
    for c in INVISIBLE {
        out.push(yaml(
            &format!("invisible-{:04x}", *c as u32),
            &format!("In{c}visible"),
            &format!("abc{c}def {c}{c}{c}"),
        ));
    }
    let stack = |n: usize| format!("e{}", "\u{301}".repeat(n));
    out.push(yaml("combining-100", &stack(100), &stack(100)));
    out.push(yaml("combining-1000", "Combining", &stack(1_000)));
    out.push(yaml(
        "combining-on-space",
        "C",
        &format!(" {}", "\u{308}".repeat(100)),
    ));
    out.push(yaml("combining-alone", "C", &"\u{301}".repeat(50)));
    out.push(yaml(
        "cjk-wide",
        "日本語の名前",
        &"全角文字のテキスト".repeat(200),
    ));
    out.push(yaml("emoji-zwj", "👩‍👩‍👧‍👦 Family", &"👨‍👩‍👧‍👦🏳️‍🌈👍🏽🇺🇳".repeat(100)));
    out.push(yaml("emoji-skin", "E", &"👋🏻👋🏼👋🏽👋🏾👋🏿 ".repeat(300)));
    out.push(yaml("line-100kb", "Long", &"word ".repeat(20_000)));
    out.push(yaml("line-100kb-nospace", "Long", &"x".repeat(100_000)));
    out.push(yaml(
        "statement-1mb",
        "Big",
        &"A line of a statement.\n".repeat(45_000),
    ));
    out.push(yaml(
        "statement-1mb-markdown",
        "Big",
        &"## Heading\n\n- item **bold** [link](https://x)\n\n".repeat(22_000),
    ));
    for (name, bytes) in [
        (
            "utf8-lone-continuation",
            b"name: A\nstatement: a\x80b\n".to_vec(),
        ),
        (
            "utf8-truncated",
            b"name: A\nstatement: a\xe6\x97\n".to_vec(),
        ),
        ("utf8-overlong", b"name: A\nstatement: \xc0\xaf\n".to_vec()),
        ("utf8-ff", b"name: \xff\xfe\nstatement: a\n".to_vec()),
        (
            "utf8-surrogate",
            b"name: A\nstatement: \xed\xa0\x80\n".to_vec(),
        ),
        ("nul-in-yaml", b"name: A\x00B\nstatement: a\n".to_vec()),
        ("empty", Vec::new()),
        ("only-bom", b"\xef\xbb\xbf".to_vec()),
    ] {
        out.push(Case {
            name: format!("{name}.yaml"),
            bytes,
        });
    }
    for (name, bytes) in [
        (
            "raw-latin1",
            b"Name: Ren\xe9 Lef\xe8vre\n\nBackground:\n\nCaf\xe9 \x93quoted\x94\n".to_vec(),
        ),
        (
            "raw-nul",
            b"Name: Nul\n\nBackground:\n\nbefore\x00after\n".to_vec(),
        ),
        ("raw-binary", (0u8..=255).cycle().take(4096).collect()),
        ("raw-empty", Vec::new()),
        (
            "raw-crlf-mixed",
            b"Name: Cr\r\n\r\nBackground:\r\n\rline\r\n\r\r\n".to_vec(),
        ),
    ] {
        out.push(Case {
            name: format!("{name}.txt"),
            bytes,
        });
    }
    // YAML built to exhaust a parser.
    let mut laughs = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (i, name) in ["b", "c", "d", "e", "f", "g", "h", "i"].iter().enumerate() {
        let prev = ["a", "b", "c", "d", "e", "f", "g", "h"][i];
        laughs.push_str(&format!(
            "{name}: &{name} [{}]\n",
            vec![format!("*{prev}"); 9].join(",")
        ));
    }
    laughs.push_str("name: Bomb\nstatement: s\n");
    let mut quadratic = String::from("x: &x [");
    quadratic.push_str(&vec!["1"; 5_000].join(","));
    quadratic.push_str("]\ny: [");
    quadratic.push_str(&vec!["*x"; 5_000].join(","));
    quadratic.push_str("]\nname: Q\nstatement: s\n");
    let mut block = String::new();
    for depth in 0..500 {
        block.push_str(&" ".repeat(depth));
        block.push_str("k:\n");
    }
    for (name, text) in [
        ("yaml-billion-laughs", laughs),
        ("yaml-quadratic-aliases", quadratic),
        (
            "yaml-deep-flow",
            format!("name: D\nstatement: s\nunknown: {}\n", "[".repeat(100_000)),
        ),
        ("yaml-deep-block", block),
        (
            "yaml-many-documents",
            "---\nname: A\nstatement: a\n".repeat(2_000),
        ),
        ("yaml-list-of-junk", "- 1\n- [2]\n- {name: X}\n".to_string()),
        (
            "yaml-tagged",
            "!!binary name: A\nstatement: !custom s\n".to_string(),
        ),
        (
            "yaml-huge-key",
            format!("{}: 1\nname: A\nstatement: s\n", "k".repeat(100_000)),
        ),
    ] {
        out.push(Case {
            name: format!("{name}.yaml"),
            bytes: text.into_bytes(),
        });
    }
    for (name, markdown) in [
        (
            "md-javascript-link",
            "[click](javascript:alert(1)) and [x](\x1b]8;;evil\x07)",
        ),
        ("md-entity-escape", "&#27;[2J &#x1b;]0;t&#7; &#155;31m"),
        (
            "md-nested-lists",
            "- a\n  * b\x1b[2J\n    1. c\n       - [ ] d\n",
        ),
        ("md-unterminated-fence", "```\ncode \x1b[31m never closed"),
        (
            "md-html-comments",
            "<!-- hidden \x1b[2J --> shown <!-- <!-- nested --> -->",
        ),
        (
            "md-html-block",
            "<script>alert(1)</script>\n<div style=\"x\">\x1b[2J</div>",
        ),
        ("md-table", "| a | b |\n|---|---|\n| \x1b[31m | 日本 |\n"),
        ("md-image", "![alt \x07](http://x/\x1b]0;t\x07.png)"),
    ] {
        out.push(yaml(name, "Markdown", &format!("# Title\n\n{markdown}\n")));
    }
    let deep_list: String = (0..100)
        .map(|d| format!("{}- level {d}\n", "  ".repeat(d)))
        .collect();
    out.push(yaml(
        "md-list-100-deep",
        "Deep",
        &format!("# T\n\n{deep_list}"),
    ));
    out.push(yaml(
        "md-quote-100-deep",
        "Deep",
        &format!("# T\n\n{} quoted", ">".repeat(100)),
    ));
    out.push(Case {
        name: "candidate-elekto-bomb.md".to_string(),
        bytes: b"---\nname: &a [*a]\nID: x\n---\nBody\n".to_vec(),
    });
    out.push(Case {
        name: "candidate-elekto-escape.md".to_string(),
        bytes: b"------\nname: \"Eve\\e[2J\"\ninfo:\n  - employer: \"\\e]0;x\\a\"\n-------\nBody \x1b[31m\n".to_vec(),
    });
    out.push(Case {
        name: "pipermail-escape.txt".to_string(),
        bytes: b"[list] Sub\x1b[2Jject\n\nEve \x1b]0;x\x07 eve at x.org\nDate\n\nName: Eve\n\nBackground:\n\nHi\n\nMore information about the list mailing list".to_vec(),
    });
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn there_are_at_least_two_hundred_cases_with_distinct_names() {
        let cases = super::cases();
        assert!(cases.len() >= 200, "{}", cases.len());
        let mut names: Vec<&str> = cases.iter().map(|c| c.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), cases.len());
    }
}
