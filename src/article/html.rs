//! HTML pages through an HTML5 parser. (Placeholder until the HTML loader lands.)

use super::{Article, BlockKind, TextBuilder};
use crate::error::Result;

pub(crate) fn load(input: &str) -> Result<Article> {
    let doc = scraper::Html::parse_document(input);
    let mut builder = TextBuilder::default();
    let selector = scraper::Selector::parse("p")
        .map_err(|e| super::sanitize::parse_error("html", e.to_string()))?;
    for p in doc.select(&selector) {
        builder.push(BlockKind::Paragraph, &p.text().collect::<String>());
    }
    let (text, blocks) = builder.finish();
    Ok(Article {
        text,
        blocks,
        ..Article::default()
    })
}
