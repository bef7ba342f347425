//! A cheap scan of a YAML file before serde_yaml sees it.
//!
//! serde_yaml parses a whole document before any of its limits apply, so a file of thousands
//! of aliases or a deeply nested flow sequence can take seconds and gigabytes. Candidate files
//! need neither: this scan refuses them early, with the position of the offending token.
//!
//! The scan follows YAML's own structure as far as the limits need, and errs on the side of
//! scanning: a line is skipped as the text of a block scalar (`key: |`) only where YAML
//! itself reads it so, that is, indented past the node that holds the key (in `- key: |` the
//! mapping begins after the dash) and, once the scalar's first line set its indentation, at
//! least that deep. Each `- ` on a line opens a level, as each indentation does; a quote
//! opens only where a token can start (after a space, a flow indicator or at the line's
//! start), never inside a plain scalar such as `x:'`.

/// Largest candidate or election file accepted.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;
/// Most aliases (`*name`) accepted in one file.
pub const MAX_ALIASES: usize = 64;
/// Deepest nesting of flow collections or indented blocks accepted.
pub const MAX_DEPTH: usize = 32;

/// Why a file was refused, and where (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// What is wrong.
    pub message: String,
    /// The line of the offending token, from 1.
    pub line: Option<usize>,
    /// Its column, from 1.
    pub column: Option<usize>,
}

/// Checks size, aliases and nesting of `text`; `Ok` means it is safe to hand to serde_yaml.
pub fn check(text: &str) -> Result<(), Refusal> {
    if text.len() > MAX_FILE_BYTES {
        return Err(Refusal {
            message: format!(
                "file is {} bytes, more than the {} a candidate file may have",
                text.len(),
                MAX_FILE_BYTES
            ),
            line: None,
            column: None,
        });
    }
    check_structure(text)
}

/// Checks aliases and nesting only, for YAML capped in size by its own reader (the voter's
/// ballot files, which may be larger than a candidate file).
pub fn check_structure(text: &str) -> Result<(), Refusal> {
    let mut scan = Scan::default();
    for (index, line) in text.split('\n').enumerate() {
        scan.line(line, index + 1)?;
    }
    Ok(())
}

/// A block scalar's indentation: its lines are those indented past `parent` (the column
/// of the node holding it) and, once known, at least `content` deep.
#[derive(Clone, Copy)]
struct BlockScalar {
    parent: usize,
    content: Option<usize>,
}

#[derive(Default)]
struct Scan {
    aliases: usize,
    flow_depth: usize,
    /// Indents of the open block collections, innermost last.
    indents: Vec<usize>,
    /// The block scalar being read (`key: |`), if any.
    block_scalar: Option<BlockScalar>,
    quote: Option<char>,
}

