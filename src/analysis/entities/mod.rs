//! Named entities: people, places, organisations (and groups, events, works, products), with the fullest name
//! each has in the article. (Placeholder until the entity recogniser lands.)

use serde::Serialize;

use super::Document;
use crate::article::{Lang, Span};

/// What an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Place,
    Organization,
    /// Nationalities and peoples ("les Chinois").
    Group,
    Event,
    Work,
    Product,
    Other,
}

/// One mention of an entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    pub span: Span,
    pub kind: EntityKind,
    /// The fullest name of the same entity in the article.
    pub canonical: String,
}

/// Finds the entity mentions of a document, in text order.
pub fn find(_doc: &Document<'_>, _lang: Lang) -> Vec<Entity> {
    Vec::new()
}
