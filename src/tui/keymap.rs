//! Keys to actions: the one table the event loop, the help overlay and the status-bar hints all read.
//!
//! A binding is a sequence of chords written as in the configuration file: `j`, `G`, `ctrl-d`, `space`,
//! `pgdn`, `shift-tab`, or several chords such as `]q` (each character a chord) or `g space` (chords separated
//! by spaces).

use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// One key press with the modifiers that matter (Ctrl and Alt; Shift is part of the character).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Chord {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Chord {
    fn plain(code: KeyCode) -> Self {
        Chord {
            code,
            ctrl: false,
            alt: false,
        }
    }

    /// The chord of a key event, normalised so that `G` with Shift is `G` and Shift-Tab is `BackTab`.
    pub fn from_event(event: &KeyEvent) -> Self {
        let code = match event.code {
            KeyCode::Tab if event.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            code => code,
        };
        Chord {
            code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        }
    }
}

/// Key names, as written in the configuration file and shown in the help.
const NAMES: &[(&str, KeyCode)] = &[
    ("space", KeyCode::Char(' ')),
    ("enter", KeyCode::Enter),
    ("return", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("escape", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("shift-tab", KeyCode::BackTab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("bs", KeyCode::Backspace),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("pgup", KeyCode::PageUp),
    ("pageup", KeyCode::PageUp),
    ("pgdn", KeyCode::PageDown),
    ("pagedown", KeyCode::PageDown),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("insert", KeyCode::Insert),
    ("delete", KeyCode::Delete),
    ("del", KeyCode::Delete),
];

/// Parses one chord: a key name or a single character, after optional `ctrl-` / `alt-` prefixes.
fn parse_chord(token: &str) -> Option<Chord> {
    let mut rest = token;
    let mut ctrl = false;
    let mut alt = false;
    loop {
        let lower = rest.to_ascii_lowercase();
        if rest.chars().count() > 1 && (lower.starts_with("ctrl-") || lower.starts_with("c-")) {
            ctrl = true;
            rest = &rest[rest.find('-')? + 1..];
        } else if rest.chars().count() > 1 && (lower.starts_with("alt-") || lower.starts_with("m-"))
        {
            alt = true;
            rest = &rest[rest.find('-')? + 1..];
        } else {
            break;
        }
    }
    let lower = rest.to_ascii_lowercase();
    let code = if let Some((_, code)) = NAMES.iter().find(|(name, _)| *name == lower) {
        *code
    } else if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
        KeyCode::F(n)
    } else {
        let mut chars = rest.chars();
        let c = chars.next()?;
        if chars.next().is_some() {
            return None;
        }
        // Ctrl with a letter arrives lower-case from terminals.
        KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c })
    };
    Some(Chord { code, ctrl, alt })
}

/// Parses a binding: chords separated by spaces, where a token that is not a key name stands for one chord per
/// character (`]q`). `None` when a token is not a key.
pub fn parse_keys(spec: &str) -> Option<Vec<Chord>> {
    if spec == " " {
        return Some(vec![Chord::plain(KeyCode::Char(' '))]);
    }
    let mut chords = Vec::new();
    for token in spec.split_whitespace() {
        if let Some(chord) = parse_chord(token) {
            chords.push(chord);
        } else if token.contains('-') && token.chars().count() > 1 {
            // A modifier form that did not parse ("ctrl-nope") is an error, not a run of characters.
            return None;
        } else {
            chords.extend(token.chars().map(|c| Chord::plain(KeyCode::Char(c))));
        }
    }
    (!chords.is_empty()).then_some(chords)
}

impl fmt::Display for Chord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::Insert => f.write_str("Insert"),
            KeyCode::Delete => f.write_str("Delete"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// Shows a sequence of chords: `]q`, `Ctrl-d`, `g Space`.
pub fn show_keys(keys: &[Chord]) -> String {
    let simple = keys
        .iter()
        .all(|k| matches!(k.code, KeyCode::Char(c) if c != ' ') && !k.ctrl && !k.alt);
    let parts: Vec<String> = keys.iter().map(Chord::to_string).collect();
    if simple {
        parts.concat()
    } else {
        parts.join(" ")
    }
}

/// What a key press means given the keys pressed before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// The sequence is complete.
    Action(Action),
    /// The keys so far begin a longer binding: wait for the next.
    Pending,
    /// Nothing is bound to these keys.
    Unbound,
}

/// The bindings: for each action, the key sequences that trigger it, in the order they are shown.
#[derive(Clone, Debug, Default)]
pub struct Keymap {
    bindings: Vec<(Action, Vec<Vec<Chord>>)>,
}

impl Keymap {
    /// Binds `keys` to `action`, replacing what the action had, and taking these sequences away from any other
    /// action so that one sequence always means one thing.
    pub fn bind(&mut self, action: Action, keys: Vec<Vec<Chord>>) {
        for (_, other) in &mut self.bindings {
            other.retain(|k| !keys.contains(k));
        }
        if let Some((_, existing)) = self.bindings.iter_mut().find(|(a, _)| *a == action) {
            *existing = keys;
        } else {
            self.bindings.push((action, keys));
        }
    }

