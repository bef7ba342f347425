//! Documents of layouts no community here publishes, opened through the binary: each lists
//! exactly its candidates under their own names, in elections named by their own words;
//! `check --explain` says how each file was read; `election.yaml` can say how to read them,
//! and a mistake in it is named with its line and column.

#[path = "support/run.rs"]
mod run;

use std::path::Path;

use run::{hustings, path};

fn write(root: &Path, file: &str, text: &str) {
    let at = root.join(file);
    std::fs::create_dir_all(at.parent().unwrap()).unwrap();
    std::fs::write(at, text).unwrap();
}

/// The binary on `root`, with the voter's data inside it: `args` then the folder.
fn on(root: &Path, args: &[&str]) -> (String, String, Option<i32>) {
    let data = root.join(".data");
    let mut all = args.to_vec();
    // `check` reads no ballot: it is offered no data folder.
    if args.first() != Some(&"check") {
        all.extend(["--data-dir", path(&data)]);
    }
    all.push(path(root));
    hustings(&all)
}

fn list(root: &Path) -> (Vec<String>, String) {
    let (out, err, code) = on(root, &["list", "--order", "name"]);
    assert_eq!(code, Some(0), "{err}");
    (out.lines().map(str::to_string).collect(), err)
}

#[test]
fn six_layouts_in_one_tree_each_read_as_its_document_says() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // A Jekyll post, a section per candidate, handles after the names.
    write(
        root,
        "news/_posts/2030-01-01-vote.md",
        "---\ntitle: The Example Board Election 2030\n---\n\nWe elect **three seats**.\n\n---\n\n### Ann Lee (alee)\n\nAnn's words.\n\n---\n\n### Bo Ma (bma)\n\nBo's words.\n",
    );
    // A nominee table and the results in one document.
    write(
        root,
        "sc/election-2030.md",
        "# Example SC Election 2030\n\n## Nominees\n\n| Name | GitHub | Employer |\n|--|--|--|\n| Cy Do | [cydo](https://github.com/cydo) | Acme |\n| Di Ng | [ding](https://github.com/ding) | Beta |\n\n## Results\n\n| | Cy Do | Di Ng |\n|--|--|--|\n| Cy Do | | 2 |\n",
    );
    // A file per nominee named by its Candidate section, and a template.
    write(
        root,
        "tsc/README.md",
        "# Example TSC Nominees 2030\n\nOne seat.\n",
    );
    write(
        root,
        "tsc/Ed-Oh.md",
        "# Nomination\n\n### Candidate\n\nEd Oh - [edoh](https://github.com/edoh)\n\n### Statement\n\nI will.\n",
    );
    write(
        root,
        "tsc/sample.md",
        "# Nomination\n\n### Candidate\n\nJohn Doe - GitHub Username\n\n### Statement\n\nText.\n",
    );
    // A data file and the page that renders it.
    write(
        root,
        "site/_data/nominees.yml",
        "- name: Fay Wu\n  company: Gamma\n  bio: I build.\n- name: Gus Li\n  company: Delta\n  bio: I care.\n",
    );
    write(
        root,
        "site/board-2030.md",
        "---\ntitle: Board Election 2030\n---\n\n{% for p in site.data.nominees %}<h4>{{ p.name }}</h4>{% endfor %}\n",
    );
    // reStructuredText nominees whose statements are elsewhere.
    write(
        root,
        "peps/pep-9999.rst",
        "PEP: 9999\nTitle: 2031 Term Council election\n\nCandidates\n==========\n\n- `Hal Yu <https://d.example/hal>`_\n- `Ivy Qi <https://d.example/ivy>`_\n",
    );
    let (lines, err) = list(root);
    for line in [
        "Ann Lee\t\tThe Example Board Election 2030",
        "Bo Ma\t\tThe Example Board Election 2030",
        "Cy Do\tAcme\tExample SC Election 2030",
        "Di Ng\tBeta\tExample SC Election 2030",
        "Ed Oh\t\tExample TSC Nominees 2030",
        "Fay Wu\tGamma\tBoard Election 2030",
        "Gus Li\tDelta\tBoard Election 2030",
        "Hal Yu\t\t2031 Term Council election",
        "Ivy Qi\t\t2031 Term Council election",
    ] {
        assert!(
            lines.iter().any(|l| l == line),
            "{line:?} missing:\n{}\n{err}",
            lines.join("\n")
        );
    }
    assert_eq!(lines.len(), 9, "{}", lines.join("\n"));
    let (out, err, code) = on(root, &["check", "--explain"]);
    assert_eq!(code, Some(0), "{out}{err}");
    for said in [
        "election-2030.md: a document; 2 candidates from the table under 'Nominees'; 'Results' kept as the election's results",
        "sample.md: a template: its candidate is the stand-in 'John Doe'",
        "board-2030.md: a page that renders the data 'nominees'",
        "pep-9999.rst: a document; 2 candidates from the list under 'Candidates'",
        "Ed-Oh.md: one candidate's statement, named by its 'Candidate' section",
    ] {
        assert!(out.contains(said), "{said:?} not said:\n{out}");
    }
    let (out, _, _) = on(root, &["show", "--plain", "Hal"]);
    assert!(out.contains("https://d.example/hal"), "{out}");
}

