//! Every style the UI uses, named, in one place: a colour theme and a colourless one.

use ratatui::style::{Color, Modifier, Style};

/// The named styles of the UI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Borders of unfocused panels.
    pub border: Style,
    /// Borders of the focused panel.
    pub border_focused: Style,
    /// Panel titles.
    pub title: Style,
    /// Candidate names in the list.
    pub list_name: Style,
    /// Affiliation and election in the list.
    pub list_detail: Style,
    /// The selected row.
    pub selected: Style,
    /// The mark of a candidate marked for comparison.
    pub mark: Style,
    /// Field names above a statement.
    pub field_key: Style,
    /// Field values.
    pub field: Style,
    /// Warnings about a statement.
    pub notice: Style,
    /// The voter's own notes.
    pub note: Style,
    /// Headings.
    pub heading: Style,
    /// Code.
    pub code: Style,
    /// Links.
    pub link: Style,
    /// Bold text.
    pub strong: Style,
    /// Italic text.
    pub emphasis: Style,
    /// Struck-out text.
    pub strike: Style,
    /// Words a newer statement added.
    pub added: Style,
    /// Words a newer statement dropped.
    pub removed: Style,
    /// The rule between fields and statement.
    pub rule: Style,
    /// Statement text.
    pub body: Style,
    /// Search hits.
    pub hit: Style,
    /// The status bar.
    pub status: Style,
    /// Messages in the status bar.
    pub status_key: Style,
    /// Errors.
    pub error: Style,
    /// The search line.
    pub input: Style,
    /// Overlay windows.
    pub overlay: Style,
    /// Less important text.
    pub dim: Style,
}

/// The roles a config file can colour, by name.
pub const ROLES: &[&str] = &[
    "border",
    "border_focused",
    "title",
    "list_name",
    "list_detail",
    "selected",
    "mark",
    "field_key",
    "field",
    "notice",
    "note",
    "heading",
    "code",
    "link",
    "strong",
    "emphasis",
    "strike",
    "added",
    "removed",
    "rule",
    "body",
    "hit",
    "status",
    "status_key",
    "error",
    "input",
    "overlay",
    "dim",
];

/// The colour theme.
pub const COLOR: Theme = Theme {
    border: Style::new().fg(Color::DarkGray),
    border_focused: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    title: Style::new().add_modifier(Modifier::BOLD),
    list_name: Style::new(),
    list_detail: Style::new().fg(Color::DarkGray),
    selected: Style::new().add_modifier(Modifier::REVERSED),
    mark: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    field_key: Style::new().fg(Color::Cyan),
    field: Style::new().fg(Color::Gray),
    notice: Style::new().fg(Color::Yellow),
    note: Style::new().fg(Color::LightGreen),
    heading: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    code: Style::new().fg(Color::LightYellow),
    link: Style::new()
        .fg(Color::LightBlue)
        .add_modifier(Modifier::UNDERLINED),
    strong: Style::new().add_modifier(Modifier::BOLD),
    emphasis: Style::new().add_modifier(Modifier::ITALIC),
    strike: Style::new().add_modifier(Modifier::CROSSED_OUT),
    added: Style::new()
        .fg(Color::LightGreen)
        .add_modifier(Modifier::BOLD),
    removed: Style::new()
        .fg(Color::LightRed)
        .add_modifier(Modifier::CROSSED_OUT),
    rule: Style::new().fg(Color::DarkGray),
    body: Style::new(),
    hit: Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::BOLD),
    status: Style::new().fg(Color::White).bg(Color::DarkGray),
    status_key: Style::new()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(Modifier::BOLD),
    error: Style::new()
        .fg(Color::LightRed)
        .add_modifier(Modifier::BOLD),
    input: Style::new().fg(Color::Yellow),
    overlay: Style::new(),
    dim: Style::new().fg(Color::DarkGray),
};

/// No colour at all, for `NO_COLOR`: crossterm writes a full reset for every colour change
/// there, which would wipe bold and reverse, so this theme uses modifiers only.
pub const MONO: Theme = Theme {
    border: Style::new(),
    border_focused: Style::new().add_modifier(Modifier::BOLD),
    title: Style::new().add_modifier(Modifier::BOLD),
    list_name: Style::new(),
    list_detail: Style::new(),
    selected: Style::new().add_modifier(Modifier::REVERSED),
    mark: Style::new().add_modifier(Modifier::BOLD),
    field_key: Style::new().add_modifier(Modifier::BOLD),
    field: Style::new(),
    notice: Style::new().add_modifier(Modifier::BOLD),
    note: Style::new().add_modifier(Modifier::ITALIC),
    heading: Style::new().add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
    code: Style::new(),
    link: Style::new().add_modifier(Modifier::UNDERLINED),
    strong: Style::new().add_modifier(Modifier::BOLD),
    emphasis: Style::new().add_modifier(Modifier::ITALIC),
    strike: Style::new().add_modifier(Modifier::CROSSED_OUT),
    added: Style::new().add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
    removed: Style::new().add_modifier(Modifier::CROSSED_OUT),
    rule: Style::new(),
    body: Style::new(),
    hit: Style::new().add_modifier(Modifier::UNDERLINED.union(Modifier::BOLD)),
    status: Style::new().add_modifier(Modifier::REVERSED),
    status_key: Style::new().add_modifier(Modifier::BOLD),
    error: Style::new().add_modifier(Modifier::BOLD),
    input: Style::new(),
    overlay: Style::new(),
    dim: Style::new(),
};

impl Theme {
    /// The style of a role by its name in a config file (`selected`, `border`, …).
    pub fn role_mut(&mut self, role: &str) -> Option<&mut Style> {
        Some(match role {
            "border" => &mut self.border,
            "border_focused" => &mut self.border_focused,
            "title" => &mut self.title,
            "list_name" => &mut self.list_name,
            "list_detail" => &mut self.list_detail,
            "selected" => &mut self.selected,
            "mark" => &mut self.mark,
            "field_key" => &mut self.field_key,
            "field" => &mut self.field,
            "notice" => &mut self.notice,
            "note" => &mut self.note,
            "heading" => &mut self.heading,
            "code" => &mut self.code,
            "link" => &mut self.link,
            "strong" => &mut self.strong,
            "emphasis" => &mut self.emphasis,
            "strike" => &mut self.strike,
            "added" => &mut self.added,
            "removed" => &mut self.removed,
            "rule" => &mut self.rule,
            "body" => &mut self.body,
            "hit" => &mut self.hit,
            "status" => &mut self.status,
            "status_key" => &mut self.status_key,
            "error" => &mut self.error,
            "input" => &mut self.input,
            "overlay" => &mut self.overlay,
            "dim" => &mut self.dim,
            _ => return None,
        })
    }

    /// The colourless theme when `NO_COLOR` is set to anything but the empty string.
    pub fn from_env() -> &'static Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => &MONO,
            _ => &COLOR,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_has_its_style() {
        let mut theme = COLOR.clone();
        for role in ROLES {
            assert!(theme.role_mut(role).is_some(), "{role}");
        }
        assert!(theme.role_mut("plaid").is_none());
    }
}
