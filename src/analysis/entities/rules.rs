//! Rules for what the tagger does badly: an acronym in brackets right after its expansion
//! ("Organisation de coopération de Shanghai (OCS)") and its later uses, and nationalities used as nouns
//! ("les Chinois", "the French") as groups.

use std::collections::HashMap;

use super::gazetteer::{GazetteerHits, NameKind};
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

/// The acronym a mention of several words defines in brackets right after it: "Organisation de coopération de
/// Shanghai (OCS)" gives "OCS".
pub(crate) fn bracketed_acronym<'d>(doc: &'d Document<'_>, m: &Mention) -> Option<&'d str> {
    let open = m.tokens.end;
    (m.tokens.len() > 1
        && open + 2 < doc.tokens.len()
        && doc.token_text(open) == "("
        && doc.token_text(open + 2) == ")"
        && is_acronym(doc.token_text(open + 1)))
    .then(|| doc.token_text(open + 1))
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
pub(crate) fn apply(
    doc: &Document<'_>,
    lang: Lang,
    hits: &GazetteerHits,
    mentions: &mut Vec<Mention>,
) {
    tidy(doc, mentions);
    ministries(doc, mentions);
    let mut covered = vec![false; doc.tokens.len()];
    for m in mentions.iter() {
        covered[m.tokens.clone()].fill(true);
    }
    if lang == Lang::En {
        english_kinds(doc, hits, mentions);
        // The tagger learnt its kinds on French: an English organisation word settles the kind.
        for m in mentions.iter_mut() {
            if m.tokens
                .clone()
                .any(|i| EN_ORG_WORDS.contains(&doc.token_text(i).to_lowercase().as_str()))
            {
                m.kind = EntityKind::Organization;
            }
        }
    }
    extend_people(doc, mentions, &mut covered);
    expand_before_acronyms(doc, mentions, &mut covered);
    if lang == Lang::En {
        english_names(doc, mentions, &mut covered);
    }
    known_places(hits, mentions, &mut covered);
    propagate(doc, mentions, &mut covered);
    vote_kinds(doc, mentions);
    let mut added = Vec::new();
    // Acronyms in brackets after a mention: the acronym is a mention of the same kind.
    let mut acronyms: HashMap<&str, EntityKind> = HashMap::new();
    for m in mentions.iter() {
        if let Some(acronym) = bracketed_acronym(doc, m) {
            let open = m.tokens.end;
            acronyms.insert(acronym, m.kind);
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
    merge_added(mentions, added);
    // A day or a month alone is a date, not a name: English capitalises them ("Monday", "March"); not "Mars",
    // "Mai", "May" or "June", which are names too.
    mentions.retain(|m| !(m.tokens.len() == 1 && is_date_word(doc.token_text(m.tokens.start))));
}

/// Whether a word names a weekday or a month, in the time recogniser's lexicon.
fn is_date_word(word: &str) -> bool {
    use crate::analysis::time::lexicon;
    let w = lexicon::normalise(word);
    lexicon::weekday(&w).is_some()
        || (lexicon::month(&w).is_some()
            && !lexicon::is_month_abbreviation(&w)
            && !matches!(&*w, "mars" | "mai" | "may" | "june" | "juin"))
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

/// Small words an acronym skips.
pub(crate) const ACRONYM_SKIPPED: &[&str] = &[
    "de", "du", "des", "la", "le", "les", "l'", "d'", "l’", "d’", "et", "pour", "en", "à", "au",
    "aux", "of", "the", "and", "for", "in", "on", "sur", "contre", "-",
];

/// The letters an acronym spells, uppercased, without dots or hyphens.
fn acronym_letters(word: &str) -> String {
    word.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

/// "Organisation mondiale de la santé (OMS)": the words before a bracketed acronym whose initials spell it
/// are one organisation (or whatever kind the tagger gave its last words).
fn expand_before_acronyms(doc: &Document<'_>, mentions: &mut Vec<Mention>, covered: &mut [bool]) {
    let n = doc.tokens.len();
    let mut changed = false;
    for open in 1..n.saturating_sub(2) {
        if doc.token_text(open) != "(" || doc.token_text(open + 2) != ")" {
            continue;
        }
        let acronym = doc.token_text(open + 1);
        if !is_acronym(acronym) {
            continue;
        }
        let letters: Vec<char> = acronym_letters(acronym).chars().collect();
        // Walk back, matching the acronym's letters from its end.
        let mut k = letters.len();
        let mut start = None;
        let mut i = open;
        while i > 0 && open - i < 16 && k > 0 {
            i -= 1;
            let word = doc.token_text(i);
            let lower = word.to_lowercase();
            if ACRONYM_SKIPPED.contains(&lower.as_str()) {
                continue;
            }
            if doc.tokens[i].kind == TokenKind::Punct {
                break;
            }
            let first = word.chars().next().and_then(|c| c.to_uppercase().next());
            if first != Some(letters[k - 1]) {
                break;
            }
            k -= 1;
            if k == 0 {
                start = Some(i);
            }
        }
        let Some(start) = start else { continue };
        if !doc.token_text(start).starts_with(char::is_uppercase) {
            continue;
        }
        let span = start..open;
        // The kind of the tagger's mention at the end of the span, if any, else organisation.
        let kind = mentions
            .iter()
            .find(|m| {
                m.tokens.start < span.end
                    && span.end <= m.tokens.end
                    && m.tokens.start >= span.start
            })
            .map_or(EntityKind::Organization, |m| m.kind);
        if mentions.iter().any(|m| m.tokens == span) {
            continue;
        }
        // Replace the mentions inside the span; leave it alone if one straddles its edges.
        if mentions.iter().any(|m| {
            m.tokens.start < span.end
                && span.start < m.tokens.end
                && (m.tokens.start < span.start || m.tokens.end > span.end)
        }) {
            continue;
        }
        mentions.retain(|m| !(span.start <= m.tokens.start && m.tokens.end <= span.end));
        covered[span.clone()].fill(true);
        mentions.push(Mention { tokens: span, kind });
        changed = true;
    }
    if changed {
        mentions.sort_by_key(|m| m.tokens.start);
    }
}

/// A name the tagger found once is the same name elsewhere in the article, where it may have missed it.
fn propagate(doc: &Document<'_>, mentions: &mut Vec<Mention>, covered: &mut [bool]) {
    let mut names: HashMap<&str, Vec<(std::ops::Range<usize>, EntityKind)>> = HashMap::new();
    for m in mentions.iter() {
        let first = doc.token_text(m.tokens.start);
        if !first.starts_with(char::is_uppercase) {
            continue;
        }
        let list = names.entry(first).or_default();
        if !list.iter().any(|(r, _)| {
            r.len() == m.tokens.len()
                && r.clone()
                    .zip(m.tokens.clone())
                    .all(|(a, b)| doc.token_text(a) == doc.token_text(b))
        }) {
            list.push((m.tokens.clone(), m.kind));
        }
    }
    // The surname of a person named in full is that person on its own ("Scholz" after "Olaf Scholz").
    for m in mentions.iter() {
        if m.kind == EntityKind::Person && m.tokens.len() >= 2 {
            // The surname, and in longer names every later part ("Lula" in "Luiz Inácio Lula da Silva").
            let first = if m.tokens.len() >= 3 {
                m.tokens.start + 1
            } else {
                m.tokens.end - 1
            };
            for part in first..m.tokens.end {
                let surname = doc.token_text(part);
                if surname.starts_with(char::is_uppercase) && surname.chars().count() > 2 {
                    let list = names.entry(surname).or_default();
                    if !list.iter().any(|(r, _)| r.len() == 1) {
                        list.push((part..part + 1, EntityKind::Person));
                    }
                }
            }
        }
    }
    if names.is_empty() {
        return;
    }
    let mut added = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        if covered[i] {
            i += 1;
            continue;
        }
        let mut best: Option<(usize, EntityKind)> = None;
        if let Some(list) = names.get(doc.token_text(i)) {
            for (r, kind) in list {
                let len = r.len();
                let fits = i + len <= doc.tokens.len()
                    && (i..i + len).all(|j| !covered[j])
                    && r.clone()
                        .zip(i..i + len)
                        .all(|(a, b)| doc.token_text(a) == doc.token_text(b))
                    && !(i + len < doc.tokens.len()
                        && doc.token_text(i + len).starts_with(char::is_uppercase)
                        && doc.tokens[i + len].kind == TokenKind::Word);
                if fits && best.is_none_or(|(l, _)| len > l) {
                    best = Some((len, *kind));
                }
            }
        }
        match best {
            Some((len, kind)) => {
                covered[i..i + len].fill(true);
                added.push(Mention {
                    tokens: i..i + len,
                    kind,
                });
                i += len;
            }
            None => i += 1,
        }
    }
    merge_added(mentions, added);
}

/// Words that make a run of capitalised English words an organisation.
const EN_ORG_WORDS: &[&str] = &[
    "organization",
    "organisation",
    "ministry",
    "university",
    "inc",
    "corp",
    "corporation",
    "party",
    "council",
    "agency",
    "bank",
    "company",
    "association",
    "commission",
    "committee",
    "department",
    "court",
    "union",
    "times",
    "post",
    "news",
    "group",
    "institute",
    "foundation",
    "federation",
    "league",
    "army",
    "navy",
    "forces",
    "police",
    "parliament",
    "congress",
    "senate",
    "fund",
    "office",
    "board",
    "airlines",
    "club",
    "ltd",
    "service",
    "press",
    "reuters",
    "network",
    "school",
    "college",
];
const EN_PLACE_CUES: &[&str] = &[
    "in", "at", "from", "to", "near", "across", "across", "visited", "into",
];
const EN_PERSON_CUES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "minister",
    "senator",
    "governor",
    "prime",
    "secretary",
    "chancellor",
    "leader",
    "judge",
    "general",
    "sir",
    "lady",
    "lord",
    "king",
    "queen",
    "pope",
    "said",
];
/// Capitalised words that are not names on their own.
const EN_COMMON: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "i",
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "you",
    "this",
    "that",
    "but",
    "and",
    "in",
    "on",
    "at",
    "for",
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "minister",
    "prime",
    "secretary",
    "on",
];

/// English runs of capitalised words the French-trained tagger missed: kind from the words inside
/// (organisation), the word before (place after "in", person after a title), or their shape (two or three
/// names in a row are a person).
fn english_names(doc: &Document<'_>, mentions: &mut Vec<Mention>, covered: &mut [bool]) {
    let n = doc.tokens.len();
    let capitalised = |i: usize| {
        let w = doc.token_text(i);
        doc.tokens[i].kind == TokenKind::Word
            && w.starts_with(char::is_uppercase)
            && !EN_COMMON.contains(&w.to_lowercase().as_str())
    };
    let mut added = Vec::new();
    let mut i = 0;
    while i < n {
        if covered[i] || !capitalised(i) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < n && !covered[end] {
            if capitalised(end) {
                end += 1;
            } else if matches!(doc.token_text(end), "of" | "for" | "and")
                && end + 1 < n
                && !covered[end + 1]
                && capitalised(end + 1)
            {
                end += 2;
            } else {
                break;
            }
        }
        let opens = doc
            .sentence_at(doc.tokens[i].start)
            .is_some_and(|s| doc.sentences[s].tokens.start == i);
        let before = (i > 0).then(|| doc.token_text(i - 1).to_lowercase());
        let words: Vec<String> = (i..end).map(|j| doc.token_text(j).to_lowercase()).collect();
        let kind = if words.iter().any(|w| EN_ORG_WORDS.contains(&w.as_str())) {
            Some(EntityKind::Organization)
        } else if before
            .as_deref()
            .is_some_and(|b| EN_PERSON_CUES.contains(&b))
        {
            Some(EntityKind::Person)
        } else if before
            .as_deref()
            .is_some_and(|b| EN_PLACE_CUES.contains(&b))
        {
            Some(EntityKind::Place)
        } else if (2..=3).contains(&(end - i)) && !opens {
            Some(EntityKind::Person)
        } else {
            None
        };
        if let Some(kind) = kind {
            covered[i..end].fill(true);
            added.push(Mention {
                tokens: i..end,
                kind,
            });
        }
        i = end;
    }
    merge_added(mentions, added);
}

/// Common nouns that describe a name right after them ("le quotidien Libération", "le président Macron").
const DESCRIPTIONS: &[&str] = &[
    "journal",
    "quotidien",
    "hebdomadaire",
    "magazine",
    "mensuel",
    "président",
    "présidente",
    "ministre",
    "chancelier",
    "chancelière",
    "premier",
    "porte-parole",
    "candidat",
    "candidate",
    "chef",
    "secrétaire",
    "directeur",
    "directrice",
    "député",
    "députée",
    "sénateur",
    "sénatrice",
    "maire",
    "pape",
    "roi",
    "reine",
    "prince",
    "princesse",
    "général",
    "acteur",
    "actrice",
    "chanteur",
    "chanteuse",
    "joueur",
    "joueuse",
    "entraîneur",
    "journaliste",
    "écrivain",
    "auteur",
    "réalisateur",
    "opposant",
    "dirigeant",
    "fondateur",
    "patron",
    "avocat",
    "juge",
    "procureur",
    "the",
    "newspaper",
    "president",
    "minister",
];

/// Endings of French adjectives that complete an organisation's name.
const ADJECTIVE_ENDINGS: &[&str] = &[
    "ique", "iques", "al", "ale", "aux", "ales", "ain", "aine", "iste", "istes", "ien", "ienne",
    "ais", "aise", "ois", "oise", "éen", "éenne", "el", "elle", "ire", "ate", "ate", "if", "ive",
    "eur",
];

/// Acronyms of common nouns, not names (DNA, HIV, GDP, VAT…).
const COMMON_ACRONYMS: &[&str] = &[
    "ADN", "ARN", "VIH", "SIDA", "Sida", "USB", "PIB", "TVA", "ISF", "ONG", "PME", "CDI", "CDD",
    "SMS", "GPS", "OGM", "HLM", "RSA", "SMIC", "Smic", "IVG", "PMA", "GPA", "DNA", "HIV", "AIDS",
    "GDP", "VAT", "CEO", "PDG", "DG", "TV", "PC", "QG", "IRM", "AVC", "SUV", "PV", "CV", "OVNI",
    "JO",
];

/// Trims punctuation at the edges of mentions, and drops single lowercase words the tagger took for names
/// (a quotation mark before an ordinary word can look like the start of a name).
fn tidy(doc: &Document<'_>, mentions: &mut Vec<Mention>) {
    for m in mentions.iter_mut() {
        while m.tokens.len() > 1 && doc.tokens[m.tokens.end - 1].kind == TokenKind::Punct {
            let last = doc.token_text(m.tokens.end - 1);
            let bracketed = last == ")" && m.tokens.clone().any(|i| doc.token_text(i) == "(");
            if bracketed {
                break;
            }
            m.tokens.end -= 1;
        }
        while m.tokens.len() > 1 && doc.tokens[m.tokens.start].kind == TokenKind::Punct {
            m.tokens.start += 1;
        }
        // Elided articles and trailing function words are never part of a name ("l'armée", "Chambre des").
        while m.tokens.len() > 1
            && matches!(
                doc.token_text(m.tokens.start),
                "l'" | "d'" | "l’" | "d’" | "L'" | "D'" | "L’" | "D’"
            )
        {
            m.tokens.start += 1;
        }
        while m.tokens.len() > 1
            && matches!(
                doc.token_text(m.tokens.end - 1),
                "de" | "des"
                    | "du"
                    | "d'"
                    | "d’"
                    | "la"
                    | "le"
                    | "l'"
                    | "l’"
                    | "et"
                    | "of"
                    | "the"
                    | "and"
            )
        {
            m.tokens.end -= 1;
        }
        // A common noun right before a name is its description, not part of it ("journal Libération").
        while m.tokens.len() > 1
            && DESCRIPTIONS.contains(&doc.token_text(m.tokens.start))
            && doc
                .token_text(m.tokens.start + 1)
                .starts_with(char::is_uppercase)
        {
            m.tokens.start += 1;
        }
    }
    // "Parti démocrate", "Front national": an organisation's name often ends with an adjective the tagger
    // leaves out when it tags the head noun alone.
    for m in mentions.iter_mut() {
        if m.kind != EntityKind::Organization
            || m.tokens.len() != 1
            || m.tokens.end >= doc.tokens.len()
        {
            continue;
        }
        let head = doc.token_text(m.tokens.start);
        let next = doc.token_text(m.tokens.end);
        let capitalised_head =
            head.starts_with(char::is_uppercase) && head.chars().skip(1).all(char::is_lowercase);
        if capitalised_head
            && next.starts_with(char::is_lowercase)
            && ADJECTIVE_ENDINGS.iter().any(|e| next.ends_with(e))
        {
            m.tokens.end += 1;
        }
    }
    mentions.retain(|m| {
        let first = doc.token_text(m.tokens.start);
        if m.tokens.len() == 1 && COMMON_ACRONYMS.contains(&first) {
            return false;
        }
        !(m.tokens.len() == 1
            && (doc.tokens[m.tokens.start].kind == TokenKind::Punct
                || first.starts_with(char::is_lowercase)))
    });
}

/// "ministère de l'Intérieur", "ministère chinois des Affaires étrangères": the ministry is the organisation,
/// from the word "ministère" to the end of its name.
fn ministries(doc: &Document<'_>, mentions: &mut Vec<Mention>) {
    let n = doc.tokens.len();
    let mut changed = false;
    for i in 0..n {
        if !doc.token_text(i).eq_ignore_ascii_case("ministère") {
            continue;
        }
        let mut j = i + 1;
        // An optional adjective: "ministère chinois des …".
        if j < n
            && doc.token_text(j).starts_with(char::is_lowercase)
            && !matches!(doc.token_text(j), "de" | "du" | "des" | "d'" | "d’")
        {
            j += 1;
        }
        match doc.token_text(j.min(n - 1)) {
            "du" | "des" => j += 1,
            "de" | "d'" | "d’" => {
                j += 1;
                if j < n && matches!(doc.token_text(j), "la" | "l'" | "l’") {
                    j += 1;
                }
            }
            _ => continue,
        }
        if j >= n || !doc.token_text(j).starts_with(char::is_uppercase) {
            continue;
        }
        let end = mentions
            .iter()
            .find(|m| m.tokens.start == j)
            .map_or(j + 1, |m| m.tokens.end);
        let span = i..end;
        if mentions.iter().any(|m| {
            m.tokens.start < span.start && span.start < m.tokens.end
                || m.tokens.start < span.end && span.end < m.tokens.end
        }) {
            continue;
        }
        mentions.retain(|m| !(span.start <= m.tokens.start && m.tokens.end <= span.end));
        mentions.push(Mention {
            tokens: span,
            kind: EntityKind::Organization,
        });
        changed = true;
    }
    if changed {
        mentions.sort_by_key(|m| m.tokens.start);
    }
}

/// One name, one kind in an article: mentions with the same words take the kind most of them have
/// (the first one's on a tie).
fn vote_kinds(doc: &Document<'_>, mentions: &mut [Mention]) {
    let key =
        |m: &Mention| &doc.text[doc.tokens[m.tokens.start].start..doc.tokens[m.tokens.end - 1].end];
    let mut votes: HashMap<&str, Vec<(EntityKind, usize)>> = HashMap::new();
    for m in mentions.iter() {
        let list = votes.entry(key(m)).or_default();
        match list.iter_mut().find(|(k, _)| *k == m.kind) {
            Some((_, n)) => *n += 1,
            None => list.push((m.kind, 1)),
        }
    }
    let surnames: std::collections::HashSet<&str> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person && m.tokens.len() >= 2)
        .map(|m| doc.token_text(m.tokens.end - 1))
        .collect();
    for m in mentions.iter_mut() {
        if m.tokens.len() == 1 && surnames.contains(key(m)) {
            m.kind = EntityKind::Person;
            continue;
        }
        if let Some(list) = votes.get(key(m))
            && list.len() > 1
        {
            let mut best = list[0];
            for &(k, n) in &list[1..] {
                if n > best.1 {
                    best = (k, n);
                }
            }
            m.kind = best.0;
        }
    }
}

/// Places from the name lists that the tagger left out ("la Suisse accueille…") are places.
fn known_places(hits: &GazetteerHits, mentions: &mut Vec<Mention>, covered: &mut [bool]) {
    let mut added = false;
    for (range, kind) in &hits.names {
        if *kind == NameKind::Place && range.clone().all(|i| !covered[i]) {
            covered[range.clone()].fill(true);
            mentions.push(Mention {
                tokens: range.clone(),
                kind: EntityKind::Place,
            });
            added = true;
        }
    }
    if added {
        mentions.sort_by_key(|m| m.tokens.start);
    }
}

/// English fixes for a tagger trained on French: "and" separates names ("Joe Biden and Xi Jinping"), a
/// listed name has its listed kind, and "the French" is a group.
fn english_kinds(doc: &Document<'_>, hits: &GazetteerHits, mentions: &mut Vec<Mention>) {
    let mut split = Vec::with_capacity(mentions.len());
    for m in mentions.drain(..) {
        let mut start = m.tokens.start;
        for i in m.tokens.clone() {
            if doc.token_text(i) == "and" {
                if start < i {
                    split.push(Mention {
                        tokens: start..i,
                        kind: m.kind,
                    });
                }
                start = i + 1;
            }
        }
        if start < m.tokens.end {
            split.push(Mention {
                tokens: start..m.tokens.end,
                kind: m.kind,
            });
        }
    }
    *mentions = split;
    for m in mentions.iter_mut() {
        if let Some((_, kind)) = hits.names.iter().find(|(r, _)| *r == m.tokens) {
            m.kind = match kind {
                NameKind::Person => EntityKind::Person,
                NameKind::Place => EntityKind::Place,
                NameKind::Organization => EntityKind::Organization,
                NameKind::Group => EntityKind::Group,
            };
        }
        let word = doc.token_text(m.tokens.start);
        let after_the = m.tokens.start > 0
            && doc
                .token_text(m.tokens.start - 1)
                .eq_ignore_ascii_case("the");
        let next_capitalised = doc
            .tokens
            .get(m.tokens.end)
            .is_some_and(|_| doc.token_text(m.tokens.end).starts_with(char::is_uppercase));
        if m.tokens.len() == 1
            && after_the
            && !next_capitalised
            && EN_DEMONYM_ENDINGS.iter().any(|e| word.ends_with(e))
        {
            m.kind = EntityKind::Group;
        }
    }
    // "Chinese leader": a nationality before a lowercase noun is an adjective, not a group.
    mentions.retain(|m| {
        let before_noun = doc.tokens.get(m.tokens.end).is_some_and(|t| {
            t.kind == TokenKind::Word
                && doc.token_text(m.tokens.end).starts_with(char::is_lowercase)
        });
        let after_the = m.tokens.start > 0
            && doc
                .token_text(m.tokens.start - 1)
                .eq_ignore_ascii_case("the");
        !(m.kind == EntityKind::Group && before_noun && !after_the)
    });
}

/// Adds the mentions a rule found to the others, keeping them in text order.
fn merge_added(mentions: &mut Vec<Mention>, added: Vec<Mention>) {
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| m.tokens.start);
    }
}
