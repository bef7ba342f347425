//! An election's own name in a title written for its document.

/// The election's own name in a document's title: a part that names the document ("2017
/// VOTERS GUIDE - …") left out, its year kept, and a title shouted in capitals written as a
/// title ("KUBERNETES STEERING COMMITTEE ELECTION" → "Kubernetes Steering Committee
/// Election"; short words such as TOC or CNCF stay capitals).
pub fn own_title(title: &str) -> String {
    let parts: Vec<&str> = title.split(" - ").flat_map(|p| p.split(" – ")).collect();
    let names_document = |p: &str| {
        let lower = p.to_lowercase().replace(['\'', '’'], "");
        ["voters guide", "voter guide", "voting guide"]
            .iter()
            .any(|g| lower.contains(g))
    };
    let mut kept: Vec<String> = parts
        .iter()
        .filter(|p| !names_document(p))
        .map(|p| p.trim().to_string())
        .collect();
    if kept.is_empty() || kept.len() == parts.len() {
        kept = vec![title.to_string()];
    } else {
        let year = |p: &str| {
            p.split_whitespace()
                .find(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
                .filter(|w| w.bytes().all(|b| b.is_ascii_digit()))
                .map(str::to_string)
        };
        let rest = kept.join(" - ");
        if year(&rest).is_none()
            && let Some(y) = parts.iter().find_map(|p| year(p))
        {
            kept = vec![format!("{y} {rest}")];
        }
    }
    let joined = kept.join(" - ");
    let shouted = joined.chars().any(char::is_alphabetic)
        && !joined.chars().any(char::is_lowercase)
        && joined
            .split_whitespace()
            .filter(|w| w.chars().count() > 4)
            .count()
            >= 2;
    if !shouted {
        return joined;
    }
    const SMALL: &[&str] = &[
        "OF", "THE", "AND", "FOR", "TO", "IN", "ON", "AT", "A", "AN", "BY",
    ];
    joined
        .split(' ')
        .enumerate()
        .map(|(i, w)| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            if SMALL.contains(&w) && i > 0 {
                w.to_lowercase()
            } else if letters <= 4 && !SMALL.contains(&w) {
                w.to_string()
            } else {
                let mut chars = w.chars();
                chars.next().map_or_else(String::new, |c| {
                    c.to_uppercase()
                        .chain(chars.flat_map(char::to_lowercase))
                        .collect()
                })
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_naming_its_document_gives_the_elections_own_name() {
        assert_eq!(
            own_title("2017 VOTERS GUIDE - KUBERNETES STEERING COMMITTEE ELECTION"),
            "2017 Kubernetes Steering Committee Election"
        );
        assert_eq!(
            own_title("Voter's Guide - CNCF TOC Election 2024"),
            "CNCF TOC Election 2024"
        );
        assert_eq!(
            own_title("2026 Steering Committee Election"),
            "2026 Steering Committee Election"
        );
        assert_eq!(own_title("OpenSSF TAC - 2024"), "OpenSSF TAC - 2024");
        assert_eq!(own_title("ZED TC"), "ZED TC", "too short to be shouting");
    }
}
