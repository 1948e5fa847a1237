//! What the reader remembers between sessions, driven through `App` as the event loop drives it: the state file
//! is read before a session and written after it, here by hand into a temporary folder.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use liseuse::library::state::{ReadingState, StateFile};
use liseuse::tui::layout::LineKind;
use liseuse::tui::{Action, App, Config, ReaderOptions, open_app};

use crate::tui::{draw, send};

/// An article of `paragraphs` paragraphs in my own words, long enough to scroll through.
fn article_text(title: &str, paragraphs: usize) -> String {
    let mut text = format!("{title}\n\n");
    for i in 1..=paragraphs {
        text.push_str(&format!(
            "Paragraphe {i}. Le conseil municipal a discuté longuement du budget des écoles, des \
             horaires de la piscine et de l'entretien des chemins communaux, puis la séance a été levée \
             tard dans la soirée après un vote à main levée.\n\n"
        ));
    }
    text
}

/// A reader on `path` with what `memory` remembers, in a terminal of `width`×`height`.
fn session(path: &Path, memory: ReadingState, width: u16, height: u16) -> App {
    let options = ReaderOptions {
        path: Some(path.to_path_buf()),
        ..ReaderOptions::default()
    };
    let mut app = open_app(&options, &Config::default(), true).unwrap();
    app.set_memory(memory);
    app.update(Action::Resize(width, height));
    app
}

/// Writes what a session remembered to the state file and reads it back, as two runs of the reader would.
fn through_the_file(app: &App, file: &Path) -> ReadingState {
    StateFile::new(file).save(app.memory().unwrap()).unwrap();
    let (state, error) = StateFile::new(file).load();
    assert_eq!(error, None);
    state
}

/// The byte where the first line of text in view starts (past a blank line between paragraphs at the top).
fn top_byte(app: &App) -> usize {
    app.layout().lines[app.scroll()..]
        .iter()
        .find(|l| l.kind != LineKind::Blank)
        .unwrap()
        .pos
}

#[test]
fn a_reopened_article_opens_where_it_was_left_at_any_width() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("conseil.txt");
    std::fs::write(&path, article_text("Le conseil municipal", 30)).unwrap();
    let state_file = dir.path().join("state/state.json");

    let mut first = session(&path, ReadingState::default(), 100, 20);
    assert_eq!(first.scroll(), 0);
    send(
        &mut first,
        &[Action::PageDown, Action::PageDown, Action::ScrollDown],
    );
    let scroll = first.scroll();
    let top = top_byte(&first);
    assert!(
        scroll > 20 && top > 0,
        "scrolled to line {scroll}, byte {top}"
    );
    send(&mut first, &[Action::Quit]);
    assert!(first.should_quit());
    let remembered = through_the_file(&first, &state_file);
    assert_eq!(remembered.entries().len(), 1);
    assert_eq!(remembered.entries()[0].offset, top);

    // The same size: the same text at the top (a blank line above it may be scrolled past).
    let same = session(&path, remembered.clone(), 100, 20);
    assert!(same.scroll() == scroll || same.scroll() == scroll + 1);
    assert_eq!(top_byte(&same), top);

    // Another width wraps otherwise: the line at the top is the one holding the remembered byte.
    let wide = session(&path, remembered.clone(), 150, 30);
    let lines = &wide.layout().lines;
    let at = wide.scroll();
    assert!(lines[at].pos <= top, "{} > {top}", lines[at].pos);
    assert!(lines.get(at + 1).is_none_or(|next| next.pos > top));
    assert!(top_byte(&wide) <= top);

    // Without memory (remember = false, or --json), the article opens at its start.
    let mut forgetful = session(&path, ReadingState::default(), 100, 20);
    assert_eq!(forgetful.scroll(), 0);
    let options = ReaderOptions {
        path: Some(path.clone()),
        ..ReaderOptions::default()
    };
    let mut bare = open_app(&options, &Config::default(), true).unwrap();
    send(&mut bare, &[Action::PageDown, Action::Quit]);
    assert!(bare.memory().is_none());
    send(&mut forgetful, &[Action::Quit]);
}

