//! The reader driven by actions, drawn into a `TestBackend`: whole-screen snapshots in the main states, and
//! behaviour the snapshots cannot show (styles, marks, scrolling, every terminal size).

use chrono::NaiveDate;
use liseuse::analysis::{Analysis, Entity, EntityKind, Grain, Quote, Speaker, TimelineEntry};
use liseuse::article::{self, Article, CharIndex, Format, RelatedLink, Span};
use liseuse::tui::app::{Effect, MarkKind};
use liseuse::tui::layout::Panel;
use liseuse::tui::{Action, App, Config};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::Widget;

/// A made-up article, written for these tests.
const FIXTURE: &str = "\
Exemple : la médiathèque de Quimper rouvre ses portes

Quimper, le 14 mars 2023. – La médiathèque Alain-Gerbault de Quimper rouvrira le 3 avril après dix-huit mois de travaux, a indiqué lundi la mairie dans un communiqué.
« Nous avons voulu un lieu ouvert à tous, du matin jusqu'au soir », a déclaré la maire, Sophie Le Bris, lors d'une visite du chantier avec les futurs bibliothécaires.
Le chantier, lancé en septembre 2021, a coûté douze millions d'euros, financés en partie par la région Bretagne. Selon l'architecte Marc Allain, « la lumière naturelle entre désormais partout, jusque dans les réserves ».
> Les horaires d'ouverture seront publiés sur le site de la ville.
Une fête d'inauguration est prévue du 20 au 22 avril, avec des lectures pour les enfants. L'association Lire à Quimper animera des ateliers jusqu'en juin, puis la médiathèque adoptera ses horaires d'été.
> À lire aussi : Exemple : à Brest, les bibliothèques de quartier prolongent leurs horaires
> Toute l'actualité régionale sur Exemple-Ouest.fr
";

/// The span of the `nth` occurrence of `needle` in `text`.
fn span(text: &str, needle: &str, nth: usize) -> Span {
    let start = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in the fixture"))
        .0;
    CharIndex::new(text).span(text, start..start + needle.len())
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The fixture article with two related items, one with an address.
pub fn fixture_article() -> Article {
    let mut article = article::load_str(FIXTURE, Format::Text, None);
    article.related[0].url = Some("https://exemple-ouest.fr/brest/bibliotheques".into());
    article.related.push(RelatedLink {
        title: "Exemple : Quimper, une ville qui lit".into(),
        url: None,
        span: None,
    });
    article
}

/// What an analysis of the fixture should find, written by hand.
pub fn fixture_analysis() -> Analysis {
    let t = FIXTURE;
    let entity = |needle: &str, nth: usize, kind: EntityKind, canonical: &str| Entity {
        span: span(t, needle, nth),
        kind,
        canonical: canonical.into(),
    };
    let mut entities = vec![
        entity("Quimper", 1, EntityKind::Place, "Quimper"),
        entity(
            "médiathèque Alain-Gerbault",
            0,
            EntityKind::Organization,
            "médiathèque Alain-Gerbault",
        ),
        entity("Quimper", 2, EntityKind::Place, "Quimper"),
        entity("Sophie Le Bris", 0, EntityKind::Person, "Sophie Le Bris"),
        entity("Bretagne", 0, EntityKind::Place, "Bretagne"),
        entity("Marc Allain", 0, EntityKind::Person, "Marc Allain"),
        entity(
            "Lire à Quimper",
            0,
            EntityKind::Organization,
            "Lire à Quimper",
        ),
    ];
    entities.sort_by_key(|e| e.span.byte_start);
    let quotes = vec![
        Quote {
            span: span(
                t,
                "Nous avons voulu un lieu ouvert à tous, du matin jusqu'au soir",
                0,
            ),
            speaker: Some(Speaker {
                span: span(t, "Sophie Le Bris", 0),
                canonical: "Sophie Le Bris".into(),
            }),
            cue: Some("a déclaré".into()),
        },
        Quote {
            span: span(
                t,
                "la lumière naturelle entre désormais partout, jusque dans les réserves",
                0,
            ),
            speaker: Some(Speaker {
                span: span(t, "Marc Allain", 0),
                canonical: "Marc Allain".into(),
            }),
            cue: Some("selon".into()),
        },
    ];
    let entry =
        |needle: &str, from: NaiveDate, to: NaiveDate, grain: Grain, event: &str| TimelineEntry {
            span: span(t, needle, 0),
            timex: String::new(),
            from,
            to,
            grain,
            event: event.into(),
        };
    let timeline = vec![
        entry(
            "septembre 2021",
            date(2021, 9, 1),
            date(2021, 9, 30),
            Grain::Month,
            "lancement du chantier",
        ),
        entry(
            "lundi",
            date(2023, 3, 13),
            date(2023, 3, 13),
            Grain::Day,
            "annonce de la mairie",
        ),
        entry(
            "le 3 avril",
            date(2023, 4, 3),
            date(2023, 4, 3),
            Grain::Day,
            "réouverture de la médiathèque",
        ),
        entry(
            "du 20 au 22 avril",
            date(2023, 4, 20),
            date(2023, 4, 22),
            Grain::Day,
            "fête d'inauguration",
        ),
        entry(
            "jusqu'en juin",
            date(2023, 6, 1),
            date(2023, 6, 30),
            Grain::Month,
            "ateliers de Lire à Quimper",
        ),
    ];
    Analysis {
        language: liseuse::Lang::Fr,
        reference_date: date(2023, 3, 14),
        reference_date_source: liseuse::DateSource::Text,
        entities,
        quotes,
        timeline,
    }
}

pub fn app(width: u16, height: u16) -> App {
    let mut app = App::new(
        fixture_article(),
        fixture_analysis(),
        &Config::default(),
        true,
    );
    app.update(Action::Resize(width, height));
    app
}

/// Draws the whole screen into a test terminal of the app's size (shared with the library tests).
pub(crate) fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size().0, app.size().1)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .unwrap();
    terminal
}

