//! A hint for the candidate finder: a document of `### Full Name` sections with
//! `- Company:` / `- GitHub:` bullets (OpenTelemetry), which is read as sections of candidates
//! rather than as one statement in another community's layout. Commented-out templates
//! around them do not count.

use super::common::key_bullet;

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
    // A section's heading starts a line; a text with none is passed over unsplit.
    if !text.starts_with("### ") && !text.contains("\n### ") {
        return false;
    }
    let lines: Vec<&str> = text.lines().collect();
    sections(&lines, &template_lines(&lines)).len() >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# 2021 OpenTelemetry Governance Committee Candidates\n\n## List of candidates\n\n- [Ann Lee](#Ann-Lee)\n- [Bo Ma](#Bo-Ma)\n\n---\n<!--\n\n### Candidate 1\n\n- Company: Company Name\n- GitHub: [username](https://github.com/username)\n\nDescription of candidate\n\n-->\n\n### Ann Lee   \n\n<img src=\"static/ann.jpg\" width=\"300px\" alt=\"Ann\" />\n\n- Company: [Acme](https://acme.example)\n- Github: [@annlee](https://github.com/annlee)\n\nI build things.\n\n#### Why\n\nBecause.\n\n---\n\n### Bo Ma\n\n![Bo Ma](static/bo.png)\n\n- Company: Beta\n\nHello.\n";

    #[test]
    fn sections_with_profiles_are_recognised_and_templates_are_not() {
        assert!(detect(FILE));
        let only_template = FILE.split("### Ann Lee").next().unwrap();
        assert!(
            !detect(only_template),
            "a commented-out template is no candidate"
        );
    }

    #[test]
    fn one_profile_is_no_roster() {
        assert!(!detect("# Ann Lee\n\n- Company: Acme\n\nHi\n"));
        assert!(!detect(
            "### Why\n\ntext\n\n### How\n\n- Company: no, a list\n"
        ));
    }
}
