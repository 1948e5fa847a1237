//! Reporting cues around a quotation: an incise right after it ("», a déclaré X", "» a-t-il ajouté", ", selon
//! X"), the nearest reporting verb or "selon" before it in its sentence ("X estime que « … »"), a cue later in the
//! sentence ("…», a indiqué de son côté le Kremlin"), or a colon introduction ("X : « … »").

use std::ops::Range;

use super::lexicon;
use super::reader::Reader;
use super::speakers::Mention;

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

/// Nouns for a wording rather than a source: "selon une formule consacrée", "selon l'expression".
const WORDINGS: &[&str] = &[
    "formule",
    "formules",
    "expression",
    "expressions",
    "mot",
    "formulation",
    "adage",
    "dicton",
    "phrase",
    "slogan",
    "wording",
];

/// Participles whose agent asked or relayed the words rather than said them: "interrogé par Franceinfo".
const RELAY_PARTICIPLES: &[&str] = &[
    "interrogé",
    "interrogée",
    "interrogés",
    "interrogées",
    "questionné",
    "questionnée",
    "questionnés",
    "questionnées",
    "interpellé",
    "interpellée",
    "interpellés",
    "interpellées",
    "asked",
    "quoted",
];

/// The agent of a bare participle before the quotation: "qualifiés par l'entreprise de « … »".
fn agent_between(r: &Reader<'_>, verb: usize, open: usize) -> Option<Mention> {
    let k = verb + 1;
    if !r.is(k, &["par", "by"]) {
        return None;
    }
    r.source_after(k + 1, open)
}

/// The agent of a passive right after a quotation: "qualifié de « … » par ses détracteurs".
fn agent_after(r: &Reader<'_>, w: &Window) -> Option<Mention> {
    let k = w.close + 1;
    if !r.is(k, &["par", "by"]) {
        return None;
    }
    r.source_after(k + 1, w.after)
}

/// Whether a noun phrase names people (a name, or a noun of people: "ces manifestants"), not a thing ("une
/// banderole").
fn names_people(r: &Reader<'_>, m: &Mention) -> bool {
    m.tokens
        .clone()
        .find(|&k| r.is_word(k) && !r.is_det(k) && !r.is_detached_apostrophe(k))
        .is_some_and(|head| {
            let word = r.lower(head);
            r.capitalised(head)
                || r.is(head, &lexicon::PEOPLE)
                || lexicon::PEOPLE_ENDINGS
                    .iter()
                    .chain(lexicon::PERSON_ENDINGS.iter())
                    .any(|e| word.len() > e.len() + 2 && word.ends_with(e))
        })
}

/// A participle in "-ant" ("ajoutant", "estimant"), whose subject is the clause's.
fn is_participle(r: &Reader<'_>, i: usize) -> bool {
    // "mettant en avant": the verb of the phrase tells.
    let i = if r.is_mettre_en(i) { i - 2 } else { i };
    let w = r.word(i);
    w.ends_with("ant") || w.ends_with("ing")
}

