//! Canonical names: every mention points to the fullest name of the same entity in the article. A mention
//! whose words all appear, in order and contiguously, in a longer mention of the same kind takes that one's
//! name ("Macron" → "Emmanuel Macron"); an acronym takes the name whose initials it spells, or the name it
//! follows in brackets ("OCS" → "Organisation de coopération de Shanghai").

use super::Mention;
use super::rules::is_acronym;
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

/// The canonical name of each mention (same order).
pub(crate) fn link(doc: &Document<'_>, mentions: &[Mention]) -> Vec<String> {
    let words: Vec<Vec<String>> = mentions
        .iter()
        .map(|m| {
            m.tokens
                .clone()
                .map(|i| normal(doc.token_text(i)))
                .collect()
        })
        .collect();
    let text = |m: &Mention| -> &str {
        &doc.text[doc.tokens[m.tokens.start].start..doc.tokens[m.tokens.end - 1].end]
    };
    // Acronyms defined in brackets: the mention right before "(" ACRONYM ")".
    let mut bracketed: Vec<(String, usize)> = Vec::new();
    for (j, m) in mentions.iter().enumerate() {
        let open = m.tokens.end;
        if open + 2 < doc.tokens.len()
            && doc.token_text(open) == "("
            && doc.token_text(open + 2) == ")"
            && is_acronym(doc.token_text(open + 1))
            && m.tokens.len() > 1
        {
            bracketed.push((doc.token_text(open + 1).to_string(), j));
        }
    }
    let initials: Vec<String> = words
        .iter()
        .map(|w| {
            w.iter()
                .filter(|w| !SKIPPED.contains(&w.as_str()) && w.chars().any(char::is_alphabetic))
                .filter_map(|w| w.chars().next())
                .flat_map(char::to_uppercase)
                .collect()
        })
        .collect();
    mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let own = text(m);
            if is_acronym(own) && m.tokens.len() == 1 {
                if let Some((_, j)) = bracketed.iter().find(|(a, _)| a == own) {
                    return text(&mentions[*j]).to_string();
                }
                let plain: String = own.chars().filter(|c| c.is_alphanumeric()).collect();
                if let Some(j) = (0..mentions.len())
                    .find(|&j| j != i && words[j].len() > 1 && initials[j] == plain)
                {
                    return text(&mentions[j]).to_string();
                }
            }
            let mut best: Option<usize> = None;
            for (j, other) in mentions.iter().enumerate() {
                if other.kind != m.kind || words[j].len() <= words[i].len() {
                    continue;
                }
                let contains = words[j]
                    .windows(words[i].len())
                    .any(|w| w == words[i].as_slice());
                if contains && best.is_none_or(|b| text(other).len() > text(&mentions[b]).len()) {
                    best = Some(j);
                }
            }
            best.map_or_else(|| own.to_string(), |j| text(&mentions[j]).to_string())
        })
        .collect()
}
