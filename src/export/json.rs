//! The JSON document of ../shared/CONTRACT.md, schema 1. Fields are only ever added, never renamed or dropped.

use serde::Serialize;

use crate::analysis::{Analysis, DateSource, EntityKind, Grain};
use crate::article::{Article, BlockKind, Span};

/// One article and its analysis, as scripts read it.
#[derive(Serialize)]
pub struct Document<'a> {
    pub schema: u32,
    pub path: Option<String>,
    pub format: &'static str,
    pub language: &'static str,
    pub title: Option<&'a str>,
    pub site: Option<&'a str>,
    pub url: Option<&'a str>,
    pub authors: &'a [String],
    pub published: Option<String>,
    pub reference_date: String,
    pub reference_date_source: DateSource,
    pub text: &'a str,
    pub blocks: Vec<BlockItem>,
    pub entities: Vec<EntityItem<'a>>,
    pub quotes: Vec<QuoteItem<'a>>,
    pub timeline: Vec<TimelineItem<'a>>,
    pub related: Vec<RelatedItem<'a>>,
}

#[derive(Serialize)]
pub struct BlockItem {
    pub start: usize,
    pub end: usize,
    pub kind: BlockKind,
}

#[derive(Serialize)]
pub struct EntityItem<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub kind: EntityKind,
    pub canonical: &'a str,
}

#[derive(Serialize)]
pub struct SpeakerItem<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub canonical: &'a str,
}

#[derive(Serialize)]
pub struct QuoteItem<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub speaker: Option<SpeakerItem<'a>>,
    pub cue: Option<&'a str>,
}

#[derive(Serialize)]
pub struct TimelineItem<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub timex: &'a str,
    pub from: String,
    pub to: String,
    pub grain: Grain,
    pub event: &'a str,
}

#[derive(Serialize)]
pub struct RelatedItem<'a> {
    pub title: &'a str,
    pub url: Option<&'a str>,
    /// The path of the library article the item resolves to.
    pub target: Option<String>,
}

impl<'a> Document<'a> {
    /// Builds the document. `targets[i]` is the resolved path of `article.related[i]`, if any.
    pub fn new(article: &'a Article, analysis: &'a Analysis, targets: &[Option<String>]) -> Self {
        let text = article.text.as_str();
        let slice = |span: Span| span.text(text);
        Document {
            schema: 1,
            path: article.path.as_ref().map(|p| p.display().to_string()),
            format: article.format.name(),
            language: analysis.language.code(),
            title: article.title.as_deref(),
            site: article.site.as_deref(),
            url: article.url.as_deref(),
            authors: &article.authors,
            published: article.published.map(|d| d.to_string()),
            reference_date: analysis.reference_date.to_string(),
            reference_date_source: analysis.reference_date_source,
            text,
            blocks: article
                .blocks
                .iter()
                .map(|b| BlockItem {
                    start: b.span.char_start,
                    end: b.span.char_end,
                    kind: b.kind,
                })
                .collect(),
            entities: analysis
                .entities
                .iter()
                .map(|e| EntityItem {
                    start: e.span.char_start,
                    end: e.span.char_end,
                    text: slice(e.span),
                    kind: e.kind,
                    canonical: &e.canonical,
                })
                .collect(),
            quotes: analysis
                .quotes
                .iter()
                .map(|q| QuoteItem {
                    start: q.span.char_start,
                    end: q.span.char_end,
                    text: slice(q.span),
                    speaker: q.speaker.as_ref().map(|s| SpeakerItem {
                        start: s.span.char_start,
                        end: s.span.char_end,
                        text: slice(s.span),
                        canonical: &s.canonical,
                    }),
                    cue: q.cue.as_deref(),
                })
                .collect(),
            timeline: analysis
                .timeline
                .iter()
                .map(|t| TimelineItem {
                    start: t.span.char_start,
                    end: t.span.char_end,
                    text: slice(t.span),
                    timex: &t.timex,
                    from: t.from.to_string(),
                    to: t.to.to_string(),
                    grain: t.grain,
                    event: &t.event,
                })
                .collect(),
            related: article
                .related
                .iter()
                .enumerate()
                .map(|(i, r)| RelatedItem {
                    title: &r.title,
                    url: r.url.as_deref(),
                    target: targets.get(i).cloned().flatten(),
                })
                .collect(),
        }
    }
}

/// The JSON document of an article and its analysis, pretty-printed.
pub fn to_json(article: &Article, analysis: &Analysis, targets: &[Option<String>]) -> String {
    serde_json::to_string_pretty(&Document::new(article, analysis, targets))
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// The JSON document on one line, as `--json` prints it (JSON Lines).
pub fn to_json_line(article: &Article, analysis: &Analysis, targets: &[Option<String>]) -> String {
    serde_json::to_string(&Document::new(article, analysis, targets))
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
