//! NixOS: `candidates/<handle>.md`, a statement under `Name:` / `GitHub handle:` bullets,
//! then a generated `## Q&A` section (`### <title> ([link](…/issues/N))`, the question,
//! the answer in a `<details>` block) and `## Unanswered questions` (`<details>` blocks whose
//! summary is the question's title and link).

use serde_yaml::Value;

use super::common::{
    clean_name, emails, empty, github_handle, key_bullet, link_text, trim_blank_lines,
};
use crate::roster::{RawCandidate, RawQuestion, without_fragment};

/// Whether `text` reads as a NixOS statement: a `Name:` bullet near the top, and a
/// `GitHub handle:` bullet or a Q&A section.
pub(super) fn detect(text: &str) -> bool {
    let head: Vec<&str> = text.lines().take(40).collect();
    let named = head
        .iter()
        .any(|l| header_bullet(l).is_some_and(|(k, _)| k.eq_ignore_ascii_case("name")));
    named
        && (head
            .iter()
            .any(|l| header_bullet(l).is_some_and(|(k, _)| k.to_lowercase().contains("github")))
            || text.lines().any(|l| section(l).is_some()))
}

/// `- Key: value` or `* Key: value`, the key a few words with no markup.
fn header_bullet(line: &str) -> Option<(&str, &str)> {
    key_bullet(line, 4, &['`', '@'])
}

/// The two generated sections.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Answered,
    Unanswered,
}

fn section(line: &str) -> Option<Section> {
    let t = line.trim();
    let title = t.strip_prefix("## ")?.trim();
    if title.eq_ignore_ascii_case("Q&A") || title.eq_ignore_ascii_case("Q & A") {
        Some(Section::Answered)
    } else if title.eq_ignore_ascii_case("Unanswered questions") {
        Some(Section::Unanswered)
    } else {
        None
    }
}

/// `### Title ([link](url))` → (title, url): only a heading that ends in its link is a
/// question; answers and questions carry `###` headings of their own.
fn question_heading(line: &str) -> Option<(String, String)> {
    let t = line.trim_end();
    let rest = t.strip_prefix("### ")?;
    let body = rest.strip_suffix("))")?;
    let (title, url) = body.rsplit_once(" ([link](")?;
    let url = url.trim();
    (url.starts_with("http") && !url.contains(char::is_whitespace))
        .then(|| (title.trim().to_string(), url.to_string()))
}

/// `… <a href="url">…` → url: the first link of a `<summary>` line.
fn href(line: &str) -> Option<String> {
    let (_, after) = line.split_once("href=\"")?;
    let (url, _) = after.split_once('"')?;
    Some(url.to_string())
}

/// `<summary>Title (<a href="url">link</a>)</summary>` → (title, url).
fn summary(line: &str) -> Option<(String, Option<String>)> {
    let t = line.trim();
    let inner = t.strip_prefix("<summary>")?;
    let inner = inner.strip_suffix("</summary>").unwrap_or(inner);
    let (title, link) = match inner.rfind("(<a ") {
        Some(at) => (&inner[..at], href(&inner[at..])),
        None => (inner, None),
    };
    Some((title.trim().to_string(), link))
}

fn opens_details(line: &str) -> bool {
    line.trim_start().starts_with("<details")
}

fn closes_details(line: &str) -> bool {
    line.trim_start().starts_with("</details")
}

/// The lines of a `<details>` block that opens at `lines[start]`: its `<summary>` line and
/// the lines inside, up to the matching `</details>` (blocks inside it are counted), and
/// the index after it.
fn details<'a>(lines: &[&'a str], start: usize) -> (Option<&'a str>, Vec<&'a str>, usize) {
    let mut depth = 0usize;
    let mut summary_line = None;
    let mut inside = Vec::new();
    let mut i = start;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if opens_details(line) {
            depth += 1;
            if depth == 1 {
                // `<details><summary>…</summary>` may share the line.
                let rest = line.trim_start().trim_start_matches("<details>").trim();
                if rest.starts_with("<summary>") {
                    summary_line = Some(rest);
                }
                continue;
            }
        }
        if depth == 1 && summary_line.is_none() && line.trim_start().starts_with("<summary>") {
            summary_line = Some(line);
            continue;
        }
        if closes_details(line) {
            depth -= 1;
            if depth == 0 {
                return (summary_line, inside, i);
            }
        }
        inside.push(line);
    }
    (summary_line, inside, i)
}