#[test]
fn election_yaml_says_how_to_read_what_inference_would_not() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // Handles as headings: no name-like words, no profiles; only the official knows.
    write(
        root,
        "e/election.yaml",
        "name: Handles 2030\nread:\n  candidates: sections\n  level: 2\n",
    );
    write(
        root,
        "e/all.md",
        "# Handles\n\n## alice\n\nAlice's words.\n\n## bob\n\nBob's words.\n",
    );
    let (lines, _) = list(root);
    assert_eq!(lines, ["alice\t\tHandles 2030", "bob\t\tHandles 2030"]);
    let (out, _, _) = on(root, &["check", "--explain"]);
    assert!(
        out.contains("2 candidates from its level-2 headings (as election.yaml says)"),
        "{out}"
    );
    // A table under a heading of the official's naming, its name column named.
    write(
        root,
        "e/election.yaml",
        "name: Handles 2030\nread:\n  candidates: table\n  under: Ballot order\n  name: Who\n",
    );
    write(
        root,
        "e/all.md",
        "# X\n\n## Ballot order\n\n| # | Who |\n|--|--|\n| 1 | zed |\n| 2 | yan |\n",
    );
    let (lines, _) = list(root);
    assert_eq!(lines, ["yan\t\tHandles 2030", "zed\t\tHandles 2030"]);
    // A mistake is named where it is.
    write(
        root,
        "e/election.yaml",
        "name: Handles 2030\nread:\n  candidates: sectoins\n",
    );
    let (out, err, code) = on(root, &["check"]);
    assert_eq!(code, Some(1));
    assert!(
        format!("{out}{err}").contains("election.yaml:3:15"),
        "{out}{err}"
    );
    write(
        root,
        "e/election.yaml",
        "name: Handles 2030\nread:\n  candidates: sections\n  level: 9\n",
    );
    let (out, err, _) = on(root, &["check"]);
    assert!(
        format!("{out}{err}").contains("a heading level is 1 to 6, not 9"),
        "{out}{err}"
    );
}

#[test]
fn a_heading_with_a_trailing_space_and_a_wrapped_bullet_are_read_right() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "otel/candidates.md",
        "# 2030 Governance Committee Candidates\n\n### Ann Lee \n\n- Company: A\n\nAnn's words.\n\n### Bo Ma \n\nBo's own words.\n\n### Cy Do\n\n- Company: C\n\nCy's words.\n",
    );
    write(
        root,
        "nix/candidates/amlb.md",
        "- Name: Anna Maria\n  Lindqvist-Berg\n- GitHub handle: amlb\n\nMy words.\n\n## Q&A\n",
    );
    let (lines, _) = list(root);
    assert!(lines.iter().any(|l| l.starts_with("Bo Ma\t")), "{lines:?}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Anna Maria Lindqvist-Berg\t")),
        "{lines:?}"
    );
    let (out, _, _) = on(root, &["show", "--plain", "Ann Lee"]);
    assert!(
        out.contains("Ann's words.") && !out.contains("Bo's own words"),
        "{out}"
    );
    let (out, _, _) = on(root, &["show", "--plain", "Bo Ma"]);
    assert!(out.contains("Bo's own words."), "{out}");
    let (out, _, _) = on(root, &["show", "--plain", "Anna"]);
    assert!(
        out.contains("My words.") && !out.contains("GitHub handle"),
        "{out}"
    );
}

