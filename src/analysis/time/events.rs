//! The event of a timeline entry: what the article says happens then, made from the clause around the date
//! expression with the expression itself taken out, short enough for a narrow panel.

use super::recognition::Tok;

/// The longest event, in chars, before it is cut at a word boundary.
const MAX_CHARS: usize = 60;

/// Prepositions that introduce a date and go with it when it is taken out.
const INTRODUCERS: &[&str] = &[
    "en", "au", "le", "la", "les", "l'", "du", "des", "depuis", "partir", "courant", "des", "a",
    "pour", "dans", "d'ici", "jusqu'", "jusqu'au", "ce", "cet", "cette", "entre", "vers", "avant",
    "apres", "dès", "in", "on", "at", "since", "by", "until", "from", "during", "this", "of",
];

/// Words that end the subject of an inverted incise ("a annoncé la mairie dans un communiqué").
const SUBJECT_ENDS: &[&str] = &[
    "dans", "lors", "a", "en", "sur", "par", "selon", "au", "aux", "devant", "apres", "avant",
    "pour", "in", "at", "on", "during", "after",
];

/// Words that end a title before a name ("le député de Trappes" keeps its article).
const FUNCTION_WORDS: &[&str] = &[
    "de", "du", "des", "d'", "a", "au", "aux", "et", "ou", "en", "par", "pour", "sur", "qui",
    "que", "of", "and", "for", "in", "on", "to",
];

const DETERMINERS: &[&str] = &[
    "le", "la", "les", "l'", "un", "une", "des", "son", "sa", "ses", "leur", "leurs", "ce", "cet",
    "cette", "the", "a", "an", "its", "his", "her", "their",
];

/// Verbs of saying that open an incise ("…, a annoncé sa famille", "…, selon l'AFP").
fn is_reporting(raw: &str) -> bool {
    matches!(
        raw,
        "a" | "ont"
            | "avait"
            | "selon"
            | "indique"
            | "précise"
            | "affirme"
            | "estime"
            | "annonce"
            | "explique"
            | "déclare"
            | "souligne"
            | "ajoute"
            | "assure"
            | "rapporte"
            | "rapportent"
            | "indiquent"
            | "affirment"
            | "said"
            | "says"
            | "according"
            | "told"
    ) || raw.ends_with("-t-il")
        || raw.ends_with("-t-elle")
        || raw.ends_with("-t-on")
}

