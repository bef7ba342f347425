//! The election's rules a ballot is checked against: a charter's cap on seats per employer,
//! an approval ballot's cap on choices. Warnings, never blocks: the voter decides.

use std::collections::BTreeMap;

/// Where the voter's top `seats` picks hold more people of one employer than `max` may sit:
/// one line per such employer ("your top 3 include 3 from Acme; at most 2 can sit").
/// `top` is the affiliation of each pick, best first (`None` where it is not known).
pub fn employer_excess(top: &[Option<&str>], seats: usize, max: usize) -> Vec<String> {
    let picks = &top[..seats.min(top.len())];
    let mut by_employer: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for affiliation in picks.iter().flatten() {
        let key = employer_key(affiliation);
        if key.is_empty() || is_independent(&key) {
            continue;
        }
        by_employer
            .entry(key)
            .or_insert_with(|| (affiliation.trim().to_string(), 0))
            .1 += 1;
    }
    by_employer
        .into_values()
        .filter(|(_, count)| *count > max)
        .map(|(employer, count)| {
            format!(
                "your top {} include {count} from {employer}; at most {max} can sit",
                picks.len()
            )
        })
        .collect()
}

/// One employer however it is written: `Red Hat`, `Red Hat, Inc.`, `red hat inc`.
fn employer_key(affiliation: &str) -> String {
    let lower = affiliation.trim().to_lowercase();
    let mut words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    while words.last().is_some_and(|w| {
        matches!(
            w.trim_end_matches('.'),
            "inc" | "llc" | "ltd" | "gmbh" | "corp" | "corporation" | "co" | "sa" | "ag" | "bv"
        )
    }) {
        words.pop();
    }
    words.join(" ")
}

/// No employer at all, which no charter caps.
fn is_independent(key: &str) -> bool {
    matches!(
        key,
        "independent" | "none" | "self" | "self-employed" | "n/a" | "-" | "unaffiliated"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_top_seats_over_the_cap_are_named_by_employer() {
        let top = [
            Some("Acme"),
            Some("Acme, Inc."),
            Some("acme inc"),
            Some("Beta"),
        ];
        assert_eq!(
            employer_excess(&top, 3, 2),
            vec!["your top 3 include 3 from Acme; at most 2 can sit"]
        );
        assert!(employer_excess(&top, 2, 2).is_empty(), "two may sit");
        assert!(employer_excess(&top, 3, 3).is_empty());
        // Fewer picks than seats: the picks there are.
        assert_eq!(
            employer_excess(&top[..3], 7, 1),
            vec!["your top 3 include 3 from Acme; at most 1 can sit"]
        );
        let independents = [Some("Independent"), Some("independent"), None, None];
        assert!(employer_excess(&independents, 4, 1).is_empty());
    }
}
