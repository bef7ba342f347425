//! Text made safe and shaped for the screen: sanitizing, Markdown blocks, wrapping by
//! display width. Knows nothing of a session.

pub mod hash;
pub mod links;
pub mod markdown;
pub mod sanitize;
pub mod wrap;
