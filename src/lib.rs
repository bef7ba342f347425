//! hustings: read, compare and weigh the candidates of an open-source governance election.
//!
//! Data flows one way: [`load`] reads files through one guarded door into a
//! [`roster::Roster`]; [`analysis`] indexes it; [`app::App`] holds a session's state and
//! changes only through [`app::App::update`]; [`keymap`] turns terminal events into
//! [`app::Action`]s; [`ui`] draws `&App`; [`tui`] owns the terminal and the event loop;
//! [`voter`] keeps the voter's ballot and notes; [`config`] reads the voter's settings;
//! [`cli`] parses the command line.

#![warn(missing_docs)]

pub mod action;
pub mod analysis;
pub mod app;
pub mod bounded;
pub mod cache;
pub mod cli;
pub mod config;
pub mod folders;
pub mod keymap;
pub mod layout;
pub mod load;
pub mod parallel;
pub mod roster;
pub mod text;
pub mod tui;
pub mod ui;
pub mod voter;