/// Whether a `<details>` block opening at `lines[i]` is an answer (its summary says so).
fn is_answer_block(lines: &[&str], i: usize) -> bool {
    if !opens_details(lines[i]) {
        return false;
    }
    let same_line = lines[i].contains("<summary>Answer");
    same_line
        || lines[i + 1..]
            .iter()
            .find(|l| !l.trim().is_empty())
            .is_some_and(|l| l.trim_start().starts_with("<summary>Answer"))
}

/// Parses a NixOS statement: fields from the header bullets, the statement up to the Q&A,
/// and every question with its answer or none.
pub(super) fn parse(text: &str, fallback_name: &str) -> RawCandidate {
    let mut c = empty(fallback_name, String::new());
    let lines: Vec<&str> = text.lines().collect();
    let qa_start = lines
        .iter()
        .position(|l| section(l).is_some())
        .unwrap_or(lines.len());
    let mut body = Vec::new();
    let mut in_header = true;
    let mut at = 0;
    while at < qa_start {
        let line = lines[at];
        if in_header && let Some((key, value)) = header_bullet(line) {
            // A bullet that wraps goes on in indented lines: its value is all of them.
            let wrapped = lines[at + 1..qa_start]
                .iter()
                .take_while(|l| continues_bullet(l))
                .count();
            let mut whole = value.to_string();
            for more in &lines[at + 1..=at + wrapped] {
                whole.push(' ');
                whole.push_str(more.trim());
            }
            if place(&mut c, key, whole.trim()) {
                at += 1 + wrapped;
                continue;
            }
        }
        if in_header {
            let t = line.trim();
            // Headings and blank lines may come before the bullets ("# Who").
            if !t.is_empty() && !t.starts_with('#') {
                in_header = false;
            }
        }
        body.push(line);
        at += 1;
    }
    let (questions, stray) = questions(&lines[qa_start..]);
    if !stray.is_empty() {
        body.push("");
        body.extend(stray);
    }
    c.statement = trim_blank_lines(&body.join("\n"));
    c.questions = questions;
    c
}

/// An indented line of words under a bullet: the bullet's text, wrapped.
fn continues_bullet(line: &str) -> bool {
    let t = line.trim_start();
    line.len() > t.len()
        && !t.is_empty()
        && header_bullet(line).is_none()
        && !t.starts_with(['-', '*', '#', '<'])
}

/// Puts a header bullet where a reader expects it; false if it is no field of the header.
fn place(c: &mut RawCandidate, key: &str, value: &str) -> bool {
    let k = key.to_lowercase();
    let k = k.replace("(optional)", "");
    let k = k.trim();
    let (shown, url) = link_text(value.trim_matches('`'));
    let value_text = url.clone().unwrap_or(shown.clone());
    match k {
        "name" | "full name" => {
            c.name = clean_name(&shown);
            true
        }
        _ if k.starts_with("github") => {
            if let Some(handle) = github_handle(url.as_deref().unwrap_or(&shown)) {
                c.links.push(("github".to_string(), handle));
            } else if !value.is_empty() {
                c.extra
                    .push((key.to_string(), Value::String(value.to_string())));
            }
            true
        }
        _ if k.starts_with("email") || k.starts_with("e-mail") => {
            let found: Vec<String> = emails(value)
                .into_iter()
                .filter(|e| is_plain_address(e))
                .collect();
            if found.is_empty() && !value.is_empty() {
                // An address written as a puzzle stays as written.
                c.extra
                    .push((key.to_string(), Value::String(value.to_string())));
            }
            c.emails.extend(found);
            true
        }
        _ if k.contains("handle") || k.contains("discourse") || k.contains("matrix") => {
            if !value.is_empty() {
                let name = k.replace("handle", "");
                c.links.push((name.trim().to_string(), value_text));
            }
            true
        }
        _ => false,
    }
}

fn is_plain_address(address: &str) -> bool {
    let Some((local, domain)) = address.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && address
            .chars()
            .all(|c| c.is_alphanumeric() || "@.+-_".contains(c))
}

