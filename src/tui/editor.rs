//! Handing a note to the voter's own editor.

/// Runs `$VISUAL` or `$EDITOR` (else `vi`) on a private temporary copy of `text`.
pub(super) fn edit_in_editor(text: &str) -> Result<String, String> {
    let set = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    let editor = set("VISUAL")
        .or_else(|| set("EDITOR"))
        .unwrap_or_else(|| "vi".to_string());
    let file = tempfile::Builder::new()
        .prefix("hustings-note-")
        .suffix(".md")
        .tempfile()
        .map_err(|e| e.to_string())?;
    // Editors expect a final newline; it is taken off again when the note comes back.
    let body = if text.is_empty() || text.ends_with('\n') {
        text.to_string()
    } else {
        format!("{text}\n")
    };
    std::fs::write(file.path(), body).map_err(|e| e.to_string())?;
    // The editor setting may carry arguments (`code --wait`), so a shell reads it.
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(file.path())
        .status()
        .map_err(|e| format!("{editor}: {e}"))?;
    if !status.success() {
        return Err(format!(
            "{editor} exited with {status}; the note is unchanged"
        ));
    }
    read_note(file.path())
}

/// The largest note taken back from an editor.
const MAX_NOTE_BYTES: u64 = 1024 * 1024;

/// The note the editor left in `path`: refused, with the note left as it was, when it is no
/// regular file or larger than a note may be (a 100 MB note would slow every save).
fn read_note(path: &std::path::Path) -> Result<String, String> {
    use crate::bounded::Refused;
    let bytes = crate::bounded::read(path, MAX_NOTE_BYTES).map_err(|refused| match refused {
        Refused::TooLarge(len) => format!(
            "the note is {len} bytes, more than the {MAX_NOTE_BYTES} a note may have; the note is unchanged"
        ),
        Refused::NotRegular => "the editor left no file; the note is unchanged".to_string(),
        Refused::Io(e) => format!("{e}; the note is unchanged"),
    })?;
    String::from_utf8(bytes)
        .map_err(|_| "the note is not UTF-8 text; the note is unchanged".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huge_note_from_the_editor_is_refused_and_a_fair_one_taken() {
        let dir = tempfile::tempdir().unwrap();
        let huge = dir.path().join("huge.md");
        let file = std::fs::File::create(&huge).unwrap();
        file.set_len(100 * 1024 * 1024).unwrap();
        let why = read_note(&huge).unwrap_err();
        assert!(
            why.contains("more than the 1048576 a note may have"),
            "{why}"
        );
        let fair = dir.path().join("fair.md");
        std::fs::write(&fair, "a fair note\n").unwrap();
        assert_eq!(read_note(&fair).unwrap(), "a fair note\n");
        std::fs::write(&fair, [0xff, 0xfe]).unwrap();
        assert!(read_note(&fair).unwrap_err().contains("not UTF-8"));
    }
}
