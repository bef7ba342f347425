//! What is derived from a roster: the search index, the topics (themes) of an election, the
//! grid of its questions and answers, and a person's candidacies with the word diff between
//! them. Knows nothing of the screen.

pub mod candidacies;
mod grams;
mod phrase;
pub mod questions;
pub mod search;
pub mod topics;
pub mod words;
