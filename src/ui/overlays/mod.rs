//! The overlays, mirroring `app/overlays/`: one file per kind.

mod ballot;
mod history;
mod links;
mod outline;
mod questions;
mod text;
mod themes;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::theme::Theme;
use crate::app::{App, Overlay};

/// Draws the open overlay, if any.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    match app.overlay() {
        Some(Overlay::Help | Overlay::Errors | Overlay::Election) => {
            text::draw(frame, area, app, theme)
        }
        Some(Overlay::Ballot) => ballot::draw(frame, area, app, theme),
        Some(Overlay::Themes) => themes::draw(frame, area, app, theme),
        Some(Overlay::History) => history::draw(frame, area, app, theme),
        Some(Overlay::Outline) => outline::draw(frame, area, app, theme),
        Some(Overlay::Questions) => questions::draw(frame, area, app, theme),
        Some(Overlay::Links) => links::draw(frame, area, app, theme),
        None => {}
    }
}
