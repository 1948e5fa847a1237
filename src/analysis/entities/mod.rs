//! Named entities: people, places, organisations (and groups), with the fullest name each has in the article.
//!
//! A statistical tagger does the finding: an averaged perceptron over BIO tags (`model`), trained on the
//! WiNER French news corpus by `examples/train_ner.rs`, whose features are the word, its shape, prefixes and
//! suffixes, a window of two words each side, capitalisation in and out of sentence-initial position, the
//! tags already chosen and gazetteer hits (`gazetteer`). Rules then do what the model does badly: acronyms
//! in brackets after their expansion, nationalities used as nouns ("les Chinois"), and the canonical name
//! that links every mention of one entity to its fullest form (`canonical`).
//!
//! ```
//! use liseuse::analysis::{Document, entities};
//! use liseuse::article::{Format, Lang, load_str};
//!
//! let article = load_str("Emmanuel Macron est arrivé à Pékin. M. Macron a salué Xi Jinping.", Format::Text, None);
//! let doc = Document::new(&article);
//! let found = entities::find(&doc, Lang::Fr);
//! let macron = found.iter().find(|e| e.span.text(doc.text) == "Macron").unwrap();
//! assert_eq!(macron.canonical, "Emmanuel Macron");
//! ```

mod canonical;
pub mod features;
pub mod gazetteer;
mod memo;
pub mod model;
mod rules;

use std::ops::Range;
use std::sync::OnceLock;

use serde::Serialize;

use super::Document;
use crate::article::{Lang, Span};
use features::{TokenDigest, digest_document};
pub use gazetteer::{Gazetteer, NameKind};
pub use model::Model;

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

/// The embedded French model and name lists (see `assets/ner/README.md`).
const FR_MODEL: &[u8] = include_bytes!("../../../assets/ner/fr.model");
const NAMES: &str = include_str!("../../../assets/ner/names.tsv");
const PLACES_FR: &str = include_str!("../../../assets/ner/places-fr.tsv");
const PLACES_EN: &str = include_str!("../../../assets/ner/places-en.tsv");
const EXTRA: &str = include_str!("../../../assets/ner/extra.tsv");
const ENGLISH: &str = include_str!("../../../assets/ner/en.tsv");

/// The gazetteer sources for a language, besides the names learnt from the training corpus.
pub fn base_gazetteer_sources(lang: Lang) -> Vec<&'static str> {
    match lang {
        Lang::En => vec![ENGLISH, EXTRA, PLACES_EN, PLACES_FR],
        _ => vec![EXTRA, PLACES_FR],
    }
}

/// A tagger and its name lists: everything needed to find entities in one language.
#[derive(Clone, Debug)]
pub struct Recognizer {
    model: Model,
    gazetteer: Gazetteer,
}

/// An entity before it becomes an [`Entity`]: a token range and a kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Mention {
    pub tokens: Range<usize>,
    pub kind: EntityKind,
}

impl Recognizer {
    pub fn new(model: Model, gazetteer: Gazetteer) -> Recognizer {
        Recognizer { model, gazetteer }
    }

    /// The recogniser of a language, built once per process from the embedded data.
    pub fn for_language(lang: Lang) -> Option<&'static Recognizer> {
        static FR: OnceLock<Option<Recognizer>> = OnceLock::new();
        static EN: OnceLock<Option<Recognizer>> = OnceLock::new();
        let cell = if lang == Lang::En { &EN } else { &FR };
        cell.get_or_init(|| {
            let model = Model::from_bytes(FR_MODEL)?;
            let mut sources = base_gazetteer_sources(lang);
            sources.push(NAMES);
            Some(Recognizer::new(model, Gazetteer::from_tsv(sources)))
        })
        .as_ref()
    }

    /// Finds the entity mentions of a document, in text order, without overlaps.
    pub fn find(&self, doc: &Document<'_>, lang: Lang) -> Vec<Entity> {
        let hits = self.gazetteer.find(doc);
        let digests = digest_document(doc, &hits);
        let mut mentions = self.tag(doc, &digests);
        rules::apply(doc, lang, &hits, &mut mentions);
        let canonical = canonical::link(doc, &mentions);
        mentions
            .into_iter()
            .zip(canonical)
            .map(|(m, canonical)| {
                let start = doc.tokens[m.tokens.start].start;
                let end = doc.tokens[m.tokens.end - 1].end;
                Entity {
                    span: doc.span(start..end),
                    kind: m.kind,
                    canonical,
                }
            })
            .collect()
    }

    fn tag(&self, doc: &Document<'_>, digests: &[TokenDigest]) -> Vec<Mention> {
        let mut mentions = Vec::new();
        let mut cache = model::TagCache::with_capacity(doc.tokens.len());
        let mut tags = Vec::new();
        for s in &doc.sentences {
            let range = s.tokens.clone();
            self.model
                .tag(&digests[range.clone()], &mut cache, &mut tags);
            mentions_from_tags(&tags, range.start, &mut mentions);
        }
        mentions
    }
}

