//! The reader's configuration: key specs, overlays on the defaults, and errors that name the line.

use std::path::Path;

use liseuse::ErrorKind;
use liseuse::tui::keymap::{Resolution, parse_keys};
use liseuse::tui::theme::ThemeName;
use liseuse::tui::{Action, Config};

fn parse(text: &str) -> liseuse::Result<Config> {
    Config::parse(text, Path::new("config.toml"), Some(Config::default()))
}

/// The line and message of a configuration error.
fn error_of(text: &str) -> (Option<usize>, String) {
    let error = parse(text).expect_err("an error");
    match error.kind() {
        ErrorKind::Config { line, message, .. } => (*line, message.clone()),
        other => panic!("not a configuration error: {other:?}"),
    }
}

#[test]
fn defaults_bind_the_documented_keys() {
    let keymap = Config::default().keymap;
    let rows: &[(&str, Action)] = &[
        ("j", Action::ScrollDown),
        ("down", Action::ScrollDown),
        ("k", Action::ScrollUp),
        ("ctrl-d", Action::HalfPageDown),
        ("u", Action::HalfPageUp),
        ("space", Action::PageDown),
        ("pgup", Action::PageUp),
        ("g", Action::Top),
        ("end", Action::Bottom),
        ("shift-tab", Action::FocusPrev),
        ("enter", Action::Select),
        ("]q", Action::NextQuote),
        ("[d", Action::PrevDate),
        ("]e", Action::NextEntity),
        ("[r", Action::PrevRelated),
        ("/", Action::Search),
        ("N", Action::SearchPrev),
        ("ctrl-o", Action::Back),
        ("backspace", Action::Back),
        ("y", Action::CopyQuote),
        ("o", Action::OpenLink),
        ("T", Action::ToggleTimeline),
        ("?", Action::Help),
        ("q", Action::Quit),
        ("ctrl-c", Action::ForceQuit),
        ("ctrl-z", Action::Suspend),
    ];
    for (spec, action) in rows {
        let mut pending = Vec::new();
        let chords = parse_keys(spec).unwrap();
        let mut result = Resolution::Unbound;
        for chord in chords {
            result = keymap.resolve(&mut pending, chord);
        }
        assert_eq!(result, Resolution::Action(action.clone()), "key {spec}");
    }
}

#[test]
fn a_user_file_overlays_the_defaults() {
    let config = parse(
        "theme = \"light\"\n[keys]\nscroll_down = [\"n\", \"ctrl-e\"]\nsearch_next = [\"ctrl-n\"]\n",
    )
    .unwrap();
    assert_eq!(config.theme, ThemeName::Light);
    let keymap = &config.keymap;
    assert_eq!(keymap.hint(&Action::ScrollDown).as_deref(), Some("n"));
    assert_eq!(keymap.keys(&Action::ScrollDown).len(), 2);
    assert_eq!(keymap.hint(&Action::SearchNext).as_deref(), Some("Ctrl-n"));
    // Untouched actions keep their defaults.
    assert_eq!(keymap.hint(&Action::NextQuote).as_deref(), Some("]q"));
}

#[test]
fn taking_a_default_key_unbinds_it_from_its_old_action() {
    let config = parse("[keys]\nquit = [\"j\"]\n").unwrap();
    assert_eq!(
        config.keymap.hint(&Action::ScrollDown).as_deref(),
        Some("↓")
    );
    assert_eq!(config.keymap.hint(&Action::Quit).as_deref(), Some("j"));
}

#[test]
fn the_help_lists_the_remapped_keys() {
    let config = parse("[keys]\nnext_quote = [\"Q\"]\ntoggle_quotes = [\"ctrl-q\"]\n").unwrap();
    let app = liseuse::tui::App::new(
        liseuse::article::load_str("Un texte.\n", liseuse::Format::Text, None),
        liseuse::Analysis::default(),
        &config,
        true,
    );
    let help: Vec<String> = liseuse::tui::help_lines(&app)
        .iter()
        .map(|l| l.to_string())
        .collect();
    let line = help.iter().find(|l| l.contains("next quote")).unwrap();
    assert!(line.trim_start().starts_with('Q'), "{line}");
    assert!(
        help.iter()
            .any(|l| l.contains("Ctrl-q") && l.contains("quotes panel"))
    );
    assert!(!help.iter().any(|l| l.contains("]q")));
}

#[test]
fn broken_files_name_the_line_and_the_problem() {
    let rows: &[(&str, usize, &str)] = &[
        (
            "theme = \"dark\"\n[keys]\nscroll_down = [\"j\", \"ctrl-nope\"]\n",
            3,
            "\"ctrl-nope\" is not a key",
        ),
        ("theme = \"sepia\"\n", 1, "unknown theme \"sepia\""),
        (
            "\n[keys]\nscroll_sideways = [\"x\"]\n",
            3,
            "unknown action \"scroll_sideways\"",
        ),
        (
            "[keys]\nquit = [\"x\"]\nhelp = [\"x\"]\n",
            3,
            "\"x\" is bound to both",
        ),
        (
            "theme = \"dark\"\ncolours = 3\n",
            2,
            "unknown field `colours`",
        ),
        ("theme = \"dark\"\n[keys\n", 2, ""),
        ("[keys]\nquit = \"q\"\n", 2, "invalid type"),
    ];
    for (text, line, message) in rows {
        let (got_line, got_message) = error_of(text);
        assert_eq!(got_line, Some(*line), "line for {text:?}: {got_message}");
        assert!(
            got_message.contains(message),
            "message for {text:?}: {got_message}"
        );
    }
}

#[test]
fn an_invalid_config_stops_the_reader_before_the_terminal_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "[keys]\nnext_quote = [\"ctrl-\"]\n").unwrap();
    let output = assert_cmd::Command::cargo_bin("liseuse")
        .unwrap()
        .arg("--config")
        .arg(&path)
        .arg("assets/articles/01-port-de-brest.txt")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    // Nothing at all was written to the terminal: no alternate screen, no raw mode.
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("config.toml:2:"), "{stderr}");
    assert!(stderr.contains("is not a key"), "{stderr}");
}

#[test]
fn a_missing_config_file_is_an_error() {
    let output = assert_cmd::Command::cargo_bin("liseuse")
        .unwrap()
        .args([
            "--config",
            "/nonexistent/liseuse.toml",
            "assets/articles/01-port-de-brest.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8_lossy(&output.stderr).contains("/nonexistent/liseuse.toml"));
}

#[test]
fn without_a_terminal_the_reader_says_so_and_writes_nothing() {
    let output = assert_cmd::Command::cargo_bin("liseuse")
        .unwrap()
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .arg("assets/articles/01-port-de-brest.txt")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("needs a terminal"), "{stderr}");
}
