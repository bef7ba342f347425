//! Writes the hostile corpus (`hostile`) to a folder, to try by hand:
//! `cargo run --example hostile -- DIR && cargo run -- DIR`.

#[path = "../tests/support/hostile.rs"]
mod hostile;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: hostile DIR");
        std::process::exit(2);
    };
    let dir = std::path::Path::new(&dir).join("hostile");
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("hostile: {e}");
        std::process::exit(1);
    }
    let cases = hostile::cases();
    for case in &cases {
        if let Err(e) = std::fs::write(dir.join(&case.name), &case.bytes) {
            eprintln!("hostile: {}: {e}", case.name);
            std::process::exit(1);
        }
    }
    eprintln!("{} cases in {}", cases.len(), dir.display());
}
