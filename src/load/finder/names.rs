//! Telling a person's name from a heading's words, and a template's placeholder from both.

/// Words that head sections of statements and elections, never a person's name.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "about",
    "answers",
    "background",
    "ballot",
    "bio",
    "biography",
    "board",
    "candidacy",
    "candidate",
    "candidates",
    "committee",
    "community",
    "contents",
    "contributions",
    "council",
    "description",
    "election",
    "elections",
    "eligibility",
    "experience",
    "goals",
    "how",
    "introduction",
    "list",
    "matrix",
    "motivation",
    "my",
    "nomination",
    "nominations",
    "nominee",
    "nominees",
    "notes",
    "overview",
    "platform",
    "priorities",
    "procedure",
    "process",
    "qualifications",
    "questions",
    "results",
    "schedule",
    "statement",
    "steering",
    "summary",
    "table",
    "the",
    "timeline",
    "vision",
    "voting",
    "what",
    "who",
    "why",
    "withdrawn",
    "q&a",
    // Words of sentences and topics, which a heading about a person's work is made of.
    "i",
    "i'm",
    "i've",
    "i'll",
    "me",
    "we",
    "our",
    "us",
    "you",
    "your",
    "it",
    "its",
    "this",
    "that",
    "these",
    "those",
    "where",
    "when",
    "which",
    "work",
    "works",
    "working",
    "all",
    "new",
    "next",
    "future",
    "past",
    "current",
    "plans",
    "plan",
    "ideas",
    "thoughts",
    "focus",
    "areas",
    "personal",
    "professional",
    "technical",
    "open",
    "source",
    "project",
    "projects",
    "involvement",
    "leadership",
    "roles",
    "role",
    "history",
    "interests",
    "commitment",
    "values",
    "approach",
    "agenda",
    "contact",
    "links",
    "appendix",
    "references",
    "acknowledgements",
    "thanks",
    "conclusion",
    "closing",
    "final",
    "other",
    "more",
    "misc",
    "faq",
    "and",
    "or",
    "of",
    "for",
    "to",
    "in",
    "on",
    "at",
    "with",
    "a",
    "is",
    "are",
    "done",
    "have",
    "has",
    "kubernetes",
    "sig",
    "sigs",
    "security",
    "governance",
    "diversity",
    "inclusion",
    "release",
    "code",
    "docs",
    "documentation",
    "testing",
    "support",
    "service",
    "services",
    "team",
    "teams",
    "group",
    "groups",
    "meeting",
    "meetings",
];

#[rustfmt::skip]
const PARTICLES: &[&str] = &[
    "de", "da", "das", "dos", "van", "von", "der", "den", "del", "della", "di", "du", "la", "le",
    "bin", "ibn", "al", "y", "e", "ten", "ter",
];

/// A name as a document writes it, split into the name, a trailing `(nick)` and a company
/// written after it (`Ann Lee — Acme`, `Ann Lee (Red Hat)`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Person {
    /// The name: "Ihno Krumreich", "Jung-Yu (Gina) Yeh".
    pub name: String,
    /// A handle written after it in parentheses: `bigiron`.
    pub nick: Option<String>,
    /// A company or affiliation written after it.
    pub affiliation: Option<String>,
}

/// `words` as a person's name, if they read as one: two to six words, each capitalised (or
/// a particle, an initial, a nickname in parentheses or quotes), no sentence punctuation, no
/// digits, none of the words that head sections; or a short run in a script without
/// capitals (李明, 김민수). A trailing `(nick)` is a handle.
pub fn person(words: &str) -> Option<Person> {
    let t = words.trim().trim_end_matches([':', ',']).trim();
    bare_person(t).or_else(|| {
        // "Ann Lee — Acme", "Ann Lee, Red Hat", "Ann Lee (Red Hat)": the name, then a company.
        let (name, rest) = [" — ", " – ", " - ", " | ", ", ", " ("]
            .iter()
            .filter_map(|sep| t.find(sep).map(|at| (&t[..at], &t[at + sep.len()..])))
            .min_by_key(|(name, _)| name.len())?;
        let rest = rest.trim().trim_end_matches(')').trim();
        let p = bare_person(name.trim())?;
        (p.nick.is_none() && !rest.is_empty() && rest.split_whitespace().count() <= 6).then(|| {
            Person {
                affiliation: Some(rest.to_string()),
                ..p
            }
        })
    })
}

fn bare_person(t: &str) -> Option<Person> {
    let (name, nick) = match t.strip_suffix(')').and_then(|r| r.rsplit_once(" (")) {
        Some((name, nick))
            if !nick.contains(' ') && nick.chars().next().is_some_and(|c| !c.is_uppercase()) =>
        {
            (name.trim(), Some(nick.trim_start_matches('@').to_string()))
        }
        // Pronouns, "(He/Him)": part of the name as the document writes it.
        Some((name, pronouns)) if pronouns.contains('/') && pronouns.len() <= 12 => {
            return is_name(name.trim()).then(|| Person {
                name: t.to_string(),
                ..Person::default()
            });
        }
        // "Ann Lee (Red Hat)": a company after the name, for [`person`] to take apart.
        Some((name, _)) if is_name(name.trim()) => return None,
        _ => (t, None),
    };
    is_name(name).then(|| Person {
        name: name.to_string(),
        nick,
        affiliation: None,
    })
}