/// The kind a BIO tag stands for.
pub fn tag_kind(tag: usize) -> EntityKind {
    match tag.div_ceil(2) {
        1 => EntityKind::Person,
        2 => EntityKind::Place,
        _ => EntityKind::Organization,
    }
}

/// Turns the tags of a sentence starting at token `offset` into mentions.
fn mentions_from_tags(tags: &[usize], offset: usize, out: &mut Vec<Mention>) {
    let mut open: Option<(usize, usize)> = None;
    for (i, &tag) in tags.iter().enumerate() {
        let continues =
            tag != 0 && tag % 2 == 0 && open.is_some_and(|(_, t)| t.div_ceil(2) == tag / 2);
        if continues {
            continue;
        }
        if let Some((start, t)) = open.take() {
            out.push(Mention {
                tokens: offset + start..offset + i,
                kind: tag_kind(t),
            });
        }
        if tag != 0 {
            open = Some((i, tag));
        }
    }
    if let Some((start, t)) = open {
        out.push(Mention {
            tokens: offset + start..offset + tags.len(),
            kind: tag_kind(t),
        });
    }
}

/// Finds the entity mentions of a document, in text order.
pub fn find(doc: &Document<'_>, lang: Lang) -> Vec<Entity> {
    Recognizer::for_language(lang).map_or_else(Vec::new, |r| r.find(doc, lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Format, load_str};

    /// (text, mention, kind, canonical) for every entity of a phrase, in order.
    fn entities(input: &str, lang: Lang) -> Vec<(String, EntityKind, String)> {
        let article = load_str(input, Format::Text, Some(lang));
        let doc = Document::new(&article);
        find(&doc, lang)
            .into_iter()
            .map(|e| (e.span.text(doc.text).to_string(), e.kind, e.canonical))
            .collect()
    }

    /// Whether a phrase has the mention with that kind (and canonical name, when given).
    fn has(
        input: &str,
        lang: Lang,
        mention: &str,
        kind: EntityKind,
        canonical: Option<&str>,
    ) -> bool {
        entities(input, lang)
            .iter()
            .any(|(t, k, c)| t == mention && *k == kind && canonical.is_none_or(|want| c == want))
    }

    use EntityKind::{Group, Organization as Org, Person as Per, Place};

    #[test]
    fn french_hard_cases() {
        let rows: &[(&str, &str, EntityKind, Option<&str>)] = &[
            (
                "Le porte-parole de l'Élysée a démenti.",
                "Élysée",
                Place,
                None,
            ),
            (
                "C'est la décision d'Emmanuel Macron, a indiqué son entourage.",
                "Emmanuel Macron",
                Per,
                None,
            ),
            (
                "Le sommet se tiendra à Saint-Pétersbourg en juin.",
                "Saint-Pétersbourg",
                Place,
                None,
            ),
            (
                "Le président chinois Xi Jinping est arrivé à Moscou lundi.",
                "Xi Jinping",
                Per,
                None,
            ),
            (
                "Le président chinois Xi Jinping est arrivé à Moscou lundi.",
                "Moscou",
                Place,
                None,
            ),
            (
                "Vladimir Poutine a reçu son homologue. Poutine a ensuite parlé à la presse.",
                "Poutine",
                Per,
                Some("Vladimir Poutine"),
            ),
            (
                "Emmanuel Macron s'est rendu à Lyon. M. Macron a visité une usine.",
                "Macron",
                Per,
                Some("Emmanuel Macron"),
            ),
            (
                "Les pays de l'Organisation de coopération de Shanghai (OCS) se réunissent. L'OCS compte huit membres.",
                "OCS",
                Org,
                Some("Organisation de coopération de Shanghai"),
            ),
            (
                "Selon l'Organisation mondiale de la santé (OMS), l'épidémie recule.",
                "Organisation mondiale de la santé",
                Org,
                Some("Organisation mondiale de la santé"),
            ),
            (
                "Le journal Libération a publié une enquête.",
                "Libération",
                Org,
                None,
            ),
            (
                "Pour les Chinois, la visite est un succès.",
                "Chinois",
                Group,
                None,
            ),
            (
                "Angela Merkel a rencontré François Hollande à Berlin.",
                "Angela Merkel",
                Per,
                None,
            ),
            (
                "Angela Merkel a rencontré François Hollande à Berlin.",
                "Berlin",
                Place,
                None,
            ),
            ("PARIS - La grève continue à la SNCF.", "SNCF", Org, None),
            (
                "Berlin a répondu aux critiques de Washington.",
                "Berlin",
                Place,
                None,
            ),
        ];
        for (input, mention, kind, canonical) in rows {
            assert!(
                has(input, Lang::Fr, mention, *kind, *canonical),
                "{input:?}: want {mention:?} {kind:?} {canonical:?}, got {:?}",
                entities(input, Lang::Fr)
            );
        }
    }

    #[test]
    fn french_non_entities() {
        let rows: &[(&str, &str)] = &[
            ("Le gouvernement chinois a réagi vivement.", "chinois"),
            (
                "Le président chinois Xi Jinping est arrivé à Moscou lundi.",
                "président",
            ),
            ("M. Macron a visité une usine.", "M. Macron"),
            ("Le porte-parole de l'Élysée a démenti.", "l'Élysée"),
            ("Lundi, la réunion a commencé tard.", "Lundi"),
        ];
        for (input, text) in rows {
            let found = entities(input, Lang::Fr);
            assert!(
                found.iter().all(|(t, _, _)| t != text),
                "{input:?}: {text:?} should not be an entity, got {found:?}"
            );
        }
    }

    #[test]
    fn english_cases() {
        let rows: &[(&str, &str, EntityKind, Option<&str>)] = &[
            (
                "President Joe Biden met Xi Jinping in San Francisco on Wednesday.",
                "Joe Biden",
                Per,
                None,
            ),
            (
                "President Joe Biden met Xi Jinping in San Francisco on Wednesday.",
                "Xi Jinping",
                Per,
                None,
            ),
            (
                "Officials in Germany said the talks would resume.",
                "Germany",
                Place,
                None,
            ),
            (
                "The World Health Organization (WHO) said the outbreak was over. The WHO thanked donors.",
                "WHO",
                Org,
                Some("World Health Organization"),
            ),
            (
                "Many of the Chinese were surprised.",
                "Chinese",
                Group,
                None,
            ),
        ];
        for (input, mention, kind, canonical) in rows {
            assert!(
                has(input, Lang::En, mention, *kind, *canonical),
                "{input:?}: want {mention:?} {kind:?} {canonical:?}, got {:?}",
                entities(input, Lang::En)
            );
        }
    }

    #[test]
    fn english_non_entities() {
        let rows: &[(&str, &str)] = &[
            ("Chinese leader Xi Jinping arrived on Monday.", "Chinese"),
            (
                "Joe Biden and Xi Jinping met at the White House.",
                "Joe Biden and Xi Jinping",
            ),
            ("On Monday the talks resumed.", "Monday"),
            (
                "Prime Minister Rishi Sunak visited the town on Monday.",
                "Monday",
            ),
            (
                "The storm reached the coast in March, the mayor said.",
                "March",
            ),
        ];
        for (input, text) in rows {
            let found = entities(input, Lang::En);
            assert!(
                found.iter().all(|(t, _, _)| t != text),
                "{input:?}: {text:?} should not be an entity, got {found:?}"
            );
        }
    }

    #[test]
    fn entities_are_ordered_and_disjoint() {
        let input = "Emmanuel Macron et Olaf Scholz se sont parlé à Paris.\nLe FMI (Fonds monétaire international) a salué la réforme.";
        let article = load_str(input, Format::Text, Some(Lang::Fr));
        let doc = Document::new(&article);
        let found = find(&doc, Lang::Fr);
        assert!(found.len() >= 3, "{found:?}");
        for pair in found.windows(2) {
            assert!(pair[0].span.bytes().end <= pair[1].span.bytes().start);
        }
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let rows = [
            "",
            "(",
            "( AB )",
            "ministère",
            "ministère de",
            "ministère de la",
            "Organisation (",
            "X (OCS)",
            "l' d' (( )) « » AB-CD (AB-CD) ... !!!",
            "ÉTATS-UNIS ÉTATS-UNIS États-Unis",
            "M. M. M.",
            "and and and The the THE",
            "\u{0} \u{feff}Paris\u{200b}Lyon",
        ];
        for input in rows {
            for lang in [Lang::Fr, Lang::En] {
                let found = entities(input, lang);
                for (text, _, canonical) in found {
                    assert!(!text.is_empty() && !canonical.is_empty(), "{input:?}");
                }
            }
        }
    }

    #[test]
    fn bio_tags_become_mentions() {
        let mut out = Vec::new();
        // O B-PER I-PER I-LOC B-ORG
        mentions_from_tags(&[0, 1, 2, 4, 5], 10, &mut out);
        let got: Vec<(Range<usize>, EntityKind)> =
            out.into_iter().map(|m| (m.tokens, m.kind)).collect();
        assert_eq!(got, [(11..13, Per), (13..14, Place), (14..15, Org)]);
    }
}
