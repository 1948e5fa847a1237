//! The library in the reader: the list of the bundled samples and its filter (snapshots), and following
//! related items across articles with Back and Forward coming to the same places.

use crate::tui::{draw, send};
use std::path::{Path, PathBuf};

use liseuse::tui::app::MarkKind;
use liseuse::tui::layout::Panel;
use liseuse::tui::library_view::Screen;
use liseuse::tui::{Action, App, Config, ReaderOptions, open_app};

/// The bundled samples, by a path relative to the project (tests run there), so snapshots do not show where the
/// project was cloned.
fn samples() -> PathBuf {
    PathBuf::from("assets/articles")
}

/// A reader on `path`, 120×40, with its library fully indexed.
fn open(path: &Path) -> App {
    let options = ReaderOptions {
        path: Some(path.to_path_buf()),
        ..ReaderOptions::default()
    };
    let mut app = open_app(&options, &Config::default(), true).unwrap();
    app.nav.as_mut().unwrap().wait_indexed();
    app.update(Action::Tick);
    app.update(Action::Resize(120, 40));
    app
}

fn type_filter(app: &mut App, text: &str) {
    app.update(Action::Search);
    for c in text.chars() {
        app.update(Action::SearchInput(c));
    }
}

fn title(app: &App) -> String {
    app.article().display_title()
}

/// What Back and Forward must restore of a place.
#[derive(Debug, PartialEq)]
struct Seen {
    title: String,
    scroll: usize,
    focus: Panel,
    selected_related: usize,
    mark: Option<(MarkKind, Option<usize>)>,
}

fn seen(app: &App) -> Seen {
    Seen {
        title: title(app),
        scroll: app.scroll(),
        focus: app.focus(),
        selected_related: app.selected().2,
        mark: app.mark().map(|m| (m.kind, m.related)),
    }
}

