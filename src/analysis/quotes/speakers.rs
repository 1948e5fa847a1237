//! Who a source is: the noun phrase at a reporting word ("le porte-parole de la diplomatie chinoise, Wang Wenbin"
//! → the name), read forwards after "selon" or an inverted verb and backwards before a verb, with appositions,
//! relative "qui", titles ("M.", "Mme") and pronouns. Subjects read backwards and whole clauses' subjects are
//! in [`subjects`].

mod subjects;

use std::ops::Range;

use super::lexicon::{
    ADVERBIAL_PHRASES, FEMININE_ENDINGS, PREPOSITIONS, Pronoun, REPORTS, SKIPPED_PREPOSITIONS,
};
use super::reader::{PARTICLES, Reader};
use crate::analysis::text::TokenKind;

/// A source as the text names it: its tokens, or a pronoun standing for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Mention {
    pub tokens: Range<usize>,
    pub pronoun: Option<Pronoun>,
    /// Grammatical gender when the words around tell it.
    pub female: Option<bool>,
    pub plural: bool,
}

/// The most tokens a noun phrase may have: beyond, it is a clause, not a name.
const MAX_NP: usize = 14;

/// The most tokens a participle's clause between commas may have ("…, élu maire en 2014, …").
const MAX_INCISE: usize = 20;

impl<'d> Reader<'d> {
    /// A noun phrase read forwards from `i`, not past `end`: an optional title or determiner, then words.
    pub(super) fn segment_forward(&self, mut i: usize, end: usize) -> Option<Range<usize>> {
        while i < end && self.is_link(i) && !self.is_det(i) {
            i += 1;
        }
        let start = i;
        while i < end && i - start < MAX_NP {
            if self.is_np_word(i) {
                i += 1;
            } else if self.is(i, &["et"])
                && i > start
                && (self.is_link(i + 1) || self.is_det(i + 1))
                && self.capitalised(i + 2)
                && i + 2 < end
            {
                // "le ministre de l'Économie et des Finances Michel Sapin": a coordination inside the title.
                i += 1;
            } else {
                break;
            }
        }
        let mut stop = i;
        while stop > start
            && (self.is_link(stop - 1)
                || self.is_det(stop - 1)
                || self.is_detached_apostrophe(stop - 1))
        {
            stop -= 1;
        }
        (stop > start && self.has_content(&(start..stop))).then_some(start..stop)
    }

    /// A noun phrase read backwards from just before `end`, not before `start`; a parenthesis just before `end`
    /// (an acronym) is skipped.
    pub(super) fn segment_backward(&self, start: usize, mut end: usize) -> Option<Range<usize>> {
        if end > start && self.is_punct(end - 1, ")") {
            let mut k = end - 1;
            while k > start && !self.is_punct(k, "(") && end - k < 8 {
                k -= 1;
            }
            if self.is_punct(k, "(") {
                end = k;
            }
        }
        let mut k = end;
        while k > start && end - k < MAX_NP && self.is_np_word(k - 1) {
            k -= 1;
        }
        while k < end && (self.is_link(k) && !self.is_det(k)) {
            k += 1;
        }
        (k < end && self.has_content(&(k..end))).then_some(k..end)
    }

    /// Whether a range holds a word other than determiners and links.
    fn has_content(&self, range: &Range<usize>) -> bool {
        range.clone().any(|i| {
            self.is_word(i)
                && !self.is_det(i)
                && !self.is_link(i)
                && (!self.is_title(i) || i + 1 == range.end)
        })
    }

    /// Whether a noun phrase can be a subject: it starts with a determiner, a title or a capital.
    pub(super) fn is_subject_like(&self, range: &Range<usize>) -> bool {
        // "explique celui-ci": a demonstrative stands for its person.
        self.demonstrative(range).is_some()
            || self.is_det(range.start)
            || self.is_title(range.start)
            || self.capitalised(range.start)
            || self.is(
                range.start,
                &[
                    "autres",
                    "nombreux",
                    "nombreuses",
                    "nombre",
                    "plusieurs",
                    "certains",
                    "certaines",
                ],
            )
    }

    /// Whether every token of `range` belongs to a name (with titles and particles).
    pub(super) fn is_pure_name(&self, range: &Range<usize>) -> bool {
        if range.is_empty() {
            return false;
        }
        let first = range.start;
        if !(self.is_title(first) || self.is_name_word(first)) {
            return false;
        }
        if self.is(first, self.lex.function_words) && !self.is_title(first) {
            return false;
        }
        range.clone().all(|i| {
            self.is_name_word(i)
                || self.is(i, &PARTICLES)
                || self.is_title(i)
                || (self.is_punct(i, ".") && i > 0 && self.is_title(i - 1))
        }) && self.is_name_word(range.end - 1)
    }

