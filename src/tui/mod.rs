//! The full-screen reader.
//!
//! State, actions and drawing are apart, as in ratatui's own templates: [`Action`] names every command,
//! [`App::update`] is the only place the state changes, and `impl Widget for &App` (in `ui`) draws a frame from
//! the state alone. Keys reach actions through one [`Keymap`], loaded from the defaults of `assets/config.toml`
//! and overlaid by the user's file; the help overlay and the status-bar hints are generated from it.
//!
//! Everything that can fail (the configuration, reading the article, standard input) happens before the
//! terminal is touched; once it is, every way out (quit, error, panic, SIGINT, SIGTERM, SIGHUP) restores it,
//! Ctrl-z (or SIGTSTP) gives it back to the shell until `fg`, and SIGCONT draws the whole frame again.

pub mod action;
pub mod app;
pub mod config;
pub mod format;
pub mod keymap;
pub mod layout;
pub mod library_view;
mod screen;
pub mod theme;
mod ui;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use chrono::NaiveDate;
use crossterm::event::{
    self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind,
};

pub use action::Action;
pub use app::{App, Effect};
pub use config::Config;
pub use keymap::Keymap;
pub use ui::help_lines;

use crate::analysis::{AnalysisOptions, Analyzer};
use crate::article::{self, Article, Lang};
use crate::error::{Error, ErrorKind, Result};
use crate::library::state::{ReadingState, StateFile};
use screen::Screen;

/// What the command line asks of the reader.
#[derive(Clone, Debug, Default)]
pub struct ReaderOptions {
    /// An article file, a folder (a library), `-` for standard input, or `None` for the bundled samples.
    pub path: Option<PathBuf>,
    pub reference_date: Option<NaiveDate>,
    pub lang: Option<Lang>,
    /// Extra folders that related items resolve into.
    pub libraries: Vec<PathBuf>,
    /// A configuration file instead of the default one.
    pub config: Option<PathBuf>,
}

/// The bundled sample library, next to the sources (for `cargo run`) or to the installed binary.
fn sample_library() -> PathBuf {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles");
    if source.is_dir() {
        return source;
    }
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|d| d.join("assets/articles")))
        .filter(|d| d.is_dir())
        .unwrap_or(source)
}

/// Loads the article the options name: a file, the first article of a folder, or standard input.
pub fn load_article(options: &ReaderOptions) -> Result<Article> {
    let path = options.path.clone().unwrap_or_else(sample_library);
    let mut article = if path == Path::new("-") {
        article::load_stdin()?
    } else if path.is_dir() {
        // The reader shows a folder as its list (see `open_app`); here a folder stands for its first article.
        let paths = crate::library::article_paths(&path)?;
        let first = paths
            .first()
            .ok_or_else(|| Error::from(ErrorKind::EmptyLibrary { path: path.clone() }))?;
        article::load_path(first)?
    } else {
        article::load_path(&path)?
    };
    if let Some(lang) = options.lang {
        article.language = lang;
    }
    Ok(article)
}

/// The reader the options ask for: on a folder (or nothing, the bundled samples), the library's list; on a
/// file, the article, with its folder and the `--library` folders as the library; on standard input, the
/// article, with the `--library` folders.
pub fn open_app(options: &ReaderOptions, config: &Config, no_color: bool) -> Result<App> {
    let analysis_options = AnalysisOptions {
        reference_date: options.reference_date,
        today: None,
    };
    let path = options.path.clone().unwrap_or_else(sample_library);
    let mut dirs = Vec::new();
    if path.is_dir() {
        // An unreadable folder is an error before the screen changes; an empty one shows an empty list.
        std::fs::read_dir(&path).map_err(|e| Error::io(&path, e))?;
        dirs.push(path.clone());
        dirs.extend(options.libraries.iter().cloned());
        let navigator = library_view::Navigator::new(dirs, options.lang, analysis_options);
        let mut app = App::new(
            Article::default(),
            crate::analysis::Analysis::default(),
            config,
            no_color,
        );
        app.nav = Some(Box::new(navigator));
        return Ok(app);
    }
    let article = load_article(options)?;
    let mut analyzer = Analyzer::builder();
    if let Some(lang) = options.lang {
        analyzer = analyzer.language(lang);
    }
    let analysis = analyzer.build().analyze(&article, &analysis_options);
    if path != Path::new("-") {
        let parent = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        dirs.push(parent);
    }
    dirs.extend(options.libraries.iter().cloned());
    let mut navigator = library_view::Navigator::new(dirs, options.lang, analysis_options);
    let mut app = App::new(article, analysis, config, no_color);
    if path != Path::new("-") {
        navigator.start_with(&app, &path);
    }
    navigator.screen = library_view::Screen::Reader;
    app.nav = Some(Box::new(navigator));
    Ok(app)
}

