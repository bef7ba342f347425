//! The shape of the code: no circle between top-level modules or between files, and no
//! file too long to read in one sitting. Dependencies are read from the paths each file
//! names (`crate::…`, `super::…`, `self::…` and its own child modules), test modules left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The longest a file in `src/` may be.
const MAX_LINES: usize = 600;

/// A source file and the module path it defines.
struct File {
    path: PathBuf,
    module: Vec<String>,
    text: String,
}

fn files() -> Vec<File> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(&root).expect("under src");
                let mut module: Vec<String> = relative
                    .with_extension("")
                    .iter()
                    .map(|p| p.to_string_lossy().into_owned())
                    .collect();
                if matches!(
                    module.last().map(String::as_str),
                    Some("mod" | "lib" | "main")
                ) {
                    module.pop();
                }
                let text = std::fs::read_to_string(&path).expect("utf-8 source");
                let path = Path::new("src").join(relative);
                out.push(File { path, module, text });
            }
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// The file's code without its `#[cfg(test)]` module (tests may reach anywhere).
fn code(text: &str) -> &str {
    match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => text,
    }
}

/// Every path the code names, with `use` groups (`a::{b, c::d}`) expanded.
fn paths_named(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let starts_word = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        if starts_word && (chars[i].is_alphabetic() || chars[i] == '_') {
            let (segments, end) = read_path(&chars, i, Vec::new(), &mut out);
            if segments.len() > 1 {
                out.push(segments);
            }
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// Reads `a::b::{c, d::e}` from `start`; complete paths inside braces go to `out`.
fn read_path(
    chars: &[char],
    start: usize,
    mut prefix: Vec<String>,
    out: &mut Vec<Vec<String>>,
) -> (Vec<String>, usize) {
    let mut i = start;
    loop {
        let begin = i;
        while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
            i += 1;
        }
        if i == begin {
            return (prefix, i);
        }
        prefix.push(chars[begin..i].iter().collect());
        if chars.get(i) == Some(&':') && chars.get(i + 1) == Some(&':') {
            i += 2;
            if chars.get(i) == Some(&'{') {
                i += 1;
                loop {
                    while chars.get(i).is_some_and(|c| c.is_whitespace() || *c == ',') {
                        i += 1;
                    }
                    if chars.get(i).is_none_or(|c| *c == '}') {
                        return (Vec::new(), i + 1);
                    }
                    let (inner, end) = read_path(chars, i, prefix.clone(), out);
                    if inner.len() > prefix.len() {
                        out.push(inner);
                    }
                    i = end.max(i + 1);
                }
            }
        } else {
            return (prefix, i);
        }
    }
}

/// Which file a path named in `from` leads to: the longest module that exists.
fn resolve(
    from: &[String],
    path: &[String],
    modules: &BTreeMap<Vec<String>, usize>,
) -> Option<usize> {
    let supers = path.iter().take_while(|s| *s == "super").count();
    let mut base: Vec<String> = match path[0].as_str() {
        "crate" => Vec::new(),
        "self" => from.to_vec(),
        "super" => from[..from.len().saturating_sub(supers)].to_vec(),
        child => {
            // A child module of this file named by its bare name.
            let mut candidate = from.to_vec();
            candidate.push(child.to_string());
            if !modules.contains_key(&candidate) {
                return None;
            }
            from.to_vec()
        }
    };
    let rest = match path[0].as_str() {
        "crate" | "self" => &path[1..],
        "super" => &path[supers..],
        _ => path,
    };
    let mut found = modules.get(&base).copied();
    for segment in rest {
        base.push(segment.clone());
        match modules.get(&base) {
            Some(&file) => found = Some(file),
            None => break,
        }
    }
    found
}

/// A cycle in the graph, if there is one, as the nodes along it.
fn find_cycle(edges: &BTreeMap<usize, BTreeSet<usize>>, nodes: usize) -> Option<Vec<usize>> {
    // 0 unvisited, 1 on the stack, 2 done.
    fn visit(
        node: usize,
        edges: &BTreeMap<usize, BTreeSet<usize>>,
        state: &mut [u8],
        stack: &mut Vec<usize>,
    ) -> Option<Vec<usize>> {
        state[node] = 1;
        stack.push(node);
        for &next in edges.get(&node).into_iter().flatten() {
            if state[next] == 1 {
                let from = stack.iter().position(|&n| n == next).unwrap_or(0);
                let mut cycle = stack[from..].to_vec();
                cycle.push(next);
                return Some(cycle);
            }
            if state[next] == 0
                && let Some(cycle) = visit(next, edges, state, stack)
            {
                return Some(cycle);
            }
        }
        stack.pop();
        state[node] = 2;
        None
    }
    let mut state = vec![0u8; nodes];
    (0..nodes).find_map(|n| {
        if state[n] == 0 {
            visit(n, edges, &mut state, &mut Vec::new())
        } else {
            None
        }
    })
}

fn file_edges(files: &[File]) -> BTreeMap<usize, BTreeSet<usize>> {
    let modules: BTreeMap<Vec<String>, usize> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.module.clone(), i))
        .collect();
    let mut edges: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for (i, file) in files.iter().enumerate() {
        for path in paths_named(code(&file.text)) {
            if let Some(target) = resolve(&file.module, &path, &modules)
                && target != i
                // `lib.rs` and `main.rs` only declare and call.
                && !files[target].module.is_empty()
            {
                edges.entry(i).or_default().insert(target);
            }
        }
    }
    edges
}