fn is_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || name.chars().count() > 60 {
        return false;
    }
    if name.contains([
        '!', '?', ':', ';', '/', '|', '#', '*', '_', '[', ']', '<', '>', '=', '@', ',',
    ]) || name.chars().any(|c| c.is_ascii_digit())
    {
        return false;
    }
    if words
        .iter()
        .any(|w| NOT_NAMES.contains(&w.to_lowercase().trim_matches(['(', ')', ',', '.'])))
    {
        return false;
    }
    let uncased = |w: &str| {
        w.chars()
            .all(|c| c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase())
    };
    if words.len() <= 3 && words.iter().all(|w| uncased(w)) {
        return true;
    }
    (2..=6).contains(&words.len())
        && words.iter().all(|w| {
            let core = w.trim_matches(['(', ')', '"', '“', '”', '\'', ',']);
            let first = core.chars().next();
            first.is_some_and(char::is_uppercase)
                || PARTICLES.contains(&core)
                || uncased(core)
                || core.starts_with("d'")
                || core.starts_with("O'")
        })
        && words
            .iter()
            .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
}

/// Whether a name is a template's stand-in: "John Doe", "Candidate 1", `<Your Name>`,
/// "First Last", "Full Name".
pub fn placeholder(name: &str) -> bool {
    let n: String = name
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .collect();
    let n = n.split_whitespace().collect::<Vec<_>>().join(" ");
    let stand_ins = [
        "john doe",
        "jane doe",
        "john smith",
        "jane smith",
        "your name",
        "full name",
        "first last",
        "firstname lastname",
        "first name last name",
        "name surname",
        "candidate name",
        "nominee name",
        "name",
        "your full name",
        "max mustermann",
        "erika mustermann",
        "foo bar",
        "lorem ipsum",
    ];
    n.is_empty()
        || stand_ins.contains(&n.as_str())
        || n.strip_prefix("candidate ")
            .or_else(|| n.strip_prefix("nominee "))
            .is_some_and(|rest| {
                rest.chars().all(|c| c.is_ascii_digit() || c == ' ') || rest.len() == 1
            })
}

/// A name as it is compared: case, spacing, punctuation and a trailing handle aside.
pub fn key(name: &str) -> String {
    let name = person(name).map_or_else(|| name.to_string(), |p| p.name);
    name.to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Two names for the same person as documents write them: case, spacing and a trailing
/// handle aside.
pub fn same_person(a: &str, b: &str) -> bool {
    let a = key(a);
    !a.is_empty() && a == key(b)
}

/// The names a document lists of its own candidates, in order, and looked up at once.
#[derive(Debug, Default)]
pub struct Listed {
    /// The names as written.
    pub names: Vec<String>,
    keys: std::collections::HashSet<String>,
}

impl Listed {
    /// Adds a name.
    pub fn push(&mut self, name: String) {
        self.keys.insert(key(&name));
        self.names.push(name);
    }

    /// Whether `name` is among them.
    pub fn contains(&self, name: &str) -> bool {
        let k = key(name);
        !k.is_empty() && self.keys.contains(&k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_not_names() {
        for name in [
            "Ann Lee",
            "Jung-Yu (Gina) Yeh",
            "Gregory P. Smith",
            "Jan de Vries",
            "Soc Virnyl Estela",
            "Christopher \"CRob\" Robinson",
            "李明",
            "Zoë O'Brien",
            "Tyler Yahn (He/Him)",
        ] {
            assert_eq!(
                person(name).map(|p| p.name).as_deref(),
                Some(name),
                "{name}"
            );
        }
        for (written, name, company) in [
            ("Ann Lee — Acme", "Ann Lee", "Acme"),
            ("Christoph Blecker, Red Hat", "Christoph Blecker", "Red Hat"),
            ("Ann Lee (Red Hat)", "Ann Lee", "Red Hat"),
        ] {
            let p = person(written).unwrap();
            assert_eq!(
                (p.name.as_str(), p.affiliation.as_deref()),
                (name, Some(company))
            );
        }
        let p = person("Ihno Krumreich (bigiron)").unwrap();
        assert_eq!(
            (p.name.as_str(), p.nick.as_deref()),
            ("Ihno Krumreich", Some("bigiron"))
        );
        for heading in [
            "Why I am running",
            "Meet the Candidates",
            "Results",
            "List of candidates",
            "Nominees",
            "2019 Ballot",
            "Sum Matrix",
            "Q&A",
            "hello world",
            "Candidate 1",
            "Elected Steering Committee",
        ] {
            assert!(person(heading).is_none(), "{heading}");
        }
    }

    #[test]
    fn placeholders() {
        for p in [
            "John Doe",
            "<Your Name>",
            "Candidate 1",
            "[Name]",
            "",
            "First Last",
        ] {
            assert!(placeholder(p), "{p}");
        }
        for p in ["Johnny Doerr", "Ann Lee", "Candice Name"] {
            assert!(!placeholder(p), "{p}");
        }
        assert!(same_person("Ihno Krumreich (bigiron)", "ihno  krumreich"));
        assert!(!same_person("Ann Lee", "Ann Leem"));
    }
}