/// Whether the `NO_COLOR` convention asks for no colour.
fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// The signals that end the reader: it restores the terminal, saves what it remembers, and then ends by the
/// same signal (with its default action), so the shell sees what it expects (`$?` is 130 after SIGINT, 143
/// after SIGTERM, 129 after SIGHUP).
const ENDING_SIGNALS: [i32; 3] = [
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
];

/// What the signal handlers tell the event loop: each handler only sets a flag, the loop acts on it.
struct Signals {
    /// The ending signal received, or 0.
    end: Arc<AtomicUsize>,
    /// SIGTSTP from outside (`kill -TSTP`): suspend as Ctrl-z does.
    suspend: Arc<AtomicBool>,
    /// SIGCONT: the process was stopped and resumed, and the screen may not be the reader's any more.
    resumed: Arc<AtomicBool>,
}

impl Signals {
    fn register() -> Result<Signals> {
        let signals = Signals {
            end: Arc::new(AtomicUsize::new(0)),
            suspend: Arc::new(AtomicBool::new(false)),
            resumed: Arc::new(AtomicBool::new(false)),
        };
        let error = |e| Error::io("signal", e);
        for signal in ENDING_SIGNALS {
            signal_hook::flag::register_usize(signal, Arc::clone(&signals.end), signal as usize)
                .map_err(error)?;
        }
        signal_hook::flag::register(signal_hook::consts::SIGTSTP, Arc::clone(&signals.suspend))
            .map_err(error)?;
        signal_hook::flag::register(signal_hook::consts::SIGCONT, Arc::clone(&signals.resumed))
            .map_err(error)?;
        Ok(signals)
    }
}

/// Reads the state file the configuration and the environment ask for: `None` when nothing is to be
/// remembered, with the one-line report of a file that could not be used.
fn open_state(config: &Config) -> (Option<(StateFile, ReadingState)>, Option<String>) {
    if !config.remember {
        return (None, None);
    }
    let Some(path) = config::state_path() else {
        return (None, None);
    };
    let mut file = StateFile::new(path);
    let (state, error) = file.load();
    (Some((file, state)), error.map(|e| e.to_string()))
}

/// Saves the state when it changed since the last save; returns a one-line report when the save failed.
fn save_state(app: &App, state: &mut Option<(StateFile, u64)>) -> Option<String> {
    let (file, saved) = state.as_mut()?;
    let memory = app.memory()?;
    if memory.revision() == *saved {
        return None;
    }
    *saved = memory.revision();
    file.save(memory)
        .err()
        .map(|e| format!("state file {} not saved: {e}", file.path().display()))
}

/// Runs the reader until the user quits.
pub fn run(options: ReaderOptions) -> Result<()> {
    // Everything that may fail with a message comes before the terminal changes.
    let config = Config::load(options.config.as_deref())?;
    let mut app = open_app(&options, &config, no_color())?;

    if !std::io::stdout().is_terminal() {
        return Err(Error::io(
            "standard output",
            std::io::Error::other("the reader needs a terminal (use --json to print the analysis)"),
        ));
    }
    let signals = Signals::register()?;
    let (state, state_note) = open_state(&config);
    let mut state = state.map(|(file, memory)| {
        let revision = memory.revision();
        app.set_memory(memory);
        (file, revision)
    });

    let mut terminal = screen::open().map_err(|e| {
        screen::close();
        Error::io("terminal", e)
    })?;
    if let Some(note) = state_note {
        app.update(Action::Notify(note));
    }
    let result = event_loop(&mut terminal, &mut app, &signals, &mut state);
    screen::close();
    // However the loop ended (quit, a signal, the terminal gone), the place is remembered.
    if !app.should_quit() {
        app.update(Action::ForceQuit);
    }
    if let Some(note) = save_state(&app, &mut state) {
        // Not eprintln: standard error may be the terminal that went away, and this must not panic.
        let _ = writeln!(std::io::stderr(), "liseuse: {note}");
    }
    let signal = signals.end.load(Ordering::Relaxed);
    if signal != 0 {
        let _ = std::io::stdout().flush();
        // Ends the process here, by the signal's default action; should that fail, return as after a quit.
        let _ = signal_hook::low_level::emulate_default_handler(signal as i32);
    }
    result
}

