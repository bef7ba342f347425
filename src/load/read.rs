//! Turning a file's bytes into text: UTF-8, or Windows-1252 for published statements.

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

    #[test]
    fn latin1_is_decoded_with_a_warning() {
        let (text, warning) = decode_lossy(b"Ren\xe9 \x93quoted\x94".to_vec());
        assert_eq!(text, "René “quoted”");
        assert!(warning.is_some());
        assert_eq!(decode_lossy(b"plain".to_vec()).1, None);
    }
}
