//! JSON article input: one object with the article's metadata and its body.
//!
//! ```json
//! {
//!   "title": "Le port de Brest s'agrandit",
//!   "url": "https://exemple.fr/brest",
//!   "site": "Exemple.fr",
//!   "authors": ["Jeanne Exemple"],
//!   "published": "2023-03-17T09:30:00+01:00",
//!   "language": "fr",
//!   "body": [
//!     "Un paragraphe.",
//!     {"type": "heading", "text": "Un intertitre"},
//!     {"type": "blockquote", "text": "Une citation."}
//!   ],
//!   "related": [{"title": "Un autre article", "url": "https://exemple.fr/autre"}]
//! }
//! ```
//!
//! Only `body` is required. `authors` may be one string; `body` may be one string, with one paragraph per
//! line, where `> ` lines are asides as in the plain-text format. Unknown fields are ignored; a field of the
//! wrong type is an error that names it.

use serde_json::{Map, Value};

use super::meta::{self, push_related};
use super::{Article, BlockKind, Lang, RelatedLink, TextBuilder, sanitize, text};
use crate::error::{Error, Result};

pub(crate) fn load(input: &str) -> Result<(Article, Option<Lang>)> {
    let value: Value = serde_json::from_str(input).map_err(|e| error(e.to_string()))?;
    let Value::Object(map) = value else {
        return Err(error(format!(
            "an article is a JSON object, found {}",
            type_name(&value)
        )));
    };

    let title = optional_string(&map, "title")?;
    let url = optional_string(&map, "url")?;
    let site = optional_string(&map, "site")?;
    let authors = match map.get("authors").or_else(|| map.get("author")) {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(s)) => meta::split_authors(s),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, item)| match item {
                Value::String(s) => Ok(s.clone()),
                other => Err(error(format!(
                    "\"authors\"[{i}] must be a string, found {}",
                    type_name(other)
                ))),
            })
            .collect::<Result<Vec<_>>>()?,
        Some(other) => {
            return Err(error(format!(
                "\"authors\" must be a string or a list of strings, found {}",
                type_name(other)
            )));
        }
    };
    let published = match optional_string(&map, "published")? {
        None => None,
        Some(s) => Some(meta::parse_date(&s).ok_or_else(|| {
            error(format!(
                "\"published\" must be a date (YYYY-MM-DD) or an ISO 8601 date-time, found \"{}\"",
                sanitize::clean_line(&s)
                    .chars()
                    .take(40)
                    .collect::<String>()
            ))
        })?),
    };
    let language = match optional_string(&map, "language")? {
        None => None,
        Some(code) => Some(
            code.parse::<Lang>()
                .map_err(|e| error(format!("\"language\": {e}")))?,
        ),
    };

    let mut builder = TextBuilder::default();
    let mut related = Vec::new();
    if let Some(title) = &title {
        builder.push(BlockKind::Title, title);
    }
    match map.get("body") {
        None | Some(Value::Null) => {
            return Err(error("missing \"body\" (a string or a list of paragraphs)"));
        }
        Some(Value::String(body)) => push_text(&mut builder, &mut related, body),
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                match item {
                    Value::String(s) => push_text(&mut builder, &mut related, s),
                    Value::Object(block) => push_block(&mut builder, &mut related, block, i)?,
                    other => {
                        return Err(error(format!(
                            "\"body\"[{i}] must be a string or an object with \"type\" and \"text\", found {}",
                            type_name(other)
                        )));
                    }
                }
            }
        }
        Some(other) => {
            return Err(error(format!(
                "\"body\" must be a string or a list of paragraphs, found {}",
                type_name(other)
            )));
        }
    }
    let site = site.or_else(|| {
        let t = builder.text.clone();
        builder
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Promo)
            .find_map(|b| text::promo_site(b.span.text(&t)).map(str::to_string))
    });

    match map.get("related") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let (title, link) = match item {
                    Value::String(s) => (s.clone(), None),
                    Value::Object(o) => {
                        let title = optional_string(o, "title")
                            .map_err(|e| error(format!("\"related\"[{i}]: {}", message(&e))))?
                            .ok_or_else(|| error(format!("\"related\"[{i}] has no \"title\"")))?;
                        let link = optional_string(o, "url")
                            .map_err(|e| error(format!("\"related\"[{i}]: {}", message(&e))))?;
                        (title, link)
                    }
                    other => {
                        return Err(error(format!(
                            "\"related\"[{i}] must be an object with \"title\" and \"url\", found {}",
                            type_name(other)
                        )));
                    }
                };
                let link = link.and_then(|u| meta::resolve_url(url.as_deref(), &u));
                add_related(&mut builder, &mut related, &title, link);
            }
        }
        Some(other) => {
            return Err(error(format!(
                "\"related\" must be a list of {{\"title\", \"url\"}} objects, found {}",
                type_name(other)
            )));
        }
    }

    let (text, blocks) = builder.finish();
    let article = Article {
        title,
        site,
        url,
        authors,
        published,
        text,
        blocks,
        related,
        ..Article::default()
    };
    Ok((article, language))
}

