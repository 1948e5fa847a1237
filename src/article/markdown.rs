//! Markdown through a CommonMark parser. (Placeholder until the Markdown loader lands.)

use super::{Article, BlockKind, TextBuilder};
use crate::error::Result;

pub(crate) fn load(input: &str) -> Result<Article> {
    let mut builder = TextBuilder::default();
    for line in input.lines() {
        builder.push(BlockKind::Paragraph, line);
    }
    let (text, blocks) = builder.finish();
    Ok(Article {
        text,
        blocks,
        ..Article::default()
    })
}
