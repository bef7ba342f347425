//! A folder's links are followed only where they lead inside the folder the voter opened: a
//! repository holding `key.md -> ~/.ssh/id_ed25519` or `elections -> /` shows no file from
//! outside, copies none into the cache, and walks nothing but itself.

#[path = "support/run.rs"]
mod run;

use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use hustings::roster::Roster;
use run::{hustings, path};

/// A folder `repo` with one good candidate, a secret beside it (outside), and links of
/// every kind: out to the secret, to `/etc/passwd`, to `/`, to the folder above; in to a
/// sub-folder and to the good file.
fn repository(dir: &Path) -> PathBuf {
    let secret = dir.join("secret.yaml");
    std::fs::write(
        &secret,
        "name: Private Key\nstatement: BEGIN OPENSSH PRIVATE KEY\n",
    )
    .unwrap();
    let repo = dir.join("repo");
    let election = repo.join("elections/2030");
    std::fs::create_dir_all(&election).unwrap();
    std::fs::write(
        election.join("ann.yaml"),
        "name: Ann Good\nstatement: Hello.\n",
    )
    .unwrap();
    let real = repo.join("real");
    std::fs::create_dir_all(&real).unwrap();
    std::fs::write(real.join("bo.yaml"), "name: Bo Inside\nstatement: Hi.\n").unwrap();
    symlink(&secret, election.join("Key.md")).unwrap();
    symlink("/etc/passwd", election.join("passwd.txt")).unwrap();
    symlink("/", election.join("everything")).unwrap();
    symlink("../../..", election.join("up")).unwrap();
    symlink("../../real", election.join("linked")).unwrap();
    symlink("ann.yaml", election.join("same.yaml")).unwrap();
    repo
}

#[test]
fn links_out_of_the_folder_opened_are_listed_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let repo = repository(dir.path());
    let (roster, errors) = Roster::load_paths(std::slice::from_ref(&repo));
    let names: Vec<&str> = roster.candidates.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Ann Good", "Bo Inside"], "{errors:?}");
    let skipped: Vec<String> = roster
        .skipped
        .iter()
        .map(|(p, why)| format!("{p}: {why}"))
        .collect();
    for link in ["Key.md", "passwd.txt", "everything", "up"] {
        assert!(
            skipped
                .iter()
                .any(|s| s.contains(&format!("/{link}: a link to "))
                    && s.contains("outside the folder opened: not followed")),
            "{link} not listed: {skipped:?}"
        );
    }
    assert!(
        skipped.iter().any(|s| s.contains("Key.md")
            && s.contains(&format!("{}", dir.path().join("secret.yaml").display()))),
        "says where it leads: {skipped:?}"
    );

    // The commands: nothing of the secret printed, the links named with -v.
    let (out, err, code) = hustings(&["list", "--no-cache", path(&repo)]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("Ann Good") && out.contains("Bo Inside"),
        "{out}"
    );
    assert!(
        !out.contains("Private Key") && !out.contains("root:"),
        "{out}"
    );
    let (out, _, _) = hustings(&["show", "--plain", path(&repo), "Private"]);
    assert!(!out.contains("OPENSSH"), "{out}");
    let (_, err, _) = hustings(&["list", "-v", "--no-cache", path(&repo)]);
    assert!(err.contains("passwd.txt: a link to /etc/passwd"), "{err}");
}

#[test]
fn a_folder_named_through_a_link_is_its_own_root() {
    let dir = tempfile::tempdir().unwrap();
    let repo = repository(dir.path());
    let alias = dir.path().join("alias");
    symlink(&repo, &alias).unwrap();
    let (roster, _) = Roster::load_paths(&[alias]);
    let names: Vec<&str> = roster.candidates.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Ann Good", "Bo Inside"]);
    // A file named by the voter is read, wherever it is.
    let (roster, _) = Roster::load_paths(&[dir.path().join("secret.yaml")]);
    assert_eq!(roster.candidates.len(), 1);
}

#[test]
fn a_candidate_deeper_than_a_path_can_be_is_listed_not_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("deep");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::write(
        root.join("good.yaml"),
        "name: Ann Good\nstatement: Hello.\n",
    )
    .unwrap();
    // Made a folder at a time from the one before: no single path could name the last.
    let part = "d".repeat(200);
    let script = format!(
        "cd '{}' && for i in $(seq 1 25); do mkdir {part} && cd {part} || exit 1; done && printf 'name: Too Deep\\nstatement: s\\n' > deep.yaml",
        root.display()
    );
    let made = std::process::Command::new("bash")
        .args(["-c", &script])
        .status()
        .unwrap();
    assert!(made.success());
    let (roster, errors) = Roster::load_paths(std::slice::from_ref(&root));
    assert!(roster.candidates.iter().any(|c| c.name == "Ann Good"));
    assert!(
        errors.iter().any(|e| e.message.contains("too long")),
        "the deep folder is named, with why: {errors:?}"
    );
}
