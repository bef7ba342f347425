//! The voter's config file, `config.toml`: keys bound to actions by name, colours by role,
//! and defaults for `--order` and `--data-dir`. Read from text; reading the file is the
//! command line's. A broken entry is named with its line and column and left out; the rest
//! still counts, and a file that is no TOML at all leaves every default as it is.

use std::collections::BTreeMap;
use std::path::PathBuf;

use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use toml::Spanned;

use crate::action::{Action, NAMED};
use crate::keymap::{self, NORMAL};
use crate::ui::theme::{self, Theme};
use crate::voter::order::OrderMode;

/// What a config file sets; everything left unset keeps its default.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// `order`: the default for `--order`.
    pub order: Option<OrderMode>,
    /// `data_dir`: the default for `--data-dir` (`~/` is the home folder).
    pub data_dir: Option<PathBuf>,
    /// `[keys]`: keys of the main screen, each bound to an action, or unbound (`"none"`).
    pub keys: Vec<(KeyCode, Option<Action>)>,
    /// `[theme]`: styles by role.
    pub theme: Vec<(String, Style)>,
}

/// The file as TOML has it, positions kept for the messages.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    order: Option<Spanned<String>>,
    data_dir: Option<Spanned<String>>,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    theme: BTreeMap<Spanned<String>, Spanned<String>>,
}

impl Config {
    /// Reads a config file's text: the settings, and each problem as `line:column: what`.
    pub fn parse(text: &str) -> (Config, Vec<String>) {
        let file: File = match toml::from_str(text) {
            Ok(file) => file,
            Err(e) => {
                let at = e.span().map_or((1, 1), |s| line_column(text, s.start));
                let message = e.message().trim().to_string();
                return (
                    Config::default(),
                    vec![format!("{}:{}: {message}; every default kept", at.0, at.1)],
                );
            }
        };
        let mut config = Config::default();
        let mut problems = Vec::new();
        let lines = LineStarts::of(text);
        let mut more = 0;
        let mut problem = |span: std::ops::Range<usize>, what: String| {
            // A handful is what a person reads: the rest are counted (100,000 bad keys
            // once each took a scan of the file).
            if problems.len() == MAX_PROBLEMS {
                more += 1;
                return;
            }
            let (line, column) = lines.line_column(text, span.start);
            problems.push(format!("{line}:{column}: {what}"));
        };
        if let Some(order) = file.order {
            match order.get_ref().parse::<OrderMode>() {
                Ok(mode) => config.order = Some(mode),
                Err(why) => problem(order.span(), why),
            }
        }
        if let Some(dir) = file.data_dir {
            config.data_dir = Some(home_relative(dir.get_ref()));
        }
        for (key, action) in &file.keys {
            let Some(code) = keymap::key_named(key.get_ref()) else {
                problem(
                    key.span(),
                    format!(
                        "\"{}\" is no key: a character, or enter, esc, tab, space, backspace, up, down, left, right, home, end, pageup, pagedown, delete, f1–f12",
                        quoted(key.get_ref())
                    ),
                );
                continue;
            };
            let name = action.get_ref();
            if name == "none" {
                config.keys.push((code, None));
                continue;
            }
            match Action::named(name) {
                Some(action) => config.keys.push((code, Some(action))),
                None => problem(
                    action.span(),
                    format!(
                        "\"{}\" is no action: see `hustings config --default`",
                        quoted(name)
                    ),
                ),
            }
        }
        for (role, spec) in &file.theme {
            if !theme::ROLES.contains(&role.get_ref().as_str()) {
                problem(
                    role.span(),
                    format!(
                        "\"{}\" is no role of the theme: one of {}",
                        quoted(role.get_ref()),
                        theme::ROLES.join(", ")
                    ),
                );
                continue;
            }
            match style(spec.get_ref()) {
                Ok(style) => config.theme.push((role.get_ref().clone(), style)),
                Err(why) => problem(spec.span(), why),
            }
        }
        if more > 0 {
            problems.push(format!(
                "and {more} more problem{} like these",
                if more == 1 { "" } else { "s" }
            ));
        }
        (config, problems)
    }

