//! The incise right after a quotation: "», a déclaré X", "» a-t-il ajouté", ", selon X", "», comme l'a souligné
//! X", "», a-t-on appris auprès de X", "», X said".

use super::super::lexicon::WORDINGS;
use super::super::reader::Reader;
use super::super::speakers::Mention;
use super::{Attribution, Window, is_bare_participle, is_participle, verb_group};

/// The incise right after the closing mark: "», a déclaré X", "» a-t-il ajouté", ", selon X", "», X said".
pub(super) fn incise(r: &Reader<'_>, w: &Window) -> Option<Attribution> {
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
        if head.is_some_and(|h| r.is(h, &WORDINGS)) {
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
