//! Speed of what a voter waits for: loading, a search keystroke, one frame, wrapping and
//! Markdown of a long statement, and an election's themes. Rosters are generated on the fly
//! (see `synthetic`) into a temporary folder.
//!
//! `cargo bench` runs everything; `cargo bench -- load` one group. Sizes: 100, 1,000 and
//! 10,000 candidates, statements 1 to 15 KB. Loads and the index are measured cold (no
//! cache) and warm (from a cache a first run made).

#[path = "../tests/support/synthetic.rs"]
mod synthetic;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use hustings::analysis::search::{SearchIndex, find_in_line, terms};
use hustings::analysis::words::Words;
use hustings::app::{Action, App};
use hustings::roster::Roster;
use hustings::ui::{self, theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [usize; 3] = [100, 1_000, 10_000];

/// A generated roster of `count` candidates, kept for the whole run.
fn roster_dir(count: usize) -> (tempfile::TempDir, PathBuf, u64) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let bytes = synthetic::write_roster(dir.path(), count, false, 42).expect("write");
    let path = dir.path().to_path_buf();
    (dir, path, bytes)
}

fn yaml_files(dir: &PathBuf) -> Vec<String> {
    let mut out = Vec::new();
    for election in std::fs::read_dir(dir).unwrap().filter_map(Result::ok) {
        for file in std::fs::read_dir(election.path())
            .unwrap()
            .filter_map(Result::ok)
        {
            if file.file_name() != "election.yaml" {
                out.push(std::fs::read_to_string(file.path()).unwrap());
            }
        }
    }
    out
}

/// Waits until files written just now are old enough for the cache to vouch for them.
fn settle() {
    std::thread::sleep(Duration::from_millis(2100));
}

/// Loads `dir` as the app does, with the cache in `cache`.
fn load_cached(dir: &Path, cache: &Path) -> Roster {
    let paths = [dir.to_path_buf()];
    let (files, errors) = hustings::load::files_of(&paths);
    let progress = hustings::load::Progress::default();
    Roster::load_files_counted(&paths, files, errors, &progress, Some(cache)).0
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    for count in SIZES {
        let (_keep, dir, bytes) = roster_dir(count);
        group.throughput(criterion::Throughput::Bytes(bytes));
        group.bench_with_input(BenchmarkId::new("cold", count), &dir, |b, dir| {
            b.iter(|| Roster::load_paths(std::slice::from_ref(dir)))
        });
        // From the cache a first load made, as a voter's second look at the same files.
        let cache = tempfile::tempdir().expect("a cache folder");
        settle();
        load_cached(&dir, cache.path());
        group.bench_with_input(BenchmarkId::new("warm_cache", count), &dir, |b, dir| {
            b.iter(|| load_cached(dir, cache.path()))
        });
        // The floor: serde_yaml alone on the same files, already in memory, on one core.
        let texts = yaml_files(&dir);
        group.bench_with_input(
            BenchmarkId::new("serde_yaml_floor", count),
            &texts,
            |b, texts| {
                b.iter(|| {
                    for t in texts {
                        black_box(serde_yaml::from_str::<serde_yaml::Value>(t).unwrap());
                    }
                })
            },
        );
    }
    group.finish();
}

fn search(c: &mut Criterion) {
    let mut group = c.benchmark_group("search_keystroke");
    group.sample_size(20);
    for count in SIZES {
        let (_keep, dir, _) = roster_dir(count);
        let (roster, _) = Roster::load_paths(&[dir]);
        let index = SearchIndex::new(&roster);
        // A keystroke: filter the list for the query, then highlight a screen of hits.
        let line = "Hypervisor support and confidential containers, with CI for the runtime.";
        group.bench_with_input(BenchmarkId::from_parameter(count), &index, |b, index| {
            b.iter(|| {
                let hits = index.search(black_box("hypervisor ana"), &roster);
                let t = terms("hypervisor ana");
                for _ in 0..60 {
                    black_box(find_in_line(line, &t));
                }
                hits.len()
            })
        });
    }
    group.finish();
}

