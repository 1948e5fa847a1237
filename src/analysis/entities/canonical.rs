//! Canonical names: every mention points to the fullest name of the same entity in the article. A mention
//! whose words all appear, in order and contiguously, in a longer mention of the same kind takes that one's
//! name ("Macron" → "Emmanuel Macron"); an acronym takes the name whose initials it spells, or the name it
//! follows in brackets ("OCS" → "Organisation de coopération de Shanghai").

use std::collections::HashMap;

use super::rules::{bracketed_acronym, is_acronym};
use super::{EntityKind, Mention};
use crate::analysis::text::Document;

/// Small words left out of acronyms.
const SKIPPED: &[&str] = &[
    "de", "du", "des", "la", "le", "les", "l'", "d'", "et", "pour", "en", "à", "au", "aux", "of",
    "the", "and", "for", "in", "on", "sur", "contre",
];

fn normal(word: &str) -> String {
    word.chars()
        .map(|c| if c == '’' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The canonical name of each mention (same order). Names are compared once per distinct name, not per mention,
/// and longer names are found through an index of their words, so a book-length article stays fast.
pub(crate) fn link(doc: &Document<'_>, mentions: &[Mention]) -> Vec<String> {
    let text = |m: &Mention| -> &str {
        &doc.text[doc.tokens[m.tokens.start].start..doc.tokens[m.tokens.end - 1].end]
    };
    // Acronyms defined in brackets: the mention right before "(" ACRONYM ")"; the first definition wins.
    let mut bracketed: HashMap<&str, &str> = HashMap::new();
    for m in mentions {
        if let Some(acronym) = bracketed_acronym(doc, m) {
            bracketed.entry(acronym).or_insert(text(m));
        }
    }
    // Distinct names, in order of first mention.
    let mut names: Vec<Name<'_>> = Vec::new();
    let mut name_of_words: HashMap<(EntityKind, Vec<String>), usize> = HashMap::new();
    let mention_names: Vec<usize> = mentions
        .iter()
        .map(|m| {
            let words: Vec<String> = m
                .tokens
                .clone()
                .map(|i| normal(doc.token_text(i)))
                .collect();
            let next = names.len();
            *name_of_words
                .entry((m.kind, words.clone()))
                .or_insert_with(|| {
                    names.push(Name {
                        kind: m.kind,
                        words,
                        text: text(m),
                        single_token: m.tokens.len() == 1,
                    });
                    next
                })
        })
        .collect();
    // Multi-word names by their initials, and by each word they hold.
    let mut by_initials: HashMap<String, usize> = HashMap::new();
    let mut by_word: HashMap<&str, Vec<usize>> = HashMap::new();
    for (id, name) in names.iter().enumerate() {
        if name.words.len() > 1 {
            by_initials.entry(initials(&name.words)).or_insert(id);
        }
        let mut seen: Vec<&str> = Vec::new();
        for word in &name.words {
            if !seen.contains(&word.as_str()) {
                seen.push(word);
                by_word.entry(word).or_default().push(id);
            }
        }
    }
    let canonical: Vec<&str> = names
        .iter()
        .enumerate()
        .map(|(id, name)| {
            let own = name.text;
            if is_acronym(own) && name.single_token {
                if let Some(expansion) = bracketed.get(own) {
                    return *expansion;
                }
                let plain: String = own.chars().filter(|c| c.is_alphanumeric()).collect();
                if let Some(&j) = by_initials.get(&plain).filter(|&&j| j != id) {
                    return names[j].text;
                }
            }
            let Some(first) = name.words.first() else {
                return own;
            };
            let mut best: Option<usize> = None;
            for &j in by_word
                .get(first.as_str())
                .map(Vec::as_slice)
                .unwrap_or(&[])
            {
                let other = &names[j];
                if other.kind != name.kind || other.words.len() <= name.words.len() {
                    continue;
                }
                let contains = other
                    .words
                    .windows(name.words.len())
                    .any(|w| w == name.words.as_slice());
                if contains && best.is_none_or(|b| other.text.len() > names[b].text.len()) {
                    best = Some(j);
                }
            }
            best.map_or(own, |j| names[j].text)
        })
        .collect();
    mention_names
        .into_iter()
        .map(|id| canonical[id].to_string())
        .collect()
}

/// One distinct name of the article: its kind, its normalised words, and its text at first mention.
struct Name<'a> {
    kind: EntityKind,
    words: Vec<String>,
    text: &'a str,
    single_token: bool,
}

/// The initials of a multi-word name, small words left out: "Organisation de coopération de Shanghai" → "OCS".
fn initials(words: &[String]) -> String {
    words
        .iter()
        .filter(|w| !SKIPPED.contains(&w.as_str()) && w.chars().any(char::is_alphabetic))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}
