//! Parsers for candidate statements as projects publish them. Each takes the decoded text and
//! the file name and gives a [`RawCandidate`]; the statement keeps every word of the body.

use serde_yaml::Value;

use crate::roster::RawCandidate;

/// The formats statements come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `Name:` / `Email:` / `Background:` key lines (Kata Containers).
    KeyLines,
    /// A dashed YAML header (`name`, `ID`, `info`), as Elekto reads it.
    Elekto,
    /// `# Name` and `- GitHub:` / `- Employer:` bullets (Kubernetes 2017–2020).
    KubernetesBio,
    /// A mailing-list archive page saved as text (pipermail).
    Pipermail,
    /// No header at all: the name comes from the file name (or e-mail, for OpenStack).
    Plain,
}

/// A line of three or more dashes and nothing else.
pub fn is_dash_line(line: &str) -> bool {
    let t = line.trim_end();
    t.len() >= 3 && t.bytes().all(|b| b == b'-')
}

/// Which format `text` is in, from its content and file name.
pub fn detect(text: &str, file_name: &str) -> Format {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    // A dashed header has a closing line; a lone `---` rule at the top is just a rule.
    let closed_header = is_dash_line(first)
        && text
            .lines()
            .skip_while(|l| !is_dash_line(l))
            .skip(1)
            .take(40)
            .any(is_dash_line);
    if closed_header || file_name.starts_with("candidate-") {
        return Format::Elekto;
    }
    if first.starts_with('[') && first.contains(']') && text.contains("More information about the")
    {
        return Format::Pipermail;
    }
    let head: Vec<&str> = text.lines().take(40).collect();
    if head.iter().any(|l| key_value(l, "Name").is_some()) {
        return Format::KeyLines;
    }
    let has_bullets = head
        .iter()
        .any(|l| bullet(l, "GitHub").is_some() || bullet(l, "Employer").is_some());
    let named_heading = first
        .strip_prefix("# ")
        .is_some_and(|h| looks_like_a_name(&link_text(h).0));
    if first.starts_with("# ") && (has_bullets || file_name.ends_with("_bio.md")) || named_heading {
        return Format::KubernetesBio;
    }
    Format::Plain
}

