//! Entities of a hand-checked French fixture (the team's own text), one per line.
//!
//! Checked by hand: every line is right; one entity is known to be missing ("Banque mondiale", an
//! organisation the tagger does not find).

use liseuse::analysis::{Document, entities};
use liseuse::article::{Format, Lang, load_str};

#[test]
fn french_fixture_entities() {
    let input = include_str!("../fixtures/entities-fr.txt");
    let article = load_str(input, Format::Text, Some(Lang::Fr));
    let doc = Document::new(&article);
    let lines: Vec<String> = entities::find(&doc, Lang::Fr)
        .iter()
        .map(|e| {
            let chars = e.span.chars();
            format!(
                "{}..{} {:?} {} -> {}",
                chars.start,
                chars.end,
                e.kind,
                e.span.text(doc.text),
                e.canonical
            )
        })
        .collect();
    insta::assert_snapshot!(lines.join("\n"));
}
