//! Saves a large, self-checking ballot again and again through the voter's store, so that
//! `tests/crash.rs` can kill it mid-save and check the file on disk is always one whole
//! version. A development tool: it is no part of the `hustings` binary.
//!
//! `cargo run --example save_stress -- DATA_DIR ELECTION_FOLDER [COUNT]` (COUNT 0: until killed)

use std::path::PathBuf;
use std::process::ExitCode;

use hustings::roster::Roster;
use hustings::voter::store::Store;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(data), Some(election)) = (args.first(), args.get(1)) else {
        eprintln!("usage: save_stress DATA_DIR ELECTION_FOLDER [COUNT]");
        return ExitCode::FAILURE;
    };
    let count: u64 = args.get(2).and_then(|c| c.parse().ok()).unwrap_or(0);
    let (roster, errors) = Roster::load_paths(&[PathBuf::from(election)]);
    if roster.elections.is_empty() {
        eprintln!("save_stress: nothing loaded: {errors:?}");
        return ExitCode::FAILURE;
    }
    let (store, opened) = match Store::open(&PathBuf::from(data), &roster) {
        Ok(opened) => opened,
        Err(e) => {
            eprintln!("save_stress: {e}");
            return ExitCode::FAILURE;
        }
    };
    let election = &roster.elections[0];
    let mut ballot = opened.ballots.into_iter().next().unwrap_or_default();
    // Go on from the version on disk, so that versions rise across killed runs.
    let first = ballot
        .notes
        .get("stress")
        .and_then(|n| n.lines().next()?.strip_prefix("version ")?.parse().ok())
        .unwrap_or(0u64);
    let mut version = first;
    while count == 0 || version < first + count {
        version += 1;
        ballot.notes.insert(
            "stress".to_string(),
            format!("version {version}\n").repeat(2_000),
        );
        if let Err(e) = store.save(0, &election.key, &election.name, &ballot) {
            eprintln!("save_stress: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
