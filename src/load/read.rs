//! The one guarded door every outside byte comes through: regular files only, size-capped
//! before reading; UTF-8 (or Windows-1252 for published statements); and the YAML pre-scan
//! before serde_yaml sees any of it, whatever the YAML is (candidate files, election.yaml,
//! Elekto headers, OpenStack results).

use std::path::Path;

use serde::de::DeserializeOwned;
use serde_yaml::Value;

use super::guard;
use crate::roster::LoadError;

/// Largest file read at all: statements of many megabytes still open; `/dev/zero` does not.
pub const MAX_READ_BYTES: u64 = 16 * 1024 * 1024;

/// Why a path is no file to read, if it is none: a folder, FIFO, device or socket (a FIFO
/// would block a read forever, a device never end).
pub fn not_a_regular_file(path: &Path) -> Option<&'static str> {
    // Unreadable metadata: the read says why.
    std::fs::metadata(path).ok().and_then(|m| not_regular(&m))
}

/// As [`not_a_regular_file`], for what a look at the file found.
pub fn not_regular(meta: &std::fs::Metadata) -> Option<&'static str> {
    if meta.is_file() {
        None
    } else if meta.is_dir() {
        Some("a folder")
    } else {
        Some("not a regular file (a FIFO, device or socket): skipped")
    }
}

/// Reads a regular file of at most [`MAX_READ_BYTES`].
pub fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    use crate::bounded::Refused;
    crate::bounded::read(path, MAX_READ_BYTES).map_err(|refused| {
        let message = match refused {
            Refused::NotRegular => match not_a_regular_file(path) {
                Some(why) => why.to_string(),
                None => "not a regular file (a FIFO, device or socket): skipped".to_string(),
            },
            Refused::TooLarge(len) => too_large(len),
            Refused::Io(e) => e.to_string(),
        };
        LoadError::new(path, None, None, &message)
    })
}

fn too_large(bytes: u64) -> String {
    format!("file is {bytes} bytes, more than the {MAX_READ_BYTES} hustings reads")
}

/// Checks that `bytes` are non-empty UTF-8, naming the position of the first bad byte.
pub fn decode_strict(path: &Path, bytes: Vec<u8>) -> Result<String, LoadError> {
    match String::from_utf8(bytes) {
        Ok(text) if text.trim().is_empty() => Err(LoadError::new(path, None, None, "empty file")),
        Ok(text) => Ok(text
            .strip_prefix('\u{feff}')
            .map(str::to_string)
            .unwrap_or(text)),
        Err(e) => {
            let bytes = e.as_bytes();
            let at = e.utf8_error().valid_up_to();
            let valid = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
            let line = valid.matches('\n').count() + 1;
            let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            Err(LoadError::new(
                path,
                Some(line),
                Some(column),
                &format!("not valid UTF-8 (byte 0x{:02X})", bytes[at]),
            ))
        }
    }
}

fn guarded(path: &Path, text: &str) -> Result<(), LoadError> {
    guard::check(text).map_err(|r| LoadError::new(path, r.line, r.column, &r.message))
}

/// One YAML document of `path`, after the pre-scan.
pub fn yaml<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, LoadError> {
    guarded(path, text)?;
    serde_yaml::from_str(text).map_err(|e| LoadError::from_yaml(path, &e))
}

/// The voter's own YAML (ballots, seed, place), after the pre-scan of aliases and nesting
/// but without a candidate file's size limit: its reader caps it. A file changed by hand, or
/// by anything else, never reaches serde_yaml as a bomb.
pub fn voter_yaml<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    guard::check_structure(text).map_err(|r| match (r.line, r.column) {
        (Some(line), Some(column)) => format!("{} at line {line} column {column}", r.message),
        _ => r.message,
    })?;
    serde_yaml::from_str(text).map_err(|e| e.to_string())
}

/// Every YAML document of `path`, after the pre-scan.
pub fn yaml_documents<T: DeserializeOwned>(path: &Path, text: &str) -> Result<Vec<T>, LoadError> {
    guarded(path, text)?;
    serde_yaml::Deserializer::from_str(text)
        .map(|document| T::deserialize(document).map_err(|e| LoadError::from_yaml(path, &e)))
        .collect()
}

