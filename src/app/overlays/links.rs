//! The links of one statement: every web address in it, shown in full; Enter opens the
//! selected one, `y` copies it.

use super::outcome::Outcome;
use crate::action::Action;

/// The links overlay's state.
#[derive(Debug, Default)]
pub struct LinksView {
    /// Index into the roster's candidates: whose links these are.
    pub candidate: usize,
    /// The addresses, in the order the text has them.
    pub links: Vec<String>,
    /// The selected one.
    pub cursor: usize,
    /// Whether the statement holds more than [`LinksView::MOST`] addresses (the rest are
    /// not listed).
    pub more: bool,
}

impl LinksView {
    /// The most addresses listed for one statement.
    pub const MOST: usize = 5_000;

    /// The selected address.
    pub fn selected(&self) -> Option<&str> {
        self.links.get(self.cursor).map(String::as_str)
    }

    /// Keys of the links: move, open, copy, or close.
    pub fn update(&mut self, action: Action) -> Outcome {
        let last = self.links.len().saturating_sub(1);
        match action {
            Action::Down => self.cursor = (self.cursor + 1).min(last),
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Top => self.cursor = 0,
            Action::Bottom => self.cursor = last,
            Action::Open if self.selected().is_some() => return Outcome::OpenLink,
            Action::CopyLink if self.selected().is_some() => return Outcome::CopyLink,
            Action::Back | Action::Links => return Outcome::Close,
            _ => {}
        }
        Outcome::Stay
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enter_opens_y_copies_the_selected_address() {
        let mut v = LinksView {
            candidate: 0,
            links: vec!["https://a.example".into(), "https://b.example".into()],
            cursor: 0,
            more: false,
        };
        v.update(Action::Bottom);
        v.update(Action::Down);
        assert_eq!(v.selected(), Some("https://b.example"));
        assert_eq!(v.update(Action::Open), Outcome::OpenLink);
        assert_eq!(v.update(Action::CopyLink), Outcome::CopyLink);
        assert_eq!(v.update(Action::Links), Outcome::Close);
        let mut none = LinksView::default();
        assert_eq!(none.update(Action::Open), Outcome::Stay);
    }
}
