//! What the published formats share: key lines, bullets, links, e-mail addresses, names.

use serde_yaml::Value;

use crate::roster::RawCandidate;
pub(crate) use crate::text::trim_blank_lines;

/// A line of three or more dashes and nothing else.
pub fn is_dash_line(line: &str) -> bool {
    let t = line.trim_end();
    t.len() >= 3 && t.bytes().all(|b| b == b'-')
}

/// `[Text](url)` → ("Text", Some(url)); anything else is returned as it is.
pub(super) fn link_text(text: &str) -> (String, Option<String>) {
    let t = text.trim();
    if let Some(rest) = t.strip_prefix('[')
        && let Some((label, after)) = rest.split_once("](")
        && let Some(url) = after.strip_suffix(')')
    {
        return (label.trim().to_string(), Some(url.to_string()));
    }
    (t.to_string(), None)
}

/// "Klaus Ma", "Davanum Srinivas", "Jan de Vries": two to four words, capitalised but for
/// particles, with no sentence punctuation.
pub(super) fn looks_like_a_name(heading: &str) -> bool {
    let words: Vec<&str> = heading.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && !heading.contains([':', '!', '?', '-', '/'])
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || matches!(
                    *w,
                    "de" | "da" | "van" | "von" | "der" | "del" | "la" | "le"
                )
        })
}

pub(super) fn empty(name: &str, statement: String) -> RawCandidate {
    RawCandidate {
        name: name.to_string(),
        emails: Vec::new(),
        affiliation: None,
        links: Vec::new(),
        statement,
        extra: Vec::new(),
        questions: Vec::new(),
        warnings: Vec::new(),
    }
}

/// `Key: value` (any case, markdown bold allowed) → the value.
pub(super) fn key_value<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let t = line.trim().trim_start_matches("**");
    let (k, v) = t.split_once(':')?;
    let k = k.trim().trim_end_matches("**");
    k.eq_ignore_ascii_case(key)
        .then(|| v.trim().trim_start_matches("**").trim())
}

/// `- Key: value` or `* Key: value` → the value.
pub(super) fn bullet<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let t = line.trim_start();
    let rest = t.strip_prefix("- ").or_else(|| t.strip_prefix("* "))?;
    key_value(rest, key)
}

/// `- Key: value` or `* Key: value` with a key of at most `max_words` words holding none of
/// `[`, `*` and the `also` characters (a sentence or a link is no key) → (key, value),
/// trimmed. Each format says how long and how plain its header keys are.
pub(super) fn key_bullet<'a>(
    line: &'a str,
    max_words: usize,
    also: &[char],
) -> Option<(&'a str, &'a str)> {
    let t = line.trim_start();
    let rest = t.strip_prefix("- ").or_else(|| t.strip_prefix("* "))?;
    let (k, v) = rest.split_once(':')?;
    let plain =
        k.split_whitespace().count() <= max_words && !k.contains(['[', '*']) && !k.contains(also);
    plain.then(|| (k.trim(), v.trim()))
}

/// Splits `a@b, c at d; e@f` into addresses, undoing the archive's ` at ` for `@`.
pub fn emails(value: &str) -> Vec<String> {
    value
        .replace(" at ", "@")
        .replace(" dot ", ".")
        .split([',', ';', ' '])
        .map(|s| s.trim().trim_matches(['<', '>', '(', ')', '`']))
        .filter(|s| s.contains('@') && !s.starts_with('@'))
        .map(str::to_string)
        .collect()
}

/// A GitHub handle from `@handle`, a github.com link or a bare handle.
pub(super) fn github_handle(value: &str) -> Option<String> {
    let v = value.trim();
    let handle = if let Some(i) = v.find("github.com/") {
        &v[i + "github.com/".len()..]
    } else if let Some(i) = v.find('@') {
        &v[i + 1..]
    } else {
        v
    };
    let handle: String = handle
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    (!handle.is_empty()).then_some(handle)
}

/// A name as written on a `Name:` line, without a trailing handle or link.
pub(super) fn clean_name(value: &str) -> String {
    let cut = value
        .find(", [")
        .or_else(|| value.find(" ["))
        .or_else(|| value.find(" (@"))
        .or_else(|| value.find(", @"))
        .unwrap_or(value.len());
    value[..cut]
        .trim()
        .trim_end_matches(['.', ','])
        .trim()
        .to_string()
}

pub(super) fn scalar(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        // A value that cannot be written back as YAML says so rather than vanish.
        other => serde_yaml::to_string(other)
            .unwrap_or_else(|e| format!("(cannot be shown: {e})"))
            .trim()
            .to_string(),
    }
}

/// Puts a `key: value` from a header where a reader expects it.
pub(super) fn place(c: &mut RawCandidate, key: &str, value: Value) {
    let text = scalar(&value);
    match key.to_ascii_lowercase().as_str() {
        "employer" | "affiliation" | "company" | "organization" | "organisation"
            if c.affiliation.is_none() && !text.is_empty() =>
        {
            c.affiliation = Some(text);
        }
        "email" | "e-mail" => c.emails.extend(emails(&text)),
        k if k.contains("github") && !text.is_empty() => {
            let handle = github_handle(&text).unwrap_or(text);
            c.links.push(("github".to_string(), handle));
        }
        "slack" | "twitter" | "website" | "linkedin" | "mastodon" | "blog" if !text.is_empty() => {
            c.links.push((key.to_string(), text));
        }
        _ => c.extra.push((key.to_string(), value)),
    }
}
