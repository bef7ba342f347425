//! What is derived from a roster: the search index, the topics (themes) of an election, and
//! a person's candidacies with the word diff between them. Knows nothing of the screen.

pub mod candidacies;
pub mod search;
pub mod topics;
