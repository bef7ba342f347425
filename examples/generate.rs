//! Writes a synthetic roster for benchmarks: `cargo run --release --example generate --
//! COUNT DIR [--raw] [--seed N]` (COUNT candidates in elections of 40, statements 1 to 15
//! KB; another seed, another roster of the same shape).

#[path = "../tests/support/synthetic.rs"]
mod synthetic;

use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(count), Some(dir)) = (args.first().and_then(|c| c.parse().ok()), args.get(1)) else {
        eprintln!("usage: generate COUNT DIR [--raw] [--seed N]");
        std::process::exit(2);
    };
    let raw = args.iter().any(|a| a == "--raw");
    let seed = match args.iter().position(|a| a == "--seed") {
        Some(at) => match args.get(at + 1).and_then(|s| s.parse().ok()) {
            Some(seed) => seed,
            None => {
                eprintln!("generate: --seed needs a number");
                std::process::exit(2);
            }
        },
        None => 42,
    };
    let dir = PathBuf::from(dir);
    match synthetic::write_roster(&dir, count, raw, seed) {
        Ok(bytes) => eprintln!("{count} candidates, {bytes} bytes, in {}", dir.display()),
        Err(e) => {
            eprintln!("generate: {e}");
            std::process::exit(1);
        }
    }
}
