//! Reporting cues around a quotation: an incise right after it ([`incise`]: "», a déclaré X", "» a-t-il ajouté",
//! ", selon X"), the nearest reporting verb or "selon" before it in its sentence ([`preceding`]: "X estime que
//! « … »"), a cue later in the sentence ("…», a indiqué de son côté le Kremlin"), a colon introduction ("X :
//! « … »") or a signature line. The verb groups they all read are here.

mod incise;
mod preceding;

use std::ops::Range;

use super::lexicon;
use super::reader::Reader;
use super::speakers::Mention;
use incise::incise;
use preceding::before;

/// How a quotation is tied to its source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Attribution {
    /// The tokens of the reporting words (a verb group, "selon", or the colon).
    pub cue: Range<usize>,
    pub speaker: Option<Mention>,
    /// A participle ("ajoutant que", "estimant que") whose subject is the one of the clause before.
    pub participle: bool,
}

/// The windows around a quotation: its marks as token indices and the sentence bounds.
pub(super) struct Window {
    /// First token of the context before the opening mark.
    pub before: usize,
    pub open: usize,
    pub close: usize,
    /// Token index just past the sentence holding the closing mark.
    pub after: usize,
}

/// Finds the cue and source of a quotation.
pub(super) fn attribute(r: &Reader<'_>, w: &Window) -> Option<Attribution> {
    // A signature line under a quotation set in its own paragraph names the source outright, whatever
    // introduced it ("Un témoin décrit l'incident : / « … » / — Luca, 32 ans").
    let own_paragraph = w.open == 0 || r.block_of(w.open - 1) != r.block_of(w.open);
    if own_paragraph && let Some(a) = signature(r, w) {
        return Some(a);
    }
    if let Some(a) = inside(r, w) {
        return Some(a);
    }
    if let Some(a) = incise(r, w) {
        // An incise without a source ("», d'autres policiers déclarent") or a participle yields to a cue
        // before the quotation that names one.
        if (a.participle || a.speaker.is_none())
            && let Some(b) =
                before(r, w).filter(|b| b.speaker.is_some() || b.participle || a.participle)
        {
            return Some(b);
        }
        return Some(a);
    }
    if let Some(a) = following(r, w) {
        return Some(a);
    }
    if let Some(a) = before(r, w) {
        // "une opération qualifiée d'« inédite », selon le gouvernement": a cue with no source yields to a later
        // one that names it.
        if a.speaker.is_none()
            && !a.participle
            && let Some(b) = later(r, w).filter(|b| b.speaker.is_some())
        {
            return Some(b);
        }
        return Some(a);
    }
    if let Some(a) = later(r, w) {
        return Some(a);
    }
    colon(r, w).or_else(|| signature(r, w))
}

/// An incise inside the marks, left out of the quotation when the marks were read: "« Nous partirons, a-t-il
/// déclaré, dès demain »".
fn inside(r: &Reader<'_>, w: &Window) -> Option<Attribution> {
    let start = (w.open + 1..w.close).find(|&k| !r.in_quote[k])?;
    let end = (start..w.close).find(|&k| r.in_quote[k]).unwrap_or(w.close);
    let (verb_end, clitic) = verb_group(r, start, end)?;
    let speaker = clitic.or_else(|| r.source_after(verb_end, end));
    Some(Attribution {
        cue: start..verb_end,
        speaker,
        participle: false,
    })
}

/// A quotation set apart, signed on the next line: "« … »" then "— Robert Kopp, professeur …".
fn signature(r: &Reader<'_>, w: &Window) -> Option<Attribution> {
    let doc = r.doc;
    let dash = w.close + 1;
    if !(r.is_punct(dash, "—") || r.is_punct(dash, "–") || r.is_punct(dash, "-")) {
        return None;
    }
    let close_sentence = &doc.sentences[doc.sentence_at(doc.tokens[w.close].start)?];
    let dash_sentence = &doc.sentences[doc.sentence_at(doc.tokens.get(dash)?.start)?];
    if close_sentence.block == dash_sentence.block {
        return None;
    }
    let speaker = r.source_after(dash + 1, dash_sentence.tokens.end)?;
    Some(Attribution {
        cue: dash..dash + 1,
        speaker: Some(speaker),
        participle: false,
    })
}