#[test]
fn no_file_in_src_is_too_long_to_read() {
    let long: Vec<String> = files()
        .iter()
        .filter(|f| f.text.lines().count() > MAX_LINES)
        .map(|f| format!("{} ({} lines)", f.path.display(), f.text.lines().count()))
        .collect();
    assert!(long.is_empty(), "over {MAX_LINES} lines: {long:?}");
}

#[test]
fn files_depend_on_each_other_in_one_direction() {
    let files = files();
    let edges = file_edges(&files);
    if let Some(cycle) = find_cycle(&edges, files.len()) {
        let names: Vec<String> = cycle
            .iter()
            .map(|&n| files[n].path.display().to_string())
            .collect();
        panic!("files in a circle: {}", names.join(" -> "));
    }
}

#[test]
fn top_level_modules_depend_on_each_other_in_one_direction() {
    let files = files();
    let edges = file_edges(&files);
    let top: Vec<String> = files
        .iter()
        .map(|f| f.module.first().cloned().unwrap_or_default())
        .collect();
    let names: Vec<String> = top
        .iter()
        .cloned()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let index = |name: &str| names.iter().position(|n| n == name).expect("known module");
    let mut modules: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for (from, targets) in &edges {
        for to in targets {
            if top[*from] != top[*to] {
                modules
                    .entry(index(&top[*from]))
                    .or_default()
                    .insert(index(&top[*to]));
            }
        }
    }
    if let Some(cycle) = find_cycle(&modules, names.len()) {
        let path: Vec<&str> = cycle.iter().map(|&n| names[n].as_str()).collect();
        panic!("top-level modules in a circle: {}", path.join(" -> "));
    }
}

#[test]
fn the_checker_sees_a_circle_and_a_use_group() {
    // The oracle must be able to fail: a made-up pair of files that name each other.
    let a = File {
        path: "a.rs".into(),
        module: vec!["a".into()],
        text: "use crate::b::{Thing, inner::Other};\n".into(),
    };
    let b = File {
        path: "b.rs".into(),
        module: vec!["b".into()],
        text: "fn f() { crate::a::g() }\n#[cfg(test)]\nmod tests { use crate::c; }\n".into(),
    };
    let c = File {
        path: "c.rs".into(),
        module: vec!["c".into()],
        text: "use super::a::X;\nuse super::super::b::Y;\n".into(),
    };
    let files = [a, b, c];
    let edges = file_edges(&files);
    assert_eq!(edges[&0], BTreeSet::from([1]));
    assert_eq!(
        edges[&1],
        BTreeSet::from([0]),
        "the test module is left out"
    );
    assert_eq!(
        edges[&2],
        BTreeSet::from([0, 1]),
        "super::super climbs twice"
    );
    assert_eq!(find_cycle(&edges, 3), Some(vec![0, 1, 0]));
    let mut one_way = edges.clone();
    one_way.remove(&1);
    assert_eq!(find_cycle(&one_way, 3), None);
}

#[test]
fn every_yaml_parse_of_outside_bytes_goes_through_the_guarded_door() {
    // load/read.rs scans before it parses, the voter's own files too.
    const ALLOWED: [&str; 1] = ["src/load/read.rs"];
    let mut found = Vec::new();
    for file in files() {
        let path = file.path.display().to_string();
        for needle in [
            "serde_yaml::from_",
            "Deserializer::from_",
            "serde_yaml::from_reader",
        ] {
            if code(&file.text).contains(needle) && !ALLOWED.contains(&path.as_str()) {
                found.push(format!("{path}: {needle}"));
            }
        }
    }
    assert!(found.is_empty(), "YAML parsed past the guard: {found:?}");
}
