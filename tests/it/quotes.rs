//! Quotations and speakers of hand-checked fixture articles (the team's own writing), one quote per line:
//! `words | speaker mention | canonical name | cue`.

use liseuse::analysis::{Document, quotes};
use liseuse::article::{Format, Lang, load_str};

fn render(input: &str, lang: Lang) -> String {
    let article = load_str(input, Format::Text, Some(lang));
    let doc = Document::new(&article);
    quotes::find(&doc, lang, &[])
        .iter()
        .map(|q| {
            let speaker = q.speaker.as_ref().map_or("-".to_string(), |s| {
                format!("{} | {}", s.span.text(&article.text), s.canonical)
            });
            format!(
                "{} | {} | {}",
                q.span.text(&article.text).replace('\n', "¶"),
                speaker,
                q.cue.as_deref().unwrap_or("-")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn french_fixture_quotes() {
    let input = include_str!("../fixtures/quotes/greve_fr.txt");
    insta::assert_snapshot!(render(input, Lang::Fr));
}

#[test]
fn english_fixture_quotes() {
    let input = include_str!("../fixtures/quotes/bridge_en.txt");
    insta::assert_snapshot!(render(input, Lang::En));
}

#[test]
fn offsets_are_chars_into_the_text() {
    let input = "Élise Roy a déclaré : « Ça ira. »\n";
    let article = load_str(input, Format::Text, Some(Lang::Fr));
    let doc = Document::new(&article);
    let found = quotes::find(&doc, Lang::Fr, &[]);
    assert_eq!(found.len(), 1);
    let chars: Vec<char> = input.chars().collect();
    let span = found[0].span;
    let text: String = chars[span.char_start..span.char_end].iter().collect();
    assert_eq!(text, "Ça ira.");
    let speaker = found[0].speaker.as_ref().unwrap().span;
    let name: String = chars[speaker.char_start..speaker.char_end].iter().collect();
    assert_eq!(name, "Élise Roy");
}