/// The first token of the clause that ends before `end`.
fn clause_start(toks: &[Tok<'_>], end: usize) -> usize {
    let mut a = end;
    while a > 0 && !is_delimiter(toks[a - 1].raw) {
        a -= 1;
    }
    a
}

fn is_delimiter(raw: &str) -> bool {
    matches!(
        raw,
        ";" | ":" | "«" | "»" | "\"" | "“" | "”" | "—" | "–" | ","
    )
}

/// A short description of the clause around tokens `first..=last` of a sentence; `expressions` are all the
/// date expressions of the sentence (this one included), which stay out of the description.
pub(crate) fn describe(
    text: &str,
    toks: &[Tok<'_>],
    first: usize,
    last: usize,
    expressions: &[(usize, usize)],
) -> String {
    let removed = removed_tokens(toks, expressions);
    // The clause: between the delimiters around the expression.
    let mut a = first;
    while a > 0 && !is_delimiter(toks[a - 1].raw) {
        a -= 1;
    }
    let mut b = last + 1;
    while b < toks.len() && !is_delimiter(toks[b].raw) {
        b += 1;
    }
    let mut pieces = clause_pieces(&removed, a, b);
    let opening = pieces.first().map(|&k| &toks[k]);
    if a > 0 && opening.is_some_and(|t| is_reporting(t.raw)) {
        // The date sits in an incise: "…, a annoncé mardi la mairie dans un communiqué". The event is the
        // saying itself, put back in order: "la mairie a annoncé dans un communiqué".
        let verb_len = if matches!(toks[pieces[0]].w.as_ref(), "a" | "ont" | "avait") {
            2
        } else {
            1
        };
        if pieces.len() > verb_len {
            let (verb, rest) = pieces.split_at(verb_len);
            let subject_len = rest
                .iter()
                .position(|&k| {
                    is_delimiter(toks[k].raw) || SUBJECT_ENDS.contains(&toks[k].w.as_ref())
                })
                .unwrap_or(rest.len());
            if subject_len > 0 {
                let mut reordered = rest[..subject_len].to_vec();
                reordered.extend_from_slice(verb);
                reordered.extend_from_slice(&rest[subject_len..]);
                pieces = reordered;
            }
        }
    } else if a > 0 && opening.is_some_and(|t| t.w == "qui") {
        // "…son festival, qui se tiendra…": the antecedent stands for "qui".
        let before = clause_start(toks, a - 1);
        if let Some(d) = (before..a - 1)
            .rev()
            .find(|&k| DETERMINERS.contains(&&*toks[k].w))
        {
            let mut with_antecedent: Vec<usize> = (d..a - 1).filter(|&k| !removed[k]).collect();
            with_antecedent.extend(pieces.iter().skip(1));
            pieces = with_antecedent;
        }
    }
    if word_count(toks, &pieces) < 3 && a > 0 {
        // A date closing its sentence ("…, les travaux seront achevés « avant la fin de l'été »"): the clause
        // before it says what happens.
        let rest = clause_pieces(&removed, b.min(toks.len()), toks.len());
        let before = clause_start(toks, a - 1);
        let previous = clause_pieces(&removed, before, a - 1);
        if word_count(toks, &rest) < 3 && word_count(toks, &previous) >= 3 {
            pieces = previous;
        }
    }
    if word_count(toks, &pieces) < 3 {
        // Too little around it ("Au mois de février dernier, la Chine …"): the whole sentence, without its
        // asides between dashes.
        pieces = clause_pieces(&removed, 0, toks.len());
        let aside = asides(toks);
        pieces.retain(|&k| !aside[k]);
    }
    // Brackets hold asides ("(Ifremer)", "(heure locale)").
    let bracketed = in_brackets(toks);
    pieces.retain(|&k| !bracketed[k]);
    // "le président Xi Jinping effectuera…": the name says enough in a narrow panel.
    let title = pieces
        .iter()
        .skip(1)
        .take_while(|&&k| {
            let t = &toks[k];
            t.raw.starts_with(char::is_lowercase) && !FUNCTION_WORDS.contains(&t.w.as_ref())
        })
        .count();
    let opens_with_article = pieces
        .first()
        .is_some_and(|&k| matches!(toks[k].w.as_ref(), "le" | "la" | "l'" | "les" | "the"));
    let name_follows = pieces
        .get(1 + title)
        .is_some_and(|&k| toks[k].raw.starts_with(char::is_uppercase));
    if opens_with_article && (1..=4).contains(&title) && name_follows {
        pieces.drain(..=title);
    }
    let mut out = String::new();
    let mut previous_end: Option<usize> = None;
    for &k in &pieces {
        let t = &toks[k];
        if let Some(end) = previous_end
            && (t.start > end || toks[k - 1].end != t.start)
            && !(out.ends_with('\'') || out.ends_with('’'))
            && !matches!(t.raw, "," | "." | ")" | "»" | "”")
        {
            out.push(' ');
        }
        // Removed words may leave two commas side by side.
        if t.raw == "," && out.trim_end().ends_with(',') {
            continue;
        }
        out.push_str(&text[t.start..t.end]);
        previous_end = Some(t.end);
    }
    let trimmed = out.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ',' | '.' | ':' | ';' | '"' | '«' | '»' | '“' | '”' | '–' | '—' | '-'
            )
    });
    // A clause after a comma may open with its conjunction: "…, et les tarifs seront publiés".
    let mut trimmed = trimmed;
    for conjunction in [
        "et ", "mais ", "puis ", "ou ", "and ", "but ", "or ", "then ",
    ] {
        if trimmed.len() > conjunction.len()
            && trimmed.is_char_boundary(conjunction.len())
            && trimmed[..conjunction.len()].eq_ignore_ascii_case(conjunction)
        {
            trimmed = &trimmed[conjunction.len()..];
            break;
        }
    }
    shorten(&capitalise(trimmed))
}

