//! The web links in a text: Markdown links and bare URLs, `http` and `https` only. What is
//! found is the address that will be opened or copied, character for character: anything
//! that is not a plain URL character ends it, so no hidden or control character rides along.

/// Characters a URL may hold (RFC 3986's unreserved, reserved and `%`).
fn url_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c)
}

/// Every `http://` or `https://` address in `text`, in order, each once.
pub fn find(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let lower = text.to_ascii_lowercase();
    let mut at = 0;
    while let Some(found) = next_scheme(&lower[at..]) {
        let start = at + found;
        let rest = &text[start..];
        let end = rest.find(|c: char| !url_char(c)).unwrap_or(rest.len());
        let url = trim_end(&rest[..end], text[..start].ends_with('('));
        let host = url.split_once("://").map_or("", |(_, h)| h);
        if !host.is_empty() && !host.starts_with('/') && !out.iter().any(|u| u == url) {
            out.push(url.to_string());
        }
        at = start + end.max(1);
    }
    out
}

fn next_scheme(lower: &str) -> Option<usize> {
    let http = lower.find("http://");
    let https = lower.find("https://");
    match (http, https) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// A sentence's punctuation after a bare URL is not part of it; nor is the `)` that closes a
/// Markdown link or a parenthesis the URL opened inside.
fn trim_end(url: &str, in_parens: bool) -> &str {
    let mut url = url;
    loop {
        let Some(last) = url.chars().last() else {
            return url;
        };
        let unbalanced_close =
            last == ')' && (in_parens || url.matches('(').count() < url.matches(')').count());
        let unbalanced_bracket = last == ']' && url.matches('[').count() < url.matches(']').count();
        if ".,;:!?'*".contains(last) || unbalanced_close || unbalanced_bracket {
            url = &url[..url.len() - last.len_utf8()];
        } else {
            return url;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_links_and_bare_urls_in_order_each_once() {
        let text = "See [my talk](https://example.org/talk) and https://example.org/a_(b). \
                    Mail me: mailto:x@y.z, or (http://example.com/x), again https://example.org/talk";
        assert_eq!(
            find(text),
            [
                "https://example.org/talk",
                "https://example.org/a_(b)",
                "http://example.com/x"
            ]
        );
    }

    #[test]
    fn only_http_and_https_and_nothing_hidden() {
        let text = "[x](javascript:alert(1)) [y](file:///etc/passwd) ftp://a/b \
                    https://ok.example/a\u{202E}b https://e.example/^[[31m HTTPS://UP.example/";
        assert_eq!(
            find(text),
            [
                "https://ok.example/a",
                "https://e.example/",
                "HTTPS://UP.example/"
            ]
        );
        // A hidden character (shown by the sanitizer as `^[` or `<U+202E>`) ends the
        // address: what follows it is never opened.
        assert!(find("https:// nothing").is_empty());
    }
}
