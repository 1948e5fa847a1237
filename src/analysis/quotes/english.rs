//! English: reporting verbs ("said", "told", "according to", "added") and the small words around sources, from
//! assets/quotes/en.txt.

use std::collections::HashSet;

use super::lexicon::{Asset, Lexicon, Lists, Pronoun};
use crate::article::Lang;

/// Pronouns that can be the subject of a reporting verb: grammar with its type, kept in code.
const PRONOUNS: &[(&str, Pronoun)] = &[
    ("he", Pronoun::He),
    ("she", Pronoun::She),
    ("they", Pronoun::TheyMasculine),
    ("him", Pronoun::He),
    ("her", Pronoun::She),
    ("them", Pronoun::TheyMasculine),
];

/// The English lists, from assets/quotes/en.txt.
pub(super) fn lexicon() -> Lexicon {
    let lists = Lists::get(Asset::En);
    let mut verbs: HashSet<String> = lists
        .words("verbs")
        .iter()
        .map(|v| (*v).to_string())
        .collect();
    // Nouns far more often than verbs before a quote.
    for noun in lists.words("not verbs") {
        verbs.remove(*noun);
    }
    Lexicon::from_lists(Lang::En, lists, verbs, PRONOUNS, &[])
}