/// The questions of the `## Q&A` and `## Unanswered questions` sections.
/// Lines that belong to no question come back beside them, for the statement.
fn questions<'a>(lines: &[&'a str]) -> (Vec<RawQuestion>, Vec<&'a str>) {
    let mut out: Vec<RawQuestion> = Vec::new();
    let mut stray = Vec::new();
    let mut current: Option<usize> = None;
    let mut section_now = Section::Answered;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if let Some(s) = section(line) {
            section_now = s;
            current = None;
            i += 1;
            continue;
        }
        if section_now == Section::Answered
            && let Some((title, link)) = question_heading(line)
        {
            out.push(RawQuestion {
                title,
                link: Some(link),
                ..RawQuestion::default()
            });
            current = Some(out.len() - 1);
            i += 1;
            continue;
        }
        if opens_details(line) {
            let answer = is_answer_block(lines, i);
            let (summary_line, inside, next) = details(lines, i);
            let inside = trim_blank_lines(&inside.join("\n"));
            i = next;
            if answer {
                let link = summary_line.and_then(href);
                let number = link.as_deref().map(without_fragment);
                // The answer belongs to the question its link names, heading or not.
                let target = match current {
                    Some(at)
                        if out[at].answer.is_none()
                            && number.is_none_or(|n| out[at].link.as_deref() == Some(n)) =>
                    {
                        at
                    }
                    _ => {
                        out.push(RawQuestion {
                            link: number.map(str::to_string),
                            ..RawQuestion::default()
                        });
                        out.len() - 1
                    }
                };
                out[target].answer = Some(inside);
                out[target].answer_link.clone_from(&link);
                current = Some(target);
            } else if section_now == Section::Unanswered || current.is_none() {
                let (title, link) = summary_line.and_then(summary).unwrap_or_default();
                out.push(RawQuestion {
                    title,
                    link,
                    text: inside,
                    ..RawQuestion::default()
                });
                current = None;
            } else if let Some(at) = current {
                // A `<details>` block of the question's own text.
                append(&mut out[at], &inside, summary_line);
            }
            continue;
        }
        if let Some(at) = current {
            let q = &mut out[at];
            // Words after an answer's block stay with the answer; before it, the question.
            let target = match &mut q.answer {
                Some(answer) => answer,
                None => &mut q.text,
            };
            target.push_str(line);
            target.push('\n');
        } else if !line.trim().is_empty() {
            stray.push(line);
        }
        i += 1;
    }
    for q in &mut out {
        q.text = trim_blank_lines(&q.text);
        if let Some(a) = &mut q.answer {
            *a = trim_blank_lines(a);
        }
    }
    (out, stray)
}

