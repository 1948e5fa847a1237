//! Hostile inputs, one class per test, each with the outcome it must have: floods of zero-width characters and
//! combining marks, a line of a megabyte without a space, deep nesting, broken and legacy encodings, a slow
//! unit the fuzzer found. Each states what must come out (the words around the payload still read and found),
//! not only that nothing panics. Time and memory budgets are stated in SECURITY.md and measured there with
//! commands on the release build, not asserted here (a timed test fails on a busy machine).

use chrono::NaiveDate;
use liseuse::article::{self, Article, Format};
use liseuse::{Analysis, AnalysisOptions, Analyzer};

fn fixture(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

fn analyse(article: &Article) -> Analysis {
    let options = AnalysisOptions {
        reference_date: NaiveDate::from_ymd_opt(2023, 3, 17),
        today: None,
    };
    Analyzer::new().analyze(article, &options)
}

fn entity_texts<'a>(article: &'a Article, analysis: &Analysis) -> Vec<&'a str> {
    analysis
        .entities
        .iter()
        .map(|e| article.slice(e.span))
        .collect()
}

fn timeline_texts<'a>(article: &'a Article, analysis: &Analysis) -> Vec<&'a str> {
    analysis
        .timeline
        .iter()
        .map(|t| article.slice(t.span))
        .collect()
}

/// A paragraph of my own, with a place and a date on each side of `payload`.
fn around(payload: &str) -> String {
    format!(
        "Exemple liseuse : une inondation de caractères invisibles\n\n\
         À Rennes, la mairie a fermé le pont le 3 avril 2023 après la crue. {payload} \
         Les habitants de Brest pourront revenir le 12 mai 2023, selon la préfecture.\n"
    )
}

/// Runs a paragraph with `payload` through the plain-text loader and the analysis, and checks that the places and
/// dates on both sides of it are found.
fn words_around_are_found(payload: &str) -> (Article, Analysis) {
    let article = article::load_str(&around(payload), Format::Text, None);
    assert!(article.text.contains(payload), "the payload is text, kept");
    let analysis = analyse(&article);
    let entities = entity_texts(&article, &analysis);
    for place in ["Rennes", "Brest"] {
        assert!(entities.contains(&place), "{place} not in {entities:?}");
    }
    let dates: Vec<(String, NaiveDate)> = analysis
        .timeline
        .iter()
        .map(|t| (article.slice(t.span).to_string(), t.from))
        .collect();
    for (text, day) in [
        ("le 3 avril 2023", (2023, 4, 3)),
        ("le 12 mai 2023", (2023, 5, 12)),
    ] {
        let day = NaiveDate::from_ymd_opt(day.0, day.1, day.2).unwrap();
        assert!(
            dates.iter().any(|(t, from)| t == text && *from == day),
            "{text} not in {dates:?}"
        );
    }
    (article, analysis)
}

/// 200,000 zero-width characters (space, joiner, byte-order mark) between two sentences.
fn zero_width_flood() -> String {
    ["\u{200B}", "\u{200D}", "\u{FEFF}"]
        .iter()
        .cycle()
        .take(200_000)
        .copied()
        .collect()
}

/// One letter carrying 100,000 combining acute accents: a single grapheme one column wide.
fn combining_flood() -> String {
    let mut s = String::from("e");
    s.extend(std::iter::repeat_n('\u{301}', 100_000));
    s
}

#[test]
fn a_zero_width_flood_leaves_the_words_around_it_found() {
    words_around_are_found(&zero_width_flood());
}