/// A cue opening the next sentence: "« … ». C'est ce qu'a annoncé le président.", "Voilà ce qu'a répondu X."
fn following(r: &Reader<'_>, w: &Window) -> Option<Attribution> {
    let a = w.after;
    let ce = if r.is(a, &["voilà", "voici"]) {
        a + 1
    } else if r.is(a, &["c'"]) && r.is(a + 1, &["est"]) {
        a + 2
    } else {
        return None;
    };
    if !(r.is(ce, &["ce"]) && r.is(ce + 1, &["qu'", "que"])) {
        return None;
    }
    let end = r
        .doc
        .sentence_at(r.doc.tokens.get(a)?.start)
        .map_or(a, |s| r.doc.sentences[s].tokens.end);
    let (verb_end, _) = verb_group(r, ce + 2, end)?;
    let speaker = r.source_after(verb_end, end)?;
    Some(Attribution {
        cue: ce + 2..verb_end,
        speaker: Some(speaker),
        participle: false,
    })
}

/// A verb group starting at `i` (auxiliaries, adverbs, then a reporting verb, or a verb with an inverted
/// clitic): its end and the clitic's pronoun mention.
fn verb_group(r: &Reader<'_>, i: usize, end: usize) -> Option<(usize, Option<Mention>)> {
    if let Some((pronoun, aux)) = r.clitic(i) {
        let mention = Mention {
            tokens: i..i + 1,
            pronoun: Some(pronoun),
            female: None,
            plural: pronoun.plural(),
        };
        if !aux {
            return Some((i + 1, Some(mention)));
        }
        let mut k = i + 1;
        loop {
            if k < end && r.is(k, r.lex.adverbs) && !r.is_verb(k) {
                k += 1;
            } else if let Some(len) = r.adverbial_phrase(k).filter(|_| k < end) {
                // "a-t-il d'abord affirmé".
                k += len;
            } else {
                break;
            }
        }
        // After "a-t-il", any participle reports: "a-t-il plaisanté".
        return (k < end && r.is_word(k)).then_some((k + 1, Some(mention)));
    }
    let mut k = i;
    loop {
        if k >= end || k - i >= 6 || r.is_verb(k) {
            break;
        }
        // "a fait savoir", "a fait part de", "a mis en garde", "mettant en avant".
        if r.is(k, &["fait", "font", "faisait", "faire"]) && r.is(k + 1, &["savoir", "part"]) {
            return Some((k + 2, None));
        }
        if k + 2 < end && r.is_mettre_en(k + 2) {
            return Some((k + 3, None));
        }
        // "a tenu à préciser": whatever the infinitive, the speaker insists on saying it.
        if r.is(k, &["tenu", "tient", "tiennent", "tenait", "tenaient"])
            && r.is(k + 1, &["à"])
            && k + 2 < end
            && ["er", "ir", "re"]
                .iter()
                .any(|e| r.lower(k + 2).ends_with(e))
        {
            return Some((k + 3, None));
        }
        if r.is(k, r.lex.aux) || r.is(k, r.lex.adverbs) {
            k += 1;
        } else if let Some(len) = r.adverbial_phrase(k).filter(|_| k > i) {
            // "a pour sa part déclaré".
            k += len;
        } else {
            break;
        }
    }
    (k < end && r.is_verb(k) && !is_passive(r, i, k)).then_some((k + 1, None))
}

/// Forms of "être" (and "be") that make a following participle passive ("sera reconnu").
const BE: &[&str] = &[
    "est", "sont", "sera", "seront", "serait", "seraient", "était", "étaient", "été", "fut",
    "être", "is", "are", "was", "were", "been", "be",
];

/// Whether the verb group `first..=verb` is passive: a participle after "être", unless the verb is pronominal
/// ("s'est exclamé").
fn is_passive(r: &Reader<'_>, first: usize, verb: usize) -> bool {
    let be = (first..verb).any(|k| r.is(k, BE)) || (verb > 0 && r.is(verb - 1, BE));
    let pronominal = (first.saturating_sub(1)..verb).any(|k| r.is(k, &["se", "s'", "s"]));
    be && !pronominal
}

/// The subject of the verb before a coordinated one: "un chercheur a analysé … et a constaté".
pub(super) fn coordinated_subject(r: &Reader<'_>, start: usize, first: usize) -> Option<Mention> {
    let mut k = first;
    while k > start + 1 {
        k -= 1;
        if !r.in_quote[k] && !r.in_title[k] && (r.is(k, r.lex.aux) || r.is_verb(k)) {
            let mut f = k;
            while f > start && r.is(f - 1, r.lex.aux) {
                f -= 1;
            }
            if let Some(m) = r.source_before(start, f) {
                return Some(m);
            }
        }
    }
    r.clause_subject(start, first)
}

