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
    std::fs::read_to_string(file.path()).map_err(|e| e.to_string())
}
