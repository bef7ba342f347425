//! The links of the statement in view, and the one the voter asked to open or copy.

use super::App;
use super::overlays::Open;
use super::overlays::links::LinksView;
use crate::text::links;

impl App {
    /// Opens the list of the focused statement's web links (its fields, statement and
    /// answers), or of the selected candidate's when no statement is open.
    pub(super) fn open_links(&mut self) {
        let pane = self.panes.get(self.target_pane());
        let candidate = pane.map(|p| p.candidate).or_else(|| self.selected());
        let Some(candidate) = candidate else {
            return;
        };
        let c = &self.roster.candidates[candidate];
        let mut found: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut more = false;
        // A pane showing an answer: the question's own thread, the answer's own comment and
        // the links inside the answer come first.
        let mut first: Vec<&str> = Vec::new();
        if let Some(q) = pane.and_then(|p| p.question) {
            let election = &self.roster.elections[c.election];
            first.extend(election.questions.get(q).and_then(|q| q.link.as_deref()));
            if let Some(answer) = c.answer_given(q) {
                first.extend(answer.link.as_deref());
                first.push(answer.text.display());
            }
        }
        let fields = c.links.iter().chain(&c.extra).map(|(_, v)| v.as_str());
        let texts = c.texts().map(|t| t.display());
        for text in first.into_iter().chain(fields).chain(texts) {
            let room = LinksView::MOST - found.len();
            let (urls, cut) = links::find_at_most(text, room);
            more |= cut;
            for url in urls {
                if seen.insert(url.clone()) {
                    found.push(url);
                }
            }
            if found.len() >= LinksView::MOST {
                more = true;
                break;
            }
        }
        if found.is_empty() {
            self.message = Some(format!("No web link in {}'s statement", c.name));
            return;
        }
        self.overlay = Some(Open::Links(LinksView {
            candidate,
            links: found,
            cursor: 0,
            more,
        }));
    }

    /// The open links list, for the renderer.
    pub fn links_view(&self) -> Option<&LinksView> {
        match &self.overlay {
            Some(Open::Links(view)) => Some(view),
            _ => None,
        }
    }

    /// The address the voter asked to open or copy, once.
    pub fn take_link(&mut self) -> Option<String> {
        self.link_request.take()
    }

    /// Says what became of a request (opened, copied, or why not) in the status bar.
    pub fn tell(&mut self, message: String) {
        self.message = Some(message);
    }
}
