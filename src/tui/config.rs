//! The reader's configuration file: the theme and key bindings, over the defaults of `assets/config.toml`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::action::Action;
use super::keymap::{Chord, Keymap, parse_keys};
use super::theme::ThemeName;
use crate::error::{Error, ErrorKind, Result};

/// The default configuration, which also documents every setting.
pub const DEFAULT_CONFIG: &str = include_str!("../../assets/config.toml");

/// Every bindable action, in the order the help lists them.
pub const ACTIONS: &[Action] = &[
    Action::ScrollDown,
    Action::ScrollUp,
    Action::HalfPageDown,
    Action::HalfPageUp,
    Action::PageDown,
    Action::PageUp,
    Action::Top,
    Action::Bottom,
    Action::FocusNext,
    Action::FocusPrev,
    Action::ToggleQuotes,
    Action::ToggleTimeline,
    Action::ToggleRelated,
    Action::Select,
    Action::NextQuote,
    Action::PrevQuote,
    Action::NextDate,
    Action::PrevDate,
    Action::NextEntity,
    Action::PrevEntity,
    Action::NextRelated,
    Action::PrevRelated,
    Action::Back,
    Action::Forward,
    Action::Library,
    Action::Search,
    Action::SearchNext,
    Action::SearchPrev,
    Action::Cancel,
    Action::CopyQuote,
    Action::FilterSpeaker,
    Action::OpenLink,
    Action::FollowLink,
    Action::Help,
    Action::Quit,
    Action::ForceQuit,
    Action::Suspend,
];

/// The reader's settings.
#[derive(Clone, Debug)]
pub struct Config {
    pub theme: ThemeName,
    pub keymap: Keymap,
    /// Whether reading positions are kept between sessions, in the state file ([`state_path`]).
    pub remember: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    theme: Option<Spanned<String>>,
    remember: Option<bool>,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Spanned<Vec<Spanned<String>>>>,
}

impl Default for Config {
    fn default() -> Self {
        // The bundled defaults are tested to parse; should they ever not, an empty keymap still lets Ctrl-c quit.
        Config::parse(DEFAULT_CONFIG, Path::new("(defaults)"), None).unwrap_or(Config {
            theme: ThemeName::Dark,
            keymap: Keymap::default(),
            remember: true,
        })
    }
}

impl Config {
    /// Reads the configuration: `path` when given (it must exist), else the user's file if there is one, over
    /// the defaults.
    pub fn load(path: Option<&Path>) -> Result<Config> {
        let defaults = Config::default();
        let path: PathBuf = match path {
            Some(path) => path.to_path_buf(),
            None => match default_path() {
                Some(path) if path.is_file() => path,
                _ => return Ok(defaults),
            },
        };
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        Config::parse(&text, &path, Some(defaults))
    }

    /// Parses a configuration file's text over `base` (or over nothing, for the defaults themselves). Errors
    /// name the line and the problem.
    pub fn parse(text: &str, path: &Path, base: Option<Config>) -> Result<Config> {
        let error = |offset: Option<usize>, message: String| -> Error {
            ErrorKind::Config {
                path: path.to_path_buf(),
                line: offset.map(|o| line_of(text, o)),
                message,
            }
            .into()
        };
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let message = e.message().trim().to_string();
            error(e.span().map(|s| s.start), message)
        })?;
        let mut config = base.unwrap_or(Config {
            theme: ThemeName::Dark,
            keymap: Keymap::default(),
            remember: true,
        });
        if let Some(remember) = raw.remember {
            config.remember = remember;
        }
        if let Some(theme) = raw.theme {
            config.theme = match theme.get_ref().as_str() {
                "dark" => ThemeName::Dark,
                "light" => ThemeName::Light,
                "mono" => ThemeName::Mono,
                other => {
                    return Err(error(
                        Some(theme.span().start),
                        format!(
                            "unknown theme \"{other}\" (expected \"dark\", \"light\" or \"mono\")"
                        ),
                    ));
                }
            };
        }
        let mut parsed: Vec<(Action, Vec<Vec<Chord>>)> = Vec::new();
        let mut seen: Vec<(Vec<Chord>, Action)> = Vec::new();
        // In the file's order, so that a key bound twice is reported where it is bound the second time.
        let mut entries: Vec<_> = raw.keys.iter().collect();
        entries.sort_by_key(|(name, _)| name.span().start);
        for (name, keys) in entries {
            let action = Action::from_name(name.get_ref())
                .filter(|a| ACTIONS.contains(a))
                .ok_or_else(|| {
                    error(
                        Some(name.span().start),
                        format!("unknown action \"{}\"", name.get_ref()),
                    )
                })?;
            let mut sequences = Vec::new();
            for key in keys.get_ref() {
                let chords = parse_keys(key.get_ref()).ok_or_else(|| {
                    error(
                        Some(key.span().start),
                        format!("\"{}\" is not a key", key.get_ref()),
                    )
                })?;
                if let Some((_, other)) = seen.iter().find(|(k, _)| *k == chords) {
                    return Err(error(
                        Some(key.span().start),
                        format!(
                            "\"{}\" is bound to both {} and {}",
                            key.get_ref(),
                            other.name(),
                            action.name()
                        ),
                    ));
                }
                seen.push((chords.clone(), action.clone()));
                sequences.push(chords);
            }
            parsed.push((action, sequences));
        }
        // Bind in the help's order so that the keymap lists actions the same way whatever the file's order.
        for action in ACTIONS {
            if let Some((_, keys)) = parsed.iter().find(|(a, _)| a == action) {
                config.keymap.bind(action.clone(), keys.clone());
            }
        }
        Ok(config)
    }
}

/// Where the user's configuration file is looked for.
pub fn default_path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("liseuse").join("config.toml"))
}

/// The environment variable that names another state file.
pub const STATE_FILE_VAR: &str = "LISEUSE_STATE_FILE";

/// Where reading positions are kept: `$LISEUSE_STATE_FILE` when set, else `liseuse/state.json` in the user's
/// state folder (`$XDG_STATE_HOME`, usually `~/.local/state`), or in the local data folder where the system
/// has no state folder (macOS, Windows).
pub fn state_path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(STATE_FILE_VAR).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    dirs::state_dir()
        .or_else(dirs::data_local_dir)
        .map(|d| d.join("liseuse").join("state.json"))
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_parse_and_bind_every_action_but_follow_link() {
        let config = Config::parse(DEFAULT_CONFIG, Path::new("defaults"), None).unwrap();
        for action in ACTIONS {
            let bound = !config.keymap.keys(action).is_empty();
            assert_eq!(bound, *action != Action::FollowLink, "{action:?}");
        }
        assert_eq!(config.theme, ThemeName::Dark);
        assert!(config.remember);
    }

    #[test]
    fn remember_can_be_turned_off() {
        let rows = [
            ("remember = false\n", false),
            ("remember = true\n", true),
            ("theme = \"mono\"\n", true),
        ];
        for (text, expected) in rows {
            let config = Config::parse(text, Path::new("user"), Some(Config::default())).unwrap();
            assert_eq!(config.remember, expected, "{text}");
        }
        let error = Config::parse("remember = \"no\"\n", Path::new("user"), None)
            .unwrap_err()
            .to_string();
        assert!(error.contains("user:1:"), "{error}");
    }

    #[test]
    fn line_of_counts_from_one() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 4), 3);
    }
}