    /// `theme` with this config's roles set.
    pub fn apply(&self, theme: &Theme) -> Theme {
        let mut theme = theme.clone();
        for (role, style) in &self.theme {
            if let Some(slot) = theme.role_mut(role) {
                *slot = *style;
            }
        }
        theme
    }
}

/// `~/x` under the home folder; anything else as written.
fn home_relative(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), directories::BaseDirs::new()) {
        (Some(rest), Some(dirs)) => dirs.home_dir().join(rest),
        _ => PathBuf::from(path),
    }
}

/// The most problems of a config file named one by one.
const MAX_PROBLEMS: usize = 20;

/// The most characters of a key or value a problem quotes.
const MAX_QUOTED: usize = 60;

/// `value` as a problem quotes it: cut after [`MAX_QUOTED`] characters (a 30 MB value was
/// once echoed whole).
fn quoted(value: &str) -> String {
    match value.char_indices().nth(MAX_QUOTED) {
        Some((at, _)) => format!("{}…", &value[..at]),
        None => value.to_string(),
    }
}

/// Where each line of a text starts, found once.
struct LineStarts(Vec<usize>);

impl LineStarts {
    fn of(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|at| at + 1));
        LineStarts(starts)
    }

    /// Line and column (from 1) of byte `offset` in `text`.
    fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.0.partition_point(|&start| start <= offset);
        let start = self.0[line - 1];
        let column = text.get(start..offset).map_or(0, |l| l.chars().count()) + 1;
        (line, column)
    }
}

/// Line and column (from 1) of byte `offset` in `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    LineStarts::of(text).line_column(text, offset)
}

/// `"bold yellow on blue"`, `"#ffaa00"`, `"reversed"`: modifiers, a colour, `on` a
/// background.
fn style(spec: &str) -> Result<Style, String> {
    let mut style = Style::new();
    let mut background = false;
    for word in spec.split_whitespace() {
        let modifier = match word.to_lowercase().as_str() {
            "on" => {
                background = true;
                continue;
            }
            "bold" => Some(Modifier::BOLD),
            "dim" => Some(Modifier::DIM),
            "italic" => Some(Modifier::ITALIC),
            "underlined" => Some(Modifier::UNDERLINED),
            "reversed" => Some(Modifier::REVERSED),
            "crossed_out" => Some(Modifier::CROSSED_OUT),
            _ => None,
        };
        if let Some(m) = modifier {
            style = style.add_modifier(m);
            continue;
        }
        let color: Color = word.parse().map_err(|_| {
            format!(
                "\"{}\" is no colour: a name (yellow, lightblue…), #rrggbb or 0–255",
                quoted(word)
            )
        })?;
        style = if background {
            style.bg(color)
        } else {
            style.fg(color)
        };
    }
    Ok(style)
}

