//! Quotation marks that hold nobody's words: titles of works, names, labels, charges, compound nouns with no
//! cue. The finder leaves them out before it looks for cues, and their words join the noun phrases around them.

use super::cues::Window;
use super::reader::Reader;

/// The most words a title or name after a label word ("le film « … »") has.
const MAX_TITLE_WORDS: usize = 8;

/// The most words a list of charges may have ("détournement de fonds publics, abus de biens sociaux, …").
const MAX_CHARGE_WORDS: usize = 16;

/// Whether the words between the marks are a compound noun such as « juge de paix » or « mode sans échec »:
/// without a cue, a label or an idiom rather than someone's words.
pub(super) fn compound_noun(r: &Reader<'_>, open: usize, close: usize) -> bool {
    let words: Vec<usize> = (open + 1..close).filter(|&i| r.is_word(i)).collect();
    let [head, link, noun] = words[..] else {
        return false;
    };
    close - open == 4
        && r.is(
            link,
            &["de", "d'", "du", "des", "sans", "à", "au", "aux", "en"],
        )
        && !r.capitalised(head)
        && !r.capitalised(noun)
        && !r.is_det(head)
        && !r.is(head, r.lex.function_words)
}

/// Whether a pair of marks holds a title, a name, a label or a translation rather than someone's words.
pub(super) fn excluded(r: &Reader<'_>, w: &Window) -> bool {
    let lex = r.lex;
    let open = w.open;
    let inside = w.open + 1..w.close;
    let words: Vec<usize> = inside.clone().filter(|&i| r.is_word(i)).collect();
    if open > 0 {
        // "le film « … »", "surnommé « … »", "fichés « S »", "l'opération dite « … »": a title or a name is
        // short; a clause after "le journal" is what the journal says.
        let mut k = open - 1;
        if (r.is_det(k) || r.is(k, lex.links)) && k > 0 {
            k -= 1;
        }
        let titled = r.is(k, lex.naming)
            || (r.is(k, lex.labels) && words.first().is_some_and(|&i| r.capitalised(i)));
        if !r.in_quote[k] && titled && words.len() <= MAX_TITLE_WORDS {
            return true;
        }
        // A translation in brackets after another quotation: "« … » ( « … » )".
        if r.is_punct(open - 1, "(") && open >= 2 && r.is_mark(open - 2) && r.in_quote[open - 2] {
            return true;
        }
    }
    // A name followed by its acronym: "la « structure de gestion policière » (SGPCT)".
    if r.is_punct(w.close + 1, "(")
        && r.is_punct(w.close + 3, ")")
        && r.is_word(w.close + 2)
        && r.word(w.close + 2).chars().all(|c| c.is_uppercase())
        && words.len() <= MAX_TITLE_WORDS
    {
        return true;
    }
    // A charge: "mis en examen pour « association de malfaiteurs »", "accusés de « violences … »"; a clause
    // ("accusée de « ne pas respecter … »") is still someone's words.
    // A long list of charges: "détournement de fonds publics, abus de biens sociaux, complicité et recel".
    let commas = inside.clone().filter(|&i| r.is_punct(i, ",")).count();
    // "pour des « chefs de détournement de fonds publics, … »" too, when a list or a short name follows.
    let link = if open > 1
        && r.is_det(open - 1)
        && r.is(open - 2, &["pour"])
        && (commas > 0 || words.len() <= 6)
    {
        open - 2
    } else {
        open.saturating_sub(1)
    };
    let charge = open > 0
        && r.is(link, &["pour", "de", "d'", "of", "with", "for"])
        && (w.before..link).any(|k| r.is(k, lex.legal))
        && words.first().is_some_and(|&i| {
            !r.capitalised(i) && !r.is(i, &["ne", "n'", "pas", "être", "avoir", "not", "be"])
        })
        && (words.len() <= MAX_CHARGE_WORDS
            || (commas >= 2 && words.len() <= 2 * MAX_CHARGE_WORDS))
        && !inside.clone().any(|i| r.is_punct(i, "."));
    if charge {
        return true;
    }
    // A title after a preposition: "lors de « L'Émission politique »", "dans « Le Monde »".
    let titled_after_preposition = open > 0
        && r.is(
            open - 1,
            &[
                "de", "d'", "du", "des", "à", "au", "aux", "dans", "sur", "in", "on", "of",
            ],
        )
        && words.len() <= 4
        && words.first().is_some_and(|&i| r.capitalised(i))
        && !inside
            .clone()
            .any(|i| r.is_punct(i, ".") || r.is_punct(i, "!") || r.is_punct(i, "?"));
    if titled_after_preposition {
        return true;
    }
    // A name that says what it names: "l'« affaire Pénélope Fillon »", "la « loi pour une République
    // numérique »".
    let head = words.iter().position(|&i| !r.is_det(i));
    let named_thing = head.is_some_and(|h| {
        !r.capitalised(words[h])
            && r.is(words[h], lex.labels)
            && words[h + 1..].iter().any(|&i| r.capitalised(i))
    }) && words.len() <= MAX_TITLE_WORDS
        && !inside
            .clone()
            .any(|i| r.is_punct(i, ".") || r.is_punct(i, ","));
    if named_thing {
        return true;
    }
    // An updated headline: "Page actualisée : 23 mars — « … »".
    if (w.before..open).any(|k| r.is(k, &["actualisée", "actualisé", "updated"])) {
        return true;
    }
    // A name in marks mid-sentence: every word capitalised, a few words, no verb of saying just before.
    let sentence_punct = inside
        .clone()
        .any(|i| r.is_punct(i, ".") || r.is_punct(i, "!") || r.is_punct(i, "?"));
    let all_capitalised = words
        .iter()
        .all(|&i| r.capitalised(i) || r.is(i, lex.links) || r.is(i, lex.determiners));
    let name_like = !words.is_empty()
        && r.capitalised(words[0])
        && !sentence_punct
        && words.len() <= 6
        && all_capitalised;
    let starts_sentence = open == w.before || (open > 0 && r.is_punct(open - 1, ":"));
    // A name as the subject of a verb: "« Quotidien » a affirmé que …".
    if name_like && words.len() <= 3 && (r.is(w.close + 1, lex.aux) || r.is_verb(w.close + 1)) {
        return true;
    }
    if name_like && !starts_sentence {
        let said_just_before = open > 0 && r.is_verb(open - 1);
        return !said_just_before;
    }
    // A title in sentence case mid-sentence: "le film « Seul sur Mars » sort", "une veillée « Le chemin vers
    // Jésus »". Words quoted mid-sentence start in lower case, or follow a reporting verb.
    let title_like = words
        .first()
        .is_some_and(|&i| r.capitalised(i) && !r.is(i, &["je", "j'", "i"]))
        && !sentence_punct
        && words.len() <= 6
        && !starts_sentence
        && !inside.clone().any(|i| r.is_punct(i, ","));
    if title_like {
        let said_just_before = (open.saturating_sub(3)..open)
            .any(|k| r.is_verb(k) || r.is_infinitive_cue(k) || r.clitic(k).is_some());
        return !said_just_before;
    }
    false
}