/// Building the word index of a loaded roster (every statement's and answer's words), and
/// taking it from the cache.
fn index(c: &mut Criterion) {
    let mut group = c.benchmark_group("index_build");
    group.sample_size(10);
    for count in SIZES {
        let (_keep, dir, _) = roster_dir(count);
        let (roster, _) = Roster::load_paths(&[dir]);
        group.bench_with_input(BenchmarkId::new("cold", count), &roster, |b, roster| {
            b.iter(|| black_box(Words::with_cache(roster, None)))
        });
        let cache = tempfile::tempdir().expect("a cache folder");
        Words::with_cache(&roster, Some(cache.path()));
        group.bench_with_input(
            BenchmarkId::new("warm_cache", count),
            &roster,
            |b, roster| b.iter(|| black_box(Words::with_cache(roster, Some(cache.path())))),
        );
    }
    group.finish();
}

/// An app comparing four candidates with statements of about 15 KB.
fn compare_app() -> App {
    let files: Vec<(String, String)> = (0..4)
        .map(|i| {
            let body = synthetic::statement(i, 15_000, i % 2 == 0);
            (
                format!("e/c{i}.yaml"),
                synthetic::candidate_yaml(&format!("name: Candidate {i}"), &body),
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let (roster, _) = Roster::from_memory(&refs, hustings::roster::Source::Embedded);
    let mut app = App::new(roster, Vec::new());
    for key in [' ', ' ', ' ', ' ', 'c'] {
        let action = if key == 'c' {
            Action::Compare
        } else {
            Action::ToggleMark
        };
        app.update(action);
    }
    app
}

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    let (_keep, dir, _) = roster_dir(10_000);
    let (big, _) = Roster::load_paths(&[dir]);
    for (width, height) in [(80u16, 24u16), (200, 60)] {
        let mut app = compare_app();
        app.update(Action::Resize { width, height });
        app.update(Action::PageDown);
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        group.bench_function(format!("compare4_{width}x{height}"), |b| {
            b.iter(|| {
                terminal
                    .draw(|f| ui::draw(f, &app, &theme::COLOR))
                    .map(|_| ())
                    .unwrap()
            })
        });
        let mut list = App::new(big.clone(), Vec::new());
        list.update(Action::Resize { width, height });
        group.bench_function(format!("list_of_10000_{width}x{height}"), |b| {
            b.iter(|| {
                terminal
                    .draw(|f| ui::draw(f, &list, &theme::COLOR))
                    .map(|_| ())
                    .unwrap()
            })
        });
    }
    group.finish();
}

fn long_statement(c: &mut Criterion) {
    let mut group = c.benchmark_group("one_megabyte");
    group.sample_size(10);
    let plain = synthetic::statement(1, 1_000_000, false);
    let markdown = synthetic::statement(2, 1_000_000, true);
    group.bench_function("wrap_plain", |b| {
        b.iter(|| {
            hustings::text::wrap::wrap(&hustings::text::wrap::reflow(black_box(&plain)), 80).len()
        })
    });
    group.bench_function("markdown", |b| {
        b.iter(|| hustings::text::markdown::parse(black_box(&markdown)).len())
    });
    group.finish();
}

fn themes(c: &mut Criterion) {
    let statements: Vec<String> = (0..40)
        .map(|i| synthetic::statement(i, 1_000 + (i as usize * 350), i % 2 == 0))
        .collect();
    let refs: Vec<&str> = statements.iter().map(String::as_str).collect();
    c.bench_function("themes_40_candidates", |b| {
        b.iter(|| hustings::analysis::topics::themes(black_box(&refs), 15).len())
    });
}

criterion_group!(benches, load, index, search, frame, long_statement, themes);
criterion_main!(benches);
