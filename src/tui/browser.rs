//! Opening a link in the voter's browser and copying one to the clipboard. The program is
//! the voter's own (`$BROWSER`, else the platform's opener); the address is one argument,
//! never read by a shell, so nothing a candidate wrote chooses what runs.

use std::process::{Command, Stdio};

/// Opens `url` with `$BROWSER` (a `:`-separated list of commands; `%s` stands for the
/// address, else it is the last argument), else `xdg-open` (`open` on macOS). Returns the
/// program that took it.
pub fn open(url: &str) -> Result<String, String> {
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err("only http and https links are opened".to_string());
    }
    let mut tried = Vec::new();
    let browsers = std::env::var("BROWSER").unwrap_or_default();
    let fallback = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    for command in browsers
        .split(':')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .chain([fallback])
    {
        let (program, args) = command_line(command, url);
        match Command::new(&program)
            .args(&args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
        {
            Ok(mut child) => {
                // Reaped when it ends, so no zombie is left behind.
                std::thread::spawn(move || child.wait());
                return Ok(program);
            }
            Err(e) => tried.push(format!("{program}: {e}")),
        }
    }
    Err(format!(
        "no browser could be started ({})",
        tried.join("; ")
    ))
}

/// `firefox --new-tab %s` → ("firefox", ["--new-tab", url]); `lynx` → ("lynx", [url]).
fn command_line(command: &str, url: &str) -> (String, Vec<String>) {
    let mut words = command.split_whitespace().map(str::to_string);
    let program = words.next().unwrap_or_default();
    let mut args: Vec<String> = words.collect();
    if args.iter().any(|a| a.contains("%s")) {
        for a in &mut args {
            *a = a.replace("%s", url);
        }
    } else {
        args.push(url.to_string());
    }
    (program, args)
}

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard (it travels
/// over ssh with the rest of the output).
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_as_the_rfc_gives_it() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded);
        }
        assert_eq!(osc52("foo"), "\x1b]52;c;Zm9v\x07");
    }

    #[test]
    fn the_address_is_one_argument_of_the_voters_command() {
        let url = "https://x.example/a;rm -rf ~";
        assert_eq!(
            command_line("firefox --new-tab %s", url),
            (
                "firefox".to_string(),
                vec!["--new-tab".to_string(), url.to_string()]
            )
        );
        assert_eq!(
            command_line("lynx", url),
            ("lynx".to_string(), vec![url.to_string()])
        );
        assert!(open("javascript:alert(1)").is_err());
        assert!(open("file:///etc/passwd").is_err());
    }
}