/// A past participle standing without its auxiliary ("qualifié de", "lancé à"): an adjective, not a report.
fn is_bare_participle(r: &Reader<'_>, first: usize, verb: usize) -> bool {
    let w = r.word(verb);
    // The feminine and plural forms of "promis", "écrit", "reconnu" are participles too; the masculine ones are
    // also present tense ("dit", "écrit").
    let participle = ["é", "ée", "és", "ées"].iter().any(|e| w.ends_with(e))
        || r.is(
            verb,
            &[
                "promise",
                "promises",
                "écrite",
                "écrites",
                "dite",
                "dites",
                "reconnue",
                "reconnues",
                "admise",
                "admises",
                "décrite",
                "décrites",
                "soutenue",
                "soutenues",
            ],
        );
    // "a dénoncé … et averti que": a participle coordinated with one that has its auxiliary.
    let coordinated = verb > 0 && r.is(verb - 1, &["et", "and"]);
    // "déjà condamné plusieurs fois": adverbs before the participle, no auxiliary.
    let bare = (first..verb).all(|k| r.is(k, r.lex.adverbs) && !r.is(k, r.lex.aux));
    participle && bare && !coordinated && !(verb > 0 && r.pronoun(verb - 1).is_some())
}

/// A participle in "-ant" ("ajoutant", "estimant"), whose subject is the clause's.
fn is_participle(r: &Reader<'_>, i: usize) -> bool {
    // "mettant en avant": the verb of the phrase tells.
    let i = if r.is_mettre_en(i) { i - 2 } else { i };
    let w = r.word(i);
    w.ends_with("ant") || w.ends_with("ing")
}

/// A cue later in the sentence, after other quotations or words: "« … », notamment, « … », a indiqué le Kremlin".
fn later(r: &Reader<'_>, w: &Window) -> Option<Attribution> {
    let mut k = w.close + 1;
    while k < w.after {
        if r.in_quote[k] {
            k += 1;
            continue;
        }
        if let Some(len) = r.according(k)
            && let Some(speaker) = r.source_after(k + len, w.after)
        {
            return Some(Attribution {
                cue: k..k + len,
                speaker: Some(speaker),
                participle: false,
            });
        }
        if let Some((end, clitic)) = verb_group(r, k, w.after) {
            if is_participle(r, end - 1) || (clitic.is_none() && is_bare_participle(r, k, end - 1))
            {
                k = end;
                continue;
            }
            let speaker = clitic
                .or_else(|| {
                    (r.is_punct(k.saturating_sub(1), ",") || r.in_quote[k.saturating_sub(1)])
                        .then(|| r.source_after(end, w.after))
                        .flatten()
                })
                .or_else(|| r.source_before(w.close + 1, k))
                .or_else(|| {
                    // "X a fait part d'un « … » et a prévenu …": the subject of the clause before.
                    r.is(k.saturating_sub(1), &["et", "mais", "and", "but"])
                        .then(|| coordinated_subject(r, w.before, w.open))
                        .flatten()
                });
            return Some(Attribution {
                cue: k..end,
                speaker,
                participle: false,
            });
        }
        k += 1;
    }
    None
}

/// A colon introduction: "X : « … »", the subject of the clause before the colon.
fn colon(r: &Reader<'_>, w: &Window) -> Option<Attribution> {
    let mut k = w.open;
    while k > w.before && r.is_mark(k - 1) {
        k -= 1;
    }
    if k == 0 || k <= w.before || !r.is_punct(k - 1, ":") {
        return None;
    }
    let speaker = r
        .clause_subject(w.before, k - 1)
        .map(|m| {
            // "Réaction immédiate de la Première ministre : « … »": whose reaction it is.
            let head = m.tokens.clone().find(|&t| !r.is_det(t));
            head.filter(|&h| r.is(h, &lexicon::REPORTS) && m.pronoun.is_none())
                .and_then(|_| r.source_after(m.tokens.start, k - 1))
                .unwrap_or(m)
        })
        .or_else(|| r.place_of_speech(w.before, k - 1));
    Some(Attribution {
        cue: k - 1..k,
        speaker,
        participle: false,
    })
}
