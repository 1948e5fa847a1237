//! Subjects read backwards from a verb ("Ghaith al Ghaith, le PDG de Flydubai, a annoncé": appositions,
//! incises, "X, qui") and the subject of a whole clause, past its leading adverbials, participles and
//! appositions ("Interrogé vendredi, Alain Juppé a …", "Médecin à Die, la docteure X …").

use std::ops::Range;

use super::super::lexicon::{PREPOSITIONS, SKIPPED_PREPOSITIONS};
use super::super::reader::{PARTICLES, Reader};
use super::{MAX_INCISE, MAX_NP, Mention};
use crate::analysis::text::TokenKind;

impl Reader<'_> {
    /// The subject of a verb group starting at `verb`, read backwards not before `start`: appositions between
    /// commas prefer the name, "X, qui" takes X, a pronoun stays a pronoun for the caller to resolve.
    pub(in super::super) fn source_before(&self, start: usize, verb: usize) -> Option<Mention> {
        let j = self.subject_end(start, verb);
        if j <= start {
            return None;
        }
        if let Some(p) = self.pronoun(j - 1) {
            return Some(self.pronoun_mention(j - 1, p));
        }
        // "celui qui est considéré comme le chef du groupe avait affirmé": who "celui" is said to be.
        let celui_qui = (start..j).rev().take(MAX_INCISE).find(|&k| {
            self.is(k, &["celui", "celle", "ceux", "celles"]) && self.is(k + 1, &["qui"])
        });
        if let Some(k) = celui_qui {
            return (k + 2..j)
                .find(|&c| self.is(c, &["comme"]))
                .and_then(|c| self.source_after(c + 1, j));
        }
        if self.is(j - 1, &["qui", "who", "which"]) {
            // The antecedent of "qui" may sit in a complement: "avec le chef Ayman al-Zawahiri, qui déclare".
            let mut j = j - 1;
            if j > start && self.is_punct(j - 1, ",") {
                j -= 1;
            }
            let mut np = self.segment_backward(start, j)?;
            // "le chef de mission de MSF pour la Syrie, qui": the antecedent is the head, not its complement.
            // ("rejetée par le gouvernement, qui", "selon le collectif, qui": the agent or the source).
            // "l'artiste de 31 ans, qui": an age is a complement too.
            let number = |k: usize| self.doc.tokens[k].kind == TokenKind::Number;
            if np.start > start + 2
                && self.is(np.start, &["ans", "an"])
                && number(np.start - 1)
                && self.is(np.start - 2, &["de"])
                && let Some(head) = self
                    .segment_backward(start, np.start - 2)
                    .filter(|head| self.is_subject_like(head))
            {
                np = head.start..np.end;
            }
            while np.start > start + 1
                && self.is(
                    np.start - 1,
                    &[
                        "pour", "en", "à", "au", "aux", "chez", "sur", "dans", "for", "in", "at",
                    ],
                )
                && let Some(head) = self
                    .segment_backward(start, np.start - 1)
                    .filter(|head| self.is_subject_like(head))
            {
                np = head.start..np.end;
            }
            if let Some(name) = self.inner_name(&np) {
                return Some(self.mention(name, &np));
            }
            // "Vasip Sahin, gouverneur de la ville, qui qualifie …", "Idriss Déby, président du Tchad et de
            // l'Union africaine, qui a rappelé": the name before the apposition.
            let comma = (start + 1..np.start)
                .rev()
                .take(MAX_NP)
                .take_while(|&k| {
                    !self.is_mark(k) && !self.is_punct(k, ".") && !self.is_punct(k, ":")
                })
                .find(|&k| self.is_punct(k, ","));
            if !self.is_pure_name(&np)
                && let Some(comma) = comma
                && let Some(name) = self.segment_backward(start, comma)
                && self.is_pure_name(&name)
            {
                return Some(self.mention(name, &np));
            }
            return Some(self.mention(np.clone(), &np));
        }
        let mut j = j;
        if self.is_punct(j - 1, ",") {
            j -= 1;
        }
        // Comma-separated segments, nearest first: "Ghaith al Ghaith, le PDG de Flydubai, a annoncé". A segment
        // after a preposition is a complement ("en visite à Romorantin"), not the subject.
        let mut segments: Vec<(Range<usize>, bool)> = Vec::with_capacity(4);
        let mut end = j;
        while segments.len() < 5 {
            let Some(seg) = self.segment_backward(start, end) else {
                break;
            };
            let before = seg.start;
            // After a preposition, a complement; after a participle, its object ("des manifestants réclamant
            // la libération de militants").
            // ", de l'International Crisis Group,": where the person before the comma comes from (", d'autres
            // policiers déclarent" is a subject).
            let head = (seg.start..seg.end)
                .find(|&t| !self.is_det(t) && !self.is_link(t) && !self.is_detached_apostrophe(t));
            // "Sur son compte Twitter, le président a salué": a phrase that opens with a preposition.
            let opening = (start..before)
                .rev()
                .find(|&k| self.is_punct(k, ","))
                .map_or(start, |comma| comma + 1);
            let in_phrase =
                opening < before && self.is(opening, &PREPOSITIONS) && self.is_punct(seg.end, ",");
            let complement = in_phrase
                || before > start
                    && (self.is(before - 1, &PREPOSITIONS)
                        || (self.is_link(before - 1)
                            && before > start + 1
                            && self.is_punct(before - 2, ",")
                            && head.is_some_and(|h| self.capitalised(h)))
                        || (self.word(before - 1).ends_with("ant")
                            && !self.capitalised(before - 1)));
            segments.push((seg, complement));
            if complement {
                let mut k = before - 1;
                // "nombre de manifestants se trouvant sur le parcours ont clamé": the participle and its
                // complement describe the subject before them.
                if k > start + 1
                    && self.is(k, &PREPOSITIONS)
                    && self.lower(k - 1).ends_with("ant")
                    && !self.capitalised(k - 1)
                {
                    k -= 1;
                    if k > start + 1 && self.is(k - 1, &["se", "s'"]) {
                        k -= 1;
                    }
                    end = k;
                    continue;
                }
                if k > start + 1 && self.is_punct(k - 1, ",") {
                    end = k - 1;
                } else if segments.len() == 1 {
                    // "L'Union européenne au travers de sa délégation a condamné".
                    end = k;
                } else {
                    break;
                }
                continue;
            }
            if before > start + 1 && self.is_punct(before - 1, ",") {
                end = before - 1;
            } else {
                break;
            }
        }
        let subjects: Vec<&Range<usize>> = segments
            .iter()
            .filter(|(_, complement)| !complement)
            .map(|(s, _)| s)
            .collect();
        if let Some(name) = subjects.iter().find(|s| self.is_pure_name(s)) {
            let description = subjects
                .iter()
                .find(|s| !self.is_pure_name(s))
                .unwrap_or(name);
            return Some(self.mention((*name).clone(), description));
        }
        let head = subjects
            .iter()
            .find(|s| self.is_subject_like(s))
            .map(|s| (*s).clone())?;
        if let Some(name) = self.inner_name(&head) {
            return Some(self.mention(name, &head));
        }
        Some(self.mention(head.clone(), &head))
    }

    /// Where the subject of the verb group at `verb` ends, read backwards not before `start`: past auxiliaries
    /// and adverbs ("a d'ailleurs reconnu"), an aside between dashes, and incises between commas that describe
    /// the subject or say where and when ("l'Ordre avait, dans un communiqué, déclaré", "Alain Juppé, éliminé
    /// au premier tour, a affirmé").
    fn subject_end(&self, start: usize, verb: usize) -> usize {
        let mut j = verb;
        loop {
            // Phrases first: "a malgré tout affirmé" ends with the adverb "tout".
            if let Some(len) = self.adverbial_phrase_before(j).filter(|&l| j >= start + l) {
                j -= len;
            } else if j > start
                && (self.is(j - 1, self.lex.adverbs) || self.is(j - 1, self.lex.aux))
                && (!self.is_det(j - 1) || self.is(j - 1, &["l'"]))
            {
                j -= 1;
            } else if j > start + 1 && self.is(j - 1, &["le", "la", "les", "lui", "leur"]) {
                // "Télérama le qualifiant", "le ministre leur a répondu": an object pronoun ends no subject.
                j -= 1;
            } else if j > start + 2 && self.is_dash(j - 1) {
                // "le ministre Nestor Bankumukunzi — par ailleurs ancien directeur — a annoncé".
                let opening = (start + 1..j - 1)
                    .rev()
                    .take(MAX_INCISE)
                    .take_while(|&k| !self.is_mark(k) && !self.is_punct(k, "."))
                    .find(|&k| self.is_dash(k));
                match opening {
                    Some(opening) => j = opening,
                    None => break,
                }
            } else if j > start + 1
                && self.is_punct(j - 1, ",")
                && let Some(comma) = self.incise_before(start, j - 1)
            {
                // Up to the comma that opens the incise, kept for the comma-separated segments below.
                j = comma + 1;
            } else {
                break;
            }
        }
        j
    }

    /// The comma opening an incise that ends at the comma `end`, when there is one and something stands before
    /// it: a participle's clause ("…, éliminé au premier tour,"), a place or a time ("…, à Troyes, ce mardi,").
    fn incise_before(&self, start: usize, end: usize) -> Option<usize> {
        let comma = (start + 1..end)
            .rev()
            .take(MAX_INCISE)
            // The marks of a title stand inside the incise ("avec qui il a enregistré « Asphalte »").
            .take_while(|&k| {
                (!self.is_mark(k) || self.in_title[k])
                    && !self.is_punct(k, ".")
                    && !self.is_punct(k, ":")
            })
            .find(|&k| self.is_punct(k, ","))?;
        let first = comma + 1;
        let lex = self.lex;
        // Past participles of the other groups too: "battu", "élu", "mis", "conduit".
        let participle = self.leading_participle(first)
            || (self.lower(first).chars().count() >= 4
                && ["u", "ue", "us", "i", "ie", "is", "it", "ite"]
                    .iter()
                    .any(|e| self.lower(first).ends_with(e))
                && !self.is(first, lex.function_words)
                && !self.is(first, lex.adverbs)
                && !self.is(first, lex.calendar));
        // "Manuel Valls, qui avait échangé avec lui, s'est dit « … »": a relative clause.
        let relative = self.is(first, &["qui", "dont", "who", "which"])
            // "Le rappeur Kenzo, avec qui Malik Dorval avait enregistré …, a écrit".
            || (self.is(first, &PREPOSITIONS)
                && self.is(first + 1, &["qui", "lequel", "laquelle", "lesquels", "lesquelles", "whom"]));
        let place_or_time = self.is(first, &SKIPPED_PREPOSITIONS)
            || self.is(first, lex.calendar)
            || (self.is_det(first) && self.is(first + 1, lex.calendar));
        (first < end && !self.capitalised(first) && (participle || relative || place_or_time))
            .then_some(comma)
    }

    /// A participle or gerund opening a clause before its subject: "Interrogé vendredi, Alain Juppé a …",
    /// "Concernant son épouse, il …"; not a name such as "René Martin".
    fn leading_participle(&self, i: usize) -> bool {
        let word = self.lower(i);
        let long_ending = ["ant", "é", "ée", "és", "ées"]
            .iter()
            .any(|e| word.chars().count() >= e.chars().count() + 2 && word.ends_with(e));
        // "Ému, il …": a short participle right before its comma.
        let short_ending = self.is_punct(i + 1, ",")
            && word.chars().count() >= 3
            && ["u", "ue", "us", "i", "ie", "is", "é", "ée"]
                .iter()
                .any(|e| word.ends_with(e));
        // "Absent de la cérémonie, le comédien …", "Parti dans le peloton, il …": a participle or an adjective
        // and its complement.
        let with_complement = (self.is(i + 1, &PREPOSITIONS) || self.is_link(i + 1))
            && word.chars().count() >= 4
            && ["i", "ie", "is", "u", "ue", "us", "ent", "ente"]
                .iter()
                .any(|e| word.ends_with(e));
        (long_ending || short_ending || with_complement)
            && !self.capitalised(i + 1)
            && self.name_gender(&(i..i + 1)).is_none()
    }

    /// Whether a clause opens with a noun in apposition to its subject, without an article: "Médecin
    /// généraliste à Die, la docteure Louise Arnal voit …", "Infirmière aux urgences depuis douze ans, Sandrine
    /// Mollet décrit …". A capitalised first word, a lower-case word after it, no verb, then a comma and the
    /// subject. Where the subject starts.
    fn leading_apposition(&self, i: usize, end: usize) -> Option<usize> {
        if !self.opens_sentence(i)
            || !self.capitalised(i)
            || self.is_det(i)
            || self.pronoun(i).is_some()
            || !self.is_word(i + 1)
            || self.capitalised(i + 1)
            || self.is(i + 1, &PARTICLES)
        {
            return None;
        }
        let comma = (i + 1..end.min(i + MAX_NP)).find(|&k| self.is_punct(k, ","))?;
        let no_verb = (i..comma).all(|k| !self.is_verb(k) && !self.is(k, self.lex.aux));
        // "Médecin généraliste à Die, où le premier cas a été signalé, la docteure …": past a relative clause.
        let subject = if self.is(comma + 1, &["où", "qui", "dont"]) {
            (comma + 2..end.min(comma + MAX_INCISE)).find(|&k| self.is_punct(k, ","))? + 1
        } else {
            comma + 1
        };
        (no_verb
            && subject < end
            && (self.is_det(subject) || self.is_title(subject) || self.is_name_word(subject)))
        .then_some(subject)
    }

    /// The subject of the clause that runs from `start` to `end` (a colon introduction): its first noun phrase
    /// after leading adverbial segments, or the source of a leading "selon X".
    pub(in super::super) fn clause_subject(&self, start: usize, end: usize) -> Option<Mention> {
        let mut i = start;
        while i < end {
            if self.in_quote[i] {
                i += 1;
                continue;
            }
            if let Some(len) = self.according(i) {
                return self.source_after(i + len, end);
            }
            if let Some(p) = self.pronoun(i) {
                return Some(self.pronoun_mention(i, p));
            }
            // "C'est l'analyse de Gabriel Ruyiri : « … »": whose analysis, opinion or words it is; "C'est Maradona
            // qui a fait le premier pas : « … »": who did it.
            if self.is(i, &["c'", "ce"]) {
                // "Ce n'est pas l'avis de Fottorino : « … »" too.
                let mut k = i + 1;
                if self.is(k, &["n'", "ne"]) {
                    k += 1;
                }
                if self.is(k, &["est", "était"]) {
                    if self.is(k + 1, &["pas", "plus"]) {
                        k += 1;
                    }
                    return self.source_after(k + 1, end).filter(|m| {
                        m.pronoun.is_none()
                            && (m.tokens.start > k + 2 || self.is(m.tokens.end, &["qui", "who"]))
                    });
                }
            }
            // "Pour Fillon, il ne s'agit que d'une « … »": the person the clause is for speaks.
            if self.is(i, &["pour", "for"])
                && let Some(m) = self.source_after(i + 1, end)
                && self.is_punct(m.tokens.end, ",")
                && m.pronoun.is_none()
                && self.is_pure_name(&m.tokens)
            {
                return Some(m);
            }
            let adverbial = self.is(
                i,
                &[
                    "à", "au", "aux", "dans", "en", "après", "avant", "pendant", "lors", "depuis",
                    "pour", "par", "sur", "mais", "et", "puis", "alors", "ainsi", "enfin", "in",
                    "on", "at", "after", "before", "during", "but", "and", "then",
                ],
            ) || self.doc.tokens[i].kind == TokenKind::Number
                // "Ce mercredi, le Conseil …".
                || (self.is_det(i)
                    && (self.is(i + 1, self.lex.calendar)
                        || self.doc.tokens.get(i + 1).is_some_and(|t| t.kind == TokenKind::Number)))
                || (self.is(i, self.lex.adverbs) && !self.is_det(i))
                || self.leading_participle(i);
            if let Some(subject) = self.leading_apposition(i, end) {
                i = subject;
                continue;
            }
            if adverbial {
                // Skip to the next comma in the clause.
                let mut k = i + 1;
                while k < end && !self.is_punct(k, ",") {
                    k += 1;
                }
                if k >= end {
                    return None;
                }
                i = k + 1;
                continue;
            }
            return self.source_after(i, end);
        }
        None
    }
}