/// The incise right after the closing mark: "», a déclaré X", "» a-t-il ajouté", ", selon X", "», X said".
fn incise(r: &Reader<'_>, w: &Window) -> Option<Attribution> {
    // "« C'est inacceptable » : la réaction de la maire, Anne Hidalgo, ne s'est pas fait attendre".
    if r.is_punct(w.close + 1, ":")
        && let Some(speaker) = r.source_after(w.close + 2, w.after)
        && speaker.tokens.start > w.close + 3
    {
        return Some(Attribution {
            cue: w.close + 1..w.close + 2,
            speaker: Some(speaker),
            participle: false,
        });
    }
    let mut i = w.close + 1;
    while i < w.after && (r.is_punct(i, ",") || r.is_punct(i, ")")) {
        i += 1;
    }
    if i >= w.after {
        return None;
    }
    if let Some(len) = r.according(i) {
        let speaker = r.source_after(i + len, w.after)?;
        // "« … », selon une formule répétée par tous ses prédécesseurs": a wording is nobody; the cue before
        // the quotation tells who.
        let head = speaker
            .tokens
            .clone()
            .find(|&k| !r.is_det(k) && !r.is_detached_apostrophe(k));
        if head.is_some_and(|h| r.is(h, WORDINGS)) {
            return None;
        }
        return Some(Attribution {
            cue: i..i + len,
            speaker: Some(speaker),
            participle: false,
        });
    }
    // "», comme l'a souligné le préfet", "», comme prétendu par X": the subject or the agent follows the verb.
    if r.is(i, &["comme"]) {
        let k = if r.is(i + 1, &["l'", "le"]) {
            i + 2
        } else {
            i + 1
        };
        if let Some((end, None)) = verb_group(r, k, w.after) {
            let speaker = if r.is(end, &["par"]) {
                r.source_after(end + 1, w.after)
            } else {
                r.source_after(end, w.after)
            };
            if let Some(speaker) = speaker.filter(|m| m.pronoun.is_none()) {
                return Some(Attribution {
                    cue: i..end,
                    speaker: Some(speaker),
                    participle: false,
                });
            }
        }
    }
    // "« … », a-t-on appris auprès de la préfecture", "peut-on lire sur le site", "lit-on dans le communiqué":
    // the source is where it was said or is read.
    if r.is_word(i) && r.word(i).ends_with("-on") {
        // Past the participle or infinitive: "a-t-on appris", "peut-on lire".
        let k = if r.is(i, r.lex.aux) || r.lower(i).starts_with("a-t-") || r.is(i + 1, &["lire"]) {
            i + 2
        } else {
            i + 1
        };
        let speaker = if r.is(k, &["sur", "dans"]) {
            r.source_after(k + 1, w.after)
        } else {
            r.place_of_speech(k, w.after)
                .filter(|m| m.tokens.start <= k + 4)
        };
        if let Some(speaker) = speaker {
            return Some(Attribution {
                cue: i..k,
                speaker: Some(speaker),
                participle: false,
            });
        }
    }
    if let Some((end, clitic)) = verb_group(r, i, w.after) {
        if is_participle(r, end - 1) && clitic.is_none() {
            return Some(Attribution {
                cue: i..end,
                speaker: None,
                participle: true,
            });
        }
        if clitic.is_none() && is_bare_participle(r, i, end - 1) {
            // "« … » lancée par le député": the agent; "« … » confiée à" reports nothing.
            let agent = r
                .is(end, &["par", "by"])
                .then(|| r.source_after(end + 1, w.after))
                .flatten()?;
            return Some(Attribution {
                cue: i..end,
                speaker: Some(agent),
                participle: false,
            });
        }
        let speaker = clitic.or_else(|| r.inverted_subject(i, end, w.after));
        return Some(Attribution {
            cue: i..end,
            speaker,
            participle: false,
        });
    }
    // "« … », a plaisanté Élodie Marchetti", "», a défendu le maire", "», s'amusait une cliente", "», s'est
    // réjoui le directeur": right after the quotation, an auxiliary or a reflexive pronoun, any verb and its
    // inverted subject report, as after "a-t-il".
    let verb = if r.is(i, &["a", "ont", "avait", "avaient"]) {
        Some(i + 1).filter(|&v| r.is_word(v) && r.lex.is_verb_or_participle(r.lower(v)))
    } else if r.is(i, &["se", "s'"]) {
        let v = if r.is(i + 1, &["est", "était", "sont", "étaient"]) {
            i + 2
        } else {
            i + 1
        };
        Some(v).filter(|&v| r.is_word(v) && !r.capitalised(v))
    } else {
        None
    };
    if let Some(verb) = verb
        && let Some(speaker) = r
            .inverted_subject(i, verb + 1, w.after)
            .filter(|m| m.pronoun.is_none())
    {
        return Some(Attribution {
            cue: i..verb + 1,
            speaker: Some(speaker),
            participle: false,
        });
    }
    // "», X said" / "», le ministre a déclaré".
    if let Some(p) = r.pronoun(i)
        && let Some((end, _)) = verb_group(r, i + 1, w.after)
    {
        return Some(Attribution {
            cue: i + 1..end,
            speaker: Some(Mention {
                tokens: i..i + 1,
                pronoun: Some(p),
                female: None,
                plural: p.plural(),
            }),
            participle: false,
        });
    }
    let mut k = i;
    while k < w.after && k - i < 12 && r.is_np_word(k) {
        k += 1;
    }
    // "», le ministre a déclaré." ends the sentence; "», d'autres policiers déclarent que …" opens a new report;
    // "», plusieurs délégations menaçant de …" is a clause of its own; "Si Télérama avait salué « … », Le Monde
    // avait regretté « … »": a verb followed by a quotation introduces that one.
    let introduces_next = |end: usize| (end..(end + 3).min(w.after)).any(|t| r.is_mark(t));
    if k > i
        && let Some((end, _)) = verb_group(r, k, w.after)
        && !is_bare_participle(r, k, end - 1)
        && !is_participle(r, end - 1)
        && !r.is(end, &["que", "qu'", "that"])
        && !r.is_punct(end, ":")
        && !introduces_next(end)
    {
        let speaker = r.source_before(i, k);
        return Some(Attribution {
            cue: k..end,
            speaker,
            participle: false,
        });
    }
    None
}

