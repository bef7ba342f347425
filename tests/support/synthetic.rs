//! Synthetic rosters for benchmarks and load tests: realistic-looking statements (words of the
//! shipped statements, sentences, paragraphs, some Markdown) of a chosen size, from a seed.
//! Shared by tests, benchmarks and examples, each of which uses a part.
#![allow(dead_code)]

use std::path::Path;

use hustings::roster::Roster;

const FIRST: &[&str] = &[
    "Ana", "Bruno", "Chen", "Dana", "Eitan", "Fatima", "Gustavo", "Hiroshi", "Ines", "Jonas",
    "Kavya", "Lars", "Maria", "Nikolai", "Olu", "Priya", "Quentin", "Rosa", "Sven", "Tao", "Uma",
    "Viktor", "Wen", "Ximena", "Yusuf", "Zofia",
];
const LAST: &[&str] = &[
    "Almeida",
    "Becker",
    "Chowdhury",
    "Dubois",
    "Eriksen",
    "Fischer",
    "García",
    "Haddad",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "López",
    "Müller",
    "Nakamura",
    "Okafor",
    "Petrov",
    "Quispe",
    "Rossi",
    "Sato",
    "Tanaka",
    "Umarov",
    "Varga",
    "Wang",
    "Xu",
    "Yilmaz",
    "Zhang",
];
const HEADINGS: &[&str] = &[
    "Who I am",
    "Why I am running",
    "What I will do",
    "Priorities",
    "Thanks",
];

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Words of the shipped statements: the vocabulary synthetic statements are made of.
fn vocabulary() -> &'static [String] {
    static WORDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    WORDS.get_or_init(read_vocabulary)
}

fn read_vocabulary() -> Vec<String> {
    let (roster, _) = Roster::embedded();
    let mut words: Vec<String> = roster
        .candidates
        .iter()
        .flat_map(|c| {
            c.statement
                .display()
                .split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|w| w.chars().all(|c| c.is_alphanumeric() || ",.-'".contains(c)))
        .collect();
    words.sort();
    words.dedup();
    words
}

/// A statement of about `bytes` bytes: paragraphs of sentences, with Markdown headings when
/// `markdown` is set, hard-wrapped at 72 columns otherwise.
pub fn statement(seed: u64, bytes: usize, markdown: bool) -> String {
    let words: Vec<&str> = vocabulary().iter().map(String::as_str).collect();
    let mut rng = Rng(seed | 1);
    let mut out = String::with_capacity(bytes + 200);
    let mut section = 0;
    while out.len() < bytes {
        if markdown && (out.is_empty() || rng.below(4) == 0) {
            out.push_str(&format!("## {}\n\n", HEADINGS[section % HEADINGS.len()]));
            section += 1;
        }
        let mut paragraph = String::new();
        for _ in 0..3 + rng.below(5) {
            let n = 8 + rng.below(18);
            let sentence: Vec<&str> = (0..n).map(|_| rng.pick(&words)).collect();
            let mut s = sentence.join(" ");
            if let Some(first) = s.get(..1) {
                s = first.to_uppercase() + &s[1..];
            }
            paragraph.push_str(&s);
            paragraph.push_str(". ");
        }
        let paragraph = if markdown {
            paragraph.trim_end().to_string()
        } else {
            hustings::text::wrap::wrap(paragraph.trim_end(), 72).join("\n")
        };
        out.push_str(&paragraph);
        out.push_str("\n\n");
    }
    out
}

/// A candidate YAML file: `fields` (`key: value` lines) then `statement` as a block.
pub fn candidate_yaml(fields: &str, statement: &str) -> String {
    let indented: String = statement.lines().map(|l| format!("  {l}\n")).collect();
    format!("{fields}\nstatement: |\n{indented}")
}

/// Writes `count` candidates in elections of 40 under `dir`, statements 1 to 15 KB; as our
/// YAML, or (`raw`) as Kata-style text files. Returns the bytes written.
pub fn write_roster(dir: &Path, count: usize, raw: bool, seed: u64) -> std::io::Result<u64> {
    let mut rng = Rng(seed | 1);
    let mut total = 0;
    for i in 0..count {
        let election = dir.join(format!("election-{:03}", i / 40));
        if i % 40 == 0 {
            std::fs::create_dir_all(&election)?;
            if !raw {
                let meta = format!(
                    "name: Synthetic Committee Election {}\nproject: Synthetic\nseats: 4\n",
                    i / 40
                );
                std::fs::write(election.join("election.yaml"), meta)?;
            }
        }
        let name = format!("{} {} {i}", rng.pick(FIRST), rng.pick(LAST));
        let bytes = 1_000 + rng.below(14_000);
        let body = statement(rng.next(), bytes, rng.below(2) == 0);
        let email = format!("c{i}@example.org");
        let text = if raw {
            format!("Name: {name}\n\nEmail: {email}\n\nBackground:\n\n{body}")
        } else {
            let fields = format!("name: {name}\nemail: {email}\naffiliation: Org {}", i % 17);
            candidate_yaml(&fields, &body)
        };
        let file = election.join(if raw {
            format!("Candidate{i:05}.txt")
        } else {
            format!("c{i:05}.yaml")
        });
        total += text.len() as u64;
        std::fs::write(file, text)?;
    }
    Ok(total)
}
