//! One line of a key table.

use ratatui::crossterm::event::KeyCode;

use crate::action::Action;

/// One line of the key table: the keys, how help shows them, what they do.
pub struct Binding {
    /// The keys that trigger it.
    pub keys: &'static [KeyCode],
    /// How the help writes the keys.
    pub label: &'static str,
    /// What they do.
    pub action: Action,
    /// The help's words for it.
    pub help: &'static str,
}

pub(super) const fn bind(
    keys: &'static [KeyCode],
    label: &'static str,
    action: Action,
    help: &'static str,
) -> Binding {
    Binding {
        keys,
        label,
        action,
        help,
    }
}