impl Scan {
    fn line(&mut self, line: &str, number: usize) -> Result<(), Refusal> {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let blank = line.trim().is_empty();
        if let Some(scalar) = self.block_scalar {
            let inside = match scalar.content {
                _ if blank => true,
                Some(content) => indent >= content,
                None => indent > scalar.parent,
            };
            if inside {
                if scalar.content.is_none() {
                    self.block_scalar = Some(BlockScalar {
                        content: Some(indent),
                        ..scalar
                    });
                }
                return Ok(());
            }
            self.block_scalar = None;
        }
        // Where the line's last node begins: past its indentation and every `- ` or `? `.
        let mut node = indent;
        let mut last_indicator = None;
        if self.quote.is_none() && self.flow_depth == 0 && !blank {
            let bytes = line.as_bytes();
            if bytes.get(indent) != Some(&b'#') {
                loop {
                    let at = node;
                    let indicator = matches!(bytes.get(at), Some(b'-' | b'?'))
                        && matches!(bytes.get(at + 1), None | Some(b' ' | b'\t'));
                    if indicator {
                        self.open(at, number)?;
                        last_indicator = Some(at);
                        node = at + 1;
                        while matches!(bytes.get(node), Some(b' ' | b'\t')) {
                            node += 1;
                        }
                        continue;
                    }
                    if node < bytes.len() && bytes.get(node) != Some(&b'#') {
                        self.open(node, number)?;
                    }
                    break;
                }
            }
        }
        let mut prev = ' ';
        let mut column = 0;
        let mut chars = line.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            // Counted as we go: counting from the line start for every character would make
            // long lines quadratic.
            column += 1;
            if let Some(q) = self.quote {
                if c == '\\' && q == '"' {
                    chars.next();
                    column += 1;
                } else if c == q {
                    self.quote = None;
                }
                prev = c;
                continue;
            }
            // A token starts after a space or a flow indicator (and at the line's start, where
            // `prev` is a space): `x:'` and `a-'b` are plain scalars holding a quote.
            let token_start = matches!(prev, ' ' | '\t' | '[' | '{' | ',');
            match c {
                '#' if prev == ' ' || at == 0 => break,
                '\'' | '"' if token_start => self.quote = Some(c),
                '[' | '{' => {
                    self.flow_depth += 1;
                    // Inside the block levels the line is in: the nesting is the sum.
                    if self.flow_depth + self.indents.len() > MAX_DEPTH {
                        return Err(refusal("nested too deeply", number, column));
                    }
                }
                ']' | '}' => self.flow_depth = self.flow_depth.saturating_sub(1),
                '*' if token_start && is_anchor_char(chars.peek().map(|&(_, c)| c)) => {
                    self.aliases += 1;
                    if self.aliases > MAX_ALIASES {
                        return Err(refusal(
                            &format!("more than {MAX_ALIASES} aliases; candidate files need none"),
                            number,
                            column,
                        ));
                    }
                }
                _ => {}
            }
            prev = c;
        }
        let trimmed = strip_comment(line).trim_end();
        if self.quote.is_none() && self.flow_depth == 0 && opens_block_scalar(trimmed) {
            // `- |`: the scalar is the entry, held by its dash; `key: |`: held by the node
            // the key begins.
            let before = trimmed[..trimmed.rfind(['|', '>']).unwrap_or(0)].trim_end();
            let parent = match last_indicator {
                Some(dash) if before.len() <= dash + 1 => dash,
                _ => node,
            };
            let content = explicit_indentation(trimmed).map(|d| parent + d);
            self.block_scalar = Some(BlockScalar { parent, content });
        }
        Ok(())
    }

    /// A block level begins at `column`: the levels at or past it close.
    fn open(&mut self, column: usize, number: usize) -> Result<(), Refusal> {
        self.indents.retain(|&i| i < column);
        self.indents.push(column);
        if self.indents.len() > MAX_DEPTH {
            return Err(refusal("nested too deeply", number, column + 1));
        }
        Ok(())
    }
}

/// The indentation indicator of a block scalar's header (`|2`, `>-1`), if it has one.
fn explicit_indentation(header: &str) -> Option<usize> {
    let at = header.rfind(['|', '>'])?;
    header[at + 1..]
        .chars()
        .find_map(|c| c.to_digit(10))
        .map(|d| d as usize)
}

fn refusal(message: &str, line: usize, column: usize) -> Refusal {
    Refusal {
        message: message.to_string(),
        line: Some(line),
        column: Some(column),
    }
}

fn is_anchor_char(c: Option<char>) -> bool {
    c.is_some_and(|c| !c.is_whitespace() && !matches!(c, ',' | '[' | ']' | '{' | '}' | '*'))
}

fn strip_comment(line: &str) -> &str {
    match line.find(" #") {
        Some(i) => &line[..i],
        None => line,
    }
}