/// The nearest cue before the opening mark in its sentence.
fn before(r: &Reader<'_>, w: &Window) -> Option<Attribution> {
    // A participle next to the quotation without an agent ("l'individu interpellé ferait « … »"): kept in case
    // no better cue comes before it.
    let mut fallback = None;
    let mut k = w.open;
    while k > w.before {
        k -= 1;
        if r.in_quote[k] {
            continue;
        }
        if let Some((pronoun, aux)) = r.clitic(k) {
            let end = if aux { k + 2 } else { k + 1 };
            return Some(Attribution {
                cue: k..end.min(w.open),
                speaker: Some(Mention {
                    tokens: k..k + 1,
                    pronoun: Some(pronoun),
                    female: None,
                    plural: pronoun.plural(),
                }),
                participle: false,
            });
        }
        if let Some(len) = r.according(k) {
            // "Amaq annonce que, selon ses sources, …": the sources of the clause's subject.
            let speaker = if r.is(
                k + len,
                &[
                    "ses", "son", "sa", "leurs", "leur", "its", "his", "her", "their",
                ],
            ) {
                r.clause_subject(w.before, k)
                    .or_else(|| r.source_after(k + len, w.open))
            } else if r.is(k + len, &["ce"]) && r.is(k + len + 1, &["que", "qu'"]) {
                // "Selon ce qu'a confié à France Info Jacques Witkowski, « … »": the verb's inverted subject.
                verb_group(r, k + len + 2, w.open)
                    .and_then(|(verb_end, _)| r.source_after(verb_end, w.open))
            } else {
                r.source_after(k + len, w.open)
            };
            if speaker.is_some() {
                return Some(Attribution {
                    cue: k..k + len,
                    speaker,
                    participle: false,
                });
            }
            continue;
        }
        // "par la voix de X".
        if r.is(k, &["voix"])
            && k >= 2
            && r.is(k - 1, &["la"])
            && r.is(k - 2, &["par"])
            && let Some(speaker) = r.source_after(k + 1, w.open)
        {
            return Some(Attribution {
                cue: k - 2..k + 1,
                speaker: Some(speaker),
                participle: false,
            });
        }
        // "Pour Giovanni Barocco, « … »": a named source, then a comma.
        if r.is(k, &["pour", "for"])
            && (k == w.before || r.is_punct(k - 1, ","))
            && let Some(speaker) = r.source_after(k + 1, w.open)
            && r.is_punct(speaker.tokens.end, ",")
            && (speaker.pronoun.is_some()
                || r.is_pure_name(&speaker.tokens)
                || r.capitalised(speaker.tokens.end - 1)
                || w.open - speaker.tokens.end <= 8)
        {
            return Some(Attribution {
                cue: k..k + 1,
                speaker: Some(speaker),
                participle: false,
            });
        }
        // "Ce chiffre a permis à la ministre Myriam El Khomri de déclarer que « … »": the one it was given to
        // (after a reporting verb, "a demandé à l'association de préciser les « … »", the words are the asker's).
        if k >= 3
            && r.is(k - 1, &["de", "d'"])
            && r.lex.infinitives.contains(r.lower(k))
            && let Some(to) = (k.saturating_sub(10).max(w.before)..k - 1)
                .rev()
                .find(|&t| !r.in_quote[t] && r.is(t, &["à", "au"]))
            && !(to > 0 && r.is_verb(to - 1))
            && let Some(speaker) = r
                .source_after(to + 1, k - 1)
                .filter(|m| m.pronoun.is_none() && m.tokens.end == k - 1)
        {
            return Some(Attribution {
                cue: k - 1..k + 1,
                speaker: Some(speaker),
                participle: false,
            });
        }
        if r.is_infinitive_cue(k) {
            // "qu'un homme lui aurait tiré dans le dos avant de crier": the subject of the verb before.
            let speaker = coordinated_subject(r, w.before, k - 2);
            return Some(Attribution {
                cue: k - 2..k + 1,
                participle: speaker.is_none(),
                speaker,
            });
        }
        if r.is_verb(k) {
            // "a mis en garde": the phrase is the verb.
            let verb = if r.is_mettre_en(k) { k - 2 } else { k };
            let mut first = verb;
            loop {
                // Phrases first ("ont par la suite confirmé", "a malgré tout affirmé"), then single words.
                if let Some(len) = r
                    .adverbial_phrase_before(first)
                    .filter(|&l| first > w.before + l && r.is(first - l - 1, r.lex.aux))
                {
                    first -= len;
                } else if first > w.before
                    && (r.is(first - 1, r.lex.aux) || r.is(first - 1, r.lex.adverbs))
                    && !r.is_det(first - 1)
                    && !r.in_quote[first - 1]
                {
                    first -= 1;
                } else {
                    break;
                }
            }
            // Adverbs left of the auxiliary belong to the subject side; a reflexive "se" is the verb's.
            while first < verb && !r.is(first, r.lex.aux) && !r.is(first, &["se", "s'"]) {
                first += 1;
            }
            // "…, a-t-il affirmé, avant d'ajouter : « … »": the auxiliary carries its subject.
            if let Some((pronoun, _)) = r.clitic(first) {
                return Some(Attribution {
                    cue: first..k + 1,
                    speaker: Some(Mention {
                        tokens: first..first + 1,
                        pronoun: Some(pronoun),
                        female: None,
                        plural: pronoun.plural(),
                    }),
                    participle: false,
                });
            }
            if is_participle(r, verb) {
                // "ce dernier estimant …": a subject right before the participle is its own.
                let gerund = (verb.saturating_sub(3)..verb).any(|t| r.is(t, &["en"]));
                // "a déployé une banderole proclamant « … »": a noun phrase after a verb is its object.
                let opens_clause = |m: &Mention| {
                    let k = m.tokens.start;
                    k == w.before
                        || r.is_punct(k - 1, ",")
                        || r.is(k - 1, &["et", "mais", "and", "but"])
                };
                let own = (verb > w.before && !r.is_punct(verb - 1, ",") && !gerund)
                    .then(|| r.source_before(w.before, verb))
                    .flatten()
                    .filter(|m| m.pronoun.is_some() || opens_clause(m) || names_people(r, m));
                return Some(Attribution {
                    cue: verb..k + 1,
                    participle: own.is_none(),
                    speaker: own,
                });
            }
            if is_passive(r, first, k) {
                // "Le père est décrit comme « … » par un ami d'enfance": a passive says who by its agent.
                if let Some(agent) = agent_between(r, k, w.open).or_else(|| agent_after(r, w)) {
                    return Some(Attribution {
                        cue: first..k + 1,
                        speaker: Some(agent),
                        participle: false,
                    });
                }
                continue;
            }
            if is_bare_participle(r, first, k) {
                // "Pour X, interrogé par Franceinfo, « … »": who asked or relayed the words did not say them.
                if r.is(k, RELAY_PARTICIPLES) {
                    continue;
                }
                // "qualifié de « … »" reports only right before the quotation; its source is the agent.
                if (k + 1..w.open).filter(|&t| !r.in_quote[t]).count() > 6 {
                    continue;
                }
                // "Selon des propos de X, rapportés par l'AFP, « … »": X speaks, the agency relays.
                if (w.before..k).any(|t| !r.in_quote[t] && r.according(t).is_some()) {
                    continue;
                }
                let agent = agent_between(r, k, w.open).or_else(|| agent_after(r, w));
                let attribution = Attribution {
                    cue: k..k + 1,
                    participle: false,
                    speaker: agent,
                };
                if attribution.speaker.is_some() {
                    return Some(attribution);
                }
                fallback.get_or_insert(attribution);
                continue;
            }
            // "comme l'indique X : « … »": the subject follows the verb.
            let mut c = first;
            while c > w.before && r.is(c - 1, &["l'", "le"]) {
                c -= 1;
            }
            if c > w.before
                && r.is(c - 1, &["comme", "as"])
                && let Some(speaker) = r.source_after(k + 1, w.open)
            {
                return Some(Attribution {
                    cue: c - 1..k + 1,
                    speaker: Some(speaker),
                    participle: false,
                });
            }
            // "Du côté de la CGT, on dénonce « … »": "on" speaks for the place named.
            if first > w.before && r.is(first - 1, &["on"]) {
                return Some(Attribution {
                    cue: first..k + 1,
                    speaker: r.place_of_speech(w.before, first - 1),
                    participle: false,
                });
            }
            let speaker = r
                .source_before(w.before, first)
                .or_else(|| {
                    // An inverted subject before a colon or comma: "Ainsi l'a déclaré le ministre : « … »".
                    r.inverted_subject(first, k + 1, w.open)
                        .filter(|m| r.is_punct(m.tokens.end, ":") || r.is_punct(m.tokens.end, ","))
                })
                .or_else(|| {
                    // A coordinated verb ("… et a constaté que …") shares the clause's subject.
                    (first > w.before
                        && (r.is(first - 1, &["et", "mais", "puis", "and", "but"])
                            || r.is_punct(first - 1, ",")))
                    .then(|| coordinated_subject(r, w.before, first))
                    .flatten()
                });
            return Some(Attribution {
                cue: first..k + 1,
                speaker,
                participle: false,
            });
        }
    }
    fallback
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