/// `[Text](url)` → ("Text", Some(url)); anything else is returned as it is.
fn link_text(text: &str) -> (String, Option<String>) {
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
fn looks_like_a_name(heading: &str) -> bool {
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

/// Parses `text` in `format`; `fallback_name` names a candidate the text does not name.
pub fn parse(text: &str, format: Format, fallback_name: &str) -> RawCandidate {
    match format {
        Format::KeyLines => key_lines(text, fallback_name, Vec::new()),
        Format::Elekto => elekto(text, fallback_name),
        Format::KubernetesBio => kubernetes_bio(text, fallback_name),
        Format::Pipermail => pipermail(text, fallback_name),
        Format::Plain => plain(text, fallback_name),
    }
}

fn empty(name: &str, statement: String) -> RawCandidate {
    RawCandidate {
        name: name.to_string(),
        emails: Vec::new(),
        affiliation: None,
        links: Vec::new(),
        statement,
        extra: Vec::new(),
    }
}

/// `Key: value` (any case, markdown bold allowed) → the value.
fn key_value<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let t = line.trim().trim_start_matches("**");
    let (k, v) = t.split_once(':')?;
    let k = k.trim().trim_end_matches("**");
    k.eq_ignore_ascii_case(key)
        .then(|| v.trim().trim_start_matches("**").trim())
}

/// `- Key: value` or `* Key: value` → the value.
fn bullet<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let t = line.trim_start();
    let rest = t.strip_prefix("- ").or_else(|| t.strip_prefix("* "))?;
    key_value(rest, key)
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
fn github_handle(value: &str) -> Option<String> {
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
fn clean_name(value: &str) -> String {
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

/// Kata's key lines: `Name:`, `Email:` and a `Background:` label are taken out of the body
/// into fields; everything else stays in the statement, in order.
fn key_lines(text: &str, fallback_name: &str, extra: Vec<(String, Value)>) -> RawCandidate {
    let mut c = empty(fallback_name, String::new());
    c.extra = extra;
    let mut body = Vec::new();
    let mut in_header = true;
    for (i, line) in text.lines().enumerate() {
        if in_header && i < 60 {
            if let Some(v) = key_value(line, "Name") {
                c.name = clean_name(v);
                if let Some(handle) = v.contains('@').then(|| github_handle(v)).flatten() {
                    c.links.push(("github".to_string(), handle));
                }
                continue;
            }
            if let Some(v) = key_value(line, "Email") {
                c.emails.extend(emails(v));
                continue;
            }
            if key_value(line, "Background") == Some("") {
                in_header = false;
                continue;
            }
        }
        body.push(line);
    }
    c.statement = trim_blank_lines(&body.join("\n"));
    c
}

/// Drops blank lines at the start and end, keeping the text between as it is.
fn trim_blank_lines(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|l| !l.trim().is_empty())
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|l| !l.trim().is_empty())
        .map_or(start, |i| i + 1);
    let mut out = lines[start..end].join("\n");
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// Elekto's profile: the first dashed block is a YAML header (delimiters of any length, tabs
/// after colons, blank lines); a later `---` rule belongs to the body.
fn elekto(text: &str, fallback_name: &str) -> RawCandidate {
    let lines: Vec<&str> = text.lines().collect();
    let Some(open) = lines.iter().position(|l| !l.trim().is_empty()) else {
        return empty(fallback_name, String::new());
    };
    let close = if is_dash_line(lines[open]) {
        lines[open + 1..]
            .iter()
            .position(|l| is_dash_line(l))
            .map(|i| open + 1 + i)
    } else {
        None
    };
    let Some(close) = close else {
        return plain(text, fallback_name);
    };
    let header = lines[open + 1..close]
        .iter()
        .map(|l| l.replace('\t', " "))
        .collect::<Vec<_>>()
        .join("\n");
    let body = lines[close + 1..].join("\n");
    let mut c = empty(fallback_name, trim_blank_lines(&body));
    let Ok(Value::Mapping(map)) = serde_yaml::from_str::<Value>(&header) else {
        // A header that is not YAML is kept, whole, rather than lost.
        c.extra.push(("header".to_string(), Value::String(header)));
        return c;
    };
    for (key, value) in map {
        let key = scalar(&key);
        match key.to_ascii_lowercase().as_str() {
            "name" => c.name = scalar(&value),
            "info" => info(&mut c, value),
            _ => c.extra.push((key, value)),
        }
    }
    c
}

/// Elekto's `info`: a list of one-key maps or a plain map, into links, affiliation, extra.
fn info(c: &mut RawCandidate, value: Value) {
    let pairs: Vec<(Value, Value)> = match value {
        Value::Mapping(map) => map.into_iter().collect(),
        Value::Sequence(items) => items
            .into_iter()
            .flat_map(|item| match item {
                Value::Mapping(map) => map.into_iter().collect::<Vec<_>>(),
                other => vec![(Value::String("info".into()), other)],
            })
            .collect(),
        other => vec![(Value::String("info".into()), other)],
    };
    for (key, value) in pairs {
        place(c, &scalar(&key), value);
    }
}

/// Puts a `key: value` from a header where a reader expects it.
fn place(c: &mut RawCandidate, key: &str, value: Value) {
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

fn scalar(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        other => serde_yaml::to_string(other)
            .unwrap_or_default()
            .trim()
            .to_string(),
    }
}

/// Kubernetes 2017–2020: `# Name`, then `- GitHub:` / `- Employer:` (and other) bullets.
fn kubernetes_bio(text: &str, fallback_name: &str) -> RawCandidate {
    let mut c = empty(fallback_name, String::new());
    let mut body = Vec::new();
    let mut named = false;
    let mut in_bullets = true;
    for line in text.lines() {
        if !named && line.starts_with("# ") {
            let (name, url) = link_text(line[2..].trim());
            c.name = name;
            if let Some(handle) = url
                .filter(|u| u.contains("github.com/"))
                .and_then(|u| github_handle(&u))
            {
                c.links.push(("github".to_string(), handle));
            }
            named = true;
            continue;
        }
        if named && in_bullets {
            let t = line.trim_start();
            let is_key_bullet = (t.starts_with("- ") || t.starts_with("* "))
                && t[2..].split_once(':').is_some_and(|(k, _)| {
                    k.split_whitespace().count() <= 2 && !k.contains('[') && !k.contains('*')
                });
            if is_key_bullet {
                let (k, v) = t[2..].split_once(':').unwrap_or_default();
                place(&mut c, k.trim(), Value::String(v.trim().to_string()));
                continue;
            }
            if !line.trim().is_empty() {
                in_bullets = false;
            }
        }
        body.push(line);
    }
    c.statement = trim_blank_lines(&body.join("\n"));
    c
}

/// A pipermail page: subject, author (` at ` for `@`), date, body, the archive's footer.
fn pipermail(text: &str, fallback_name: &str) -> RawCandidate {
    let lines: Vec<&str> = text.lines().collect();
    let mut rest = lines.iter().copied().skip_while(|l| l.trim().is_empty());
    let subject = rest.next().unwrap_or_default().trim().to_string();
    let mut rest = rest.skip_while(|l| l.trim().is_empty());
    let author_line = rest.next().unwrap_or_default().trim().to_string();
    let date = rest.next().unwrap_or_default().trim().to_string();
    let body: Vec<&str> = rest.collect();
    let footer = body
        .iter()
        .rposition(|l| l.starts_with("More information about the"))
        .unwrap_or(body.len());
    let body = body[..footer].join("\n");
    let (author, author_email) = match author_line.find(" at ") {
        Some(at) => {
            let before = &author_line[..at];
            let split = before.rfind(' ').unwrap_or(0);
            (
                before[..split].trim().to_string(),
                emails(&author_line[split..]).into_iter().next(),
            )
        }
        None => (author_line.clone(), None),
    };
    let extra = vec![
        ("subject".to_string(), Value::String(subject)),
        ("author".to_string(), Value::String(author.clone())),
        ("posted".to_string(), Value::String(date)),
    ];
    let name = if author.is_empty() {
        fallback_name
    } else {
        &author
    };
    let mut c = key_lines(&body, name, extra);
    if c.emails.is_empty() {
        c.emails.extend(author_email);
    }
    c
}

/// No header: the whole text is the statement.
fn plain(text: &str, fallback_name: &str) -> RawCandidate {
    empty(fallback_name, trim_blank_lines(text))
}

/// A readable name from a file name: `JonOlson.txt` → "Jon Olson", `kris-nova_bio.md` →
/// "kris-nova", `Amrith_Kumar.txt` → "Amrith Kumar".
pub fn name_from_file(file_name: &str) -> String {
    let stem = file_name
        .rsplit_once('.')
        .filter(|(_, ext)| matches!(*ext, "txt" | "md" | "markdown" | "rst"))
        .map_or(file_name, |(stem, _)| stem);
    let stem = stem.strip_suffix("_bio").unwrap_or(stem);
    let stem = stem.strip_prefix("candidate-").unwrap_or(stem);
    let mut out = String::new();
    let mut prev: Option<char> = None;
    for c in stem.chars() {
        if c == '_' {
            out.push(' ');
        } else {
            if c.is_uppercase() && prev.is_some_and(|p| p.is_lowercase()) {
                out.push(' ');
            }
            out.push(c);
        }
        prev = Some(c);
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_file_names() {
        assert_eq!(name_from_file("JonOlson.txt"), "Jon Olson");
        assert_eq!(name_from_file("Amrith_Kumar.txt"), "Amrith Kumar");
        assert_eq!(name_from_file("derekcarr_bio.md"), "derekcarr");
        assert_eq!(name_from_file("candidate-e6n.md"), "e6n");
        assert_eq!(name_from_file("cardoe@cardoe.com"), "cardoe@cardoe.com");
    }

    #[test]
    fn key_lines_become_fields() {
        let c = parse(
            "Name: Jane Doe\n\nEmail: jane@x.org, j at y.org\n\nBackground:\n\nHello.\n",
            Format::KeyLines,
            "x",
        );
        assert_eq!(c.name, "Jane Doe");
        assert_eq!(c.emails, vec!["jane@x.org", "j@y.org"]);
        assert_eq!(c.statement, "Hello.\n");
        let text = "---\nName: Eric Ernst\nEmail: eric_ernst at apple dot com\n\nI am.\n";
        let c = parse(text, detect(text, "EricErnst.txt"), "x");
        assert_eq!(c.name, "Eric Ernst");
        assert_eq!(c.emails, vec!["eric_ernst@apple.com"]);
        assert_eq!(c.statement, "---\n\nI am.\n");
    }

    #[test]
    fn a_name_line_with_a_handle() {
        let c = parse(
            "# A -> AC\n\nName: Anastassios Nanos, [@ananos](https://github.com/ananos).\n\nEmail: a@b.c\n\n## Who\n",
            Format::KeyLines,
            "x",
        );
        assert_eq!(c.name, "Anastassios Nanos");
        assert_eq!(c.links, vec![("github".to_string(), "ananos".to_string())]);
        assert_eq!(c.statement, "# A -> AC\n\n\n\n## Who\n");
    }

    #[test]
    fn elekto_header_is_the_first_dashed_block_only() {
        let text = "------------------------------------------------\nname: Jo\nID:\tjo\n\ninfo:\n  - employer: Acme\n  - slack: '@jo'\n-------------------------------------------------------------\n\n## Why\n\nText\n\n---\n\nMore text\n";
        let c = parse(text, detect(text, "candidate-jo.md"), "jo");
        assert_eq!(c.name, "Jo");
        assert_eq!(c.affiliation.as_deref(), Some("Acme"));
        assert_eq!(c.links[0].0, "slack");
        assert_eq!(c.extra[0].0, "ID");
        assert_eq!(c.statement, "## Why\n\nText\n\n---\n\nMore text\n");
    }

    #[test]
    fn elekto_info_may_be_a_plain_map_and_a_header_may_not_parse() {
        let text = "---\nname: Al\ninfo:\n  employer: Beta\n  github: al\n---\nBody\n";
        let c = parse(text, detect(text, "candidate-al.md"), "al");
        assert_eq!(c.affiliation.as_deref(), Some("Beta"));
        assert_eq!(c.links, vec![("github".to_string(), "al".to_string())]);
        let text = "----\nname: [unclosed\n----\nBody\n";
        let c = parse(text, detect(text, "candidate-x.md"), "x");
        assert_eq!(c.name, "x");
        assert_eq!(
            c.extra[0].0, "header",
            "an unreadable header is kept, not lost"
        );
        assert_eq!(c.statement, "Body\n");
    }

    #[test]
    fn empty_and_one_line_files() {
        assert_eq!(parse("", detect("", "Empty.txt"), "Empty").statement, "");
        let c = parse("I stand.", detect("I stand.", "OneLine.txt"), "One Line");
        assert_eq!(
            (c.name.as_str(), c.statement.as_str()),
            ("One Line", "I stand.\n")
        );
    }

    #[test]
    fn kubernetes_bios_take_heading_and_bullets() {
        let text = "# Derek Carr\n\n- GitHub: @derekwaynecarr\n- Employer: Red Hat\n\n## Roles\n\n- Lead: sig-node\n";
        let c = parse(text, detect(text, "derekcarr_bio.md"), "x");
        assert_eq!(c.name, "Derek Carr");
        assert_eq!(c.affiliation.as_deref(), Some("Red Hat"));
        assert_eq!(
            c.links,
            vec![("github".to_string(), "derekwaynecarr".to_string())]
        );
        assert_eq!(c.statement, "## Roles\n\n- Lead: sig-node\n");
        let text =
            "# Klaus Ma\n\n* GitHub/Slack/Twitter: [@k82cn](http://github.com/k82cn)\n\nHi\n";
        let c = parse(text, detect(text, "klausma.md"), "x");
        assert_eq!(c.name, "Klaus Ma");
        assert_eq!(c.links, vec![("github".to_string(), "k82cn".to_string())]);
        assert_eq!(detect("# My Candidacy: why\n\ntext", "a.md"), Format::Plain);
        let text = "# [Ilya Dmitrichenko](https://github.com/errordeveloper)\n\nHi\n";
        let c = parse(text, detect(text, "errordeveloper_bio.md"), "x");
        assert_eq!(c.name, "Ilya Dmitrichenko");
        assert_eq!(
            c.links,
            vec![("github".to_string(), "errordeveloper".to_string())]
        );
    }

    #[test]
    fn pipermail_pages_lose_their_footer_and_keep_the_author() {
        let text = "[kata-dev] Announcing X\n\nPeng Tao bergwolf at hyper.sh\nFri Mar 11 15:41:53 UTC 2022\n\n\nName: Tao Peng\n\nBackground:\n\nHi.\n\n\n\nMore information about the kata-dev mailing list";
        let c = parse(text, detect(text, "x.txt"), "x");
        assert_eq!(c.name, "Tao Peng");
        assert_eq!(c.emails, vec!["bergwolf@hyper.sh"]);
        assert_eq!(c.statement, "Hi.\n");
        assert_eq!(
            c.extra[1],
            ("author".into(), Value::String("Peng Tao".into()))
        );
    }
}
