//! A cheap scan of a YAML file before serde_yaml sees it.
//!
//! serde_yaml parses a whole document before any of its limits apply, so a file of thousands
//! of aliases or a deeply nested flow sequence can take seconds and gigabytes. Candidate files
//! need neither: this scan refuses them early, with the position of the offending token.

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
    let mut scan = Scan::default();
    for (index, line) in text.split('\n').enumerate() {
        scan.line(line, index + 1)?;
    }
    Ok(())
}

#[derive(Default)]
struct Scan {
    aliases: usize,
    flow_depth: usize,
    /// Indents of the open block collections, innermost last.
    indents: Vec<usize>,
    /// Indent of the key that opened a block scalar (`key: |`): deeper lines are its text.
    block_scalar: Option<usize>,
    quote: Option<char>,
}

impl Scan {
    fn line(&mut self, line: &str, number: usize) -> Result<(), Refusal> {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let blank = line.trim().is_empty();
        if let Some(parent) = self.block_scalar {
            if blank || indent > parent {
                return Ok(());
            }
            self.block_scalar = None;
        }
        if self.quote.is_none() && self.flow_depth == 0 && !blank {
            let content = line.trim_start();
            if !content.starts_with('#') {
                self.indents.retain(|&i| i < indent);
                self.indents.push(indent);
                if self.indents.len() > MAX_DEPTH {
                    return Err(refusal("nested too deeply", number, indent + 1));
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
            let token_start = matches!(prev, ' ' | '[' | '{' | ',' | '-' | ':' | '?');
            match c {
                '#' if prev == ' ' || at == 0 => break,
                '\'' | '"' if token_start => self.quote = Some(c),
                '[' | '{' => {
                    self.flow_depth += 1;
                    if self.flow_depth > MAX_DEPTH {
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
        if self.quote.is_none() && opens_block_scalar(trimmed) {
            self.block_scalar = Some(indent);
        }
        Ok(())
    }
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
}
