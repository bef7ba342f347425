//! What is new since the voter last looked, inside a session: found when the app opens the
//! elections (a command's glance is no visit), marked in the list, stepped through with one
//! key, and a changed statement shown as a word diff against the version the voter read.

use std::collections::BTreeMap;

use super::App;
use super::overlays::history::Pair;
use super::voter::SaveWhen;
use crate::voter::news::{self, News, Now};

impl App {
    /// Opens the elections as a visit at `now`: what changed since the voter's last one is
    /// found (and kept for this session), and this visit is remembered in each ballot.
    /// Read-only elections are only looked at.
    pub fn begin_visit(&mut self, now: chrono::DateTime<chrono::Utc>) {
        let elections = self.roster.elections.len();
        self.voter.news = Vec::with_capacity(elections);
        for index in 0..elections {
            let members = self.roster.members(index);
            let candidates = &self.roster.candidates[members];
            let rows: Vec<Now> = candidates
                .iter()
                .map(|c| Now {
                    key: &c.key,
                    answers: c.answers.len(),
                })
                .collect();
            let statement = |i: usize| candidates[i].statement.display();
            let ballot = &mut self.voter.ballots[index];
            self.voter.news.push(News::of(ballot, &rows, statement));
            let read_only = self.voter.read_only.get(index).copied().unwrap_or(false);
            if !read_only && news::record_visit(ballot, &rows, statement, now) {
                self.queue_save(index, SaveWhen::Now);
            }
        }
        // Said at once too: a place restored opens on a statement, not the first screen.
        let told: Vec<(&str, &News)> = self
            .voter
            .news
            .iter()
            .enumerate()
            .filter(|(_, n)| !n.is_empty())
            .map(|(i, n)| (self.roster.elections[i].name.as_str(), n))
            .collect();
        self.message = match told.as_slice() {
            [] => None,
            [(_, news)] => news.counts().map(|counts| {
                let since = news.since.map_or_else(String::new, |at| {
                    format!("Since {}: ", crate::roster::dates::shown(at))
                });
                format!("{since}{counts} · u shows each")
            }),
            many => Some(format!(
                "New or changed since your last visit in {} elections · u shows each",
                many.len()
            )),
        };
    }

    /// The statements the voter read, as they read them, for their data folder to keep for
    /// a later diff: (hash, text) of each one of `election` read as it is now and not `kept`
    /// already (a save comes with every rank given: what is kept is not hashed again).
    pub fn texts_read(&self, election: usize, kept: impl Fn(&str) -> bool) -> Vec<(&str, &str)> {
        let ballot = &self.voter.ballots[election];
        self.roster.candidates[self.roster.members(election)]
            .iter()
            .filter_map(|c| {
                let hash = ballot.read_as.get(&c.key).filter(|h| !kept(h))?;
                // Hashed only where it was read: most texts wait unread in the cache.
                let text = c.statement.display();
                (*hash == news::hash_of(text)).then_some((hash.as_str(), text))
            })
            .collect()
    }

    /// Hands the app the earlier versions of statements the voter read, by hash, found in
    /// their data folder: the diffs of changed statements are made against them.
    pub fn with_texts_read(mut self, texts: BTreeMap<String, String>) -> Self {
        self.voter.texts_read = texts;
        self
    }

    /// The hashes of the versions read of statements changed since (all elections), for the
    /// host to fetch from the data folder.
    pub fn changed_hashes(&self) -> Vec<&str> {
        self.voter
            .news
            .iter()
            .flat_map(|n| n.changed.values().map(String::as_str))
            .collect()
    }

    /// What is new in election `index` since the voter's last visit.
    pub fn news(&self, index: usize) -> Option<&News> {
        self.voter.news.get(index)
    }

    /// The mark the list shows for `candidate`: `+` added since the last visit, `Δ` its
    /// statement changed since read (until read again) or answers added.
    pub fn news_mark(&self, candidate: usize) -> Option<char> {
        let c = &self.roster.candidates[candidate];
        let news = self.voter.news.get(c.election)?;
        if news.added.contains(&c.key) {
            return Some('+');
        }
        let read_again = self.changed_read_again(candidate);
        let changed = news.changed.contains_key(&c.key) && !read_again;
        (changed || news.answers.contains_key(&c.key)).then_some('Δ')
    }

    /// Whether `candidate`'s statement, changed since read, has been read again since.
    fn changed_read_again(&self, candidate: usize) -> bool {
        let c = &self.roster.candidates[candidate];
        let ballot = &self.voter.ballots[c.election];
        let Some(news) = self.voter.news.get(c.election) else {
            return false;
        };
        match (news.changed.get(&c.key), ballot.read_as.get(&c.key)) {
            (Some(before), Some(now)) => before != now,
            _ => false,
        }
    }

    /// Selects the next candidate in the list (after the selection, wrapping) that is new or
    /// changed; says so when there is none.
    pub(super) fn next_news(&mut self) {
        let count = self.hits.len();
        let start = self.cursor;
        let found = (1..=count)
            .map(|step| (start + step) % count)
            .find(|&at| self.news_mark(self.hits[at].candidate).is_some());
        match found {
            Some(at) => {
                self.select(at as isize);
                let c = &self.roster.candidates[self.hits[at].candidate];
                let news = &self.voter.news[c.election];
                self.message = Some(match self.news_mark(self.hits[at].candidate) {
                    Some('+') => format!("{}: new since your last visit", c.name),
                    _ if news.changed.contains_key(&c.key) => {
                        format!(
                            "{}: statement changed since you read it · d shows how",
                            c.name
                        )
                    }
                    _ => format!(
                        "{}: {} new answer{}",
                        c.name,
                        news.answers.get(&c.key).copied().unwrap_or(0),
                        if news.answers.get(&c.key) == Some(&1) {
                            ""
                        } else {
                            "s"
                        }
                    ),
                });
            }
            None => {
                self.message = Some("Nothing new or changed since your last visit".to_string());
            }
        }
    }

    /// The statement of the candidate in view against the version the voter read, word by
    /// word, where it changed since and that version was kept.
    pub(super) fn open_read_diff(&mut self) {
        let Some(candidate) = self.target_candidate() else {
            return;
        };
        let c = &self.roster.candidates[candidate];
        let before = self
            .voter
            .news
            .get(c.election)
            .and_then(|n| n.changed.get(&c.key));
        let Some(before) = before else {
            self.message = Some(format!(
                "{}'s statement has not changed since you read it",
                c.name
            ));
            return;
        };
        let Some(text) = self.voter.texts_read.get(before) else {
            self.message = Some(format!(
                "{}'s statement changed since you read it, but the version you read was not kept",
                c.name
            ));
            return;
        };
        let pair = Pair {
            title: format!("{}: the statement as you read it, and now · Esc", c.name),
            older: ("as you read it".to_string(), text.clone()),
            newer: ("now".to_string(), c.statement.display().to_string()),
        };
        self.open_pair(candidate, pair);
    }
}