/// A related item from the `related` list: it completes an item of the body with the same title (giving it
/// its address), or else is added at the end of the text.
fn add_related(
    builder: &mut TextBuilder,
    related: &mut Vec<RelatedLink>,
    title: &str,
    url: Option<String>,
) {
    let clean = sanitize::clean_line(title);
    if clean.is_empty() {
        return;
    }
    if let Some(existing) = related.iter_mut().find(|r| r.title == clean) {
        if existing.url.is_none() {
            existing.url = url;
        }
        return;
    }
    push_related(builder, related, &clean, vec![(clean.clone(), url)]);
}

/// A body string: one paragraph per line; `> ` lines are asides, related items or promotions as in plain text.
fn push_text(builder: &mut TextBuilder, related: &mut Vec<RelatedLink>, body: &str) {
    for line in body.lines() {
        let line = line.trim();
        if let Some(aside) = line.strip_prefix('>') {
            let aside = aside.trim();
            if let Some(title) = text::related_title(aside) {
                let title = title.to_string();
                push_related(builder, related, aside, vec![(title, None)]);
            } else if text::promo_site(aside).is_some() {
                builder.push(BlockKind::Promo, aside);
            } else {
                builder.push(BlockKind::Aside, aside);
            }
        } else {
            builder.push(BlockKind::Paragraph, line);
        }
    }
}

fn push_block(
    builder: &mut TextBuilder,
    related: &mut Vec<RelatedLink>,
    block: &Map<String, Value>,
    i: usize,
) -> Result<()> {
    let text = optional_string(block, "text")
        .map_err(|e| error(format!("\"body\"[{i}]: {}", message(&e))))?
        .ok_or_else(|| error(format!("\"body\"[{i}] has no \"text\"")))?;
    let kind = optional_string(block, "type")
        .map_err(|e| error(format!("\"body\"[{i}]: {}", message(&e))))?;
    let kind = match kind.as_deref().unwrap_or("paragraph") {
        "paragraph" | "p" => BlockKind::Paragraph,
        "heading" | "subtitle" => BlockKind::Heading,
        "blockquote" | "quote" => BlockKind::Blockquote,
        "aside" => BlockKind::Aside,
        "related" => {
            let title = text::related_title(&text).unwrap_or(&text).to_string();
            let url = optional_string(block, "url")
                .map_err(|e| error(format!("\"body\"[{i}]: {}", message(&e))))?;
            push_related(builder, related, &text, vec![(title, url)]);
            return Ok(());
        }
        other => {
            return Err(error(format!(
                "\"body\"[{i}].type must be heading, paragraph, blockquote, aside or related, found \"{}\"",
                sanitize::clean_line(other)
                    .chars()
                    .take(30)
                    .collect::<String>()
            )));
        }
    };
    // A paragraph may hold several lines: each is a block, as in a body string.
    for line in text.lines() {
        builder.push(kind, line);
    }
    Ok(())
}