/// A config file with every setting at its default, commented out, to copy and edit.
pub fn default_file() -> String {
    let mut out = String::from(
        "# hustings config: remove a `#` to change a setting.\n\
         # Where it lives: $XDG_CONFIG_HOME/hustings/config.toml (the platform's config folder).\n\
         \n\
         # The default for --order: random (yours, stable), name, or a number (a seed).\n\
         # order = \"random\"\n\
         # The default for --data-dir, where your notes and ranking are kept.\n\
         # data_dir = \"~/.local/share/hustings\"\n\
         \n\
         [keys]\n\
         # A key of the main screen = an action; \"none\" unbinds a key. Keys: a character,\n\
         # or enter, esc, tab, space, backspace, up, down, left, right, home, end, pageup,\n\
         # pagedown, delete, f1 to f12. The actions and their keys now:\n",
    );
    for (name, action) in NAMED {
        let keys: Vec<String> = NORMAL
            .iter()
            .filter(|b| &b.action == action)
            .flat_map(|b| b.keys.iter().map(|k| keymap::key_label(*k)))
            .collect();
        let help = NORMAL
            .iter()
            .find(|b| &b.action == action)
            .map_or("", |b| b.help);
        match keys.first() {
            Some(key) => out.push_str(&format!("# {key:?} = \"{name}\"    # {help}\n")),
            None => out.push_str(&format!("# ? = \"{name}\"\n")),
        }
    }
    out.push_str(
        "\n[theme]\n\
         # A role = modifiers, a colour, `on` a background colour: \"bold yellow on blue\".\n\
         # Colours: black, red, green, yellow, blue, magenta, cyan, gray, darkgray, lightred,\n\
         # lightgreen, lightyellow, lightblue, lightmagenta, lightcyan, white, #rrggbb, 0-255.\n\
         # Modifiers: bold, dim, italic, underlined, reversed, crossed_out. NO_COLOR wins.\n",
    );
    for role in theme::ROLES {
        out.push_str(&format!("# {role} = \"…\"\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_theme_and_defaults_are_read() {
        let (config, problems) = Config::parse(
            "order = \"name\"\ndata_dir = \"/tmp/votes\"\n[keys]\nQ = \"quit\"\nx = \"none\"\nf2 = \"help\"\n[theme]\nselected = \"bold black on #ffaa00\"\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config.order, Some(OrderMode::Name));
        assert_eq!(config.data_dir, Some(PathBuf::from("/tmp/votes")));
        assert!(
            config
                .keys
                .contains(&(KeyCode::Char('Q'), Some(Action::Quit)))
        );
        assert!(config.keys.contains(&(KeyCode::Char('x'), None)));
        assert!(config.keys.contains(&(KeyCode::F(2), Some(Action::Help))));
        let theme = config.apply(&theme::COLOR);
        assert_eq!(
            theme.selected,
            Style::new()
                .add_modifier(Modifier::BOLD)
                .fg(Color::Black)
                .bg(Color::Rgb(0xff, 0xaa, 0x00))
        );
    }

    #[test]
    fn a_broken_entry_is_named_with_its_line_and_the_rest_counts() {
        let (config, problems) = Config::parse(
            "order = \"sideways\"\n[keys]\nQ = \"quitt\"\nq = \"help\"\n[theme]\nborder = \"plaid\"\nnope = \"red\"\n",
        );
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(
            problems[0].starts_with("1:9: `sideways` is not an order"),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("3:5: \"quitt\" is no action"))
        );
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("6:10: \"plaid\" is no colour"))
        );
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("7:1: \"nope\" is no role"))
        );
        assert_eq!(config.keys, vec![(KeyCode::Char('q'), Some(Action::Help))]);
    }

    #[test]
    fn a_file_that_is_no_toml_keeps_every_default() {
        let (config, problems) = Config::parse("[keys]\nQ = quit\n");
        assert_eq!(config, Config::default());
        assert_eq!(problems.len(), 1);
        assert!(problems[0].starts_with("2:5: "), "{problems:?}");
        let (_, problems) = Config::parse("colour = \"red\"\n");
        assert!(
            problems[0].starts_with("1:1: unknown field `colour`"),
            "{problems:?}"
        );
    }

    #[test]
    fn the_default_file_reads_back_as_no_change_and_names_every_action() {
        let text = default_file();
        assert_eq!(Config::parse(&text), (Config::default(), Vec::new()));
        for (name, _) in NAMED {
            assert!(text.contains(&format!("\"{name}\"")), "{name}");
        }
        // Uncommented, each line binds what is bound already.
        let live: String = text
            .lines()
            .map(|l| {
                l.strip_prefix("# ")
                    .filter(|l| {
                        l.contains(" = \"")
                            && !l.starts_with("? ")
                            && !l.contains('…')
                            && !l.starts_with("order")
                            && !l.starts_with("data_dir")
                    })
                    .unwrap_or(l)
            })
            .collect::<Vec<_>>()
            .join("\n");
        let (config, problems) = Config::parse(&live);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(
            config
                .keys
                .contains(&(KeyCode::Char('q'), Some(Action::Quit)))
        );
    }
}