#[test]
fn an_edited_article_starts_afresh_and_a_moved_one_keeps_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("conseil.txt");
    std::fs::write(&path, article_text("Le conseil municipal", 30)).unwrap();
    let mut first = session(&path, ReadingState::default(), 100, 20);
    send(
        &mut first,
        &[Action::PageDown, Action::PageDown, Action::Quit],
    );
    let scroll = first.scroll();
    let memory = first.memory().unwrap().clone();

    let moved = dir.path().join("archive.txt");
    std::fs::rename(&path, &moved).unwrap();
    assert_eq!(session(&moved, memory.clone(), 100, 20).scroll(), scroll);

    std::fs::write(&moved, article_text("Le conseil municipal", 31)).unwrap();
    assert_eq!(session(&moved, memory, 100, 20).scroll(), 0);
}

#[test]
fn suspending_remembers_the_place_in_case_the_reader_is_never_resumed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("conseil.txt");
    std::fs::write(&path, article_text("Le conseil municipal", 30)).unwrap();
    let mut app = session(&path, ReadingState::default(), 100, 20);
    send(&mut app, &[Action::PageDown, Action::Help]);
    let top = top_byte(&app);
    // Whatever is open, Suspend asks the event loop to suspend, and the place is remembered first.
    assert_eq!(
        app.update(Action::Suspend),
        Some(liseuse::tui::Effect::Suspend)
    );
    assert!(!app.should_quit());
    let memory = app.memory().unwrap();
    assert_eq!(memory.entries()[0].offset, top);
    let path = path.canonicalize().unwrap();
    assert_eq!(memory.entries()[0].path.as_deref(), path.to_str());
}

/// Two articles of a library folder, and the folder.
fn two_article_library() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a-conseil.txt");
    let b = dir.path().join("b-marche.txt");
    std::fs::write(&a, article_text("Le conseil municipal vote le budget", 30)).unwrap();
    std::fs::write(&b, article_text("Le marché couvert rouvre ses portes", 30)).unwrap();
    (dir, a, b)
}

fn library_session(dir: &Path, memory: ReadingState) -> App {
    let mut app = session(dir, memory, 120, 30);
    app.nav.as_mut().unwrap().wait_indexed();
    app.update(Action::Tick);
    app
}

/// Opens the article of the list whose title starts with `title`.
fn read_from_list(app: &mut App, title: &str) {
    let nav = app.nav.as_ref().unwrap();
    let row = (0..nav.shown.len())
        .find(|&r| nav.shown_entry(r).unwrap().title.starts_with(title))
        .unwrap();
    send(app, &[Action::Top]);
    for _ in 0..row {
        send(app, &[Action::ScrollDown]);
    }
    send(app, &[Action::Select]);
    assert!(app.article().display_title().starts_with(title));
}

#[test]
fn leaving_an_article_remembers_it_and_the_next_session_ticks_it_in_the_list() {
    let (dir, a, b) = two_article_library();
    let mut app = library_session(dir.path(), ReadingState::default());
    read_from_list(&mut app, "Le conseil");
    send(&mut app, &[Action::PageDown, Action::PageDown]);
    let top_a = top_byte(&app);
    // Going to another article is when the event loop saves: the place left must be remembered by then.
    send(&mut app, &[Action::Library]);
    read_from_list(&mut app, "Le marché");
    let memory = app.memory().unwrap().clone();
    assert_eq!(memory.entries().len(), 1);
    assert_eq!(memory.entries()[0].offset, top_a);
    send(&mut app, &[Action::Quit]);
    let state_file = dir.path().join(".state.json");
    let remembered = through_the_file(&app, &state_file);
    assert_eq!(remembered.entries().len(), 2);

    let mut next = library_session(dir.path(), remembered);
    let nav = next.nav.as_ref().unwrap();
    assert!(nav.visited(&a) && nav.visited(&b));
    let list = draw(&next).backend().to_string();
    assert_eq!(list.matches('✓').count(), 2, "{list}");
    read_from_list(&mut next, "Le conseil");
    assert_eq!(top_byte(&next), top_a);
}

#[test]
fn json_output_never_reads_nor_writes_the_state_file() {
    let dir = tempfile::tempdir().unwrap();
    let state_file = dir.path().join("state.json");
    std::fs::write(&state_file, "not a state file").unwrap();
    let article = dir.path().join("conseil.txt");
    std::fs::write(&article, article_text("Le conseil municipal", 3)).unwrap();
    Command::cargo_bin("liseuse")
        .unwrap()
        .env("LISEUSE_STATE_FILE", &state_file)
        .env("XDG_STATE_HOME", dir.path().join("xdg"))
        .arg("--json")
        .arg(&article)
        .assert()
        .success()
        .stderr("");
    assert_eq!(
        std::fs::read_to_string(&state_file).unwrap(),
        "not a state file"
    );
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(names, ["conseil.txt", "state.json"]);
}