/// Suspends the reader: saves the state, gives the terminal back, and stops the process as SIGTSTP would have
/// (the handler registered for it keeps it from stopping by itself). Returns once the shell's `fg` resumed it.
fn suspend(
    terminal: &mut Screen,
    app: &App,
    state: &mut Option<(StateFile, u64)>,
    signals: &Signals,
) -> std::io::Result<Option<String>> {
    let note = save_state(app, state);
    screen::close();
    std::io::stdout().flush()?;
    signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
    // Here again after SIGCONT.
    signals.resumed.store(false, Ordering::Relaxed);
    screen::reopen(terminal)?;
    Ok(note)
}

fn event_loop(
    terminal: &mut Screen,
    app: &mut App,
    signals: &Signals,
    state: &mut Option<(StateFile, u64)>,
) -> Result<()> {
    let io = |e: std::io::Error| Error::io("terminal", e);
    let size = terminal.size().map_err(io)?;
    app.update(Action::Resize(size.width, size.height));
    let mut pending = Vec::new();
    let mut dirty = true;
    while !app.quit {
        if signals.end.load(Ordering::Relaxed) != 0 {
            break;
        }
        if signals.suspend.swap(false, Ordering::Relaxed) {
            let effect = app.update(Action::Suspend);
            dirty |= carry_out(terminal, app, effect, state, signals).map_err(io)?;
        }
        if signals.resumed.swap(false, Ordering::Relaxed) {
            // Stopped and resumed from outside (SIGSTOP, then SIGCONT): take the terminal again, draw all.
            screen::reopen(terminal).map_err(io)?;
            let size = terminal.size().map_err(io)?;
            app.update(Action::Resize(size.width, size.height));
            dirty = true;
        }
        // While the library is being indexed, take what arrived and show it.
        let indexing = app.nav.as_ref().is_some_and(|n| n.indexing());
        if indexing {
            let size = |app: &App| app.nav.as_ref().map(|n| n.library.entries.len());
            let before = size(app);
            app.update(Action::Tick);
            let still = app.nav.as_ref().is_some_and(|n| n.indexing());
            dirty |= size(app) != before || !still;
        }
        if dirty {
            terminal
                .draw(|frame| frame.render_widget(&*app, frame.area()))
                .map_err(io)?;
            dirty = false;
        }
        // Polling lets the loop notice signals within a quarter of a second.
        let wait = if indexing { 50 } else { 250 };
        if !event::poll(Duration::from_millis(wait)).map_err(io)? {
            // A terminal that went away without a SIGHUP reaching us (a closed window, a killed multiplexer)
            // fails this query: end then rather than poll a dead terminal forever.
            terminal.size().map_err(io)?;
            continue;
        }
        // Take every event already queued before drawing again, so a fast key repeat does not lag.
        loop {
            let event = event::read().map_err(io)?;
            if let Some(action) = to_action(app, &mut pending, event) {
                let effect = app.update(action);
                carry_out(terminal, app, effect, state, signals).map_err(io)?;
                dirty = true;
            }
            if app.quit || !event::poll(Duration::ZERO).map_err(io)? {
                break;
            }
        }
        // Following a link or going back remembered the place left: save it now, not only at the end.
        if !app.quit
            && let Some(note) = save_state(app, state)
        {
            app.update(Action::Notify(note));
        }
    }
    Ok(())
}

/// Carries out what an update asked for; returns whether the whole frame must be drawn again.
fn carry_out(
    terminal: &mut Screen,
    app: &mut App,
    effect: Option<Effect>,
    state: &mut Option<(StateFile, u64)>,
    signals: &Signals,
) -> std::io::Result<bool> {
    match effect {
        None => Ok(false),
        Some(Effect::Suspend) => {
            if let Some(note) = suspend(terminal, app, state, signals)? {
                app.update(Action::Notify(note));
            }
            let size = terminal.size()?;
            app.update(Action::Resize(size.width, size.height));
            Ok(true)
        }
        Some(effect) => {
            if let Some(note) = perform(effect) {
                app.update(Action::Notify(note));
            }
            Ok(false)
        }
    }
}

