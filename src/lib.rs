//! hustings: read, compare and weigh the candidates of an open-source governance election.
//!
//! Data flows one way: [`model`] loads and sanitizes candidate YAML into a [`model::Roster`];
//! [`app::App`] holds a session's state and changes only through [`app::App::update`];
//! [`keymap`] turns terminal events into [`app::Action`]s; [`ui`] draws `&App`; [`tui`] owns
//! the terminal and the event loop; [`cli`] parses the command line.

pub mod app;
pub mod ballot;
pub mod cli;
pub mod commands;
pub mod dates;
pub mod export;
pub mod history;
pub mod hostile;
pub mod import;
pub mod keymap;
pub mod layout;
pub mod markdown;
pub mod model;
pub mod order;
pub mod parallel;
pub mod sanitize;
pub mod search;
pub mod show;
pub mod store;
pub mod synthetic;
pub mod themes;
pub mod tui;
pub mod ui;
pub mod wrap;