#[test]
fn the_library_lists_the_samples_newest_first() {
    let app = open(&samples());
    assert!(app.in_library_list());
    let nav = app.nav.as_ref().unwrap();
    assert_eq!(nav.library.entries.len(), 6);
    let dated: Vec<_> = nav
        .shown
        .iter()
        .map(|&i| nav.library.entries[i].published)
        .collect();
    let mut sorted = dated.clone();
    // Newest first, undated last.
    sorted.sort_by(|a, b| match (a, b) {
        (Some(x), Some(y)) => y.cmp(x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    assert_eq!(dated, sorted);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn the_filter_ignores_case_and_accents_and_reads_site_and_lead() {
    // Typed → the files of the rows left, in list order.
    let rows: &[(&str, &[&str])] = &[
        ("PECHE", &["02-lorient-peche.md"]),
        (
            "exemple-ouest",
            &["02-lorient-peche.md", "01-port-de-brest.txt"],
        ),
        ("invented", &["04-tidal-power.json", "05-wales-rail.html"]),
        ("brest sommet", &["01-port-de-brest.txt"]),
        ("introuvable", &[]),
    ];
    for (typed, expected) in rows {
        let mut app = open(&samples());
        type_filter(&mut app, typed);
        let nav = app.nav.as_ref().unwrap();
        let files: Vec<String> = nav
            .shown
            .iter()
            .map(|&i| {
                let path = &nav.library.entries[i].path;
                path.file_name().unwrap().to_string_lossy().into_owned()
            })
            .collect();
        assert_eq!(&files, expected, "filter {typed:?}");
    }
}

#[test]
fn the_filtered_list_snapshot() {
    let mut app = open(&samples());
    type_filter(&mut app, "exemple");
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn enter_in_the_list_reads_and_l_comes_back() {
    let mut app = open(&samples());
    type_filter(&mut app, "tidal");
    send(&mut app, &[Action::SearchConfirm, Action::Select]);
    assert!(!app.in_library_list());
    assert_eq!(title(&app), "Sample liseuse: Brittany bets on tidal power");
    send(&mut app, &[Action::Library]);
    assert!(app.in_library_list());
    send(&mut app, &[Action::Library]);
    assert_eq!(title(&app), "Sample liseuse: Brittany bets on tidal power");
    assert_eq!(app.nav.as_ref().unwrap().screen, Screen::Reader);
}

#[test]
fn following_three_links_and_coming_back_to_the_same_places() {
    let mut app = open(&samples().join("01-port-de-brest.txt"));
    assert!(!app.in_library_list());
    assert_eq!(
        title(&app),
        "Exemple liseuse : le port de Brest accueillera un sommet sur les océans"
    );

    // Hop 1: scroll a little, jump to the related item in the text, Enter follows it.
    send(
        &mut app,
        &[Action::ScrollDown, Action::ScrollDown, Action::NextRelated],
    );
    let at_01 = seen(&app);
    assert_eq!(at_01.mark, Some((MarkKind::Related, Some(0))));
    send(&mut app, &[Action::Select]);
    assert_eq!(
        title(&app),
        "Exemple liseuse : à Lorient, la pêche se réinvente"
    );
    assert_eq!(
        app.nav.as_ref().unwrap().came_from(),
        Some(at_01.title.as_str())
    );
    assert!(
        draw(&app)
            .backend()
            .to_string()
            .contains("← from: Exemple liseuse : le port de Brest")
    );

    // Hop 2: a page down, then Enter on the first item of the Related panel.
    send(&mut app, &[Action::PageDown, Action::ToggleRelated]);
    let at_02 = seen(&app);
    assert_eq!(at_02.focus, Panel::Related);
    send(&mut app, &[Action::Select]);
    assert_eq!(
        title(&app),
        "Ukraine : arrivée des premiers blindés français, certains sont déjà \"sur une ligne de front\""
    );

    // Hop 3: a few lines down, then the item's number.
    send(
        &mut app,
        &[Action::ScrollDown, Action::ScrollDown, Action::ScrollDown],
    );
    let at_03 = seen(&app);
    send(&mut app, &[Action::FollowNumber(1)]);
    assert_eq!(title(&app), "Sample liseuse: Brittany bets on tidal power");
    send(&mut app, &[Action::HalfPageDown]);
    let at_04 = seen(&app);

    // Back three times: each article at the place it was left.
    send(&mut app, &[Action::Back]);
    assert_eq!(seen(&app), at_03);
    send(&mut app, &[Action::Back]);
    assert_eq!(seen(&app), at_02);
    // Back in Lorient, its first item leads to an article read since: it is ticked.
    let screen = draw(&app).backend().to_string();
    assert!(screen.contains("[1] ✓ Ukraine"), "{screen}");
    assert!(
        screen.contains("→ in library: 03-blindes-ukraine"),
        "{screen}"
    );
    send(&mut app, &[Action::Back]);
    assert_eq!(seen(&app), at_01);
    // The article opened on has nowhere further back but the jump made in it.
    send(&mut app, &[Action::Back]);
    assert_eq!(title(&app), at_01.title);
    assert_eq!(app.mark().cloned(), None);
    send(&mut app, &[Action::Back]);
    assert_eq!(app.message(), Some("no earlier position"));

    // Forward again, three times, to the same places.
    send(&mut app, &[Action::Forward]);
    assert_eq!(seen(&app), at_02);
    send(&mut app, &[Action::Forward]);
    assert_eq!(seen(&app), at_03);
    send(&mut app, &[Action::Forward]);
    assert_eq!(seen(&app), at_04);
    send(&mut app, &[Action::Forward]);
    assert_eq!(title(&app), at_04.title);
    assert_eq!(app.message(), Some("no later article"));

    // Every article read is marked visited, in the list and on the items leading to it.
    let nav = app.nav.as_ref().unwrap();
    for file in [
        "01-port-de-brest.txt",
        "02-lorient-peche.md",
        "03-blindes-ukraine.html",
        "04-tidal-power.json",
    ] {
        assert!(nav.visited(&samples().join(file)), "{file}");
    }
    assert!(!nav.visited(&samples().join("05-wales-rail.html")));
}

#[test]
fn following_a_new_link_after_back_drops_the_forward_places() {
    let mut app = open(&samples().join("01-port-de-brest.txt"));
    send(
        &mut app,
        &[
            Action::FollowNumber(1),
            Action::FollowNumber(1),
            Action::Back,
        ],
    );
    assert_eq!(app.nav.as_ref().unwrap().depth(), (1, 1));
    // From Lorient, the second item leads back to Brest: a new branch, nothing forward any more.
    send(&mut app, &[Action::FollowNumber(2)]);
    assert_eq!(
        title(&app),
        "Exemple liseuse : le port de Brest accueillera un sommet sur les océans"
    );
    assert_eq!(app.nav.as_ref().unwrap().depth(), (2, 0));
}

#[test]
fn an_item_outside_the_library_says_so_and_offers_its_address() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("seul.md");
    std::fs::write(
        &path,
        "---\ntitle: Un article seul dans son dossier\n---\n\nUn texte court écrit pour ce test, sans suite.\n\n\
         À lire aussi : [Un article qui n'existe nulle part](https://exemple.org/ailleurs)\n",
    )
    .unwrap();
    let mut app = open(&path);
    assert_eq!(
        app.article().related.len(),
        1,
        "{:?}",
        app.article().related
    );
    send(&mut app, &[Action::FollowNumber(1)]);
    assert_eq!(title(&app), "Un article seul dans son dossier");
    let message = app.message().map(str::to_string).unwrap_or_default();
    assert!(message.contains("not in the library"), "{message}");
    assert!(message.contains("o opens"), "{message}");
    let effect = app.update(Action::OpenLink);
    assert_eq!(
        effect,
        Some(liseuse::tui::Effect::Open(
            "https://exemple.org/ailleurs".into()
        ))
    );
}