/// Turns a terminal event into an action: keys through the keymap (or into the search field), mouse and
/// resizes directly.
fn to_action(app: &App, pending: &mut Vec<keymap::Chord>, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) => key_action(app, pending, key),
        Event::Mouse(mouse) => mouse_action(mouse),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        _ => None,
    }
}

fn key_action(app: &App, pending: &mut Vec<keymap::Chord>, key: KeyEvent) -> Option<Action> {
    // Some terminals report releases and repeats too: act on presses only.
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && matches!(key.code, KeyCode::Char('c') | KeyCode::Char('C')) {
        // Ctrl-c quits whatever the configuration says.
        return Some(Action::ForceQuit);
    }
    let filtering = app.nav.as_ref().is_some_and(|n| n.filter_editing);
    if app.search.editing || filtering {
        // Suspending works while typing too, as Ctrl-c does.
        let chord = keymap::Chord::from_event(&key);
        if app
            .keymap
            .keys(&Action::Suspend)
            .iter()
            .any(|keys| keys.as_slice() == [chord])
        {
            return Some(Action::Suspend);
        }
        return match key.code {
            KeyCode::Enter => Some(Action::SearchConfirm),
            KeyCode::Esc => Some(Action::Cancel),
            KeyCode::Backspace => Some(Action::SearchBackspace),
            KeyCode::Up => Some(Action::ScrollUp),
            KeyCode::Down => Some(Action::ScrollDown),
            KeyCode::Char(c) if !ctrl => Some(Action::SearchInput(c)),
            _ => None,
        };
    }
    let had_pending = !pending.is_empty();
    match app.keymap.resolve(pending, keymap::Chord::from_event(&key)) {
        keymap::Resolution::Action(action) => Some(action),
        // Show the start of a sequence (`]`) until it is complete.
        keymap::Resolution::Pending => {
            Some(Action::Notify(format!("{}…", keymap::show_keys(pending))))
        }
        // An unbound digit follows the related item of that number.
        keymap::Resolution::Unbound => match key.code {
            KeyCode::Char(c @ '1'..='9') if !ctrl => Some(Action::FollowNumber(c as u8 - b'0')),
            _ if had_pending => Some(Action::Notify(String::new())),
            _ => None,
        },
    }
}

fn mouse_action(mouse: MouseEvent) -> Option<Action> {
    let (column, row) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::ScrollDown => Some(Action::Wheel {
            column,
            row,
            delta: 1,
        }),
        MouseEventKind::ScrollUp => Some(Action::Wheel {
            column,
            row,
            delta: -1,
        }),
        MouseEventKind::Down(event::MouseButton::Left) => Some(Action::Click { column, row }),
        _ => None,
    }
}

/// Carries out an effect; returns a message when it failed.
fn perform(effect: Effect) -> Option<String> {
    match effect {
        Effect::Copy(text) => {
            let mut out = std::io::stdout();
            let sequence = osc52(&text);
            if out
                .write_all(sequence.as_bytes())
                .and_then(|()| out.flush())
                .is_err()
            {
                return Some("could not copy".into());
            }
            None
        }
        Effect::Open(url) => match open_in_browser(&url) {
            Ok(()) => None,
            Err(e) => Some(format!("could not open the link: {e}")),
        },
        // The event loop suspends itself (see `carry_out`).
        Effect::Suspend => None,
    }
}

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard. The text is cleaned of control
/// characters first, so nothing in it can end the sequence early or start another.
pub fn osc52(text: &str) -> String {
    let clean: String = text
        .chars()
        .filter(|c| !c.is_control() && !article::sanitize::is_bidi_control(*c))
        .collect();
    format!("\x1b]52;c;{}\x07", base64(clean.as_bytes()))
}

