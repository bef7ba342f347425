//! Kubernetes 2017–2020: `# Name` headings with `- GitHub:` / `- Employer:` bullets.

use serde_yaml::Value;

use super::common::{empty, github_handle, link_text, place, trim_blank_lines};
use crate::roster::RawCandidate;

/// Kubernetes 2017–2020: `# Name`, then `- GitHub:` / `- Employer:` (and other) bullets.
pub(super) fn parse(text: &str, fallback_name: &str) -> RawCandidate {
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
