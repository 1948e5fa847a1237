//! Rules for what the tagger does badly: an acronym in brackets right after its expansion
//! ("Organisation de coopération de Shanghai (OCS)") and its later uses, and nationalities used as nouns
//! ("les Chinois", "the French") as groups.

use std::collections::HashMap;

use super::{EntityKind, Mention};
use crate::analysis::text::{Document, TokenKind};
use crate::article::Lang;

/// Whether a word looks like an acronym: 2–8 letters (digits and `-`/`&` allowed), at least two capitals,
/// no lowercase letter except a trailing plural `s` is not allowed either.
pub(crate) fn is_acronym(word: &str) -> bool {
    let n = word.chars().count();
    (2..=8).contains(&n)
        && word.chars().filter(|c| c.is_uppercase()).count() >= 2
        && word
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-' || c == '&' || c == '.')
}

/// Demonym endings, French and English, for capitalised nouns of peoples.
const FR_DEMONYM_ENDINGS: &[&str] = &[
    "ais", "aise", "aises", "ois", "oise", "oises", "ain", "ains", "aine", "aines", "ien", "iens",
    "ienne", "iennes", "éen", "éens", "éenne", "éennes", "ard", "ards", "ole", "oles", "ote",
    "otes", "ite", "ites", "ique", "iques", "an", "ans", "and", "ands", "ais", "in", "ins", "u",
    "us",
];
const FR_GROUP_DETERMINERS: &[&str] = &["les", "des", "aux", "deux", "trois", "plusieurs", "ces"];
const EN_DEMONYM_ENDINGS: &[&str] = &["ans", "ese", "ish", "ch", "is", "ians", "ites"];
const EN_GROUP_DETERMINERS: &[&str] = &["the", "many", "most", "some", "two", "three", "several"];

/// Applies the rules to the tagger's mentions, keeping them in order and without overlaps.
#[allow(clippy::needless_range_loop)] // neighbours are read by index
pub(crate) fn apply(doc: &Document<'_>, lang: Lang, mentions: &mut Vec<Mention>) {
    let mut covered = vec![false; doc.tokens.len()];
    for m in mentions.iter() {
        covered[m.tokens.clone()].fill(true);
    }
    extend_people(doc, mentions, &mut covered);
    let mut added = Vec::new();
    // Acronyms in brackets after a mention: the acronym is a mention of the same kind.
    let mut acronyms: HashMap<&str, EntityKind> = HashMap::new();
    for m in mentions.iter() {
        let open = m.tokens.end;
        if open + 2 < doc.tokens.len()
            && doc.token_text(open) == "("
            && doc.token_text(open + 2) == ")"
            && is_acronym(doc.token_text(open + 1))
            && m.tokens.len() > 1
        {
            acronyms.insert(doc.token_text(open + 1), m.kind);
            if !covered[open + 1] {
                covered[open + 1] = true;
                added.push(Mention {
                    tokens: open + 1..open + 2,
                    kind: m.kind,
                });
            }
        }
    }
    // Later uses of those acronyms.
    if !acronyms.is_empty() {
        for i in 0..doc.tokens.len() {
            if !covered[i]
                && let Some(kind) = acronyms.get(doc.token_text(i))
            {
                covered[i] = true;
                added.push(Mention {
                    tokens: i..i + 1,
                    kind: *kind,
                });
            }
        }
    }
    // Peoples: "les Chinois", "the French".
    let (endings, determiners) = match lang {
        Lang::En => (EN_DEMONYM_ENDINGS, EN_GROUP_DETERMINERS),
        _ => (FR_DEMONYM_ENDINGS, FR_GROUP_DETERMINERS),
    };
    for i in 1..doc.tokens.len() {
        if covered[i] || doc.tokens[i].kind != TokenKind::Word {
            continue;
        }
        let word = doc.token_text(i);
        let capitalised = word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().skip(1).all(|c| c.is_lowercase() || c == '-');
        if !capitalised || word.chars().count() < 4 {
            continue;
        }
        let before = doc.token_text(i - 1).to_lowercase();
        let next_capitalised = i + 1 < doc.tokens.len()
            && doc
                .token_text(i + 1)
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
        if determiners.contains(&before.as_str())
            && !next_capitalised
            && endings.iter().any(|e| word.ends_with(e))
            && (lang == Lang::En || word.ends_with('s'))
        {
            covered[i] = true;
            added.push(Mention {
                tokens: i..i + 1,
                kind: EntityKind::Group,
            });
        }
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| m.tokens.start);
    }
}

/// Words that may stand capitalised before a name without being part of it.
const TITLES: &[&str] = &[
    "m",
    "mm",
    "mme",
    "mmes",
    "mlle",
    "dr",
    "pr",
    "me",
    "mgr",
    "président",
    "présidente",
    "ministre",
    "général",
    "maître",
    "docteur",
    "professeur",
    "saint",
    "sainte",
    "pape",
    "roi",
    "reine",
    "prince",
    "princesse",
    "sir",
    "mr",
    "mrs",
    "ms",
    "president",
    "minister",
    "general",
    "king",
    "queen",
    "pope",
    "senator",
    "governor",
    "judge",
    "the",
    "le",
    "la",
    "les",
    "un",
    "une",
    "des",
    "du",
    "de",
    "et",
    "and",
];

/// A person's name often starts with a short or rare given name that the tagger misses ("Xi Jinping"):
/// a capitalised word right before a person, not opening its sentence and not a title, belongs to it.
fn extend_people(doc: &Document<'_>, mentions: &mut [Mention], covered: &mut [bool]) {
    for m in mentions.iter_mut() {
        if m.kind != EntityKind::Person {
            continue;
        }
        while m.tokens.start > 0 {
            let i = m.tokens.start - 1;
            let word = doc.token_text(i);
            let capitalised = doc.tokens[i].kind == TokenKind::Word
                && word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().skip(1).any(char::is_lowercase);
            let opens = doc
                .sentence_at(doc.tokens[i].start)
                .is_some_and(|s| doc.sentences[s].tokens.start == i);
            // Only short words: longer ones the tagger knows better, and they are often nationalities
            // ("la Française Charlotte Dupont").
            let short = word.chars().count() <= 3;
            let after_determiner =
                i > 0 && TITLES.contains(&doc.token_text(i - 1).to_lowercase().as_str());
            if covered[i]
                || !capitalised
                || !short
                || opens
                || after_determiner
                || TITLES.contains(&word.to_lowercase().as_str())
            {
                break;
            }
            covered[i] = true;
            m.tokens.start = i;
        }
    }
}