/// Standard base64 with padding (RFC 4648).
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Opens an http, https or file address with the system's opener, run directly with the address as its one
/// argument: no shell ever sees it.
fn open_in_browser(url: &str) -> std::io::Result<()> {
    if !app::openable(url) {
        return Err(std::io::Error::other("not an http, https or file address"));
    }
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let mut child = std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()?;
    // Reap the opener when it exits, without holding up the reader.
    std::thread::spawn(move || child.wait());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_examples() {
        let rows = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (input, expected) in rows {
            assert_eq!(base64(input.as_bytes()), expected);
        }
    }

    #[test]
    fn osc52_strips_controls_that_could_end_the_sequence() {
        assert_eq!(osc52("a\x07b\x1b]c"), "\x1b]52;c;YWJdYw==\x07");
    }

    fn key(code: KeyCode, modifiers: KeyModifiers, kind: KeyEventKind) -> KeyEvent {
        let mut event = KeyEvent::new(code, modifiers);
        event.kind = kind;
        event
    }

    #[test]
    fn keys_become_actions_on_press_only() {
        let app = App::new(
            article::load_str("Un texte.\n", article::Format::Text, None),
            crate::Analysis::default(),
            &Config::default(),
            true,
        );
        let mut pending = Vec::new();
        let press = |c| key(KeyCode::Char(c), KeyModifiers::NONE, KeyEventKind::Press);
        let rows: &[(KeyEvent, Option<Action>)] = &[
            (press('j'), Some(Action::ScrollDown)),
            (
                key(
                    KeyCode::Char('j'),
                    KeyModifiers::NONE,
                    KeyEventKind::Release,
                ),
                None,
            ),
            (
                key(KeyCode::Char('G'), KeyModifiers::SHIFT, KeyEventKind::Press),
                Some(Action::Bottom),
            ),
            (
                key(KeyCode::Tab, KeyModifiers::SHIFT, KeyEventKind::Press),
                Some(Action::FocusPrev),
            ),
            (
                key(
                    KeyCode::Char('d'),
                    KeyModifiers::CONTROL,
                    KeyEventKind::Press,
                ),
                Some(Action::HalfPageDown),
            ),
            (press(']'), Some(Action::Notify("]…".into()))),
            (press('q'), Some(Action::NextQuote)),
            (press('['), Some(Action::Notify("[…".into()))),
            (press('x'), Some(Action::Notify(String::new()))),
            (press('x'), None),
            (
                key(
                    KeyCode::Char('c'),
                    KeyModifiers::CONTROL,
                    KeyEventKind::Press,
                ),
                Some(Action::ForceQuit),
            ),
            (
                key(
                    KeyCode::Char('z'),
                    KeyModifiers::CONTROL,
                    KeyEventKind::Press,
                ),
                Some(Action::Suspend),
            ),
        ];
        for (event, expected) in rows {
            assert_eq!(
                &key_action(&app, &mut pending, *event),
                expected,
                "{event:?}"
            );
        }
    }

    #[test]
    fn typing_a_search_sends_characters_not_bindings() {
        let mut app = App::new(
            article::load_str("Un texte.\n", article::Format::Text, None),
            crate::Analysis::default(),
            &Config::default(),
            true,
        );
        app.update(Action::Search);
        let mut pending = Vec::new();
        let press = |code| key(code, KeyModifiers::NONE, KeyEventKind::Press);
        assert_eq!(
            key_action(&app, &mut pending, press(KeyCode::Char('q'))),
            Some(Action::SearchInput('q'))
        );
        assert_eq!(
            key_action(&app, &mut pending, press(KeyCode::Enter)),
            Some(Action::SearchConfirm)
        );
        assert_eq!(
            key_action(&app, &mut pending, press(KeyCode::Esc)),
            Some(Action::Cancel)
        );
        let ctrl_z = key(
            KeyCode::Char('z'),
            KeyModifiers::CONTROL,
            KeyEventKind::Press,
        );
        assert_eq!(
            key_action(&app, &mut pending, ctrl_z),
            Some(Action::Suspend)
        );
    }

    #[test]
    fn remember_false_reads_no_state_file() {
        let config = Config {
            remember: false,
            ..Config::default()
        };
        let (state, note) = open_state(&config);
        assert!(state.is_none());
        assert_eq!(note, None);
    }

    #[test]
    fn only_web_and_file_addresses_open() {
        assert!(app::openable("https://example.org/a"));
        assert!(app::openable("file:///tmp/a.html"));
        assert!(!app::openable("javascript:alert(1)"));
        assert!(!app::openable("https://example.org/a b"));
        assert!(!app::openable("-x https://example.org"));
    }
}
