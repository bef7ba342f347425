//! A name cut to fit beside others like it, keeping the part that tells it from them: five
//! "Architecture Committee Elections: <month> <year>" in 20 columns read "… September
//! 2021", not five times "Architecture Committee Electi…".

use super::wrap::{truncate, width};

/// `name` in at most `room` columns: whole where it fits; else cut at its end where what
/// tells it from the most like it of `others` still shows; else with the words it shares
/// with that one at the front (and, if need be, the back) given as "…".
pub fn shorten_apart(name: &str, others: &[&str], room: usize) -> String {
    if width(name) <= room {
        return name.to_string();
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    // What it shares with the name most like it (the most words at its two ends): the rest
    // is what tells the two apart.
    let (mut front, mut back) = others
        .iter()
        .filter(|o| **o != name)
        .map(|other| {
            let theirs: Vec<&str> = other.split_whitespace().collect();
            (
                shared(words.iter(), theirs.iter()),
                shared(words.iter().rev(), theirs.iter().rev()),
            )
        })
        .max_by_key(|(f, b)| f + b)
        .unwrap_or((0, 0));
    // At least one word of its own stays.
    front = front.min(words.len().saturating_sub(1));
    back = back.min(words.len().saturating_sub(front + 1));
    let own_end = words.len() - back;
    // Cut at the end, where all of its own words still show before the cut.
    if width(&words[..own_end].join(" ")) < room {
        return truncate(name, room);
    }
    if front == 0 {
        return truncate(name, room);
    }
    // As few of the shared words left out as will fit.
    let without_front = format!("… {}", words[front..].join(" "));
    if let Some(fits) = (1..=front)
        .map(|k| format!("… {}", words[k..].join(" ")))
        .find(|shown| width(shown) <= room)
    {
        return fits;
    }
    let middle = if back > 0 {
        format!("… {} …", words[front..own_end].join(" "))
    } else {
        without_front
    };
    truncate(&middle, room)
}

/// How many items two sequences share from their start.
fn shared<'a>(a: impl Iterator<Item = &'a &'a str>, b: impl Iterator<Item = &'a &'a str>) -> usize {
    a.zip(b)
        .take_while(|(x, y)| x.eq_ignore_ascii_case(y))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_part_that_tells_names_apart_stays_in_view() {
        let kata = [
            "Architecture Committee Elections: September 2021",
            "Architecture Committee Elections: September 2020",
            "Architecture Committee Elections: April 2024",
        ];
        assert_eq!(shorten_apart(kata[0], &kata, 20), "… September 2021");
        assert_eq!(shorten_apart(kata[2], &kata, 20), "… April 2024");
        assert_eq!(
            shorten_apart(kata[0], &kata, 28),
            "… Elections: September 2021",
            "as much as fits"
        );
        // Where the difference is at the front, the end is cut as usual.
        let k8s = [
            "2026 Steering Committee Election",
            "2025 Steering Committee Election",
        ];
        assert_eq!(shorten_apart(k8s[0], &k8s, 20), "2026 Steering Commi…");
        // Told from the name most like it: the year, not the body.
        let more = [
            "2025 Kubernetes Code of Conduct Committee Election",
            "2023 Kubernetes Code of Conduct Committee Election",
            "2025 Steering Committee Election",
        ];
        assert_eq!(
            shorten_apart(more[0], &more, 28),
            "2025 Kubernetes Code of Con…"
        );
        // A name that fits, or one like no other, is only cut to fit.
        assert_eq!(shorten_apart("zed TC", &["yoga TC"], 28), "zed TC");
        assert_eq!(
            shorten_apart("A very long election name indeed", &["Other"], 12),
            "A very long…"
        );
    }

    #[test]
    fn shared_words_at_both_ends_leave_the_middle() {
        let names = [
            "OpenSSF Technical Advisory Council 2024 election results page",
            "OpenSSF Technical Advisory Council 2026 election results page",
        ];
        assert_eq!(shorten_apart(names[0], &names, 12), "… 2024 …");
        assert_eq!(shorten_apart(names[1], &names, 4), "… 2…");
        assert_eq!(shorten_apart(names[1], &names, 0), "");
    }
}
