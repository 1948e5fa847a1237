//! Time expressions resolved to calendar dates, and the timeline.
//!
//! Each prose sentence is read by a small grammar ([`recognition`]) into unresolved expressions, which are
//! placed on the calendar against the reference date ([`resolution`]) with the tense of their clause
//! ([`tense`]) deciding between the last and the next "mardi"; each gets a short event from its clause
//! ([`events`]). The reference date comes from the options, the metadata, or the text ([`reference`]).
//!
//! ```
//! use liseuse::analysis::{AnalysisOptions, Analyzer};
//! use liseuse::article::{Format, load_str};
//! use chrono::NaiveDate;
//!
//! let article = load_str("Le sommet se tiendra du 20 au 22 mars.", Format::Text, None);
//! let options = AnalysisOptions {
//!     reference_date: NaiveDate::from_ymd_opt(2023, 3, 17),
//!     ..Default::default()
//! };
//! let analysis = Analyzer::new().analyze(&article, &options);
//! assert_eq!(analysis.timeline[0].timex, "2023-03-20/2023-03-22");
//! ```

mod events;
pub(crate) mod lexicon;
mod recognition;
mod reference;
mod resolution;
mod tense;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use serde::Serialize;

use super::{AnalysisOptions, DateSource, Document, Entity, EntityKind};
use crate::article::{Lang, Span};
use recognition::Tok;

/// The unit an expression names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Grain {
    Day,
    Week,
    Month,
    Quarter,
    Season,
    Year,
    Decade,
    Century,
}

/// One dated expression of the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineEntry {
    pub span: Span,
    /// The ISO-TimeML value (`2023-03-20`, `2022-09`, `2023-W12`, or `FROM/TO` for a range).
    pub timex: String,
    /// First day covered.
    pub from: NaiveDate,
    /// Last day covered, inclusive.
    pub to: NaiveDate,
    pub grain: Grain,
    /// What the article says happens then.
    pub event: String,
}

/// The date relative expressions resolve against, and where it came from.
pub fn reference_date(
    doc: &Document<'_>,
    lang: Lang,
    options: &AnalysisOptions,
) -> (NaiveDate, DateSource) {
    if let Some(date) = options.reference_date {
        (date, DateSource::Option)
    } else if let Some(date) = doc.article.published {
        (date, DateSource::Metadata)
    } else if let Some(date) = reference::from_text(doc, lang, options.today()) {
        (date, DateSource::Text)
    } else {
        (options.today(), DateSource::Today)
    }
}

/// Words before a weekday or date that make it a frequency, not a date ("chaque lundi").
fn is_frequency(w: &str) -> bool {
    matches!(w, "chaque" | "every" | "each" | "tous" | "toutes")
}

/// Whether a span lies within a longer name of a place, organisation, person, work or product.
fn inside_name(span: &Span, entities: &[Entity]) -> bool {
    let after = entities.partition_point(|e| e.span.byte_start <= span.byte_start);
    entities[..after].iter().rev().take(4).any(|e| {
        matches!(
            e.kind,
            EntityKind::Place
                | EntityKind::Organization
                | EntityKind::Person
                | EntityKind::Work
                | EntityKind::Product
        ) && e.span.contains(span)
            && e.span != *span
    })
}

/// The dated expressions of a document, sorted by date then position.
pub fn timeline(
    doc: &Document<'_>,
    lang: Lang,
    reference: NaiveDate,
    entities: &[Entity],
) -> Vec<TimelineEntry> {
    let mut entries = Vec::new();
    let mut toks: Vec<Tok<'_>> = Vec::new();
    for sentence in doc.prose_sentences() {
        toks.clear();
        toks.extend(
            doc.tokens[sentence.tokens.clone()]
                .iter()
                .map(|t| Tok::new(doc.text, t)),
        );
        let mut founds = recognition::find(&toks, lang);
        founds.retain(|f| !(f.first > 0 && is_frequency(&toks[f.first - 1].w)));
        let spans: Vec<(usize, usize)> = founds.iter().map(|f| (f.first, f.last)).collect();
        for found in founds {
            // "depuis janvier" looks back whatever the verb's tense.
            let since = found.first > 0 && matches!(&*toks[found.first - 1].w, "depuis" | "since");
            let tense = if since {
                resolution::Tense::Past
            } else {
                tense::of(&toks, found.first, found.last, lang)
            };
            if matches!(found.expr, recognition::Expr::Anaphoric(_))
                && tense != resolution::Tense::Unknown
            {
                continue;
            }
            let Some(resolved) =
                resolution::resolve(&found.expr, reference, tense).filter(|r| r.from <= r.to)
            else {
                continue;
            };
            let span = doc.span(toks[found.first].start..toks[found.last].end);
            // A date inside a name ("rue du 19 mars 1962", "Tour de France 2016") is part of the name.
            if inside_name(&span, entities) {
                continue;
            }
            let mut event = events::describe(doc.text, &toks, found.first, found.last, &spans);
            // A dateline standing alone is the article's own date.
            if event.is_empty() && resolved.from == reference && resolved.to == reference {
                event = match lang {
                    Lang::Fr => "Date de l'article",
                    Lang::En => "Date of the article",
                }
                .to_string();
            }
            entries.push(TimelineEntry {
                span,
                timex: resolved.timex,
                from: resolved.from,
                to: resolved.to,
                grain: resolved.grain,
                event,
            });
        }
    }
    entries.sort_by_key(|e| (e.from, e.span.char_start));
    entries
}
