//! Reading the tokens of a document for quotations: word classes (determiners, links, reporting verbs,
//! inverted clitics, pronouns, names) with the word lists of the article's language.

use std::ops::Range;

pub(super) use super::lexicon::NAME_PARTICLES as PARTICLES;
use super::lexicon::{BEFORE_ARTICLE as AFTER_PREPOSITION, FEMALE_NAMES, MALE_NAMES};
use super::lexicon::{Lexicon, Pronoun, eq_lower, in_list, lowercase};
use crate::analysis::Document;
use crate::analysis::text::TokenKind;

/// Reads the tokens of a document with the word lists of its language.
pub(super) struct Reader<'d> {
    pub doc: &'d Document<'d>,
    pub lex: &'static Lexicon,
    /// Whether each token lies inside a quotation (marks included).
    pub in_quote: Vec<bool>,
    /// Whether each token lies inside a title or name in marks, left out of the quotations: part of noun
    /// phrases, never a cue.
    pub in_title: Vec<bool>,
    /// Whether a name the recogniser found starts at each token: where "à France Info" ends in "a confié à France
    /// Info Jacques Witkowski".
    pub entity_start: Vec<bool>,
    /// Each token's lowercase form (apostrophes straightened), where it differs from the text: the word lists
    /// are read a million times per megabyte, so the folding is done once.
    folded: Vec<Option<Box<str>>>,
}

impl<'d> Reader<'d> {
    pub(super) fn new(doc: &'d Document<'d>, lex: &'static Lexicon) -> Self {
        Reader {
            doc,
            lex,
            in_quote: vec![false; doc.tokens.len()],
            in_title: vec![false; doc.tokens.len()],
            entity_start: vec![false; doc.tokens.len()],
            folded: (0..doc.tokens.len())
                .map(|i| {
                    let word = doc.token_text(i);
                    let mut buf = String::new();
                    let lower = lowercase(word, &mut buf);
                    (lower != word).then(|| lower.into())
                })
                .collect(),
        }
    }

    /// Token `i` in lower case, apostrophes straightened.
    pub(super) fn lower(&self, i: usize) -> &str {
        match self.folded.get(i) {
            Some(Some(folded)) => folded,
            _ => self.word(i),
        }
    }

    pub(super) fn len(&self) -> usize {
        self.doc.tokens.len()
    }