    /// A name standing after a description inside a noun phrase ("l'entraîneur Patrice Canayer"): a capitalised
    /// run right after a lower-case noun.
    pub(super) fn inner_name(&self, range: &Range<usize>) -> Option<Range<usize>> {
        let name = self.inner_run(range)?;
        // One capitalised word after a noun qualifies it ("le comité Nobel", "la compagnie Flydubai") unless
        // it is a known first name.
        let words = name.clone().filter(|&i| self.is_name_word(i)).count();
        (words >= 2 || self.name_gender(&name).is_some()).then_some(name)
    }

    fn inner_run(&self, range: &Range<usize>) -> Option<Range<usize>> {
        let mut i = range.start + 1;
        while i < range.end {
            if self.is_name_word(i)
                && self.is_word(i - 1)
                && !self.capitalised(i - 1)
                && !self.is_det(i - 1)
                && !self.is_link(i - 1)
                && !self.is(i - 1, &PARTICLES)
            {
                let mut j = i;
                while j < range.end && (self.is_name_word(j) || self.is(j, &PARTICLES)) {
                    j += 1;
                }
                while j > i && !self.is_name_word(j - 1) {
                    j -= 1;
                }
                return Some(i..j);
            }
            i += 1;
        }
        None
    }

    /// The grammatical number and gender a noun phrase's first word shows (or, after "l'", the second).
    fn agreement(&self, range: &Range<usize>) -> (Option<bool>, bool) {
        let first = range.start;
        // "l'", and "son" before a vowel ("son homologue"), are of either gender: the noun or the adjective after
        // tells ("l'actrice", "son homologue éthiopienne"). A masculine one tells little: "l'auteur", like "le
        // ministre", may be a woman.
        let either = self.is(first, &["l'"])
            || (self.is(first, &["son", "mon", "ton"])
                && first + 1 < range.end
                && self
                    .lower(first + 1)
                    .starts_with(['a', 'e', 'é', 'è', 'ê', 'i', 'o', 'u', 'h']));
        let feminine_word = |k: usize| {
            k < range.end
                && self.is_word(k)
                && !self.capitalised(k)
                && FEMININE_ENDINGS.iter().any(|e| self.lower(k).ends_with(e))
        };
        let female = if either {
            (feminine_word(first + 1) || feminine_word(first + 2)).then_some(true)
        } else if self.is(first, self.lex.feminine) {
            Some(true)
        } else if self.is(first, self.lex.masculine) {
            Some(false)
        } else {
            None
        };
        // A bare plural noun ("Firefighters arrived"): no determiner, a final s.
        let last = range.end - 1;
        let bare_plural = !self.is_det(first)
            && !self.is_title(first)
            && self.word(last).ends_with('s')
            && (!self.capitalised(last) || (range.len() == 1 && self.opens_sentence(first)));
        (female, self.is(first, self.lex.plural) || bare_plural)
    }

    pub(super) fn mention(&self, tokens: Range<usize>, description: &Range<usize>) -> Mention {
        let (female, plural) = self.agreement(description);
        let female = female.or_else(|| self.name_gender(&tokens));
        Mention {
            tokens,
            pronoun: None,
            female,
            plural,
        }
    }

    fn pronoun_mention(&self, i: usize, pronoun: Pronoun) -> Mention {
        Mention {
            tokens: i..i + 1,
            pronoun: Some(pronoun),
            female: None,
            plural: pronoun.plural(),
        }
    }

    /// The length of a fixed adverbial phrase starting at `i` ("de son côté"), if one does.
    pub(super) fn adverbial_phrase(&self, i: usize) -> Option<usize> {
        ADVERBIAL_PHRASES
            .iter()
            .find(|words| words.iter().enumerate().all(|(k, w)| self.is(i + k, &[w])))
            .map(|words| words.len())
    }

    /// The length of a fixed adverbial phrase ending just before `end`, if one does.
    pub(super) fn adverbial_phrase_before(&self, end: usize) -> Option<usize> {
        ADVERBIAL_PHRASES
            .iter()
            .find(|words| {
                end >= words.len()
                    && words
                        .iter()
                        .enumerate()
                        .all(|(k, w)| self.is(end - words.len() + k, &[w]))
            })
            .map(|words| words.len())
    }

