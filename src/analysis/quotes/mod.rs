//! Direct quotations and who they come from. (Placeholder until the quote finder lands.)

use super::{Document, Entity};
use crate::article::{Lang, Span};

/// The source of a quotation: a mention in the text and the fullest name of its entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    pub span: Span,
    pub canonical: String,
}

/// One direct quotation: the words inside the marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub span: Span,
    pub speaker: Option<Speaker>,
    /// The reporting word that ties the quote to its speaker ("selon", "a déclaré", ":").
    pub cue: Option<String>,
}

/// Finds the quotations of a document, in text order.
pub fn find(_doc: &Document<'_>, _lang: Lang, _entities: &[Entity]) -> Vec<Quote> {
    Vec::new()
}