/// Why YAML inside another file could not be read, and where in that YAML (from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlProblem {
    /// The line, where known.
    pub line: Option<usize>,
    /// The column, where known.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl YamlProblem {
    /// Says what is wrong and where, the YAML's first line being line `first_line` of its
    /// file.
    pub fn at(&self, first_line: usize) -> String {
        match (self.line, self.column) {
            (Some(line), Some(column)) => format!(
                "line {}, column {column}: {}",
                line + first_line - 1,
                self.message
            ),
            _ => self.message.clone(),
        }
    }
}

/// YAML found inside another file (an Elekto header, a results file), after the pre-scan.
pub fn yaml_value(text: &str) -> Result<Value, YamlProblem> {
    if let Err(refusal) = guard::check(text) {
        return Err(YamlProblem {
            line: refusal.line,
            column: refusal.column,
            message: refusal.message,
        });
    }
    serde_yaml::from_str(text).map_err(|e| {
        let location = e.location();
        let message = e.to_string();
        // serde_yaml appends " at line L column C"; the position is kept apart.
        let message = match message.find(" at line ") {
            Some(i) if location.is_some() => message[..i].to_string(),
            _ => message,
        };
        YamlProblem {
            line: location.as_ref().map(serde_yaml::Location::line),
            column: location.as_ref().map(serde_yaml::Location::column),
            message,
        }
    })
}

/// Decodes a file: UTF-8, else Windows-1252 (a superset of Latin-1) with a warning.
pub fn decode_lossy(bytes: Vec<u8>) -> (String, Option<String>) {
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => {
            let bytes = e.into_bytes();
            let text = bytes.iter().map(|&b| windows_1252(b)).collect();
            (
                text,
                Some("not valid UTF-8; read as Windows-1252 (Latin-1)".to_string()),
            )
        }
    }
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn fifos_and_devices_are_refused_without_reading() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("JaneDoe.md");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            assert!(not_a_regular_file(&fifo).is_some());
            let e = read_file(&fifo).unwrap_err();
            assert!(e.message.contains("not a regular file"), "{e}");
        }
        let zero = dir.path().join("zero.md");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        let e = read_file(&zero).unwrap_err();
        assert!(e.message.contains("not a regular file"), "{e}");
    }

    #[test]
    fn a_file_over_the_cap_is_refused_and_one_at_the_cap_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let at = dir.path().join("at.md");
        std::fs::write(&at, vec![b'a'; MAX_READ_BYTES as usize]).unwrap();
        assert_eq!(read_file(&at).unwrap().len() as u64, MAX_READ_BYTES);
        let over = dir.path().join("over.md");
        std::fs::write(&over, vec![b'a'; MAX_READ_BYTES as usize + 1]).unwrap();
        let e = read_file(&over).unwrap_err();
        assert!(e.message.contains("more than"), "{e}");
    }

    #[test]
    fn yaml_inside_other_files_is_scanned_before_it_is_parsed() {
        let deep = format!("x: {}{}", "[".repeat(100_000), "]".repeat(100_000));
        let e = yaml_value(&deep).unwrap_err();
        assert!(e.message.contains("nest"), "{e:?}");
        assert_eq!(
            e.at(10),
            format!("line 10, column {}: {}", e.column.unwrap(), e.message)
        );
        let mut bomb = String::from("a: &a [1, 2]\nb: [");
        bomb.push_str(&"*a, ".repeat(5_000));
        bomb.push_str("]\n");
        let e = yaml_value(&bomb).unwrap_err();
        assert!(e.message.contains("aliases"), "{e:?}");
        assert_eq!(e.line, Some(2));
        assert_eq!(
            yaml_value("name: A\n").unwrap()["name"],
            Value::String("A".into())
        );
    }

    #[test]
    fn latin1_is_decoded_with_a_warning() {
        let (text, warning) = decode_lossy(b"Ren\xe9 \x93quoted\x94".to_vec());
        assert_eq!(text, "René “quoted”");
        assert!(warning.is_some());
        assert_eq!(decode_lossy(b"plain".to_vec()).1, None);
    }
}
