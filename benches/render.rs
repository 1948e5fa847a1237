//! Drawing the reader: one frame of a 1 MB article into a 200×60 buffer (the frame draws only the visible
//! lines, so it must not depend on the article's length), and wrapping that article once at a new width.

use liseuse::analysis::{Analysis, Entity, EntityKind, Quote};
use liseuse::article::{self, CharIndex, Format};
use liseuse::tui::{Action, App, Config};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

fn main() {
    divan::main();
}

/// About 1 MB of made-up paragraphs, with an entity in every sentence and a quote in every paragraph.
fn big_article() -> (liseuse::Article, Analysis) {
    let paragraph = "La maire de Quimper a présenté mardi le projet de médiathèque, qui ouvrira au printemps \
                     prochain. « Nous voulons un lieu ouvert à tous », a-t-elle déclaré devant le conseil \
                     municipal, avant de détailler le budget voté par la région Bretagne.\n";
    let mut text = String::new();
    while text.len() < 1_000_000 {
        text.push_str(paragraph);
    }
    let article = article::load_str(&text, Format::Text, None);
    let index = CharIndex::new(&text);
    let mut entities = Vec::new();
    let mut quotes = Vec::new();
    let mut start = 0;
    while start < text.len() {
        for (needle, kind) in [
            ("Quimper", EntityKind::Place),
            ("Bretagne", EntityKind::Place),
        ] {
            if let Some(at) = text[start..].find(needle) {
                let at = start + at;
                entities.push(Entity {
                    span: index.span(&text, at..at + needle.len()),
                    kind,
                    canonical: needle.into(),
                });
            }
        }
        let q = "Nous voulons un lieu ouvert à tous";
        if let Some(at) = text[start..].find(q) {
            let at = start + at;
            quotes.push(Quote {
                span: index.span(&text, at..at + q.len()),
                speaker: None,
                cue: Some("a déclaré".into()),
            });
        }
        start += paragraph.len();
    }
    entities.sort_by_key(|e| e.span.byte_start);
    let analysis = Analysis {
        entities,
        quotes,
        ..Analysis::default()
    };
    (article, analysis)
}

#[divan::bench]
fn frame_1mb_200x60(bencher: divan::Bencher) {
    let (article, analysis) = big_article();
    let mut app = App::new(article, analysis, &Config::default(), false);
    app.update(Action::Resize(200, 60));
    // The middle of the article, with a quote marked and a search highlighted.
    for _ in 0..app.layout().lines.len() / 2 {
        app.update(Action::ScrollDown);
    }
    app.update(Action::NextQuote);
    app.update(Action::Search);
    for c in "médiathèque".chars() {
        app.update(Action::SearchInput(c));
    }
    app.update(Action::SearchConfirm);
    let area = Rect::new(0, 0, 200, 60);
    let mut buf = Buffer::empty(area);
    bencher.bench_local(|| {
        buf.reset();
        (&app).render(area, &mut buf);
    });
}

#[divan::bench(sample_count = 10)]
fn wrap_1mb_once(bencher: divan::Bencher) {
    let (article, _) = big_article();
    bencher.bench_local(|| liseuse::tui::layout::TextLayout::new(&article, 128));
}