/// 200,000 punctuation marks, quotation marks and brackets in one sentence: many short "quotations" and asides.
fn punctuation_flood() -> String {
    ["(", ")", "«", "»", "\"", ",", ";", "—"]
        .iter()
        .cycle()
        .take(200_000)
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_punctuation_flood_leaves_the_words_around_it_found() {
    words_around_are_found(&punctuation_flood());
}

#[test]
fn a_combining_mark_flood_leaves_the_words_around_it_found() {
    words_around_are_found(&combining_flood());
}

/// A megabyte of letters without a space: loads as one paragraph, whole, and analyses.
fn long_word() -> String {
    "abcdefghij".repeat(100_000)
}

#[test]
fn a_megabyte_without_a_space_loads_whole() {
    let word = long_word();
    let (article, _) = words_around_are_found(&word);
    let block = article
        .blocks
        .iter()
        .find(|b| article.slice(b.span).contains(&word))
        .expect("a block holds the long word");
    assert_eq!(block.kind, liseuse::BlockKind::Paragraph);
}

/// 100,000 nested elements of several kinds, each with words inside the innermost one and after the nest.
#[test]
fn a_hundred_thousand_nested_elements_load_with_their_text() {
    let depth = 100_000;
    let rows = [
        ("div", true),
        ("span", true),
        ("blockquote", true),
        ("section", true),
        // Never closed: the parser closes them at the end.
        ("div", false),
    ];
    for (tag, closed) in rows {
        let page = format!(
            "<html><head><title>Exemple liseuse : des boîtes dans des boîtes</title></head><body>\
             {open}Au fond de la pile, la mairie de Brest répond.{close}\
             <p>Après la pile, un paragraphe ordinaire.</p></body></html>",
            open = format!("<{tag}>").repeat(depth),
            close = if closed {
                format!("</{tag}>").repeat(depth)
            } else {
                String::new()
            },
        );
        let article = article::load_bytes(page.as_bytes(), None).unwrap();
        assert_eq!(article.format, Format::Html, "<{tag}>");
        assert_eq!(
            article.title.as_deref(),
            Some("Exemple liseuse : des boîtes dans des boîtes"),
            "<{tag}>"
        );
        for words in [
            "Au fond de la pile, la mairie de Brest répond.",
            "Après la pile, un paragraphe ordinaire.",
        ] {
            assert!(
                article.text.contains(words),
                "<{tag}> closed={closed}: {words:?} missing"
            );
        }
        assert!(
            !article.text.contains('<'),
            "<{tag}>: no markup in the text"
        );
        let analysis = analyse(&article);
        assert!(
            entity_texts(&article, &analysis).contains(&"Brest"),
            "<{tag}>"
        );
    }
}

/// Markdown nests too: 100,000 blockquote marks or list bullets on one line, then 100,000 lines each one level
/// deeper. The words inside come through.
#[test]
fn deeply_nested_markdown_loads_with_its_text() {
    let depth = 100_000;
    let words = "la mairie de Brest répond au fond.";
    let rows = [
        format!(
            "# Exemple liseuse : des citations\n\n{}{words}\n",
            "> ".repeat(depth)
        ),
        format!(
            "# Exemple liseuse : des listes\n\n{}{words}\n",
            "- ".repeat(depth)
        ),
        format!(
            "# Exemple liseuse : des emphases\n\n{}{words}{}\n",
            "*".repeat(depth),
            "*".repeat(depth)
        ),
        format!(
            "# Exemple liseuse : des crochets\n\n{}{words}{}\n",
            "[".repeat(depth),
            "]".repeat(depth)
        ),
    ];
    for page in &rows {
        let article = article::load_bytes(page.as_bytes(), Some(Format::Markdown)).unwrap();
        let head = &page[..30];
        assert!(
            article.text.contains(words),
            "{head}: {:?}",
            &article.text[..article.text.len().min(200)]
        );
        analyse(&article);
    }
}

/// JSON nests as deep as it likes; the parser's recursion limit makes it an error, not a stack overflow.
#[test]
fn deeply_nested_json_is_a_one_line_error() {
    let depth = 100_000;
    for page in [
        format!(
            "{{\"body\": {}\"x\"{}}}",
            "[".repeat(depth),
            "]".repeat(depth)
        ),
        format!(
            "{{\"body\": \"x\", \"extra\": {}1{}}}",
            "{\"a\":".repeat(depth),
            "}".repeat(depth)
        ),
    ] {
        let err = article::load_bytes(page.as_bytes(), Some(Format::Json)).unwrap_err();
        let message = err.to_string();
        assert!(message.starts_with("invalid json: "), "{message}");
        assert!(!message.contains('\n'));
        // Sniffed, it is not taken for JSON, and loads as text.
        let sniffed = article::load_bytes(page.as_bytes(), None).unwrap();
        assert_eq!(sniffed.format, Format::Text);
    }
}

/// UTF-16 with a byte-order mark, both byte orders, text and HTML: decoded, the words and the analysis as from
/// UTF-8. Windows-1252 (what a French page saved by an old editor is in) too.
#[test]
fn utf16_and_windows_1252_files_are_decoded() {
    let rows = [
        ("encodings/utf16le-bom.txt", Format::Text),
        ("encodings/utf16be-bom.txt", Format::Text),
        ("encodings/windows-1252.txt", Format::Text),
        ("encodings/utf16le-bom.html", Format::Html),
        ("encodings/utf16be-bom.html", Format::Html),
    ];
    for (path, format) in rows {
        let article = article::load_path(&fixture(path)).unwrap();
        assert_eq!(article.format, format, "{path}");
        assert_eq!(article.language.code(), "fr", "{path}");
        assert!(
            !article.text.contains('\u{FFFD}'),
            "{path}: {:?}",
            article.text
        );
        assert!(!article.text.contains('\0'), "{path}");
        let analysis = analyse(&article);
        let (title, sentence, place, date) = if format == Format::Text {
            (
                "Exemple liseuse : le bac de l'île de Batz reprend ses rotations",
                "Le bac reliant Roscoff à l'île de Batz reprendra ses traversées le 3 avril",
                "Roscoff",
                "le 3 avril",
            )
        } else {
            (
                "Exemple liseuse : un phare repeint à Ouessant",
                "Les peintres ont achevé le phare du Créac'h le 2 juin 2023",
                "Ouessant",
                "le 2 juin 2023",
            )
        };
        assert_eq!(article.title.as_deref(), Some(title), "{path}");
        assert!(
            article.text.contains(sentence),
            "{path}: {:?}",
            article.text
        );
        assert!(entity_texts(&article, &analysis).contains(&place), "{path}");
        assert!(
            timeline_texts(&article, &analysis).contains(&date),
            "{path}"
        );
    }
    let legacy = article::load_path(&fixture("encodings/windows-1252.txt")).unwrap();
    assert!(legacy.text.contains("2023. – Le bac"), "the en dash, 0x96");
    assert!(
        legacy.text.contains("“Les réparations sont terminées”"),
        "curly quotes, 0x93 and 0x94"
    );
}

/// UTF-8 with broken bytes (a lone continuation byte, a cut sequence, an overlong form, a surrogate): each
/// becomes U+FFFD, the rest reads as written, whatever the format.
#[test]
fn invalid_utf8_becomes_replacement_characters() {
    for (path, format) in [
        ("encodings/invalid-utf8.txt", Format::Text),
        ("encodings/invalid-utf8.html", Format::Html),
        ("encodings/invalid-utf8.md", Format::Markdown),
    ] {
        let article = article::load_path(&fixture(path)).unwrap();
        assert_eq!(article.format, format, "{path}");
        assert!(
            article
                .title
                .as_deref()
                .unwrap_or("")
                .starts_with("Exemple liseuse : des octets cassés"),
            "{path}"
        );
        for piece in [
            "La médiathèque de Morlaix \u{FFFD} ouvrira le 5 mai 2023 \u{FFFD} après des travaux",
            "selon la mairie.",
        ] {
            assert!(
                article.text.contains(piece),
                "{path}: {piece:?} not in {:?}",
                article.text
            );
        }
        crate::loaders::assert_clean(path, &article.text);
        let analysis = analyse(&article);
        assert!(
            entity_texts(&article, &analysis).contains(&"Morlaix"),
            "{path}"
        );
        assert!(
            timeline_texts(&article, &analysis).contains(&"le 5 mai 2023"),
            "{path}"
        );
    }
}

/// A slow unit the analysis fuzzer kept (`fuzz/artifacts/analyse/`): an HTML page mangled with NUL bytes and
/// escape sequences. As bytes it is refused as binary; as text (what the fuzz target feeds) it loads and analyses,
/// with every span indexing the text. Every input the fuzzers keep goes into `tests/fixtures/fuzz/TARGET/`.
#[test]
fn fuzz_regressions_load_and_analyse() {
    let dir = fixture("fuzz");
    let mut count = 0;
    for target in std::fs::read_dir(&dir).unwrap() {
        let target = target.unwrap().path();
        for input in std::fs::read_dir(&target).unwrap() {
            let path = input.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            count += 1;
            // Through the loaders as the command line reads files: an article or a clean error.
            for hint in [
                None,
                Some(Format::Text),
                Some(Format::Html),
                Some(Format::Markdown),
                Some(Format::Json),
            ] {
                if let Ok(article) = article::load_bytes(&bytes, hint) {
                    check_analysis(&article);
                }
            }
            // As the fuzz targets read them: text, in every format.
            let text = String::from_utf8_lossy(&bytes);
            for format in [Format::Text, Format::Html, Format::Markdown, Format::Json] {
                check_analysis(&article::load_str(&text, format, None));
            }
        }
    }
    assert!(count >= 1, "the fuzz regressions are in {}", dir.display());
    let slow = std::fs::read(fixture(
        "fuzz/analyse/slow-unit-a0fa161371036797a05a57c61e9b730d843ce5c4",
    ))
    .unwrap();
    assert!(matches!(
        article::load_bytes(&slow, None).unwrap_err().kind(),
        liseuse::ErrorKind::Binary
    ));
    let article = article::load_str(&String::from_utf8_lossy(&slow), Format::Text, None);
    assert!(
        article
            .text
            .contains("Un paragraphe qui tente d'écrire le presse-papiers")
    );
    assert!(!article.text.contains("pwned"));
}

fn check_analysis(article: &Article) {
    crate::loaders::assert_clean("fuzz regression", &article.text);
    let analysis = analyse(article);
    let chars: Vec<char> = article.text.chars().collect();
    let spans = analysis
        .entities
        .iter()
        .map(|e| e.span)
        .chain(analysis.quotes.iter().map(|q| q.span))
        .chain(analysis.timeline.iter().map(|t| t.span));
    for span in spans {
        let by_chars: String = chars[span.chars()].iter().collect();
        assert_eq!(by_chars, article.slice(span));
    }
}

/// The reader draws every hostile article: frames at two sizes with no control character in any cell, and every
/// wrapped line within the width of its pane.
#[cfg(feature = "tui")]
mod reader {
    use super::*;
    use liseuse::tui::layout::LineKind;
    use liseuse::tui::{Action, App, Config};
    use unicode_width::UnicodeWidthStr;

    fn app(article: Article, width: u16, height: u16) -> App {
        let analysis = analyse(&article);
        app_of(article, analysis, width, height)
    }

    fn app_of(article: Article, analysis: Analysis, width: u16, height: u16) -> App {
        let mut app = App::new(article, analysis, &Config::default(), true);
        app.update(Action::Resize(width, height));
        app
    }

    /// Draws the screen and returns its rows; no cell holds a control character.
    fn frame(app: &App) -> Vec<String> {
        let terminal = crate::tui::draw(app);
        let buffer = terminal.backend().buffer();
        let mut rows = Vec::new();
        for y in 0..buffer.area.height {
            let mut row = String::new();
            for x in 0..buffer.area.width {
                let symbol = buffer[(x, y)].symbol();
                assert!(
                    !symbol.chars().any(|c| c.is_control()),
                    "a control character in cell ({x}, {y})"
                );
                row.push_str(symbol);
            }
            rows.push(row);
        }
        rows
    }

    /// Every wrapped line of the article fits its pane: its indent and its display width within the layout's
    /// width. Returns the widths of the text lines.
    fn check_wrapping(app: &App) -> Vec<usize> {
        let layout = app.layout();
        let text = &app.article().text;
        let mut widths = Vec::new();
        for line in &layout.lines {
            if let LineKind::Text { .. } = line.kind {
                let width = text[line.bytes.clone()].width();
                assert!(
                    usize::from(line.indent) + width <= usize::from(layout.width),
                    "a line of {width} columns (indent {}) in {} columns",
                    line.indent,
                    layout.width
                );
                widths.push(width);
            }
        }
        widths
    }

    const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (30, 8)];

    #[test]
    fn floods_draw_within_the_width() {
        for payload in [zero_width_flood(), combining_flood()] {
            let article = article::load_str(&around(&payload), Format::Text, None);
            let analysis = analyse(&article);
            for (width, height) in SIZES {
                let mut app = app_of(article.clone(), analysis.clone(), width, height);
                check_wrapping(&app);
                let rows = frame(&app);
                let screen = rows.concat();
                assert!(screen.contains("Rennes"), "{width}x{height}: {rows:#?}");
                // Scrolled to the end, the sentence after the flood is drawn.
                app.update(Action::Bottom);
                let screen = frame(&app).concat();
                assert!(screen.contains("préfecture"), "{width}x{height}");
            }
        }
    }

    #[test]
    fn a_combining_flood_is_one_column() {
        let article = article::load_str(&around(&combining_flood()), Format::Text, None);
        let app = app(article, 120, 40);
        let terminal = crate::tui::draw(&app);
        let buffer = terminal.backend().buffer();
        // The letter and its 100,000 accents are one grapheme drawn in one cell.
        let cells: Vec<&str> = buffer
            .content()
            .iter()
            .map(|c| c.symbol())
            .filter(|s| s.starts_with("e\u{301}"))
            .collect();
        assert_eq!(cells.len(), 1);
        assert_eq!(cells[0].chars().count(), 100_001);
    }

    #[test]
    fn a_megabyte_without_a_space_is_cut_at_the_width() {
        let word = long_word();
        for (width, height) in SIZES {
            let article = article::load_str(&around(&word), Format::Text, None);
            let app = app(article, width, height);
            let widths = check_wrapping(&app);
            let layout_width = usize::from(app.layout().width);
            // The word is cut into full lines: as many lines of the full width as it fills.
            let full = widths.iter().filter(|&&w| w == layout_width).count();
            assert!(
                full >= word.len() / layout_width - 1,
                "{width}x{height}: {full} full lines of {layout_width} for {} letters",
                word.len()
            );
            let rows = frame(&app);
            assert!(rows.concat().contains("Rennes"), "{width}x{height}");
        }
    }
}