/// Which tokens the descriptions leave out: the date expressions, the prepositions that introduce them,
/// and the "et" or comma between two of them.
fn removed_tokens(toks: &[Tok<'_>], expressions: &[(usize, usize)]) -> Vec<bool> {
    let mut removed = vec![false; toks.len()];
    for &(first, last) in expressions {
        let mut from = first;
        while from > 0 && INTRODUCERS.contains(&&*toks[from - 1].w) {
            from -= 1;
        }
        for r in &mut removed[from..=last.min(toks.len() - 1)] {
            *r = true;
        }
    }
    // "a, ce mercredi 22 février, menacé": the commas around a removed date go with it.
    for k in 1..toks.len() {
        if toks[k].raw == "," && removed[k - 1] && !removed[k] {
            let mut j = k - 1;
            while j > 0 && removed[j] {
                j -= 1;
            }
            if toks[j].raw == "," {
                removed[j] = true;
                removed[k] = true;
            } else if j == 0 && removed[0] {
                removed[k] = true;
            }
        }
    }
    for k in 1..toks.len().saturating_sub(1) {
        if !removed[k]
            && removed[k - 1]
            && removed[k + 1]
            && matches!(&*toks[k].w, "et" | "," | "ou" | "au" | "and" | "or" | "-")
        {
            removed[k] = true;
        }
    }
    removed
}

/// Token indices of a clause, without what is removed.
fn clause_pieces(removed: &[bool], a: usize, b: usize) -> Vec<usize> {
    (a..b).filter(|&k| !removed[k]).collect()
}

fn word_count(toks: &[Tok<'_>], pieces: &[usize]) -> usize {
    pieces
        .iter()
        .filter(|&&k| toks[k].raw.starts_with(char::is_alphanumeric))
        .count()
}

/// For each token, whether it is a bracket or sits inside brackets. One pass, so that a sentence of many
/// thousand tokens (a hostile flood of punctuation) stays linear.
fn in_brackets(toks: &[Tok<'_>]) -> Vec<bool> {
    let mut depth = 0i32;
    toks.iter()
        .map(|t| {
            let inside = depth > 0 || matches!(t.raw, "(" | ")" | "[" | "]");
            match t.raw {
                "(" | "[" => depth += 1,
                ")" | "]" => depth -= 1,
                _ => {}
            }
            inside
        })
        .collect()
}

/// For each token, whether it sits inside brackets or between dashes (in one pass, as [`in_brackets`]).
fn asides(toks: &[Tok<'_>]) -> Vec<bool> {
    let is_dash = |t: &Tok<'_>| matches!(t.raw, "–" | "—" | "-");
    let last_dash = toks.iter().rposition(is_dash);
    let mut depth = 0i32;
    let mut dashes = 0;
    toks.iter()
        .enumerate()
        .map(|(k, t)| {
            let closing_dash = last_dash.is_some_and(|last| last >= k);
            let aside = depth > 0
                || matches!(t.raw, "(" | ")" | "–" | "—" | "-")
                || dashes % 2 == 1 && closing_dash;
            match t.raw {
                "(" => depth += 1,
                ")" => depth -= 1,
                _ if is_dash(t) => dashes += 1,
                _ => {}
            }
            aside
        })
        .collect()
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Cuts at a word boundary with an ellipsis when longer than the panel allows.
fn shorten(s: &str) -> String {
    if s.chars().count() <= MAX_CHARS {
        return s.to_string();
    }
    let cut = s
        .char_indices()
        .nth(MAX_CHARS - 1)
        .map_or(s.len(), |(i, _)| i);
    let head = &s[..cut];
    let head = match head.rfind(' ') {
        Some(space) if space > MAX_CHARS / 2 => &head[..space],
        _ => head,
    };
    format!("{}…", head.trim_end_matches([',', ' ', '\'', '’']))
}
