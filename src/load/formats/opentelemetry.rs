//! OpenTelemetry: every candidate of an election in one file, one `### Full Name` section
//! each, with `- Company:` / `- GitHub:` bullets, a photo and the statement; a title, a list
//! of candidates (or a generated table of contents) and commented-out templates around them.

use serde_yaml::Value;

use super::common::{
    empty, github_handle, is_dash_line, key_bullet, link_text, place, trim_blank_lines,
};
use crate::roster::RawCandidate;

/// `### Name` opens a candidate's section where bullets of `Company:` or `GitHub:` follow.
fn is_section(line: &str) -> bool {
    line.starts_with("### ") && !line[4..].trim().is_empty()
}

/// A profile bullet: `- Company: …`, a key of one or two plain words.
fn profile_bullet(line: &str) -> Option<(&str, &str)> {
    key_bullet(line, 2, &['`'])
}

fn is_profile_key(key: &str) -> bool {
    let k = key.to_lowercase();
    k == "company" || k == "github" || k == "employer" || k == "affiliation"
}

/// Lines that are inside an HTML comment holding a `###` heading: a template, no candidate.
fn template_lines(lines: &[&str]) -> Vec<bool> {
    let mut skip = vec![false; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim_start().starts_with("<!--") {
            let end = (i..lines.len())
                .find(|&j| lines[j].contains("-->"))
                .unwrap_or(lines.len() - 1);
            if lines[i..=end].iter().any(|l| is_section(l)) {
                skip[i..=end].iter_mut().for_each(|s| *s = true);
            }
            i = end + 1;
        } else {
            i += 1;
        }
    }
    skip
}

/// Where each candidate's section starts: a `###` heading (outside templates) followed by
/// profile bullets before the next heading.
fn sections(lines: &[&str], skip: &[bool]) -> Vec<usize> {
    let heads: Vec<usize> = (0..lines.len())
        .filter(|&i| !skip[i] && is_section(lines[i]))
        .collect();
    heads
        .iter()
        .enumerate()
        .filter(|&(n, &start)| {
            let end = heads.get(n + 1).copied().unwrap_or(lines.len());
            lines[start + 1..end]
                .iter()
                .any(|l| profile_bullet(l).is_some_and(|(k, _)| is_profile_key(k)))
        })
        .map(|(_, &start)| start)
        .collect()
}

/// Whether `text` holds several candidates this way.
pub(super) fn detect(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().collect();
    sections(&lines, &template_lines(&lines)).len() >= 2
}

/// The file's `# Title`, without a trailing "Candidates": the election's name.
pub(super) fn title(text: &str) -> Option<String> {
    let title = text.lines().find_map(|l| l.strip_prefix("# "))?.trim();
    let name = title
        .strip_suffix("Candidates")
        .or_else(|| title.strip_suffix("candidates"))
        .unwrap_or(title)
        .trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// Every candidate of the file, in file order.
pub(super) fn parse(text: &str) -> Vec<RawCandidate> {
    let lines: Vec<&str> = text.lines().collect();
    let skip = template_lines(&lines);
    let starts = sections(&lines, &skip);
    let mut out = Vec::new();
    for (n, &start) in starts.iter().enumerate() {
        // A section runs to the next candidate's heading.
        let end = starts.get(n + 1).copied().unwrap_or(lines.len());
        let name = lines[start][4..].trim();
        let mut c = empty(name, String::new());
        let mut body = Vec::new();
        let mut in_profile = true;
        for (i, line) in lines.iter().enumerate().take(end).skip(start + 1) {
            if skip[i] {
                continue;
            }
            if in_profile {
                let t = line.trim();
                if let Some(photo) = image(t) {
                    c.links.push(("photo".to_string(), photo));
                    continue;
                }
                if let Some((key, value)) = profile_bullet(line) {
                    profile(&mut c, key, value);
                    continue;
                }
                if !t.is_empty() {
                    in_profile = false;
                }
            }
            body.push(*line);
        }
        // The rule that separates one candidate from the next is no part of either.
        while body
            .last()
            .is_some_and(|l| l.trim().is_empty() || is_dash_line(l.trim()))
        {
            body.pop();
        }
        c.statement = trim_blank_lines(&body.join("\n"));
        out.push(c);
    }
    out
}

/// A photo line: `![alt](src)` or `<img src="…" …>` → its address.
fn image(line: &str) -> Option<String> {
    if let Some(rest) = line.strip_prefix("![") {
        let (_, after) = rest.split_once("](")?;
        return Some(after.strip_suffix(')')?.to_string());
    }
    if line.starts_with("<img ") {
        let (_, after) = line.split_once("src=\"")?;
        return Some(after.split_once('"')?.0.to_string());
    }
    None
}

fn profile(c: &mut RawCandidate, key: &str, value: &str) {
    let (shown, url) = link_text(value);
    match key.to_lowercase().as_str() {
        "github" => match github_handle(url.as_deref().unwrap_or(&shown)) {
            Some(handle) => c.links.push(("github".to_string(), handle)),
            None => c
                .extra
                .push((key.to_string(), Value::String(value.to_string()))),
        },
        "company" | "employer" | "affiliation" => {
            c.affiliation = Some(shown);
            if let Some(url) = url {
                c.links.push(("company".to_string(), url));
            }
        }
        _ => place(c, key, Value::String(value.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# 2021 OpenTelemetry Governance Committee Candidates\n\n## List of candidates\n\n- [Ann Lee](#Ann-Lee)\n- [Bo Ma](#Bo-Ma)\n\n---\n<!--\n\n### Candidate 1\n\n- Company: Company Name\n- GitHub: [username](https://github.com/username)\n\nDescription of candidate\n\n-->\n\n### Ann Lee   \n\n<img src=\"static/ann.jpg\" width=\"300px\" alt=\"Ann\" />\n\n- Company: [Acme](https://acme.example)\n- Github: [@annlee](https://github.com/annlee)\n\nI build things.\n\n#### Why\n\nBecause.\n\n---\n\n### Bo Ma\n\n![Bo Ma](static/bo.png)\n\n- Company: Beta\n\nHello.\n";

    #[test]
    fn one_section_per_candidate_without_the_template_or_the_list() {
        assert!(detect(FILE));
        assert_eq!(
            title(FILE).as_deref(),
            Some("2021 OpenTelemetry Governance Committee")
        );
        let all = parse(FILE);
        let names: Vec<&str> = all.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            ["Ann Lee", "Bo Ma"],
            "names trimmed, template skipped"
        );
        let ann = &all[0];
        assert_eq!(ann.affiliation.as_deref(), Some("Acme"));
        assert!(
            ann.links
                .contains(&("github".to_string(), "annlee".to_string()))
        );
        assert!(
            ann.links
                .contains(&("photo".to_string(), "static/ann.jpg".to_string()))
        );
        assert_eq!(ann.statement, "I build things.\n\n#### Why\n\nBecause.\n");
        assert_eq!(all[1].affiliation.as_deref(), Some("Beta"));
        assert_eq!(all[1].statement, "Hello.\n");
    }

    #[test]
    fn one_profile_is_no_roster() {
        assert!(!detect("# Ann Lee\n\n- Company: Acme\n\nHi\n"));
        assert!(!detect(
            "### Why\n\ntext\n\n### How\n\n- Company: no, a list\n"
        ));
    }
}