fn optional_string(map: &Map<String, Value>, key: &str) -> Result<Option<String>> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(error(format!(
            "\"{key}\" must be a string, found {}",
            type_name(other)
        ))),
    }
}

fn error(message: impl Into<String>) -> Error {
    sanitize::parse_error("json", message)
}

/// The message of a parse error, to prefix it with where it happened.
fn message(e: &Error) -> String {
    match e.kind() {
        crate::error::ErrorKind::Parse { message, .. } => message.clone(),
        _ => e.to_string(),
    }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_json(s: &str) -> Result<Article> {
        load(s).map(|(a, _)| a)
    }

    #[test]
    fn body_as_a_string_or_as_blocks() {
        let a =
            load_json(r#"{"title": "T", "body": "Un.\n\nDeux.\n> À lire aussi : Trois"}"#).unwrap();
        let kinds: Vec<_> = a.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Title,
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                BlockKind::Related
            ]
        );
        assert_eq!(a.related[0].title, "Trois");
        let b = load_json(
            r#"{"body": ["Un.", {"type": "heading", "text": "H"}, {"type": "blockquote", "text": "Q"}]}"#,
        )
        .unwrap();
        let kinds: Vec<_> = b.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Paragraph,
                BlockKind::Heading,
                BlockKind::Blockquote
            ]
        );
    }

    #[test]
    fn wrong_types_are_errors_that_name_the_field() {
        let rows = [
            (r#"[1, 2]"#, "JSON object"),
            (r#"{"title": "T"}"#, "missing \"body\""),
            (r#"{"body": 3}"#, "\"body\" must be"),
            (r#"{"body": "x", "authors": 3}"#, "\"authors\" must be"),
            (r#"{"body": "x", "authors": ["a", 3]}"#, "\"authors\"[1]"),
            (r#"{"body": "x", "published": "hier"}"#, "\"published\""),
            (
                r#"{"body": "x", "published": 20230317}"#,
                "\"published\" must be a string",
            ),
            (r#"{"body": [true]}"#, "\"body\"[0]"),
            (
                r#"{"body": [{"type": "table", "text": "x"}]}"#,
                "type must be",
            ),
            (r#"{"body": [{"type": "paragraph"}]}"#, "has no \"text\""),
            (
                r#"{"body": "x", "related": [{"url": "u"}]}"#,
                "\"related\"[0] has no \"title\"",
            ),
            (
                r#"{"body": "x", "related": {"title": "t"}}"#,
                "\"related\" must be",
            ),
            (r#"{"body": "x", "language": "de"}"#, "\"language\""),
            (
                r#"{"body": "x", "title": ["a"]}"#,
                "\"title\" must be a string",
            ),
            ("{\"body\": ", "EOF"),
        ];
        for (input, want) in rows {
            let err = load_json(input).unwrap_err().to_string();
            assert!(err.starts_with("invalid json: "), "{input}: {err}");
            assert!(err.contains(want), "{input}: {err}");
        }
    }

    #[test]
    fn related_list_completes_body_items_and_resolves_urls() {
        let a = load_json(
            r#"{"url": "https://exemple.fr/a/b.html", "body": "Texte.\n> Lire aussi : Autre",
                "related": [{"title": "Autre", "url": "/c.html"}, {"title": "Encore", "url": "d.html"}]}"#,
        )
        .unwrap();
        assert_eq!(a.related.len(), 2);
        assert_eq!(
            a.related[0].url.as_deref(),
            Some("https://exemple.fr/c.html")
        );
        assert_eq!(
            a.related[1].url.as_deref(),
            Some("https://exemple.fr/a/d.html")
        );
        assert_eq!(a.related[1].span.unwrap().text(&a.text), "Encore");
    }
}