/// Through the command line, every encoding fixture prints a document with the words decoded and no control
/// character in any string, and exits 0.
#[test]
fn encoding_fixtures_export_clean_json() {
    let out = assert_cmd::Command::cargo_bin("liseuse")
        .unwrap()
        .args(["--json", "--reference-date", "2023-03-17"])
        .arg(fixture("encodings"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty());
    let docs: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 8);
    for doc in &docs {
        let path = doc["path"].as_str().unwrap();
        let text = doc["text"].as_str().unwrap();
        crate::loaders::assert_clean(path, text);
        crate::loaders::assert_clean(path, doc["title"].as_str().unwrap());
        assert!(text.contains("Exemple liseuse"), "{path}");
        let chars: Vec<char> = text.chars().collect();
        for entity in doc["entities"].as_array().unwrap() {
            let (start, end) = (
                entity["start"].as_u64().unwrap() as usize,
                entity["end"].as_u64().unwrap() as usize,
            );
            let slice: String = chars[start..end].iter().collect();
            assert_eq!(slice, entity["text"].as_str().unwrap(), "{path}");
        }
    }
}

/// 100,000 related-article items, in plain text and in an HTML list: the first [`article::MAX_RELATED`] are
/// related items (each would be matched against every article of a library), the rest stay in the text.
#[test]
fn a_flood_of_related_items_keeps_the_first_hundred() {
    let count = 100_000;
    let text = format!(
        "Exemple liseuse : une liste sans fin\n\nLa mairie de Brest publie sa liste.\n{}",
        (0..count)
            .map(|i| format!("> À lire aussi : Un autre article numéro {i}\n"))
            .collect::<String>()
    );
    let html = format!(
        "<html><head><title>Exemple liseuse : une liste sans fin</title></head><body><article>\
         <p>La mairie de Brest publie sa liste.</p><aside class=\"related\"><h2>Lire aussi</h2><ul>{}</ul>\
         </aside></article></body></html>",
        (0..count)
            .map(|i| format!("<li><a href=\"/articles/{i}\">Un autre article numéro {i}</a></li>"))
            .collect::<String>()
    );
    for (input, format) in [(text, Format::Text), (html, Format::Html)] {
        let article = article::load_bytes(input.as_bytes(), Some(format)).unwrap();
        assert_eq!(article.related.len(), article::MAX_RELATED, "{format:?}");
        assert_eq!(article.related[0].title, "Un autre article numéro 0");
        assert_eq!(article.related[99].title, "Un autre article numéro 99");
        if format == Format::Text {
            assert!(
                article
                    .text
                    .contains("> À lire aussi : Un autre article numéro 99999\n")
            );
        }
        assert!(article.text.contains("La mairie de Brest publie sa liste."));
    }
}

/// A tag with 100,000 attributes loses them (the HTML parser compares each with all before it), and keeps its
/// content.
#[test]
fn a_tag_with_a_flood_of_attributes_keeps_its_content() {
    let attributes: String = (0..100_000).map(|i| format!(" data-a{i}=\"x\"")).collect();
    let page = format!(
        "<html><head><title>Exemple liseuse : une balise chargée</title></head><body>\
         <article{attributes}><p>La mairie de Brest ouvre le 3 avril 2023.</p></article></body></html>"
    );
    let article = article::load_bytes(page.as_bytes(), None).unwrap();
    assert_eq!(article.format, Format::Html);
    assert!(
        article
            .text
            .contains("La mairie de Brest ouvre le 3 avril 2023.")
    );
    assert!(!article.text.contains("data-a"));
    let analysis = analyse(&article);
    assert!(timeline_texts(&article, &analysis).contains(&"le 3 avril 2023"));
}
