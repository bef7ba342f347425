//! Search and sections: deriving the visible list from the query, jumping between hits and
//! between sections of the same name in every pane.

use super::App;
use super::pane::Pane;

/// A section title reduced to its words, so "## Why me?" and "Why me" match.
fn section_key(title: &str) -> String {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn sections_title(pane: &Pane, position: usize) -> String {
    pane.sections()
        .get(position)
        .map_or_else(String::new, |s| s.title.clone())
}

impl App {
    /// Opens the search line. With no statement open the list shows, as it is what a search
    /// filters; with statements open a hidden list stays hidden, so that the panes stay
    /// still while the voter types (the status bar counts the matches).
    pub(super) fn start_search(&mut self) {
        self.searching = true;
        if self.panes.is_empty() {
            self.show_list = true;
        }
        self.relayout();
    }

    /// Changes the query and re-derives the visible list.
    pub(super) fn edit_query(&mut self, edit: impl FnOnce(&mut String)) {
        edit(&mut self.query);
        let terms = self.terms();
        for pane in &mut self.panes {
            pane.set_terms(&terms);
        }
        self.list_offset = 0;
        self.refilter();
    }
    /// Derives the visible list from the roster, the query and the order, keeping the
    /// selection on the same candidate while it still matches.
    pub(super) fn refilter(&mut self) {
        let selected = self.selected();
        self.hits = self.index.search(&self.query, &self.roster);
        let rank = &self.voter.rank;
        self.hits
            .sort_by_key(|h| rank.get(h.candidate).copied().unwrap_or(h.candidate));
        self.cursor = selected
            .and_then(|s| self.hits.iter().position(|h| h.candidate == s))
            .unwrap_or(0);
        self.keep_cursor_visible();
    }
    /// Moves the focused pane to its next (or previous) section and every other pane to its
    /// section of the same title (else the one at the same position), so that compared
    /// statements line up on the same topic.
    pub(super) fn jump_to_section(&mut self, forward: bool) {
        let index = self.target_pane();
        let Some(pane) = self.panes.get(index) else {
            self.message = Some("No pane open: press Enter to open a candidate".to_string());
            return;
        };
        let sections = pane.sections();
        let scroll = pane.scroll();
        let target = if forward {
            sections.iter().position(|s| s.line > scroll)
        } else {
            sections.iter().rposition(|s| s.line < scroll)
        };
        let Some(position) = target else {
            self.message = Some(if sections.is_empty() {
                "This statement has no sections (headings)".to_string()
            } else {
                format!("No {} section", if forward { "further" } else { "earlier" })
            });
            return;
        };
        self.align_sections(index, position);
    }

    /// Moves pane `index` to its section `position` and every other pane to its section of
    /// the same title (else the one at the same position), and says where they went.
    pub(super) fn align_sections(&mut self, index: usize, position: usize) {
        let Some(pane) = self.panes.get(index) else {
            return;
        };
        let Some(section) = pane.sections().get(position) else {
            return;
        };
        let title = section_key(&section.title);
        let mut unmatched = Vec::new();
        for (i, other) in self.panes.iter_mut().enumerate() {
            let found = if i == index {
                Some(position)
            } else {
                let by_title = other
                    .sections()
                    .iter()
                    .position(|s| section_key(&s.title) == title);
                if by_title.is_none() {
                    unmatched.push(i);
                }
                by_title.or((position < other.sections().len()).then_some(position))
            };
            if let Some(found) = found {
                let line = other.sections()[found].line;
                other.show_at_top(line);
            }
        }
        self.message = Some(if unmatched.is_empty() || self.panes.len() == 1 {
            format!("§ {}", sections_title(&self.panes[index], position))
        } else {
            format!(
                "§ {} (not in every statement: the others went to their section {})",
                sections_title(&self.panes[index], position),
                position + 1
            )
        });
    }
    pub(super) fn jump_to_hit(&mut self, forward: bool) {
        let terms = self.terms();
        if terms.is_empty() {
            self.message = Some("No search: press / to search".to_string());
            return;
        }
        let index = self.target_pane();
        let height = self.pane_height(index);
        let Some(pane) = self.panes.get_mut(index) else {
            self.message = Some("No pane open: press Enter to open a candidate".to_string());
            return;
        };
        if !pane.jump_to_hit(forward, height) {
            self.message = Some(format!(
                "No {} match for \"{}\" in this pane",
                if forward { "further" } else { "earlier" },
                self.query
            ));
        }
    }
}
