//! JSON article input. (Placeholder until the JSON loader lands.)

use super::{Article, BlockKind, TextBuilder};
use crate::error::Result;

pub(crate) fn load(input: &str) -> Result<Article> {
    let value: serde_json::Value = serde_json::from_str(input)
        .map_err(|e| super::sanitize::parse_error("json", e.to_string()))?;
    let mut builder = TextBuilder::default();
    if let Some(body) = value.get("body").and_then(|b| b.as_str()) {
        for line in body.lines() {
            builder.push(BlockKind::Paragraph, line);
        }
    }
    let (text, blocks) = builder.finish();
    Ok(Article {
        text,
        blocks,
        ..Article::default()
    })
}
