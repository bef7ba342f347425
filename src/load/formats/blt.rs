//! An election's own ballot file in BLT form (OpaVote, OpenSTV): it names the candidates as
//! the election's ballots use them, in their order, and the seats. Only that is read; the
//! ballots themselves are no business of a voter's tool.

/// What a BLT file says of its election.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BallotFile {
    /// Seats to fill (`S` of the `C S` header).
    pub seats: u32,
    /// The candidates' names, in the file's order (candidate 1 first).
    pub names: Vec<String>,
    /// The election's title, the last string.
    pub title: Option<String>,
}

/// Reads the header and the names of a BLT file; `None` when it is not one.
pub fn read(text: &str) -> Option<BallotFile> {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let mut header = lines.next()?.split_whitespace();
    let count: usize = header.next()?.parse().ok()?;
    let seats: u32 = header.next()?.parse().ok()?;
    if header.next().is_some() || count == 0 || count > 10_000 {
        return None;
    }
    // Withdrawn candidates (negative numbers), then ballots, up to the lone `0`.
    for line in lines.by_ref() {
        if line == "0" {
            break;
        }
        let numbers = line
            .split_whitespace()
            .all(|t| t.split('=').all(|n| n.parse::<i64>().is_ok()));
        if !numbers {
            return None;
        }
    }
    let mut names = Vec::with_capacity(count);
    for _ in 0..count {
        names.push(quoted(lines.next()?)?);
    }
    let title = lines.next().and_then(quoted);
    Some(BallotFile {
        seats,
        names,
        title,
    })
}

fn quoted(line: &str) -> Option<String> {
    let inner = line.strip_prefix('"')?.strip_suffix('"')?;
    Some(inner.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_names_seats_and_title_past_the_ballots() {
        let text = "3 2\n-2\n1 1 3 0\n2 3=1 0\n0\n\"Ann\"\n\"Bo\"\n\"Cy\"\n\"Board 2030\"\n";
        let file = read(text).unwrap();
        assert_eq!(file.seats, 2);
        assert_eq!(file.names, ["Ann", "Bo", "Cy"]);
        assert_eq!(file.title.as_deref(), Some("Board 2030"));
        assert_eq!(read("3 2\n1 1 0\n0\n\"Ann\"\n"), None, "names missing");
        assert_eq!(read("name,rank\nAnn,1\n"), None);
    }
}
