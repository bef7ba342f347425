//! HTML inside a Markdown statement, as what it shows: through a WHATWG tokenizer (html5gum),
//! each tag becomes its effect (a break, a new block, emphasis, a link with its target, an
//! image's words) and is never shown itself; entities are decoded; a comment, a script or a
//! style sheet is replaced by a visible marker saying it was there.

use html5gum::{Token, Tokenizer};

/// One thing an HTML fragment shows, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Words (entities decoded, not yet sanitized).
    Text(String),
    /// A line break inside the block (`<br>`).
    Break,
    /// A new block starts (`<p>`, `<div>`, `</li>`…).
    Block,
    /// A heading of this level starts.
    Heading(u8),
    /// A list item starts.
    Item,
    /// A thematic break (`<hr>`).
    Rule,
    /// A table cell starts.
    Cell,
    /// An inline style opens (`<b>`, `<em>`, `<code>`, `<s>`) or, with `false`, closes.
    Style(Style, bool),
    /// A link opens, to this address.
    LinkOpen(String),
    /// A link closes.
    LinkClose,
    /// An image: its words (`alt`) and its address.
    Image(String, String),
    /// Something a reader of the page never sees, by what it is ("HTML comment", "script").
    Hidden(&'static str),
}

/// The inline styles HTML can give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `<b>`, `<strong>`.
    Strong,
    /// `<i>`, `<em>`.
    Emphasis,
    /// `<code>`, `<tt>`, `<kbd>`.
    Code,
    /// `<s>`, `<strike>`, `<del>`.
    Strike,
}

fn style(name: &str) -> Option<Style> {
    Some(match name {
        "b" | "strong" => Style::Strong,
        "i" | "em" | "cite" => Style::Emphasis,
        "code" | "tt" | "kbd" | "samp" => Style::Code,
        "s" | "strike" | "del" => Style::Strike,
        _ => return None,
    })
}

/// Tags that end one block and start another, open or closed.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "tr"
            | "table"
            | "thead"
            | "tbody"
            | "details"
            | "summary"
            | "blockquote"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "center"
            | "pre"
            | "figure"
            | "figcaption"
    )
}

fn heading(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h', d @ b'1'..=b'6'] => Some(d - b'0'),
        _ => None,
    }
}

/// The value of a start tag's attribute, by its name in any case.
pub fn attribute(tag: &html5gum::StartTag<()>, name: &str) -> Option<String> {
    tag.attributes
        .iter()
        .find(|(k, _)| k.0.eq_ignore_ascii_case(name.as_bytes()))
        .map(|(_, v)| String::from_utf8_lossy(&v.value.0).into_owned())
}

/// What `html` shows, piece by piece. `hiding` carries, from one fragment to the next, the
/// script or style element whose words are being left out (inline HTML comes a tag at a time).
pub fn pieces(html: &str, hiding: &mut Option<String>) -> Vec<Piece> {
    let mut out = Vec::new();
    for token in Tokenizer::new(html).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name.0).to_lowercase();
                if hiding.is_some() {
                    continue;
                }
                match name.as_str() {
                    "script" | "style" | "template" | "noscript" => {
                        out.push(Piece::Hidden(if name == "style" {
                            "style sheet"
                        } else {
                            "script"
                        }));
                        if !tag.self_closing {
                            *hiding = Some(name);
                        }
                    }
                    "br" => out.push(Piece::Break),
                    "hr" => out.push(Piece::Rule),
                    "li" => out.push(Piece::Item),
                    "td" | "th" => out.push(Piece::Cell),
                    "a" => {
                        if let Some(url) = attribute(&tag, "href") {
                            out.push(Piece::LinkOpen(url));
                        }
                    }
                    "img" => out.push(Piece::Image(
                        attribute(&tag, "alt").unwrap_or_default(),
                        attribute(&tag, "src").unwrap_or_default(),
                    )),
                    n => {
                        if let Some(level) = heading(n) {
                            out.push(Piece::Heading(level));
                        } else if let Some(s) = style(n) {
                            out.push(Piece::Style(s, true));
                        } else if is_block(n) {
                            out.push(Piece::Block);
                        }
                    }
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name.0).to_lowercase();
                if let Some(open) = hiding.as_deref() {
                    if open == name {
                        *hiding = None;
                    }
                    continue;
                }
                match name.as_str() {
                    "a" => out.push(Piece::LinkClose),
                    "li" => out.push(Piece::Block),
                    n if heading(n).is_some() || is_block(n) => out.push(Piece::Block),
                    n => {
                        if let Some(s) = style(n) {
                            out.push(Piece::Style(s, false));
                        }
                    }
                }
            }
            Token::String(s) if hiding.is_none() => {
                let text = String::from_utf8_lossy(&s.value.0).into_owned();
                match out.last_mut() {
                    Some(Piece::Text(t)) => t.push_str(&text),
                    _ => out.push(Piece::Text(text)),
                }
            }
            Token::Comment(_) if hiding.is_none() => out.push(Piece::Hidden("HTML comment")),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(html: &str) -> Vec<Piece> {
        pieces(html, &mut None)
    }

    #[test]
    fn tags_become_what_they_do_and_entities_are_decoded() {
        assert_eq!(
            of("<p>A &amp; <b>B</b><br>C <a href=\"https://x.example\">x</a></p>"),
            vec![
                Piece::Block,
                Piece::Text("A & ".into()),
                Piece::Style(Style::Strong, true),
                Piece::Text("B".into()),
                Piece::Style(Style::Strong, false),
                Piece::Break,
                Piece::Text("C ".into()),
                Piece::LinkOpen("https://x.example".into()),
                Piece::Text("x".into()),
                Piece::LinkClose,
                Piece::Block,
            ]
        );
    }

    #[test]
    fn what_a_reader_never_sees_is_named_not_shown() {
        assert_eq!(
            of("<meta name=\"k\" content=\"v\"><!-- note --><script>evil()</script>after"),
            vec![
                Piece::Hidden("HTML comment"),
                Piece::Hidden("script"),
                Piece::Text("after".into()),
            ]
        );
        // A script opened by one inline tag hides words until the tag that closes it.
        let mut hiding = None;
        assert_eq!(
            pieces("<script>", &mut hiding),
            vec![Piece::Hidden("script")]
        );
        assert_eq!(pieces("</b>", &mut hiding), vec![]);
        assert_eq!(pieces("</script>", &mut hiding), vec![]);
        assert!(hiding.is_none());
    }
}