    pub(super) fn word(&self, i: usize) -> &'d str {
        self.doc.token_text(i)
    }

    pub(super) fn is(&self, i: usize, list: &[&str]) -> bool {
        if i >= self.len() {
            return false;
        }
        let word = self.word(i);
        if list.contains(&self.lower(i)) {
            return true;
        }
        // Pre-tokenised text splits the apostrophe from an elided word ("L' Union").
        self.elided(i)
            && list.iter().any(|l| {
                l.len() == word.len() + 1 && l.ends_with('\'') && eq_lower(word, &l[..word.len()])
            })
    }

    /// Whether word `i` is followed by a detached apostrophe ("L" "'" in "L' Union").
    pub(super) fn elided(&self, i: usize) -> bool {
        let tokens = &self.doc.tokens;
        i + 1 < tokens.len()
            && tokens[i].kind == TokenKind::Word
            && tokens[i].end - tokens[i].start <= 5
            && tokens[i + 1].start == tokens[i].end
            && matches!(self.word(i + 1), "'" | "’")
    }

    /// Whether token `i` is an apostrophe detached from the elided word before it.
    pub(super) fn is_detached_apostrophe(&self, i: usize) -> bool {
        i > 0 && matches!(self.word(i), "'" | "’") && self.elided(i - 1)
    }

    pub(super) fn is_word(&self, i: usize) -> bool {
        i < self.len() && self.doc.tokens[i].kind == TokenKind::Word
    }

    pub(super) fn is_punct(&self, i: usize, p: &str) -> bool {
        i < self.len() && self.doc.tokens[i].kind == TokenKind::Punct && self.word(i) == p
    }

    /// Whether token `i` opens or closes a quotation.
    pub(super) fn is_mark(&self, i: usize) -> bool {
        i < self.len() && matches!(self.word(i), "«" | "»" | "“" | "”" | "\"" | "‹" | "›")
    }

    /// A dash opening or closing an aside: "—" or "–".
    pub(super) fn is_dash(&self, i: usize) -> bool {
        self.is_punct(i, "—") || self.is_punct(i, "–")
    }

    pub(super) fn capitalised(&self, i: usize) -> bool {
        self.is_word(i) && self.word(i).starts_with(char::is_uppercase)
    }

    /// A reporting verb form, not read as a noun after a determiner.
    pub(super) fn is_verb(&self, i: usize) -> bool {
        if !self.is_word(i) || self.in_quote[i] || self.in_title[i] {
            return false;
        }
        let lower = self.lower(i);
        // "a fait savoir que", "a fait part de".
        if matches!(lower, "savoir" | "part")
            && i > 0
            && self.is(i - 1, &["fait", "font", "faisait", "faire"])
        {
            return true;
        }
        // "a mis en garde contre « … »", "mettent en avant le fait que « … »".
        if self.is_mettre_en(i) {
            return true;
        }
        // "s'est défendu", "se défend".
        if self.lex.reflexive.contains(&lower) {
            return (i.saturating_sub(2)..i).any(|k| self.is(k, &["se", "s'"]));
        }
        if !self.lex.is_verb(lower) {
            return false;
        }
        !self.after_determiner(i)
    }

    /// Whether token `i` is a reporting infinitive after "de": "avant de crier", "a permis à X de déclarer".
    pub(super) fn reporting_infinitive(&self, i: usize) -> bool {
        i >= 1
            && self.is_word(i)
            && !self.in_quote[i]
            && self.lex.infinitives.contains(self.lower(i))
            && self.is(i - 1, &["de", "d'"])
    }

    /// Whether token `i` is a reporting infinitive after "avant de": "a tiré avant de crier « … »", whose
    /// subject is the clause's.
    pub(super) fn is_infinitive_cue(&self, i: usize) -> bool {
        i >= 2 && self.reporting_infinitive(i) && self.is(i - 2, &["avant"])
    }

    /// Whether token `i` ends "mettre en garde" or "mettre en avant", a reporting verb phrase.
    pub(super) fn is_mettre_en(&self, i: usize) -> bool {
        i >= 2
            && self.is(i, &["garde", "avant"])
            && self.is(i - 1, &["en"])
            && self.is(
                i - 2,
                &[
                    "mis",
                    "mise",
                    "met",
                    "mettent",
                    "mettait",
                    "mettaient",
                    "mettra",
                    "mettant",
                ],
            )
    }

    /// Whether token `i` follows a determiner, so that a verb form there is a noun ("les juges", "la
    /// demande"). "l'" is an object pronoun before a verb ("comme l'indique X", "il l'a dit"), but a determiner
    /// after a preposition, "selon" or a verb ("a réagi à l'annonce", "selon l'annonce").
    fn after_determiner(&self, i: usize) -> bool {
        // "une telle demande".
        if i > 1 && self.is(i - 1, &["tel", "telle", "tels", "telles"]) && self.is_det(i - 2) {
            return true;
        }
        // "les jugeant « absurdes »", "qu'il la qualifie de": an object pronoun before a verb.
        let object_pronoun = i > 0
            && self.is(i - 1, &["le", "la", "les"])
            && (self.lower(i).ends_with("ant")
                || (i > 1
                    && (self.pronoun(i - 2).is_some() || self.is(i - 2, &["on", "ne", "n'"]))));
        i > 0
            && self.is_det(i - 1)
            && !object_pronoun
            && (!self.is(i - 1, &["l'"])
                || (i > 1
                    && (self.is(i - 2, &AFTER_PREPOSITION)
                        || self.is(i - 2, &["selon"])
                        || self.lex.is_verb_or_participle(self.lower(i - 2)))))
    }

    /// A verb with an inverted subject clitic ("explique-t-elle", "a-t-il"): the pronoun and whether the verb
    /// part is an auxiliary waiting for its participle.
    pub(super) fn clitic(&self, i: usize) -> Option<(Pronoun, bool)> {
        if !self.is_word(i) || self.in_quote[i] || self.in_title[i] {
            return None;
        }
        let word = self.lower(i);
        if !word.contains('-') {
            return None;
        }
        for (suffix, pronoun) in self.lex.clitics {
            if word.len() > suffix.len() && word.ends_with(suffix) {
                let lower = &word[..word.len() - suffix.len()];
                if in_list(lower, self.lex.aux) {
                    return Some((*pronoun, true));
                }
                // The inversion itself shows a verb: "plaisante-t-il", "explique-t-elle".
                if self.lex.is_verb(lower) || suffix.starts_with("-t-") || lower.len() > 3 {
                    return Some((*pronoun, false));
                }
            }
        }
        None
    }

    pub(super) fn pronoun(&self, i: usize) -> Option<Pronoun> {
        if !self.is_word(i) {
            return None;
        }
        self.lex
            .pronouns
            .iter()
            .find(|(w, _)| in_list(self.word(i), &[w]))
            .map(|(_, p)| *p)
    }

    pub(super) fn is_title(&self, i: usize) -> bool {
        self.is(i, self.lex.titles)
    }

    /// A word of a personal or organisation name: capitalised, or a particle between capitalised words.
    pub(super) fn is_name_word(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let w = self.word(i);
        if w.starts_with(char::is_uppercase) {
            return true;
        }
        let lower_prefix = ["al-", "el-", "ben-", "ibn-", "abu-", "abou-"];
        lower_prefix.iter().any(|p| w.starts_with(p))
    }

    /// Whether token `i` can belong to a noun phrase.
    pub(super) fn is_np_word(&self, i: usize) -> bool {
        if i >= self.len() || self.in_quote[i] {
            return false;
        }
        if self.is_punct(i, ".") && i > 0 && self.is_title(i - 1) {
            return true;
        }
        if self.is_punct(i, "-") {
            return false;
        }
        // The marks of a title or name left out of the quotations belong to the phrase around it.
        if self.is_mark(i) {
            return true;
        }
        if self.is_detached_apostrophe(i) {
            return self.is_np_word(i - 1);
        }
        if !self.is_word(i) {
            return false;
        }
        let lex = self.lex;
        let lower = self.lower(i);
        if in_list(lower, lex.determiners) || in_list(lower, lex.links) {
            return true;
        }
        if matches!(lower, "plus" | "moins" | "most" | "least") && i > 0 && self.is_det(i - 1) {
            return true;
        }
        // "Me Antonin Levy": a capitalised title, not the pronoun "me".
        if self.capitalised(i) && self.is_title(i) {
            return true;
        }
        if in_list(lower, lex.stops)
            || in_list(lower, lex.relatives)
            || in_list(lower, lex.aux)
            || lex.pronouns.iter().any(|(p, _)| *p == lower)
            || self.clitic(i).is_some()
        {
            return false;
        }
        if self.capitalised(i) {
            // "le Conseil d'État": a capitalised word after "de" belongs to the name.
            return !in_list(lower, lex.function_words)
                || self.is_title(i)
                || (i > 0 && self.is_link(i - 1) && !self.is_det(i));
        }
        if lex.is_verb(lower) && !self.after_determiner(i) {
            return false;
        }
        // Superlatives: "la plus haute autorité".
        if matches!(lower, "plus" | "moins" | "most" | "least") && i > 0 && self.is_det(i - 1) {
            return true;
        }
        // An English past tense before a preposition, a determiner or a stop ("Firefighters arrived at").
        if lower.len() > 4
            && lower.ends_with("ed")
            && (i + 1 >= self.len()
                || !self.is_word(i + 1)
                || self.is(i + 1, lex.stops)
                || self.is(i + 1, lex.determiners))
        {
            return false;
        }
        // A verb in the plural after a plural noun: "les syndicats appellent".
        if lower.ends_with("ent")
            && i > 0
            && self.is_word(i - 1)
            && !self.is_det(i - 1)
            && (self.word(i - 1).ends_with('s') || self.word(i - 1).ends_with('x'))
        {
            return false;
        }
        // Conjugated forms that end a subject ("gèrera", "discuteront", "affichait").
        !["era", "eront", "ront", "ait", "aient", "èrent"]
            .iter()
            .any(|e| lower.len() > e.len() + 2 && lower.ends_with(e))
    }

    pub(super) fn is_det(&self, i: usize) -> bool {
        self.is(i, self.lex.determiners)
    }

    pub(super) fn is_link(&self, i: usize) -> bool {
        self.is(i, self.lex.links)
    }

    /// The pronoun a demonstrative mention stands as: "ce dernier", "celui-ci", "the latter" (he), "cette
    /// dernière", "celle-ci" (she): the person or source named last.
    pub(super) fn demonstrative(&self, tokens: &Range<usize>) -> Option<Pronoun> {
        let (first, len) = (tokens.start, tokens.len());
        let pair = |a: &str, b: &str| len == 2 && self.is(first, &[a]) && self.is(first + 1, &[b]);
        if (len == 1 && self.is(first, &["celui-ci"]))
            || pair("ce", "dernier")
            || pair("the", "latter")
        {
            Some(Pronoun::He)
        } else if (len == 1 && self.is(first, &["celle-ci"])) || pair("cette", "dernière") {
            Some(Pronoun::She)
        } else {
            None
        }
    }

    /// Whether token `i` is a definite article, which makes a description stand for someone already named ("le
    /// ministre", "l'actrice").
    pub(super) fn is_definite(&self, i: usize) -> bool {
        self.is(i, &["le", "la", "l'", "the"])
    }

    /// Whether sentence `s` holds nothing but quoted words: it says nothing of who speaks.
    pub(super) fn quotation_sentence(&self, s: usize) -> bool {
        self.doc.sentences[s]
            .tokens
            .clone()
            .all(|k| self.in_quote[k] || !self.is_word(k))
    }

    /// The paragraph (block) token `i` belongs to.
    pub(super) fn block_of(&self, i: usize) -> usize {
        let doc = self.doc;
        doc.sentence_at(doc.tokens[i].start)
            .map_or(0, |s| doc.sentences[s].block)
    }

    /// The tokens a span of the text covers.
    pub(super) fn tokens_of(&self, span: &crate::article::Span) -> Range<usize> {
        let tokens = &self.doc.tokens;
        let start = tokens.partition_point(|t| t.start < span.byte_start);
        let end = tokens.partition_point(|t| t.end <= span.byte_end);
        start..end
    }

    /// Whether token `i` opens its sentence.
    pub(super) fn opens_sentence(&self, i: usize) -> bool {
        let doc = self.doc;
        doc.sentence_at(doc.tokens[i].start)
            .is_some_and(|s| doc.sentences[s].tokens.start == i)
    }

    /// The gender a name's first name tells, skipping titles ("M." is masculine, "Mme" feminine).
    pub(super) fn name_gender(&self, range: &Range<usize>) -> Option<bool> {
        // Past determiners and roles: "Mayor Linda Park", "le ministre Paul Roux".
        let role = |i: usize| {
            (i + 1 < range.end && self.is(i, &super::lexicon::PEOPLE))
                || self.is(i, &["prime", "premier", "first", "deputy", "vice"])
        };
        let first = range
            .clone()
            .find(|&i| self.is_word(i) && !self.is_det(i) && !role(i))?;
        // "Pierre-Henri", "Marie-Claire": the first part tells.
        let word = self.word(first);
        let part = word.split_once('-').map(|(part, _)| part);
        let listed =
            |names: &[&str]| self.is(first, names) || part.is_some_and(|p| in_list(p, names));
        if listed(&FEMALE_NAMES) {
            Some(true)
        } else if listed(&MALE_NAMES) {
            Some(false)
        } else {
            None
        }
    }

    /// The length of a "selon"-like preposition starting at `i`, if one does.
    pub(super) fn according(&self, i: usize) -> Option<usize> {
        if self.in_quote.get(i).copied().unwrap_or(true) || self.in_title[i] {
            return None;
        }
        self.lex
            .according
            .iter()
            .find(|words| words.iter().enumerate().all(|(k, w)| self.is(i + k, &[w])))
            .map(|words| words.len())
    }
}