    /// Skips adverbial phrases after a verb or before a subject: adverbs, "de son côté", "à l'AFP", "dans un
    /// communiqué", "lundi".
    fn skip_adverbials(&self, mut i: usize, end: usize) -> usize {
        let lex = self.lex;
        loop {
            if i >= end {
                return i;
            }
            if self.is_punct(i, ",")
                && i + 1 < end
                && (self.is(i + 1, lex.adverbs) || self.is(i + 1, &SKIPPED_PREPOSITIONS))
            {
                i += 1;
                continue;
            }
            // ", à Reuters, le directeur": the comma closing a skipped phrase.
            if self.is_punct(i, ",") && i + 1 < end && i > 0 && !self.is_punct(i - 1, ",") {
                let next = i + 1;
                if self.is_det(next) || self.is_title(next) || self.capitalised(next) {
                    i += 1;
                    continue;
                }
            }
            if let Some(len) = self.adverbial_phrase(i) {
                i += len;
                continue;
            }
            if self.is(i, lex.adverbs) && !self.is(i, lex.determiners) {
                i += 1;
                continue;
            }
            let preposition = self.is(i, &SKIPPED_PREPOSITIONS);
            if preposition {
                i += 1;
                if self.is_link(i) {
                    i += 1;
                }
                if self.is_det(i) {
                    i += 1;
                }
                let start = i;
                while i < end
                    && self.is_np_word(i)
                    && !(i > start && (self.is_det(i) || self.is_title(i) || self.entity_start[i]))
                {
                    i += 1;
                }
                continue;
            }
            if self.is(i, lex.calendar) || self.doc.tokens[i].kind == TokenKind::Number {
                i += 1;
                continue;
            }
            return i;
        }
    }

    /// The place a statement comes from, for a verb whose subject is "on" or missing: "Du côté de la CGT, on
    /// dénonce", "Même son de cloche chez X :", "a-t-on appris auprès de la préfecture".
    pub(super) fn place_of_speech(&self, start: usize, end: usize) -> Option<Mention> {
        (start..end).find_map(|k| {
            if self.in_quote[k] {
                return None;
            }
            let len = if self.is(k, &["du"]) && self.is(k + 1, &["côté"]) && self.is_link(k + 2) {
                3
            } else if self.is(k, &["chez", "auprès", "côté"]) {
                1 + usize::from(self.is_link(k + 1))
            } else if k == start && self.is(k, &["à", "au", "aux"]) {
                // "Au ministère de l'Industrie, on indique …": the place that opens the clause.
                1
            } else {
                return None;
            };
            // "au ministère": the noun phrase after a contracted article has no article of its own.
            self.source_after(k + len, end)
                .or_else(|| {
                    self.segment_forward(k + len, end)
                        .map(|np| self.mention(np.clone(), &np))
                })
                .filter(|m| m.pronoun.is_none() && !self.is(m.tokens.start, &["soi", "lui", "eux"]))
        })
    }

