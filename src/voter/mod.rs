//! The voter's own work: the ballot, the fair order, saving them, and exporting a ballot.
//! Knows neither the session state nor the command line.

pub mod ballot;
pub mod casting;
pub mod export;
pub mod held;
pub mod news;
pub mod order;
pub mod place;
pub mod reconcile;
pub mod rules;
pub mod store;
pub mod visit;