/// Sends actions to the app in order.
pub(crate) fn send(app: &mut App, actions: &[Action]) {
    for action in actions {
        app.update(action.clone());
    }
}

fn type_search(app: &mut App, query: &str) {
    app.update(Action::Search);
    for c in query.chars() {
        app.update(Action::SearchInput(c));
    }
    app.update(Action::SearchConfirm);
}

/// The text of one row of the screen.
fn row(terminal: &Terminal<TestBackend>, y: u16) -> String {
    let buffer = terminal.backend().buffer();
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol().to_string())
        .collect()
}

/// The cell where `needle` is first drawn in the article pane (below the header, left of the side column).
fn find_in_article(terminal: &Terminal<TestBackend>, needle: &str) -> (u16, u16) {
    let buffer = terminal.backend().buffer();
    let n: Vec<char> = needle.chars().collect();
    let pane = (buffer.area.width * 2 / 3) as usize;
    for y in 2..buffer.area.height.saturating_sub(1) {
        let chars: Vec<char> = row(terminal, y).chars().take(pane).collect();
        if let Some(x) = chars.windows(n.len()).position(|w| w == n.as_slice()) {
            return (x as u16, y);
        }
    }
    panic!("{needle} is not drawn in the article pane");
}

#[test]
fn snapshot_start_wide() {
    let app = app(120, 40);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn snapshot_start_narrow() {
    let app = app(80, 24);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn snapshot_quote_selected_wide() {
    let mut app = app(120, 40);
    send(&mut app, &[Action::NextQuote, Action::NextQuote]);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn snapshot_quote_overlay_narrow() {
    let mut app = app(80, 24);
    send(&mut app, &[Action::NextQuote, Action::ToggleQuotes]);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn snapshot_timeline_focused_wide() {
    let mut app = app(120, 40);
    send(
        &mut app,
        &[
            Action::FocusNext,
            Action::FocusNext,
            Action::ScrollDown,
            Action::ScrollDown,
        ],
    );
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn snapshot_timeline_overlay_narrow() {
    let mut app = app(80, 24);
    send(&mut app, &[Action::ToggleTimeline, Action::Bottom]);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn snapshot_help_wide() {
    let mut app = app(120, 40);
    app.update(Action::Help);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn snapshot_help_narrow() {
    let mut app = app(80, 24);
    app.update(Action::Help);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn snapshot_search_wide() {
    let mut app = app(120, 40);
    type_search(&mut app, "quimper");
    app.update(Action::SearchNext);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn snapshot_search_narrow() {
    let mut app = app(80, 24);
    type_search(&mut app, "horaires");
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn snapshot_related_selected_wide() {
    let mut app = app(120, 40);
    send(
        &mut app,
        &[Action::ToggleRelated, Action::ScrollDown, Action::Select],
    );
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn snapshot_too_small() {
    let app = app(25, 6);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn a_quote_that_fits_on_one_line_has_its_source_right_under_it() {
    // 240 columns: the side column is wide enough for each fixture quote on one line.
    let app = app(240, 40);
    let terminal = draw(&app);
    // The side column, right of the article pane.
    let rows: Vec<String> = (0..40)
        .map(|y| row(&terminal, y).chars().skip(160).collect())
        .collect();
    let quote = rows
        .iter()
        .position(|r| r.contains("du matin jusqu'au soir"))
        .unwrap_or_else(|| panic!("the first quote is listed: {rows:#?}"));
    assert!(
        rows[quote].contains("Nous avons voulu"),
        "on one line: {}",
        rows[quote]
    );
    assert!(
        rows[quote + 1].contains("— Sophie Le Bris"),
        "the source follows: {:?}",
        &rows[quote..quote + 3]
    );
}

#[test]
fn next_quote_marks_it_in_the_text_and_selects_it() {
    let mut app = app(120, 40);
    app.update(Action::NextQuote);
    app.update(Action::NextQuote);
    assert_eq!(
        app.focus(),
        Panel::Article,
        "the focus stays in the article"
    );
    assert_eq!(app.selected().0, 1);
    let mark = app.mark().cloned().unwrap();
    assert_eq!(mark.kind, MarkKind::Quote);
    assert_eq!(
        &app.article().text[mark.bytes.unwrap()],
        "la lumière naturelle entre désormais partout, jusque dans les réserves"
    );
    // The words of the quote are drawn reversed, and a marker stands in the gutter of their line.
    let terminal = draw(&app);
    let (col, y) = find_in_article(&terminal, "lumière");
    let cell = &terminal.backend().buffer()[(col, y)];
    assert!(cell.modifier.contains(Modifier::REVERSED));
    assert_eq!(terminal.backend().buffer()[(0, y)].symbol(), "▶");
    // No further quote: the mark stays and a message says so.
    app.update(Action::NextQuote);
    assert_eq!(app.selected().0, 1);
    assert!(app.message().unwrap().contains("no further quote"));
    app.update(Action::PrevQuote);
    assert_eq!(app.selected().0, 0);
}

#[test]
fn dates_jump_in_text_order_and_select_in_the_timeline() {
    let mut app = app(120, 40);
    // In the text: "le 3 avril", "lundi", "septembre 2021", "du 20 au 22 avril", "jusqu'en juin"; the
    // timeline lists them by date: septembre 2021 (0), lundi (1), le 3 avril (2), 20-22 avril (3), juin (4).
    for expected in [2, 1, 0, 3, 4] {
        app.update(Action::NextDate);
        assert_eq!(app.selected().1, expected);
    }
    for expected in [3, 0, 1, 2] {
        app.update(Action::PrevDate);
        assert_eq!(app.selected().1, expected);
    }
}

#[test]
fn entities_are_styled_by_kind_without_colour() {
    let app = app(120, 40);
    let terminal = draw(&app);
    let find = |needle: &str| {
        let (x, y) = find_in_article(&terminal, needle);
        terminal.backend().buffer()[(x, y)].modifier
    };
    assert!(find("Sophie").contains(Modifier::BOLD));
    assert!(!find("Sophie").contains(Modifier::UNDERLINED));
    assert!(find("Bretagne").contains(Modifier::UNDERLINED));
    assert!(!find("Bretagne").contains(Modifier::BOLD));
    let org = find("Alain-Gerbault");
    assert!(org.contains(Modifier::BOLD) && org.contains(Modifier::UNDERLINED));
}

#[test]
fn search_counts_matches_and_cycles_through_them() {
    let mut app = app(120, 40);
    type_search(&mut app, "QUIMPER");
    // The title, the dateline, the library's name and the association's.
    assert_eq!(app.search().matches.len(), 4);
    assert_eq!(app.search().current, Some(0));
    app.update(Action::SearchPrev);
    assert_eq!(app.search().current, Some(3));
    app.update(Action::SearchNext);
    assert_eq!(app.search().current, Some(0));
    let status = row(&draw(&app), 39);
    assert!(status.contains("1/4"), "{status}");
    app.update(Action::Cancel);
    assert!(app.search().matches.is_empty());
}

#[test]
fn back_returns_to_before_the_jump() {
    let mut app = app(80, 12);
    let before = app.scroll();
    app.update(Action::NextRelated);
    assert!(app.scroll() > before);
    app.update(Action::Back);
    assert_eq!(app.scroll(), before);
    app.update(Action::ScrollDown);
    let here = app.scroll();
    app.update(Action::Bottom);
    assert!(app.scroll() > here);
    app.update(Action::Back);
    assert_eq!(app.scroll(), here);
}

#[test]
fn enter_in_a_list_scrolls_the_article_to_the_item() {
    let mut app = app(120, 14);
    send(
        &mut app,
        &[Action::ToggleTimeline, Action::Bottom, Action::Select],
    );
    let mark = app.mark().cloned().unwrap();
    assert_eq!(
        &app.article().text[mark.bytes.clone().unwrap()],
        "jusqu'en juin"
    );
    let line = app.layout().line_of_byte(mark.bytes.unwrap().start);
    assert!(line >= app.scroll() && line < app.scroll() + app.view_height());
    assert_eq!(app.focus(), Panel::Timeline);
}

#[test]
fn copy_gives_the_quote_with_its_speaker() {
    let mut app = app(120, 40);
    app.update(Action::NextQuote);
    assert_eq!(
        app.update(Action::CopyQuote),
        Some(Effect::Copy(
            "« Nous avons voulu un lieu ouvert à tous, du matin jusqu'au soir » — Sophie Le Bris"
                .into()
        ))
    );
}

#[test]
fn open_needs_an_address() {
    let mut app = app(120, 40);
    app.update(Action::ToggleRelated);
    assert_eq!(
        app.update(Action::OpenLink),
        Some(Effect::Open(
            "https://exemple-ouest.fr/brest/bibliotheques".into()
        ))
    );
    app.update(Action::ScrollDown);
    assert_eq!(app.update(Action::OpenLink), None);
    assert!(app.message().unwrap().contains("no address"));
}

#[test]
fn quit_closes_an_overlay_first_then_quits() {
    let mut app = app(80, 24);
    app.update(Action::ToggleQuotes);
    assert_eq!(app.focus(), Panel::Quotes);
    app.update(Action::Quit);
    assert_eq!(app.focus(), Panel::Article);
    assert!(!app.should_quit());
    app.update(Action::Help);
    app.update(Action::Quit);
    assert!(!app.help_open() && !app.should_quit());
    app.update(Action::Quit);
    assert!(app.should_quit());
    let mut app2 = self::app(80, 24);
    send(&mut app2, &[Action::Help, Action::ForceQuit]);
    assert!(app2.should_quit());
}

#[test]
fn resize_keeps_the_paragraph_at_the_top() {
    let text: String = (0..40)
        .map(|i| {
            format!(
                "Paragraphe {i} : une phrase d'essai assez longue pour tenir sur plusieurs lignes à toutes \
                 les largeurs essayées ici, suivie de quelques mots encore pour faire bonne mesure.\n"
            )
        })
        .collect();
    let article = article::load_str(&text, Format::Text, None);
    let mut app = App::new(article, Analysis::default(), &Config::default(), true);
    app.update(Action::Resize(120, 20));
    // Scroll until the top line is inside the twelfth paragraph, past its first line.
    let target = text.find("Paragraphe 12").unwrap();
    while app.layout().lines[app.scroll()].pos <= target {
        app.update(Action::ScrollDown);
    }
    let top = app.layout().lines[app.scroll()].bytes.start;
    for (w, h) in [(100, 30), (150, 50), (80, 24), (120, 20)] {
        app.update(Action::Resize(w, h));
        let line = &app.layout().lines[app.scroll()];
        assert!(
            line.bytes.start <= top && top < line.bytes.end.max(line.bytes.start + 1),
            "at {w}x{h} the top line no longer holds byte {top}"
        );
    }
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_the_pointer_and_click_selects() {
    let mut app = app(120, 40);
    app.update(Action::Wheel {
        column: 10,
        row: 10,
        delta: 1,
    });
    assert_eq!(app.focus(), Panel::Article);
    let regions = app.regions();
    let timeline = regions.timeline.unwrap();
    app.update(Action::Wheel {
        column: timeline.x + 2,
        row: timeline.y + 2,
        delta: 1,
    });
    assert_eq!(app.selected().1, 1);
    let quotes = regions.quotes.unwrap();
    // The second quote's first row: the border, then three rows per quote in a panel this tall.
    app.update(Action::Click {
        column: quotes.x + 3,
        row: quotes.y + 4,
    });
    assert_eq!(app.focus(), Panel::Quotes);
    assert_eq!(app.selected().0, 1);
}

#[test]
fn every_size_draws_without_panic() {
    let mut states: Vec<Vec<Action>> = vec![
        vec![],
        vec![Action::Help],
        vec![Action::NextQuote, Action::ToggleQuotes, Action::Bottom],
        vec![Action::ToggleRelated, Action::Bottom],
    ];
    for actions in &mut states {
        let mut app = App::new(
            fixture_article(),
            fixture_analysis(),
            &Config::default(),
            false,
        );
        send(&mut app, actions);
        for w in 1..=130u16 {
            for h in 1..=45u16 {
                app.update(Action::Resize(w, h));
                // Straight into a buffer: the same drawing as a frame, without the terminal's diffing.
                let area = Rect::new(0, 0, w, h);
                let mut buffer = Buffer::empty(area);
                (&app).render(area, &mut buffer);
            }
        }
    }
}

#[test]
fn an_empty_article_draws() {
    let article = article::load_str("", Format::Text, None);
    let mut app = App::new(article, Analysis::default(), &Config::default(), true);
    for (w, h) in [(120, 40), (80, 24), (1, 1)] {
        app.update(Action::Resize(w, h));
        send(
            &mut app,
            &[
                Action::PageDown,
                Action::NextQuote,
                Action::Bottom,
                Action::FocusNext,
            ],
        );
        draw(&app);
    }
}

/// Any sequence of actions at any size leaves the app drawable, with the scroll inside the text.
mod any_actions {
    use super::*;
    use proptest::prelude::*;

    fn action() -> impl Strategy<Value = Action> {
        let bindable: Vec<Action> = liseuse::tui::config::ACTIONS
            .iter()
            .filter(|a| **a != Action::ForceQuit && **a != Action::Quit)
            .cloned()
            .collect();
        prop_oneof![
            4 => proptest::sample::select(bindable),
            1 => (1u16..140, 1u16..50).prop_map(|(w, h)| Action::Resize(w, h)),
            1 => (0u16..140, 0u16..50, -1i16..=1)
                .prop_map(|(column, row, delta)| Action::Wheel { column, row, delta }),
            1 => (0u16..140, 0u16..50).prop_map(|(column, row)| Action::Click { column, row }),
            1 => proptest::char::range('a', 'z').prop_map(Action::SearchInput),
            1 => Just(Action::SearchConfirm),
            1 => Just(Action::SearchBackspace),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn never_panics(actions in proptest::collection::vec(action(), 0..40)) {
            let mut app = app(120, 40);
            // Remembering places (on quit and suspend) must not upset anything either.
            app.set_memory(liseuse::library::state::ReadingState::default());
            for action in actions {
                app.update(action);
                let (w, h) = app.size();
                let area = Rect::new(0, 0, w, h);
                let mut buffer = Buffer::empty(area);
                (&app).render(area, &mut buffer);
                prop_assert!(app.scroll() < app.layout().lines.len().max(1));
                prop_assert!(app.selected().0 < app.analysis().quotes.len().max(1));
                prop_assert!(app.selected().1 < app.analysis().timeline.len().max(1));
                prop_assert!(app.selected().2 < app.article().related.len().max(1));
            }
        }
    }
}

/// A made-up article where two people answer each other, then someone unnamed speaks.
const DEBATE: &str = "\
Exemple : le conseil municipal de Morlaix vote le budget

Morlaix, le 2 février 2024. – Le conseil municipal a adopté mardi soir le budget de la ville après trois heures de débat.
« Ce budget protège les écoles et les piscines », a affirmé le maire, Yann Le Gall.
« Il repousse encore la rénovation du port », a répliqué Claire Morvan, cheffe de l'opposition.
Le Gall a assuré que « les travaux du port commenceront l'an prochain ».
Pour Claire Morvan, « ces promesses reviennent chaque hiver ».
« On verra bien », glissait un habitant à la sortie.
";

/// The quotes of [`DEBATE`], written by hand: Le Gall, Morvan, Le Gall, Morvan, no one named.
fn debate_app(width: u16, height: u16) -> App {
    let t = DEBATE;
    let quote = |words: &str, speaker: Option<(&str, usize, &str)>, cue: &str| Quote {
        span: span(t, words, 0),
        speaker: speaker.map(|(needle, nth, canonical)| Speaker {
            span: span(t, needle, nth),
            canonical: canonical.into(),
        }),
        cue: Some(cue.into()),
    };
    let quotes = vec![
        quote(
            "Ce budget protège les écoles et les piscines",
            Some(("Yann Le Gall", 0, "Yann Le Gall")),
            "a affirmé",
        ),
        quote(
            "Il repousse encore la rénovation du port",
            Some(("Claire Morvan", 0, "Claire Morvan")),
            "a répliqué",
        ),
        // Named by his surname alone: the same canonical name.
        quote(
            "les travaux du port commenceront l'an prochain",
            Some(("Le Gall", 1, "Yann Le Gall")),
            "a assuré",
        ),
        quote(
            "ces promesses reviennent chaque hiver",
            Some(("Claire Morvan", 1, "Claire Morvan")),
            "pour",
        ),
        quote("On verra bien", None, "glissait"),
    ];
    let analysis = Analysis {
        language: liseuse::Lang::Fr,
        reference_date: date(2024, 2, 2),
        reference_date_source: liseuse::DateSource::Text,
        entities: Vec::new(),
        quotes,
        timeline: Vec::new(),
    };
    let mut app = App::new(
        article::load_str(DEBATE, Format::Text, None),
        analysis,
        &Config::default(),
        true,
    );
    app.update(Action::Resize(width, height));
    app
}

/// The words of the quote marked in the text.
fn marked_words(app: &App) -> &str {
    let mark = app.mark().expect("a mark");
    assert_eq!(mark.kind, MarkKind::Quote);
    &app.article().text[mark.bytes.clone().expect("bytes in the text")]
}

#[test]
fn the_speaker_filter_keeps_one_persons_quotes_in_the_panel_and_the_jumps() {
    let mut app = debate_app(120, 40);
    send(&mut app, &[Action::ToggleQuotes, Action::FilterSpeaker]);
    let filter = app.speaker_filter().expect("filtered");
    assert_eq!(filter.speaker.as_deref(), Some("Yann Le Gall"));
    assert_eq!(filter.quotes, vec![0, 2]);
    assert_eq!(app.list_len(Panel::Quotes), 2);

    // j/k, G and g move through the kept quotes only.
    let rows: &[(Action, usize)] = &[
        (Action::ScrollDown, 2),
        (Action::ScrollDown, 2),
        (Action::ScrollUp, 0),
        (Action::Bottom, 2),
        (Action::Top, 0),
    ];
    for (action, expected) in rows {
        app.update(action.clone());
        assert_eq!(app.selected().0, *expected, "after {action:?}");
    }

    // Enter shows the selected kept quote in the text.
    send(&mut app, &[Action::ScrollDown, Action::Select]);
    assert_eq!(
        marked_words(&app),
        "les travaux du port commenceront l'an prochain"
    );

    // From the article, ]q and [q visit only Le Gall's quotes.
    send(
        &mut app,
        &[Action::ToggleQuotes, Action::Cancel, Action::Top],
    );
    assert_eq!(app.focus(), Panel::Article);
    assert!(app.mark().is_none());
    app.update(Action::NextQuote);
    assert_eq!(
        marked_words(&app),
        "Ce budget protège les écoles et les piscines"
    );
    app.update(Action::NextQuote);
    assert_eq!(app.selected().0, 2);
    assert_eq!(
        marked_words(&app),
        "les travaux du port commenceront l'an prochain"
    );
    app.update(Action::NextQuote);
    assert_eq!(
        app.selected().0,
        2,
        "Morvan's last quote and the unnamed one are skipped"
    );
    assert!(app.message().unwrap().contains("no further quote"));
    app.update(Action::PrevQuote);
    assert_eq!(app.selected().0, 0);

    // The key again shows every quote, and the jumps visit them all.
    app.update(Action::FilterSpeaker);
    assert!(app.speaker_filter().is_none());
    assert_eq!(app.list_len(Panel::Quotes), 5);
    app.update(Action::NextQuote);
    assert_eq!(app.selected().0, 1);
    assert_eq!(
        marked_words(&app),
        "Il repousse encore la rénovation du port"
    );
}

#[test]
fn the_speaker_filter_follows_the_selected_quote_and_esc_in_the_panel_clears_it() {
    let mut app = debate_app(120, 40);
    // Filtering on Morvan's first quote, then on the unnamed one.
    send(
        &mut app,
        &[
            Action::ToggleQuotes,
            Action::ScrollDown,
            Action::FilterSpeaker,
        ],
    );
    let filter = app.speaker_filter().expect("filtered");
    assert_eq!(filter.speaker.as_deref(), Some("Claire Morvan"));
    assert_eq!(filter.quotes, vec![1, 3]);
    assert_eq!(app.selected().0, 1, "the selection stays on the quote");
    let terminal = draw(&app);
    assert!(
        row(&terminal, 2).contains(" ▶ Quotes · Claire Morvan (2/5) "),
        "{}",
        row(&terminal, 2)
    );

    // A click on the second item listed (rows 6 to 8 of the panel) selects Morvan's second quote.
    app.update(Action::Click { column: 90, row: 6 });
    assert_eq!(app.selected().0, 3);

    // Esc in the panel shows all the quotes again (and the focus stays there).
    app.update(Action::Cancel);
    assert!(app.speaker_filter().is_none());
    assert_eq!(app.focus(), Panel::Quotes);
    assert_eq!(app.selected().0, 3);

    send(&mut app, &[Action::Bottom, Action::FilterSpeaker]);
    let filter = app.speaker_filter().expect("filtered");
    assert_eq!(filter.speaker, None);
    assert_eq!(filter.quotes, vec![4]);
    let terminal = draw(&app);
    assert!(
        row(&terminal, 2).contains(" ▶ Quotes · no source named (1/5) "),
        "{}",
        row(&terminal, 2)
    );
    // One quote kept: j stays on it.
    app.update(Action::ScrollDown);
    assert_eq!(app.selected().0, 4);
}

#[test]
fn snapshot_speaker_filter_wide() {
    let mut app = debate_app(120, 40);
    send(
        &mut app,
        &[
            Action::ToggleQuotes,
            Action::FilterSpeaker,
            Action::ScrollDown,
        ],
    );
    insta::assert_snapshot!(draw(&app).backend());
}
