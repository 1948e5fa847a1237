//! Time expressions resolved to calendar dates, and the timeline. (Placeholder until the resolver lands.)

use chrono::NaiveDate;
use serde::Serialize;

use super::{AnalysisOptions, DateSource, Document, Entity};
use crate::article::{Lang, Span};

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
    _lang: Lang,
    options: &AnalysisOptions,
) -> (NaiveDate, DateSource) {
    if let Some(date) = options.reference_date {
        (date, DateSource::Option)
    } else if let Some(date) = doc.article.published {
        (date, DateSource::Metadata)
    } else {
        (options.today(), DateSource::Today)
    }
}

/// The dated expressions of a document, sorted by date then position.
pub fn timeline(
    _doc: &Document<'_>,
    _lang: Lang,
    _reference: NaiveDate,
    _entities: &[Entity],
) -> Vec<TimelineEntry> {
    Vec::new()
}