/// `key: |`, `- >-`, `key: |2`: a line whose value is the indented text that follows.
fn opens_block_scalar(line: &str) -> bool {
    let Some(pos) = line.rfind(['|', '>']) else {
        return false;
    };
    let indicators = &line[pos + 1..];
    if !indicators
        .chars()
        .all(|c| c.is_ascii_digit() || c == '-' || c == '+')
    {
        return false;
    }
    let before = line[..pos].trim_end();
    before.is_empty() || before.ends_with(':') || before.ends_with('-') || before.ends_with('!')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ordinary_candidate_passes() {
        let text = "name: Jane\nlinks:\n  github: jane\nstatement: |\n  *bold* and &amp; [x]\n  - list\n    * nested *emph*\nother: \"a * b\"\n";
        assert_eq!(check(text), Ok(()));
    }

    #[test]
    fn markdown_in_a_block_scalar_is_not_an_alias() {
        let mut text = String::from("name: A\nstatement: >-\n");
        for _ in 0..200 {
            text.push_str("  *emphasis* [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n");
        }
        assert_eq!(check(&text), Ok(()));
    }

    #[test]
    fn many_aliases_are_refused_with_a_position() {
        let mut text = String::from("a: &x [1, 2]\nb: [");
        for _ in 0..100 {
            text.push_str("*x, ");
        }
        text.push_str("]\n");
        let refusal = check(&text).unwrap_err();
        assert!(refusal.message.contains("aliases"));
        assert_eq!(refusal.line, Some(2));
    }

    #[test]
    fn deep_flow_nesting_is_refused() {
        let text = format!("x: {}", "[".repeat(100_000));
        let refusal = check(&text).unwrap_err();
        assert!(refusal.message.contains("nested"));
        assert_eq!(refusal.line, Some(1));
    }

    #[test]
    fn deep_block_nesting_is_refused() {
        let mut text = String::new();
        for depth in 0..40 {
            text.push_str(&" ".repeat(depth));
            text.push_str("k:\n");
        }
        assert!(check(&text).is_err());
    }

    #[test]
    fn oversized_files_are_refused() {
        let text = "a".repeat(MAX_FILE_BYTES + 1);
        assert!(check(&text).unwrap_err().message.contains("bytes"));
    }

    #[test]
    fn quoted_asterisks_are_not_aliases() {
        let mut text = String::new();
        for i in 0..100 {
            text.push_str(&format!("k{i}: '*x' \"*y\"\n"));
        }
        assert_eq!(check(&text), Ok(()));
    }

    #[test]
    fn a_block_scalar_ends_where_yaml_ends_it() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let aliases = format!("[{}]", "*x, ".repeat(5_000));
        // The lines after each header are at the node's own indentation: the scalar is
        // empty, and they are YAML.
        for header in [
            "- statement: |",
            "- key: >",
            "- - key: |",
            "-   key: |-",
            "? |",
        ] {
            let node = header.rfind(' ').map_or(0, |_| {
                let after = header.trim_start_matches(['-', '?', ' ']);
                header.len() - after.len()
            });
            for payload in [&deep, &aliases] {
                let text = format!("a: &x [1]\n{header}\n{}b: {payload}\n", " ".repeat(node));
                let refusal = check(&text).expect_err(&text[..60.min(text.len())]);
                assert_eq!(refusal.line, Some(3), "{header}");
            }
        }
        // Indented past the node, the same lines are text.
        let text = format!("- statement: |\n   b: {deep}\n   *x *x\n- other: y\n");
        assert_eq!(check(&text), Ok(()));
        // A first line sets the scalar's indentation: a line less deep ends it.
        let text = format!("k: |\n    text\n  b: {deep}\n");
        assert!(check(&text).is_err());
        // So does an explicit indentation indicator.
        let text = format!("k: |1\n  text\n b: {deep}\n");
        assert!(
            check(&text).is_ok(),
            "one space past the key: still the scalar's"
        );
    }

    #[test]
    fn a_quote_inside_a_plain_scalar_hides_nothing() {
        let deep = "[".repeat(100_000);
        for opener in ["a: x:'", "a: x-'", "a: x?\"", "- it's"] {
            let text = format!("{opener}\nb: {deep}\nc: '\n");
            assert!(check(&text).is_err(), "{opener}");
        }
    }

    #[test]
    fn dashes_on_one_line_are_levels() {
        let text = format!("{}x\n", "- ".repeat(100));
        assert!(check(&text).unwrap_err().message.contains("nested"));
        assert_eq!(check("- - - x\n- y: - z\n"), Ok(()));
    }

    mod generated {
        //! The guard against serde_yaml itself: documents of nested mappings, sequences,
        //! block scalars (their lines at random indentation, some where YAML reads them as
        //! structure), flow collections and aliases. Whatever serde_yaml reads as nested past
        //! the limit, or as more aliases than allowed, the guard refuses; a document with no
        //! flow collection and no alias, within the limit, passes.

        use super::super::*;
        use proptest::prelude::*;

        #[derive(Debug, Clone)]
        enum Node {
            Plain,
            Flow(usize),
            Aliases(usize),
            Block {
                folded: bool,
                past: usize,
                lines: Vec<u8>,
            },
            Map(Vec<Node>),
            /// With `true`, a mapping entry starts on its dash's line (`- key: value`).
            Seq(Vec<Node>, bool),
        }

        fn node() -> impl Strategy<Value = Node> {
            let leaf = prop_oneof![
                3 => Just(Node::Plain),
                1 => (1usize..45).prop_map(Node::Flow),
                1 => (1usize..80).prop_map(Node::Aliases),
                2 => (any::<bool>(), 0usize..4, prop::collection::vec(0u8..4, 1..4))
                    .prop_map(|(folded, past, lines)| Node::Block { folded, past, lines }),
            ];
            leaf.prop_recursive(40, 400, 4, |inner| {
                prop_oneof![
                    prop::collection::vec(inner.clone(), 1..4).prop_map(Node::Map),
                    (prop::collection::vec(inner, 1..4), any::<bool>())
                        .prop_map(|(items, compact)| Node::Seq(items, compact)),
                ]
            })
        }

        /// A line of a block scalar: text, or text that is YAML when the scalar has ended.
        fn scalar_line(kind: u8) -> String {
            match kind {
                0 => "plain words here".to_string(),
                1 => format!("deep: {}{}", "[".repeat(40), "]".repeat(40)),
                2 => format!("many: [{}]", "*a, ".repeat(70)),
                _ => "*emphasis* and [a link]".to_string(),
            }
        }

        /// The inline part of `node` after `key: ` or `- `, and the lines below it.
        fn render(node: &Node, indent: usize, step: usize, out: &mut Vec<String>, lead: String) {
            let key = |n: usize| format!("k{n}");
            match node {
                Node::Plain => out.push(format!("{lead}word")),
                Node::Flow(d) => out.push(format!("{lead}{}{}", "[".repeat(*d), "]".repeat(*d))),
                Node::Aliases(n) => out.push(format!("{lead}[{}]", "*a, ".repeat(*n))),
                Node::Block {
                    folded,
                    past,
                    lines,
                } => {
                    out.push(format!("{lead}{}", if *folded { ">" } else { "|" }));
                    for &l in lines {
                        out.push(format!("{}{}", " ".repeat(indent + past), scalar_line(l)));
                    }
                }
                Node::Map(entries) => {
                    out.push(lead.trim_end().to_string());
                    for (n, e) in entries.iter().enumerate() {
                        let at = indent + step;
                        render(e, at, step, out, format!("{}{}: ", " ".repeat(at), key(n)));
                    }
                }
                Node::Seq(items, compact) => {
                    out.push(lead.trim_end().to_string());
                    for item in items {
                        let at = indent + step;
                        match item {
                            Node::Map(entries) if *compact => {
                                // The mapping's keys stand where the first one does.
                                for (n, e) in entries.iter().enumerate() {
                                    let lead = if n == 0 {
                                        format!("{}- {}: ", " ".repeat(at), key(n))
                                    } else {
                                        format!("{}{}: ", " ".repeat(at + 2), key(n))
                                    };
                                    render(e, at + 2, step, out, lead);
                                }
                            }
                            _ => render(item, at, step, out, format!("{}- ", " ".repeat(at))),
                        }
                    }
                }
            }
        }

        fn depth(value: &serde_yaml::Value) -> usize {
            match value {
                serde_yaml::Value::Sequence(s) => 1 + s.iter().map(depth).max().unwrap_or(0),
                serde_yaml::Value::Mapping(m) => 1 + m.values().map(depth).max().unwrap_or(0),
                serde_yaml::Value::Tagged(t) => depth(&t.value),
                _ => 0,
            }
        }

        fn anchored(value: &serde_yaml::Value) -> usize {
            match value {
                serde_yaml::Value::String(s) if s == "ANCHORED" => 1,
                serde_yaml::Value::Sequence(s) => s.iter().map(anchored).sum(),
                serde_yaml::Value::Mapping(m) => m.values().map(anchored).sum(),
                _ => 0,
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(400))]
            #[test]
            fn the_guard_refuses_what_yaml_nests_too_deep_or_aliases_too_often(
                root in node(),
                step in 1usize..4,
            ) {
                let mut lines = vec!["anchor: &a ANCHORED".to_string()];
                render(&root, 0, step, &mut lines, "doc: ".to_string());
                let text = lines.join("\n") + "\n";
                let verdict = check(&text);
                if let Ok(value) = serde_yaml::from_str::<serde_yaml::Value>(&text) {
                    // The top mapping is a level of its own, as the guard counts it.
                    if depth(&value) > MAX_DEPTH {
                        prop_assert!(verdict.is_err(), "nested {} deep, passed:\n{text}", depth(&value));
                    }
                    if anchored(&value) > MAX_ALIASES + 1 {
                        prop_assert!(verdict.is_err(), "{} aliases, passed:\n{text}", anchored(&value) - 1);
                    }
                    if !text.contains(['[', '*']) && depth(&value) <= MAX_DEPTH / 2 {
                        prop_assert!(verdict.is_ok(), "{verdict:?}\n{text}");
                    }
                }
            }
        }
    }
}
