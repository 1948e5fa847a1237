//! liseuse: a full-screen terminal reader for news articles.
//!
//! The library is the reader's engine, free of any terminal code: it loads an article from text, HTML, JSON
//! or Markdown into an [`Article`], analyses it into an [`Analysis`] (named entities, quotations with their
//! speakers, a timeline of dates resolved against the article's own date), and exports both as the JSON of the
//! project's contract.
//!
//! ```
//! use liseuse::{Analyzer, AnalysisOptions, article};
//!
//! let article = article::load_str(
//!     "Le ministre a déclaré hier : « Nous tiendrons parole. »\n",
//!     article::Format::Text,
//!     None,
//! );
//! let options = AnalysisOptions { reference_date: chrono::NaiveDate::from_ymd_opt(2023, 3, 17), today: None };
//! let analysis = Analyzer::new().analyze(&article, &options);
//! assert_eq!(analysis.reference_date.to_string(), "2023-03-17");
//! ```

pub mod analysis;
pub mod article;
mod error;
pub mod export;
pub mod library;
#[cfg(feature = "tui")]
pub mod tui;

pub use analysis::{Analysis, AnalysisOptions, Analyzer, DateSource};
pub use article::{Article, Block, BlockKind, Format, Lang, RelatedLink, Span};
pub use error::{Error, ErrorKind, Result};
