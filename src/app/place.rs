//! Where the voter is: taken when they quit, given back when they return to the same roster.
//! What no longer matches the roster (a candidate gone) is left out quietly.

use super::pane::Pane;
use super::scroll::Scroll;
use super::{App, Focus};
use crate::voter::place::{OpenPane, Place, Who};

impl App {
    /// Who candidate `index` is, as a place names them.
    fn who(&self, index: usize) -> Who {
        let c = &self.roster.candidates[index];
        Who {
            election: self.roster.elections[c.election].key.clone(),
            candidate: c.key.clone(),
        }
    }

    /// The candidate a place names, if still in the roster.
    fn find(&self, who: &Who) -> Option<usize> {
        self.roster.candidates.iter().position(|c| {
            c.key == who.candidate && self.roster.elections[c.election].key == who.election
        })
    }

    /// Where the voter is now.
    pub fn place(&self) -> Place {
        Place {
            panes: self
                .panes
                .iter()
                .map(|pane| OpenPane {
                    who: self.who(pane.candidate),
                    scroll: pane.scroll(),
                })
                .collect(),
            focused_pane: match self.focus {
                Focus::Pane(i) => Some(i),
                Focus::List => None,
            },
            marks: self.marks.iter().map(|&c| self.who(c)).collect(),
            sync: self.sync,
            show_notes: self.show_notes,
            skip_unanswered: self.skip_unanswered,
            show_list: self.show_list,
            query: self.query.clone(),
            selected: self.selected().map(|c| self.who(c)),
        }
    }

    /// Goes back to `place`: what still matches the roster comes back.
    pub fn restore_place(&mut self, place: Place) {
        self.sync = place.sync;
        self.show_notes = place.show_notes;
        self.skip_unanswered = place.skip_unanswered;
        let mut marks: Vec<usize> = place.marks.iter().filter_map(|w| self.find(w)).collect();
        marks.sort_by_key(|&c| self.rank_of(c));
        self.marks = marks;
        self.edit_query(|q| *q = place.query.clone());
        if let Some(selected) = place.selected.as_ref().and_then(|w| self.find(w))
            && let Some(position) = self.hits.iter().position(|h| h.candidate == selected)
        {
            self.select(position as isize);
        }
        let terms = self.terms();
        self.panes = place
            .panes
            .iter()
            .filter_map(|open| {
                let candidate = self.find(&open.who)?;
                let mut pane = Pane::new(candidate);
                pane.set_scroll(Scroll::starting_at(open.scroll));
                pane.set_terms(&terms);
                Some(pane)
            })
            .collect();
        self.show_list = place.show_list || self.panes.is_empty();
        self.focus = match place.focused_pane {
            Some(i) if i < self.panes.len() => {
                self.active_pane = i;
                Focus::Pane(i)
            }
            _ => Focus::List,
        };
        self.relayout();
    }
}
