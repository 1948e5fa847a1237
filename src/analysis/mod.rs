//! Pure functions from an [`Article`] to an [`Analysis`]: named entities, quotations with their speakers, and a
//! timeline of the dates the article refers to, resolved against its own date.
//!
//! The pipeline runs once per article: tokens and sentences ([`text`]), then entities (with canonical names),
//! the reference date and the timeline, and quotes (whose speakers are entities).

pub mod entities;
mod hash;
pub mod quotes;
pub mod text;
pub mod time;

pub use chrono::NaiveDate;
use serde::Serialize;

use crate::article::{Article, Lang};
pub use entities::{Entity, EntityKind};
pub use quotes::{Quote, Speaker};
pub use text::Document;
pub use time::{Grain, TimelineEntry};

/// Where the reference date came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// `--reference-date`.
    Option,
    /// A date the input declares (HTML or JSON metadata).
    Metadata,
    /// Inferred from the text: a dateline, or a weekday with its date.
    Text,
    /// Nothing better: the day of the analysis.
    #[default]
    Today,
}

/// What the caller may set for one analysis.
#[derive(Clone, Debug, Default)]
pub struct AnalysisOptions {
    /// The date relative expressions resolve against, overriding metadata and inference.
    pub reference_date: Option<NaiveDate>,
    /// What "today" is, for the last fallback and for choosing years; the system date when `None`.
    pub today: Option<NaiveDate>,
}

impl AnalysisOptions {
    /// The day of the analysis.
    pub fn today(&self) -> NaiveDate {
        self.today
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }
}

/// Everything the analysis found in one article.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    pub language: Lang,
    pub reference_date: NaiveDate,
    pub reference_date_source: DateSource,
    /// Entity mentions in text order.
    pub entities: Vec<Entity>,
    /// Direct quotations in text order.
    pub quotes: Vec<Quote>,
    /// Dated expressions, sorted by date, then by position.
    pub timeline: Vec<TimelineEntry>,
}

/// Runs the analysis. Creating one is cheap: language data is loaded once per process, on first use.
#[derive(Clone, Debug, Default)]
pub struct Analyzer {
    language: Option<Lang>,
}

/// Configures an [`Analyzer`].
#[derive(Clone, Debug, Default)]
pub struct AnalyzerBuilder {
    language: Option<Lang>,
}

impl AnalyzerBuilder {
    /// Forces the language instead of the article's detected one.
    pub fn language(mut self, lang: Lang) -> Self {
        self.language = Some(lang);
        self
    }

    pub fn build(self) -> Analyzer {
        Analyzer {
            language: self.language,
        }
    }
}

impl Analyzer {
    /// An analyzer that follows each article's own language.
    pub fn new() -> Self {
        Analyzer::default()
    }

    pub fn builder() -> AnalyzerBuilder {
        AnalyzerBuilder::default()
    }

    /// Analyses one article.
    pub fn analyze(&self, article: &Article, options: &AnalysisOptions) -> Analysis {
        let lang = self.language.unwrap_or(article.language);
        let doc = Document::new(article);
        let entities = entities::find(&doc, lang);
        let (reference_date, reference_date_source) = time::reference_date(&doc, lang, options);
        let timeline = time::timeline(&doc, lang, reference_date, &entities);
        let quotes = quotes::find(&doc, lang, &entities);
        Analysis {
            language: lang,
            reference_date,
            reference_date_source,
            entities,
            quotes,
            timeline,
        }
    }
}