fn append(q: &mut RawQuestion, inside: &str, summary_line: Option<&str>) {
    let target = match &mut q.answer {
        Some(answer) => answer,
        None => &mut q.text,
    };
    if let Some((title, _)) = summary_line.and_then(summary) {
        target.push_str(&title);
        target.push('\n');
    }
    target.push_str(inside);
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINK: &str = "https://github.com/NixOS/SC-election-2024/issues";

    fn statement(bullets: &str, qa: &str) -> String {
        format!("{bullets}\n\n### Motivation\n\nI care.\n\n## Q&A\n\n{qa}")
    }

    #[test]
    fn a_bullet_that_wraps_keeps_its_words_and_the_header_ends_after_it() {
        let text = statement(
            "- Name: Anna Maria\n  Lindqvist-Berg\n- GitHub handle:\n  [amlb](https://github.com/amlb)\n- Email address: a@b.org",
            "",
        );
        let c = parse(&text, "amlb");
        assert_eq!(c.name, "Anna Maria Lindqvist-Berg");
        assert_eq!(c.links, [("github".to_string(), "amlb".to_string())]);
        assert_eq!(c.emails, ["a@b.org"]);
        assert_eq!(c.statement, "### Motivation\n\nI care.\n");
    }

    #[test]
    fn header_bullets_vary_in_marker_spelling_and_case() {
        let text = statement(
            "# Who\n\n* Name: Paul Härle\n* Github Handle: [phaer](https://github.com/phaer)\n* Email Address: `nix@phaer.org`\n- Discourse handle (optional): @phaer\n- Matrix handle (optional):",
            "",
        );
        assert!(detect(&text));
        let c = parse(&text, "phaer");
        assert_eq!(c.name, "Paul Härle");
        assert_eq!(c.emails, ["nix@phaer.org"]);
        assert_eq!(
            c.links,
            [
                ("github".to_string(), "phaer".to_string()),
                ("discourse".to_string(), "@phaer".to_string())
            ]
        );
        assert_eq!(c.statement, "# Who\n\n\n### Motivation\n\nI care.\n");
        let c = parse(
            "- Name: Seth\n- GitHub handle: getchoo\n- Email address: getchoo at tuta dot io\n\nHi\n",
            "x",
        );
        assert_eq!(c.emails, ["getchoo@tuta.io"]);
        assert_eq!(c.links[0].1, "getchoo");
        // An address written as a puzzle is kept as written, not lost.
        let c = parse(
            "- Name: Winter\n- GitHub handle: [winterqt](https://github.com/winterqt)\n- Email address: `\"nixos@\" + name + \".cafe\"`\n\nHi\n",
            "x",
        );
        assert!(c.emails.is_empty());
        assert_eq!(c.links[0].1, "winterqt");
        assert_eq!(c.extra[0].0, "Email address");
    }

    #[test]
    fn questions_answers_and_unanswered_questions() {
        let text = statement(
            "- Name: Robert Hensing\n- GitHub handle: @roberth",
            &format!(
                "### Forges? ([link]({LINK}/18))\n\n\nShould we move?\n\n<details>\n<summary>Answer (<a href=\"{LINK}/18#issuecomment-1\">link</a>)</summary>\n\nNo.\n\n### My own heading\n\n<details><summary>inner</summary>\nnested\n</details>\nStill mine.\n</details>\n\n### Sponsors ([link]({LINK}/17))\n\nWhich ones?\n\n<details>\n<summary>Answer (<a href=\"{LINK}/17#issuecomment-2\">link</a>)</summary>\n\nNone.\n</details>\n\n## Unanswered questions\n<details>\n<summary>Copyleft? (<a href=\"{LINK}/28\">link</a>)</summary>\n\nHow strongly?\n</details>\n"
            ),
        );
        let c = parse(&text, "roberth");
        assert_eq!(c.name, "Robert Hensing");
        assert_eq!(c.statement, "### Motivation\n\nI care.\n");
        let q = &c.questions;
        assert_eq!(q.len(), 3, "{q:#?}");
        assert_eq!(q[0].title, "Forges?");
        assert_eq!(q[0].link.as_deref(), Some(&*format!("{LINK}/18")));
        assert_eq!(q[0].text, "Should we move?\n");
        // The answer's own heading and `<details>` stay inside it.
        assert_eq!(
            q[0].answer.as_deref(),
            Some(
                "No.\n\n### My own heading\n\n<details><summary>inner</summary>\nnested\n</details>\nStill mine.\n"
            )
        );
        assert_eq!(q[1].title, "Sponsors");
        assert_eq!(q[1].answer.as_deref(), Some("None.\n"));
        assert_eq!(
            q[1].answer_link.as_deref(),
            Some(&*format!("{LINK}/17#issuecomment-2")),
            "the answer's own comment"
        );
        assert_eq!(q[2].title, "Copyleft?");
        assert_eq!(q[2].link.as_deref(), Some(&*format!("{LINK}/28")));
        assert_eq!(q[2].text, "How strongly?\n");
        assert_eq!(q[2].answer, None);
    }

    #[test]
    fn crlf_answers_inside_lf_files() {
        let text = format!(
            "- Name: A B\n- GitHub handle: ab\n\nHi\n\n## Q&A\n\n### T ([link]({LINK}/5))\n\nQ?\n\n<details>\n<summary>Answer (<a href=\"{LINK}/5#c\">link</a>)</summary>\n\r\nLine one\r\nLine two\r\n</details>\n"
        );
        let c = parse(&text, "ab");
        assert_eq!(
            c.questions[0].answer.as_deref(),
            Some("Line one\nLine two\n")
        );
    }

    #[test]
    fn an_answer_without_its_heading_belongs_to_the_question_its_link_names() {
        let text = format!(
            "- Name: A B\n- GitHub handle: ab\n\nHi\n\n## Q&A\n\n### T ([link]({LINK}/5))\n\nQ?\n\n<details>\n<summary>Answer (<a href=\"{LINK}/5#c\">link</a>)</summary>\nFive.\n</details>\n\n<details>\n<summary>Answer (<a href=\"{LINK}/9#c\">link</a>)</summary>\nNine.\n</details>\n"
        );
        let c = parse(&text, "ab");
        assert_eq!(c.questions.len(), 2, "{:#?}", c.questions);
        assert_eq!(c.questions[1].link.as_deref(), Some(&*format!("{LINK}/9")));
        assert_eq!(c.questions[1].title, "");
        assert_eq!(c.questions[1].answer.as_deref(), Some("Nine.\n"));
    }

    #[test]
    fn a_hash_heading_without_its_link_is_no_question() {
        assert_eq!(question_heading("### Just a heading"), None);
        assert_eq!(question_heading("### Why ([link](not a url))"), None);
        assert_eq!(
            question_heading(&format!("### Why (now)? ([link]({LINK}/3))\r")),
            Some(("Why (now)?".to_string(), format!("{LINK}/3")))
        );
    }
}
