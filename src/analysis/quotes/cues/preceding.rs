//! The nearest cue before a quotation in its sentence: "X a déclaré que « … »", "selon X, « … »", "qualifié par
//! X de « … »", "Du côté de la CGT, on dénonce « … »", "avant de crier « … »".

use super::super::antecedents::noun_of_people;
use super::super::lexicon::RELAY_PARTICIPLES;
use super::super::reader::Reader;
use super::super::speakers::Mention;
use super::{
    Attribution, Window, coordinated_subject, is_bare_participle, is_participle, is_passive,
    verb_group,
};

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
    let head = m
        .tokens
        .clone()
        .find(|&k| r.is_word(k) && !r.is_det(k) && !r.is_detached_apostrophe(k));
    head.is_some_and(|head| r.capitalised(head)) || noun_of_people(r, m)
}

/// The nearest cue before the opening mark in its sentence.
pub(super) fn before(r: &Reader<'_>, w: &Window) -> Option<Attribution> {
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
            && r.reporting_infinitive(k)
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
                if r.is(k, &RELAY_PARTICIPLES) {
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