#[test]
fn hostile_documents_read_beside_a_good_candidate() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let good = "# Good Person\n\nI am good.\n";
    let lists: String = (0..20_000)
        .map(|i| format!("- item {i}\n\npara {i}\n\n"))
        .collect();
    let sections: String = (0..2_000)
        .map(|i| {
            format!(
                "### Ann Lee{} Xy{}\n\n- Company: A\n\nwords\n\n",
                i % 40,
                i / 40
            )
        })
        .collect();
    // Names of letters only: "Bo Maab", "Bo Maac", …
    let letters = |i: usize| -> String {
        [i / 676 % 26, i / 26 % 26, i % 26]
            .iter()
            .map(|&n| char::from(b'a' + n as u8))
            .collect()
    };
    let rows: String = (0..5_000)
        .map(|i| format!("| Bo Ma{} | A |\n", letters(i)))
        .collect();
    let cells: String = (0..5_000)
        .map(|i| format!("<tr><td>Cy Do{}</td><td>A</td>", letters(i)))
        .collect();
    let cases = [
        ("lists", format!("# T\n\n{lists}"), 2),
        ("sections", sections, 2_001),
        (
            "pipes",
            format!("## Nominees\n\n| Name | Employer |\n|--|--|\n{rows}"),
            5_001,
        ),
        (
            "html",
            format!("## Nominees\n\n<table><tr><td>Name</td><td>Employer</td>{cells}"),
            5_001,
        ),
        ("quotes", format!("{} deep\n", ">".repeat(100_000)), 2),
        (
            "toml",
            format!(
                "+++\na = {}{}\n+++\nbody\n",
                "[".repeat(50_000),
                "]".repeat(50_000)
            ),
            2,
        ),
    ];
    for (name, text, expected) in cases {
        let at = root.join(name);
        write(&at, "doc.md", &text);
        write(&at, "good.md", good);
        let (lines, err) = list(&at);
        assert!(
            lines.iter().any(|l| l.starts_with("Good Person\t")),
            "{name}: {err}"
        );
        assert_eq!(lines.len(), expected, "{name}: {err}");
    }
}

#[test]
fn data_files_of_nominees_in_toml_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "a/nominees.toml",
        "[[nominees]]\nname = \"Ann Lee\"\ncompany = \"Acme\"\nstatement = \"I build.\"\n\n[[nominees]]\nname = \"Bo Ma\"\nbio = \"I care.\"\n",
    );
    write(
        root,
        "b/candidates.json",
        "[{\"name\": \"Cy Do\", \"employer\": \"Beta\", \"statement\": \"Hi.\"}]",
    );
    write(
        root,
        "b/results.json",
        "[{\"name\": \"Cy Do\", \"votes\": 3}]",
    );
    let (lines, err) = list(root);
    let mut names: Vec<&str> = lines
        .iter()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    names.sort_unstable();
    assert_eq!(names, ["Ann Lee", "Bo Ma", "Cy Do"], "{err}");
    assert!(
        lines.iter().any(|l| l.starts_with("Ann Lee\tAcme\t")),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("Cy Do\tBeta\t")),
        "{lines:?}"
    );
    let (out, _, _) = on(root, &["show", "--plain", "Bo Ma"]);
    assert!(out.contains("I care."), "{out}");
    write(root, "b/candidates.json", "[{\"name\": ");
    let (out, err, code) = on(root, &["check"]);
    assert_eq!(code, Some(1));
    assert!(
        format!("{out}{err}").contains("candidates.json:1:"),
        "{out}{err}"
    );
}

#[test]
fn web_pages_are_read_as_the_documents_they_show() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "blog/2030-12-10-steering-council-candidates.html",
        "<!doctype html><html><head><title>Example Steering Council Election 2030 Candidates</title><script>var a = '<h3>Not Me</h3>';</script></head><body><nav><a href=\"/\">Home</a></nav><h1>Example Steering Council Election 2030 Candidates</h1><p>Voting opens 2030-12-12.</p><h3>Ann Lee</h3><ul><li>Company: <a href=\"https://acme.example\">Acme</a></li></ul><p>I will <em>listen</em> &amp; build.</p><h3>Bo Ma</h3><ul><li>Employer: Beta</li></ul><p>My words.</p></body></html>",
    );
    write(
        root,
        "one/index.html",
        "<html><body><h1>Cy Do</h1><p>I stand for the board.</p><table><tr><td>Why</td><td>Because</td></tr></table></body></html>",
    );
    let (lines, err) = list(root);
    for line in [
        "Ann Lee\tAcme\tExample Steering Council Election 2030",
        "Bo Ma\tBeta\tExample Steering Council Election 2030",
        "Cy Do\t\t",
    ] {
        assert!(
            lines.iter().any(|l| l.starts_with(line)),
            "{line:?} missing:\n{}\n{err}",
            lines.join("\n")
        );
    }
    assert_eq!(lines.len(), 3, "{lines:?}");
    let (out, _, _) = on(root, &["show", "--plain", "Ann Lee"]);
    assert!(out.contains("I will listen & build."), "{out}");
    assert!(
        !out.contains('<') || out.contains("<https://"),
        "no tag shown: {out}"
    );
    let (out, _, _) = on(root, &["show", "--plain", "Cy Do"]);
    assert!(
        out.contains("I stand for the board.") && out.contains("Because"),
        "{out}"
    );
}