    /// The key sequences of an action.
    pub fn keys(&self, action: &Action) -> &[Vec<Chord>] {
        self.bindings
            .iter()
            .find(|(a, _)| a == action)
            .map(|(_, k)| k.as_slice())
            .unwrap_or(&[])
    }

    /// The first key of an action, as shown in hints, or `None` when it is unbound.
    pub fn hint(&self, action: &Action) -> Option<String> {
        self.keys(action).first().map(|k| show_keys(k))
    }

    /// Every action with its keys, in the order of the defaults: what the help overlay lists.
    pub fn bindings(&self) -> impl Iterator<Item = (&Action, &[Vec<Chord>])> {
        self.bindings.iter().map(|(a, k)| (a, k.as_slice()))
    }

    /// Resolves the keys pressed so far (`pending`, then `chord`). The caller keeps `pending` between presses:
    /// it is extended while a longer binding may still match and cleared otherwise.
    pub fn resolve(&self, pending: &mut Vec<Chord>, chord: Chord) -> Resolution {
        pending.push(chord);
        let mut prefix = false;
        for (action, sequences) in &self.bindings {
            for keys in sequences {
                if keys == pending {
                    pending.clear();
                    return Resolution::Action(action.clone());
                }
                if keys.len() > pending.len() && keys.starts_with(pending) {
                    prefix = true;
                }
            }
        }
        if prefix {
            return Resolution::Pending;
        }
        let was_sequence = pending.len() > 1;
        pending.clear();
        if was_sequence {
            // An unfinished sequence followed by another key: the key counts on its own.
            return self.resolve(pending, chord);
        }
        Resolution::Unbound
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ch(c: char) -> Chord {
        Chord::plain(KeyCode::Char(c))
    }

    #[test]
    fn parses_key_specs() {
        let ctrl_d = Chord {
            code: KeyCode::Char('d'),
            ctrl: true,
            alt: false,
        };
        let rows: &[(&str, Option<Vec<Chord>>)] = &[
            ("j", Some(vec![ch('j')])),
            ("G", Some(vec![ch('G')])),
            ("]q", Some(vec![ch(']'), ch('q')])),
            ("ctrl-d", Some(vec![ctrl_d])),
            ("Ctrl-D", Some(vec![ctrl_d])),
            ("space", Some(vec![ch(' ')])),
            ("pgdn", Some(vec![Chord::plain(KeyCode::PageDown)])),
            ("shift-tab", Some(vec![Chord::plain(KeyCode::BackTab)])),
            ("g space", Some(vec![ch('g'), ch(' ')])),
            ("F5", Some(vec![Chord::plain(KeyCode::F(5))])),
            ("ctrl-nope", None),
            ("", None),
        ];
        for (spec, expected) in rows {
            assert_eq!(&parse_keys(spec), expected, "spec {spec:?}");
        }
    }

    #[test]
    fn shows_keys_as_the_help_prints_them() {
        assert_eq!(show_keys(&parse_keys("]q").unwrap()), "]q");
        assert_eq!(show_keys(&parse_keys("ctrl-o").unwrap()), "Ctrl-o");
        assert_eq!(show_keys(&parse_keys("pgdn").unwrap()), "PgDn");
        assert_eq!(show_keys(&parse_keys("g space").unwrap()), "g Space");
    }

    #[test]
    fn resolves_sequences_and_restarts_after_a_wrong_second_key() {
        let mut keymap = Keymap::default();
        keymap.bind(Action::NextQuote, vec![parse_keys("]q").unwrap()]);
        keymap.bind(Action::ScrollDown, vec![parse_keys("j").unwrap()]);
        let mut pending = Vec::new();
        assert_eq!(keymap.resolve(&mut pending, ch(']')), Resolution::Pending);
        assert_eq!(
            keymap.resolve(&mut pending, ch('q')),
            Resolution::Action(Action::NextQuote)
        );
        assert!(pending.is_empty());
        assert_eq!(keymap.resolve(&mut pending, ch(']')), Resolution::Pending);
        assert_eq!(
            keymap.resolve(&mut pending, ch('j')),
            Resolution::Action(Action::ScrollDown)
        );
        assert_eq!(keymap.resolve(&mut pending, ch('x')), Resolution::Unbound);
    }

    #[test]
    fn binding_a_key_takes_it_from_its_previous_action() {
        let mut keymap = Keymap::default();
        keymap.bind(Action::ScrollDown, vec![parse_keys("j").unwrap()]);
        keymap.bind(Action::Quit, vec![parse_keys("j").unwrap()]);
        assert!(keymap.keys(&Action::ScrollDown).is_empty());
        assert_eq!(keymap.hint(&Action::Quit).as_deref(), Some("j"));
    }
}