    /// The source named right after `i` (after "selon", or an inverted verb), not past `end`.
    pub(super) fn source_after(&self, i: usize, end: usize) -> Option<Mention> {
        if i < end
            && let Some(p) = self.pronoun(i)
        {
            return Some(self.pronoun_mention(i, p));
        }
        let i = self.skip_adverbials(i, end);
        if i >= end {
            return None;
        }
        if let Some(p) = self.pronoun(i) {
            return Some(self.pronoun_mention(i, p));
        }
        let np = self.segment_forward(i, end).filter(|np| {
            self.is_subject_like(np)
                || (np.start > 0 && self.is_link(np.start - 1))
                || self.inner_name(np).is_some()
        })?;
        // "d'après les informations du YSK", "selon les chiffres de l'Insee": the source is whose they are.
        let head = np
            .clone()
            .find(|&k| !self.is_det(k) && !self.is_detached_apostrophe(k));
        if let Some(head) = head
            && self.is(head, &REPORTS)
        {
            // "un communiqué de presse de X": the kind of statement is not its owner; "la réaction immédiate
            // de X": an adjective may stand between.
            let link = if self.is(head + 1, &["de"]) && self.is(head + 2, &["presse"]) {
                head + 3
            } else if !self.is_link(head + 1)
                && self.is_word(head + 1)
                && !self.capitalised(head + 1)
            {
                head + 2
            } else {
                head + 1
            };
            if self.is_link(link)
                && let Some(owner) = self.source_after(link, end)
            {
                return Some(owner);
            }
        }
        // "d'après les informations fournies par X", "un bilan provisoire communiqué par X": whoever provided
        // them.
        if let Some(head) = head
            && self.is(head, &REPORTS)
            && let Some(by) = (head + 2..head + 4).find(|&k| k < end && self.is(k, &["par", "by"]))
            && (head + 1..by).all(|k| self.is_word(k) && !self.capitalised(k))
            && let Some(owner) = self.source_after(by + 1, end)
        {
            return Some(owner);
        }
        if self.is_pure_name(&np) {
            return Some(self.mention(np.clone(), &np));
        }
        // An apposition naming the described source: "un porte-parole de la diplomatie, Wang Wenbin,", "son
        // avocat, Me Antonin Levy à l'AFP"; not after a name ("selon l'IGF, Business France …").
        let named = np
            .clone()
            .filter(|&i| {
                self.is_word(i)
                    && !self.is_det(i)
                    && !self.is_link(i)
                    && !self.is_detached_apostrophe(i)
            })
            .all(|i| self.capitalised(i));
        if named {
            return Some(self.mention(np.clone(), &np));
        }
        let mut k = np.end;
        while k < end && k - np.end < MAX_NP && !self.is_punct(k, ",") && !self.is_punct(k, ".") {
            k += 1;
        }
        // "le commandant du PGHM, le capitaine Thierry Coudray": a title may come before the name.
        let named_after_comma = |apposition: Range<usize>| {
            if self.is_pure_name(&apposition) {
                Some(apposition)
            } else if self.is_det(apposition.start) {
                // "la Malawite Grace Phiri": a demonym before a name of two words or more.
                let after_demonym = apposition.start + 2..apposition.end;
                let demonym = self.capitalised(apposition.start + 1) && after_demonym.len() >= 2;
                if demonym && self.is_pure_name(&after_demonym) {
                    Some(after_demonym)
                } else {
                    self.inner_name(&apposition)
                        .filter(|name| name.end == apposition.end)
                }
            } else {
                None
            }
        };
        if self.is_punct(k, ",")
            && let Some(name) = self.segment_forward(k + 1, end).and_then(named_after_comma)
            && (name.end >= end
                || !self.is_word(name.end)
                || self.is_verb(name.end)
                || self.is(name.end, self.lex.relatives)
                || self.is(name.end, &PREPOSITIONS))
        {
            return Some(self.mention(name, &np));
        }
        if let Some(name) = self.inner_name(&np) {
            return Some(self.mention(name, &np));
        }
        Some(self.mention(np.clone(), &np))
    }

    /// The subject after a verb group (`first` its first word, `verb_end` just past it), read forwards not past
    /// `end`: "« … », a déclaré le ministre". Not a complement ("a déclaré, après un concert donné en son
    /// honneur"), and not a plural noun after a singular auxiliary, which is the verb's object ("a demandé des
    /// mesures").
    pub(super) fn inverted_subject(
        &self,
        first: usize,
        verb_end: usize,
        end: usize,
    ) -> Option<Mention> {
        let subject = self.source_after(verb_end, end)?;
        if subject.pronoun.is_some() {
            return Some(subject);
        }
        // A noun phrase right after a preposition is a complement ("a déclaré, sur les marches du Lincoln
        // Memorial"), unless a name's particle follows the verb or an adverb ("ajoute encore de la Morlais").
        let from = self.skip_adverbials(verb_end, end);
        let particle_name = |np: &Range<usize>| {
            (from == verb_end || self.is(from - 1, self.lex.adverbs))
                && np
                    .clone()
                    .find(|&i| !self.is_det(i) && !self.is_detached_apostrophe(i))
                    .is_some_and(|i| self.capitalised(i))
        };
        // "a annoncé peu après le directeur": the preposition ends an adverbial phrase.
        if let Some(np) = self.segment_forward(from, end)
            && np.start > verb_end
            && (self.is(np.start - 1, &PREPOSITIONS) || self.is_link(np.start - 1))
            && self.adverbial_phrase_before(np.start).is_none()
            && !particle_name(&np)
        {
            // "s'est réjoui à la sortie de l'audience Mamadou Sy, l'un des plaignants": a name of two words or
            // more closing the complement, right after a noun, is the subject.
            let closes_clause =
                |k: usize| k >= end || self.is_punct(k, ",") || self.is_punct(k, ".");
            return self
                .inner_name(&np)
                .filter(|name| {
                    name.len() >= 2
                        && name.end == np.end
                        && closes_clause(name.end)
                        && !self.is_link(name.start - 1)
                        && !self.is(name.start - 1, &PREPOSITIONS)
                })
                .map(|name| self.mention(name.clone(), &name));
        }
        let singular = self.is(first, &["a", "avait", "aurait", "aura", "has", "had"]);
        (!(singular && subject.plural)).then_some(subject)
    }
}
