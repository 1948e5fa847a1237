//! Direct quotations and who they come from.
//!
//! The finder pairs quotation marks ([`marks`]), keeps the pairs that hold someone's words rather than a title,
//! a name or a label, finds the reporting cue around each ([`cues`]) and reads the source's noun phrase at that
//! cue ([`speakers`]). Pronouns ("a-t-il ajouté", "he said") resolve to the last compatible source named before;
//! a quotation without a cue that follows another in the same paragraph takes its speaker. Entities, when the
//! recogniser provides them, snap descriptions to names and give canonical names; without them, capitalised
//! word runs stand in.
//!
//! ```
//! use liseuse::analysis::{Document, quotes};
//! use liseuse::article::{Format, Lang, load_str};
//!
//! let article = load_str("Le ministre a déclaré : « Nous partirons demain. »", Format::Text, None);
//! let doc = Document::new(&article);
//! let found = quotes::find(&doc, Lang::Fr, &[]);
//! assert_eq!(found[0].span.text(&article.text), "Nous partirons demain.");
//! assert_eq!(found[0].speaker.as_ref().map(|s| s.canonical.as_str()), Some("ministre"));
//! ```

mod cues;
mod english;
mod lexicon;
mod marks;
mod names;
mod reader;
mod speakers;

use std::ops::Range;

use super::text::TokenKind;
use super::{Document, Entity};
use crate::article::{Lang, Span};
use cues::{Attribution, Window};
use lexicon::{Lexicon, PEOPLE_ENDINGS, PERSON_ENDINGS, Pronoun};
use names::Names;
use reader::{PARTICLES, Reader};
use speakers::Mention;

/// The source of a quotation: a mention in the text and the fullest name of its entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    pub span: Span,
    pub canonical: String,
}

/// One direct quotation: the words inside the marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub span: Span,
    pub speaker: Option<Speaker>,
    /// The reporting word that ties the quote to its speaker ("selon", "a déclaré", ":").
    pub cue: Option<String>,
}

/// Quotations shorter than this many words need a cue to count: short ones without one are labels or scare
/// quotes (« gilets jaunes »).
const MIN_WORDS_WITHOUT_CUE: usize = 3;

/// The most words a title or name after a label word ("le film « … »") has.
const MAX_TITLE_WORDS: usize = 8;

/// The most words a list of charges may have ("détournement de fonds publics, abus de biens sociaux, …").
const MAX_CHARGE_WORDS: usize = 16;

/// How many tokens may separate a short quotation from a cue before it.
const SHORT_QUOTE_REACH: usize = 16;

/// Finds the quotations of a document, in text order.
pub fn find(doc: &Document<'_>, lang: Lang, entities: &[Entity]) -> Vec<Quote> {
    let pairs = marks::pairs(doc);
    if pairs.is_empty() {
        return Vec::new();
    }
    let mut reader = Reader::new(doc, Lexicon::get(lang));
    let mut windows = Vec::with_capacity(pairs.len());
    for pair in &pairs {
        let (Some(open), Some(close)) = (token_at(doc, pair.open), token_at(doc, pair.close))
        else {
            continue;
        };
        for flag in &mut reader.in_quote[open..=close] {
            *flag = true;
        }
        windows.push((pair, open, close));
    }
    // Titles and names in marks first: they are left out, and their words become part of the noun phrases
    // around them ("le journal « L'Écho » affirme").
    let mut kept = Vec::with_capacity(windows.len());
    // The closing mark of the last quotation, and whether it was left out: a quotation listed right after
    // another ("« Le Monde », « Libération »"; "ont clamé : « Menteur », « Misogyne »") is of the same kind.
    let mut last: Option<(usize, bool)> = None;
    for (pair, open, close) in windows {
        let window = window(&reader, open, close);
        let listed_after = last.filter(|&(c, _)| {
            c < open
                && (c + 1..open).all(|k| {
                    reader.is_punct(k, ",") || reader.is(k, &["et", "ou", "encore", "and", "or"])
                })
        });
        let out = match listed_after {
            Some((_, left_out)) => left_out,
            None => excluded(&reader, &window),
        };
        last = Some((close, out));
        if !out {
            kept.push((pair, open, close, window));
        }
    }
    let kept_tokens: Vec<(usize, usize)> = kept.iter().map(|(_, o, c, _)| (*o, *c)).collect();
    reader.in_title.clone_from(&reader.in_quote);
    reader.in_quote.fill(false);
    for (open, close) in kept_tokens {
        for flag in &mut reader.in_quote[open..=close] {
            *flag = true;
        }
        for flag in &mut reader.in_title[open..=close] {
            *flag = false;
        }
        // The reporting words of an incise inside the marks are the article's, not the quotation's.
        if let Some(incise) = inner_incise(&reader, open, close) {
            for flag in &mut reader.in_quote[incise] {
                *flag = false;
            }
        }
    }
    for e in entities {
        let start = doc.tokens.partition_point(|t| t.start < e.span.byte_start);
        if let Some(flag) = reader.entity_start.get_mut(start) {
            *flag = true;
        }
    }
    let r = &reader;
    let names = Names::scan(r, entities);
    let sources = scan_sources(r);
    let mut quotes: Vec<Quote> = Vec::with_capacity(kept.len());
    // The paragraph and the marks of each quotation kept.
    let mut blocks: Vec<(usize, usize, usize)> = Vec::with_capacity(kept.len());
    // The speaker of the previous quotation and its block, for quotations without a cue.
    let mut previous: Option<(usize, Option<Speaker>)> = None;
    // The closing mark and cue of the last quotation kept.
    let mut last_accepted: Option<(usize, bool)> = None;
    for (pair, open, close, window) in kept {
        let words = (open + 1..close).filter(|&i| r.is_word(i)).count();
        // A partial quotation after another in the same sentence counts its distance to the cue from there.
        let chained = last_accepted
            .filter(|&(c, _)| c >= window.before && c < open)
            .map(|(c, _)| c);
        let attribution = cues::attribute(r, &window).filter(|a| {
            // A short quotation needs its cue close by: a verb far back in a long sentence says something else.
            let reach = if a.cue.start > close {
                // "« … » ayant entraîné la mort, selon un vétérinaire": "selon" answers for its whole sentence.
                r.according(a.cue.start).is_some()
                    || (close + 1..a.cue.start).filter(|&k| !r.in_quote[k]).count() <= 3
            } else {
                let from = chained.map_or(a.cue.end, |c| c.max(a.cue.end));
                (from..open).filter(|&k| !r.in_quote[k]).count() <= SHORT_QUOTE_REACH
            };
            words >= MIN_WORDS_WITHOUT_CUE || reach
        });
        // « Menteur », « Misogyne », « Not my president »: quotations listed right after a cued one share its
        // source, however short.
        let listed = attribution.is_none()
            && last_accepted.is_some_and(|(c, cued)| {
                cued && c < open
                    && (c + 1..open)
                        .all(|k| r.is_punct(k, ",") || r.is(k, &["et", "ou", "and", "or"]))
            });
        if words == 0
            || (attribution.is_none()
                && !listed
                && (words < MIN_WORDS_WITHOUT_CUE || compound_noun(r, open, close)))
        {
            continue;
        }
        // The speaker of the quotation before, in the same paragraph, or in the paragraph just before when this
        // one opens with the quotation (a speech quoted over several paragraphs).
        let opens_block = window.open == window.before
            && r.doc
                .sentence_at(r.doc.tokens[open].start)
                .is_some_and(|s| s == 0 || r.doc.sentences[s - 1].block != pair.block);
        let same_block = previous
            .as_ref()
            .filter(|(block, _)| *block == pair.block || (opens_block && *block + 1 == pair.block))
            .and_then(|(_, s)| s.clone());
        let (speaker, cue) = match &attribution {
            Some(Attribution {
                participle: true,
                cue,
                ..
            }) => {
                // "Son entourage a réfuté ces allégations, affirmant que « … »": a sentence that names who acts
                // before the participle is theirs, whoever spoke before in the paragraph.
                let own = r
                    .clause_subject(window.before, cue.start)
                    .filter(|m| m.pronoun.is_none() && person_like(r, &names, m))
                    .filter(|_| chained.is_none());
                let same_block = match own {
                    Some(m) => resolve(r, &names, &sources, &m).or(same_block),
                    None => same_block,
                };
                let speaker = same_block.or_else(|| {
                    let subject = r.clause_subject(window.before, cue.start).or_else(|| {
                        // "Se disant « confiant » en l'arrêt, le conseil a estimé …": the main clause follows.
                        let comma = (close + 1..window.after).find(|&k| r.is_punct(k, ","))?;
                        r.clause_subject(comma + 1, window.after)
                    })?;
                    // "une vidéo montrait Trump se vantant « … »": when the clause's subject is a thing, the
                    // person named after it does what the participle says.
                    if subject.pronoun.is_none()
                        && !person_like(r, &names, &subject)
                        && let Some(person) =
                            names.person_before(r, cue.start, pair.block, |_| true)
                        && person.start >= subject.tokens.end
                    {
                        return Some(names.speaker(r, &person, None));
                    }
                    resolve(r, &names, &sources, &subject)
                });
                (speaker, Some(cue_text(r, cue)))
            }
            Some(Attribution { cue, speaker, .. }) => {
                let before = previous.as_ref().zip(last_accepted).and_then(
                    |((block, speaker), (close, _))| {
                        let near = *block == pair.block || *block + 1 == pair.block;
                        near.then_some((close, speaker.as_ref()?))
                    },
                );
                let speaker = speaker
                    .as_ref()
                    .or(sentence_subject(r, &window).as_ref())
                    .and_then(|m| {
                        before
                            .and_then(|(close, speaker)| {
                                continued_speaker(r, &names, &sources, m, close, speaker)
                            })
                            .or_else(|| resolve(r, &names, &sources, m))
                    })
                    // "X a déclaré que « … », et ajouté que « … »": a cue with no subject after another
                    // quotation of its sentence goes on with that quotation's source.
                    .or_else(|| {
                        chained.and_then(|_| previous.as_ref().and_then(|(_, s)| s.clone()))
                    });
                (speaker, Some(cue_text(r, cue)))
            }
            // "La cour justifie sa décision par l'« extrême gravité » des faits": without a reporting word, the
            // words are those of the sentence's subject.
            None if listed => (previous.as_ref().and_then(|(_, s)| s.clone()), None),
            None => match sentence_subject(r, &window) {
                // "Ces activités correspondraient à « un emploi à plein temps »": a thing says nothing; the words
                // are those of the paragraph's source, or of a "selon X" next to them.
                Some(subject) if is_thing(r, &names, &subject) => {
                    let near = same_block.or_else(|| {
                        according_near(r, open).and_then(|m| resolve(r, &names, &sources, &m))
                    });
                    (near, None)
                }
                Some(subject) => (resolve(r, &names, &sources, &subject), None),
                // "Fillon ne s'est pas laissé perturber. « … »": a quotation standing alone after a sentence
                // about someone, with no quotation before it in the paragraph, is that person's.
                None if same_block.is_none() && window.open == window.before => {
                    // A paragraph that is only the quotation goes on from the paragraph before.
                    let reach = if opens_block {
                        pair.block.saturating_sub(1)
                    } else {
                        pair.block
                    };
                    let speaker = previous_subject(r, &names, open, reach, |m| !m.plural)
                        .map(|m| names.speaker(r, &m.tokens, m.female));
                    (speaker, None)
                }
                // "… selon une source. Romain Degeer, un pilote, avait tenté de le prévenir. « … »": a sentence
                // about a named person between the two quotations gives the second its speaker.
                None if window.open == window.before => {
                    let close = last_accepted.map_or(0, |(c, _)| c);
                    let named = previous_subject(r, &names, open, pair.block, |m| !m.plural)
                        .filter(|m| m.tokens.start > close && names.is_named(r, &m.tokens))
                        .map(|m| names.speaker(r, &m.tokens, m.female));
                    (named.or(same_block), None)
                }
                None => (same_block, None),
            },
        };
        previous = Some((pair.block, speaker.clone()));
        last_accepted = Some((close, cue.is_some()));
        quotes.push(Quote {
            span: doc.span(pair.inner.clone()),
            speaker,
            cue,
        });
        blocks.push((pair.block, open, close));
    }
    // "« J'ai vu des élèves courir. » « C'était la panique », ont confié des témoins.": a quotation with neither
    // cue nor source, right before another of the same paragraph, is that one's.
    for i in (0..quotes.len().saturating_sub(1)).rev() {
        let (block, _, close) = blocks[i];
        let (next_block, next_open, _) = blocks[i + 1];
        let adjacent = block == next_block
            && (close + 1..next_open).all(|k| r.doc.tokens[k].kind != TokenKind::Word);
        if quotes[i].speaker.is_none() && quotes[i].cue.is_none() && adjacent {
            quotes[i].speaker = quotes[i + 1].speaker.clone();
        }
    }
    quotes
}

/// Whether the words between the marks are a compound noun such as « juge de paix » or « mode sans échec »:
/// without a cue, a label or an idiom rather than someone's words.
fn compound_noun(r: &Reader<'_>, open: usize, close: usize) -> bool {
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

/// The subject of the sentence a quotation sits in, when words come before it: the source of words that no
/// reporting verb introduces.
fn sentence_subject(r: &Reader<'_>, w: &Window) -> Option<Mention> {
    if w.open <= w.before || r.is_punct(w.open - 1, ":") {
        return None;
    }
    // "le pape François « s'associe à la douleur »", "le Conseil d'État a « enjoint … »": the quotation follows
    // its subject, or the subject's auxiliary.
    let next_to_subject =
        (r.is_np_word(w.open - 1) && !r.is_det(w.open - 1)) || r.is(w.open - 1, r.lex.aux);
    let mut end = w.open;
    while end > w.before && r.is(end - 1, r.lex.aux) {
        end -= 1;
    }
    // "… pour François Hollande, qui a conditionné sa candidature à « … »": the antecedent of the relative.
    let relative = || {
        (w.before + 1..w.open)
            .rev()
            .take_while(|&k| !r.in_quote[k] && !r.is_punct(k, ","))
            .find(|&k| r.is(k, &["qui", "who"]) && r.is_punct(k - 1, ","))
            .and_then(|k| r.source_before(w.before, k + 1))
    };
    let subject = next_to_subject
        .then(|| r.segment_backward(w.before, end))
        .flatten()
        // A subject opens its clause; a phrase after a verb is its object ("on dénonce une présumée « … »").
        .filter(|np| np.start == w.before || r.is_punct(np.start - 1, ","))
        .map(|np| r.mention(np.clone(), &np))
        .or_else(relative)
        .or_else(|| r.clause_subject(w.before, w.open));
    subject.filter(|m| {
        m.tokens.end <= w.open
            && (m.pronoun.is_some() || r.is_subject_like(&m.tokens))
            && !r.is(m.tokens.start, r.lex.calendar)
    })
}

/// The most tokens an incise inside a quotation has: ", a-t-il déclaré à la presse," or ", confiait
/// d'ailleurs Benoît Hamon en 2010.".
const MAX_INNER_INCISE: usize = 10;

/// An incise inside the marks, between commas or before a full stop: "« Nous partirons, a-t-il déclaré, dès
/// demain »", "« J'ai confiance en lui, confiait Hamon en 2010. Il m'a aidé. »". Its tokens, if there is one.
fn inner_incise(r: &Reader<'_>, open: usize, close: usize) -> Option<Range<usize>> {
    let lex = r.lex;
    // The words inside the marks are flagged as quoted, so `is_verb` and `clitic` would refuse them.
    let verb = |i: usize| r.is_word(i) && lex.is_verb(r.lower(i));
    let clitic = |i: usize| {
        r.is_word(i)
            && lex
                .clitics
                .iter()
                .any(|(suffix, _)| r.lower(i).ends_with(suffix))
    };
    let ends = |i: usize| i >= close || r.is_punct(i, ",") || r.is_punct(i, ".");
    (open + 2..close.saturating_sub(1)).find_map(|comma| {
        if !r.is_punct(comma, ",") {
            return None;
        }
        let start = comma + 1;
        let mut i = start;
        if clitic(i) {
            // ", a-t-il déclaré," / ", dit-elle,".
            i += 1;
            if !ends(i) && verb(i) {
                i += 1;
            }
            return ends(i).then_some(start..i);
        }
        while i < close && i - start < 3 && (r.is(i, lex.aux) || r.is(i, lex.adverbs)) && !verb(i) {
            i += 1;
        }
        if !verb(i) {
            return None;
        }
        i += 1;
        if let Some(len) = r.adverbial_phrase(i) {
            i += len;
        }
        // A named subject after the verb: ", confiait Hamon en 2010.", ", explique le maire Paul Roux,".
        let subject = i;
        while i < close && i - subject < 6 && (r.is_name_word(i) || r.is_det(i) || r.is_title(i)) {
            i += 1;
        }
        if i == subject || !(subject..i).any(|k| r.capitalised(k) && !r.is_det(k)) {
            return None;
        }
        // Then perhaps a short complement: "en 2010", "à l'AFP".
        let mut end = i;
        while end < close && end - start < MAX_INNER_INCISE && !ends(end) {
            end += 1;
        }
        (ends(end) && end - start <= MAX_INNER_INCISE).then_some(start..end)
    })
}

/// The token that starts at byte `at`.
fn token_at(doc: &Document<'_>, at: usize) -> Option<usize> {
    let i = doc.tokens.partition_point(|t| t.start < at);
    (doc.tokens.get(i)?.start == at).then_some(i)
}

/// The context of a quotation: from the start of its sentence (or of the sentence before, when it opens its
/// sentence after a colon) to the end of the sentence that holds its closing mark.
fn window(r: &Reader<'_>, open: usize, close: usize) -> Window {
    let doc = r.doc;
    let sentence = |t: usize| {
        doc.sentence_at(doc.tokens[t].start)
            .map(|s| &doc.sentences[s])
    };
    let mut before = sentence(open).map_or(open, |s| s.tokens.start.min(open));
    if before == open && open > 0 && r.is_punct(open - 1, ":") {
        before = sentence(open - 1).map_or(before, |s| s.tokens.start);
    }
    let after = sentence(close).map_or(close + 1, |s| s.tokens.end.max(close + 1));
    Window {
        before,
        open,
        close,
        after,
    }
}

/// Whether a pair of marks holds a title, a name, a label or a translation rather than someone's words.
fn excluded(r: &Reader<'_>, w: &Window) -> bool {
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
        let said_just_before =
            (open.saturating_sub(3)..open).any(|k| r.is_verb(k) || r.clitic(k).is_some());
        return !said_just_before;
    }
    false
}

/// The text of a cue's tokens, as written.
fn cue_text(r: &Reader<'_>, cue: &Range<usize>) -> String {
    let tokens = &r.doc.tokens;
    match (tokens.get(cue.start), tokens.get(cue.end.saturating_sub(1))) {
        (Some(a), Some(b)) if cue.end > cue.start => r.doc.text[a.start..b.end].to_string(),
        _ => String::new(),
    }
}

/// A source named in the text: a subject of a reporting verb or the object of "selon", anywhere in the prose.
struct Source {
    mention: Mention,
    block: usize,
}

/// Every named source of the prose, in text order: what pronouns resolve to.
fn scan_sources(r: &Reader<'_>) -> Vec<Source> {
    let doc = r.doc;
    let mut sources = Vec::new();
    for sentence in doc.prose_sentences() {
        let range = sentence.tokens.clone();
        let mut k = range.start;
        while k < range.end {
            if r.in_quote[k] {
                k += 1;
                continue;
            }
            let mention = if let Some(len) = r.according(k) {
                r.source_after(k + len, range.end)
            } else if r.is_verb(k) && !r.word(k).ends_with("ant") {
                let mut first = k;
                while first > range.start && r.is(first - 1, r.lex.aux) {
                    first -= 1;
                }
                // ", a confirmé le ministère des Affaires étrangères sans préciser …": an inverted subject.
                let inverted = first > range.start && r.is_punct(first - 1, ",");
                r.source_before(range.start, first).or_else(|| {
                    r.source_after(k + 1, range.end).filter(|m| {
                        inverted
                            || r.is_punct(m.tokens.end, ",")
                            || r.is_punct(m.tokens.end, ".")
                            || m.tokens.end >= range.end
                    })
                })
            } else {
                None
            };
            let mention = mention.filter(|m| {
                m.pronoun.is_none()
                    && (r.is_det(m.tokens.start) || r.is_name_word(m.tokens.start))
                    && !r.is(m.tokens.start, r.lex.calendar)
                    && !r.is(m.tokens.start, r.lex.function_words)
                    || r.is_det(m.tokens.start) && m.pronoun.is_none()
            });
            if let Some(mention) = mention {
                sources.push(Source {
                    mention,
                    block: sentence.block,
                });
            }
            k += 1;
        }
    }
    sources
}

/// The subject of one of the three sentences before token `at`, when it is plural ("les pompiers").
fn plural_subject_before(r: &Reader<'_>, at: usize, reach: usize) -> Option<Mention> {
    let doc = r.doc;
    let current = doc.sentence_at(doc.tokens[at].start)?;
    (current.saturating_sub(3)..=current)
        .rev()
        .map(|i| &doc.sentences[i])
        .filter(|s| s.block >= reach && s.tokens.start < at)
        .find_map(|s| {
            let end = s.tokens.end.min(at);
            let m = r.clause_subject(s.tokens.start, end)?;
            if m.pronoun.is_some() {
                return None;
            }
            if m.plural {
                return Some(m);
            }
            // "Jean Martin et Sophie Leroy ont présenté leur rapport": two names make a plural subject.
            let and = m.tokens.end;
            let other = r
                .is(and, &["et", "and"])
                .then(|| r.segment_forward(and + 1, end))
                .flatten()
                .filter(|o| o.start == and + 1 && r.is_pure_name(o))?;
            Some(Mention {
                tokens: m.tokens.start..other.end,
                pronoun: None,
                female: None,
                plural: true,
            })
        })
}

/// How many sentences back a pronoun looks for the subject it continues.
const SUBJECT_CHAIN: usize = 2;

/// How many sentences back a pronoun looks at most, counting those about things.
const MAX_CHAIN_SENTENCES: usize = 5;

/// The named subject of a sentence just before a pronoun, which the pronoun continues: "Jeudi, Fillon s'est
/// défendu. Il a reconnu avoir « eu tort »". A pronoun subject carries the chain one sentence further back.
fn previous_subject(
    r: &Reader<'_>,
    names: &Names,
    at: usize,
    reach: usize,
    fits: impl Fn(&Mention) -> bool,
) -> Option<Mention> {
    let doc = r.doc;
    let current = doc.sentence_at(doc.tokens[at].start)?;
    let mut looked = 0;
    let mut visited = 0;
    let mut described = None;
    // Whether a name of this gender fits.
    let name_fits = |female: Option<bool>| {
        fits(&Mention {
            tokens: at..at,
            pronoun: None,
            female,
            plural: false,
        })
    };
    for s in (0..current).rev() {
        let sentence = &doc.sentences[s];
        if sentence.block < reach || looked == SUBJECT_CHAIN {
            return described;
        }
        looked += 1;
        visited += 1;
        // The sentences of a quotation say nothing of who speaks.
        let quoted = sentence
            .tokens
            .clone()
            .all(|k| r.in_quote[k] || !r.is_word(k));
        if quoted && visited < MAX_CHAIN_SENTENCES {
            looked -= 1;
            continue;
        }
        let Some(subject) = r.clause_subject(sentence.tokens.start, sentence.tokens.end) else {
            continue;
        };
        if subject.pronoun.is_some() {
            looked -= 1;
            continue;
        }
        // "le ministre des Postes, des Médias et de la Culture Jean Roux a annoncé": a description too long to
        // be read whole names its person before the verb.
        if !r.is_pure_name(&subject.tokens)
            && person_like(r, names, &subject)
            && !is_institution(r, &subject)
        {
            let verb = (subject.tokens.end..sentence.tokens.end)
                .find(|&k| !r.in_quote[k] && (r.is(k, r.lex.aux) || r.is_verb(k)));
            let named = verb.and_then(|verb| {
                names
                    .person_before(r, verb, sentence.block, name_fits)
                    .filter(|name| name.start >= subject.tokens.end)
            });
            if let Some(name) = named {
                return Some(r.mention(name.clone(), &name));
            }
        }
        if !names.is_named(r, &subject.tokens) && person_like(r, names, &subject) && fits(&subject)
        {
            // "Le gouvernement a réagi. Il juge …": an institution is itself, not a name's stand-in.
            if is_institution(r, &subject) && described.is_none() {
                return Some(subject);
            }
            // "L'homme a été abattu. Selon des témoins, il aurait crié « … »": kept in case no name is found.
            described.get_or_insert(subject);
            continue;
        }
        if names.is_named(r, &subject.tokens) && fits(&subject) {
            // "Le Ministre de la Défense Antoni Macierewicz était présent": the person the title names.
            if !r.is_pure_name(&subject.tokens)
                && let Some(name) = names
                    .person_before(r, subject.tokens.end, sentence.block, name_fits)
                    .filter(|name| name.start > subject.tokens.start)
            {
                return Some(r.mention(name.clone(), &name));
            }
            // The phrase read forwards may run on into a verb no list knows ("Claire Fontaine dirige le
            // laboratoire"): it ends with its first name.
            let tokens = subject.tokens.clone();
            let first_name = tokens
                .clone()
                .find(|&i| r.is_name_word(i) && !r.is(i, r.lex.function_words) && !r.is_title(i))?;
            let mut end = first_name + 1;
            while end < tokens.end
                && (r.is_name_word(end) || (r.is(end, &PARTICLES) && r.is_name_word(end + 1)))
            {
                end += 1;
            }
            return Some(Mention {
                tokens: tokens.start..end,
                ..subject
            });
        }
        // "Ce relais était la dernière course à laquelle Usain Bolt prenait part. « … », a-t-il lancé": when the
        // subject is a thing, a person the sentence names.
        // Not a person in a complement ("la judokate a tenté une immobilisation sur Trstenjak"), unless of the
        // subject itself ("La vidéo de Khaled Freak n'a pas été vue").
        if let Some(name) = names.person_before(r, sentence.tokens.end, sentence.block, name_fits)
            && name.start >= sentence.tokens.start
            && (!in_complement(r, &name) || name.start < subject.tokens.end)
        {
            return Some(r.mention(name.clone(), &name));
        }
    }
    described
}

/// The nearest plural noun phrase of people before token `at`, in its sentence or the one before: what
/// "ils" or "eux" stands for when no plural subject does ("la colère des féministes. Pour eux, « … »").
fn group_before(r: &Reader<'_>, at: usize) -> Option<Mention> {
    let doc = r.doc;
    let current = doc.sentence_at(doc.tokens[at].start)?;
    let from = doc.sentences[current.saturating_sub(1)].tokens.start;
    (from..at).rev().find_map(|k| {
        if r.in_quote[k] || !r.is(k, &["les", "des", "ces", "leurs", "plusieurs", "certains"]) {
            return None;
        }
        let end = doc
            .sentence_at(doc.tokens[k].start)
            .map_or(at, |s| doc.sentences[s].tokens.end)
            .min(at);
        let np = r.segment_forward(k, end)?;
        let head = np.clone().find(|&i| r.is_word(i) && !r.is_det(i))?;
        let word = r.lower(head);
        let people = PEOPLE_ENDINGS
            .iter()
            .any(|e| word.len() > e.len() + 2 && word.ends_with(e));
        if !people {
            return None;
        }
        // A coordination names one group: "des féministes ainsi que des défenseurs des droits".
        let conjunction = if r.is(k.wrapping_sub(1), &["et", "and"]) {
            1
        } else if r.is(k.wrapping_sub(1), &["que"]) && r.is(k.wrapping_sub(2), &["ainsi"]) {
            2
        } else {
            0
        };
        let start = (conjunction > 0)
            .then(|| {
                let conj = k - conjunction;
                (conj.saturating_sub(8)..conj).find(|&j| {
                    r.is(j, &["les", "des", "ces", "leurs"])
                        && r.segment_forward(j, conj).is_some_and(|g| g.end == conj)
                })
            })
            .flatten()
            .unwrap_or(np.start);
        Some(r.mention(start..np.end, &np))
    })
}

/// Whether a mention can be what "il" or "elle" stands for: a name, an institution, or a description of a
/// person ("l'homme", "la ministre", "le porte-parole"), not of a thing ("l'absence des médias").
fn person_like(r: &Reader<'_>, names: &Names, m: &Mention) -> bool {
    if m.pronoun.is_some() || names.is_named(r, &m.tokens) || is_institution(r, m) {
        return true;
    }
    // "Une de ses tantes": past determiners and links.
    let Some(head) = m
        .tokens
        .clone()
        .find(|&i| r.is_word(i) && !r.is_det(i) && !r.is_link(i) && !r.is_detached_apostrophe(i))
    else {
        return false;
    };
    let word = r.lower(head);
    r.is(head, &lexicon::PEOPLE)
        || PERSON_ENDINGS
            .iter()
            .chain(PEOPLE_ENDINGS.iter())
            .any(|e| word.len() > e.len() + 2 && word.ends_with(e))
}

/// Whether a mention names a thing: no person, institution, name or statement ("Ces activités", "le risque").
fn is_thing(r: &Reader<'_>, names: &Names, m: &Mention) -> bool {
    // "La première version du texte", "ce dernier".
    let statement_or_demonstrative = m.tokens.clone().any(|i| {
        r.is(i, &lexicon::REPORTS) || r.is(i, &["dernier", "dernière", "celui-ci", "celle-ci"])
    });
    m.pronoun.is_none() && !statement_or_demonstrative && !person_like(r, names, m)
}

/// The source of a "selon X" in the sentence of token `at` or in the one before or after it, in its paragraph:
/// "« … ». Elles seraient « évanescentes », selon Le Canard enchaîné."
fn according_near(r: &Reader<'_>, at: usize) -> Option<Mention> {
    let doc = r.doc;
    let current = doc.sentence_at(doc.tokens[at].start)?;
    let block = doc.sentences[current].block;
    [current, current + 1, current.wrapping_sub(1)]
        .into_iter()
        .filter_map(|s| doc.sentences.get(s))
        .filter(|s| s.block == block)
        .find_map(|s| {
            let range = s.tokens.clone();
            range.clone().find_map(|k| {
                let len = r.according(k).filter(|_| !r.in_quote[k])?;
                r.source_after(k + len, range.end)
                    .filter(|m| m.pronoun.is_none())
            })
        })
}

/// Whether a name stands in a complement, after a preposition ("par Obama", "du président Macron"), titles
/// before it aside.
fn in_complement(r: &Reader<'_>, name: &Range<usize>) -> bool {
    let mut first = name.start;
    while first > 0 && (r.is_title(first - 1) || r.is_punct(first - 1, ".")) {
        first -= 1;
    }
    first > 0 && (r.is(first - 1, &lexicon::PREPOSITIONS) || r.is_link(first - 1))
}

/// Whether a mention describes an institution ("la direction", "le ministère") rather than a person.
fn is_institution(r: &Reader<'_>, m: &Mention) -> bool {
    m.tokens
        .clone()
        .find(|&i| r.is_word(i) && !r.is_det(i) && !matches!(r.word(i), "'" | "’"))
        .is_some_and(|i| r.is(i, &lexicon::INSTITUTIONS))
}

/// How many tokens back a statement named alone looks for the mention that gave its owner.
const STATEMENT_REACH: usize = 2_000;

/// Whose a statement is when the text names it alone ("La déclaration explique : « … »"): the owner given at an
/// earlier mention of the same noun ("Une déclaration de Barcelone a confirmé …").
fn statement_owner(r: &Reader<'_>, m: &Mention) -> Option<Mention> {
    let head = m
        .tokens
        .clone()
        .find(|&k| !r.is_det(k) && !r.is_detached_apostrophe(k))?;
    if m.tokens.end != head + 1 || !r.is(head, &lexicon::REPORTS) {
        return None;
    }
    let noun = r.lower(head);
    // The statement is named shortly before: looking further would make a long article quadratic.
    (head.saturating_sub(STATEMENT_REACH)..head)
        .rev()
        .find_map(|k| {
            if r.in_quote[k] || r.lower(k) != noun || !r.is_link(k + 1) {
                return None;
            }
            let end = r
                .doc
                .sentence_at(r.doc.tokens[k].start)
                .map_or(k + 2, |s| r.doc.sentences[s].tokens.end);
            r.source_after(k + 1, end)
                .filter(|o| o.pronoun.is_none() && r.is_pure_name(&o.tokens))
        })
}

/// "« … », précise-t-il. « … », ajoute-t-il": a pronoun after the quotation just before (`close` is its
/// closing mark), with no other person it could stand for named between, continues that quotation's speaker.
fn continued_speaker(
    r: &Reader<'_>,
    names: &Names,
    sources: &[Source],
    m: &Mention,
    close: usize,
    speaker: &Speaker,
) -> Option<Speaker> {
    let pronoun = m.pronoun.filter(|p| !p.plural())?;
    let at = m.tokens.start;
    if close >= at {
        return None;
    }
    let tokens = &r.doc.tokens;
    let start = tokens.partition_point(|t| t.start < speaker.span.byte_start);
    let end = tokens.partition_point(|t| t.end <= speaker.span.byte_end);
    if start >= end {
        return None;
    }
    let previous = r.mention(start..end, &(start..end));
    // What a pronoun may stand for, as in `resolve`: people and institutions; in English, people only.
    let organisation =
        english(r) && (is_institution(r, &previous) || names.is_organisation(&previous.tokens));
    if !pronoun.agrees(previous.female, previous.plural)
        || organisation
        || !person_like(r, names, &previous)
    {
        return None;
    }
    // The previous quotation's own sentence may name its source after it ("« … », a confié le directeur,
    // Patrice Furé.") and others in passing ("…, ajoute-t-il, parlant des contrats de M. Max."): only the
    // sentences after it count.
    let last = close.max(end - 1);
    let close = r
        .doc
        .sentence_at(tokens[last].start)
        .map_or(last, |s| r.doc.sentences[s].tokens.end - 1)
        .max(last);
    let from = sources.partition_point(|s| s.mention.tokens.start <= close);
    let other_source = sources[from..]
        .iter()
        .take_while(|s| s.mention.tokens.end <= at)
        .any(|s| {
            person_like(r, names, &s.mention) && pronoun.agrees(s.mention.female, s.mention.plural)
        });
    // Only the blocks from the previous quotation on are looked at: no scan back to the top for each quote.
    let reach = r
        .doc
        .sentence_at(tokens[close].start)
        .map_or(0, |s| r.doc.sentences[s].block);
    let other_person = names
        .person_before(r, at, reach, |female| pronoun.agrees(female, false))
        .is_some_and(|name| name.start > close);
    (!other_source && !other_person).then(|| speaker.clone())
}

/// "Ce dernier", "celle-ci": the person or source named last before the mention, of its gender.
fn latter(r: &Reader<'_>, names: &Names, sources: &[Source], m: &Mention) -> Option<Speaker> {
    let words: Vec<&str> = m.tokens.clone().map(|i| r.lower(i)).collect();
    let female = match words[..] {
        ["ce", "dernier"] | ["celui-ci"] | ["the", "latter"] => None,
        ["cette", "dernière"] | ["celle-ci"] => Some(true),
        _ => return None,
    };
    let pronoun = if female == Some(true) {
        Pronoun::She
    } else {
        Pronoun::He
    };
    let at = m.tokens.start;
    let end = sources.partition_point(|s| s.mention.tokens.start < at);
    let source = sources[..end].iter().rev().find(|s| {
        s.mention.tokens.end <= at
            && pronoun.agrees(s.mention.female, s.mention.plural)
            && person_like(r, names, &s.mention)
    });
    let block = r
        .doc
        .sentence_at(r.doc.tokens[at].start)
        .map_or(0, |s| r.doc.sentences[s].block);
    let name = names.person_before(r, at, block.saturating_sub(1), |f| pronoun.agrees(f, false));
    match (source, name) {
        (Some(s), Some(n)) if n.start > s.mention.tokens.start => Some(names.speaker(r, &n, None)),
        (Some(s), _) => Some(names.speaker(r, &s.mention.tokens, s.mention.female)),
        (None, Some(n)) => Some(names.speaker(r, &n, None)),
        (None, None) => None,
    }
}

/// "L'Humanité s'est défendu en précisant que le journal …", "Karim Benzema … l'attaquant avait déclaré": a
/// definite description with no name, of a person or an organisation, stands for the one of its kind named
/// shortly before (in its paragraph or the one before). The mention stays; the canonical name is the name's.
fn described_before(r: &Reader<'_>, names: &Names, m: &Mention) -> Option<Speaker> {
    let tokens = &m.tokens;
    if !r.is(tokens.start, &["le", "la", "l'", "the"]) || names.is_named(r, tokens) {
        return None;
    }
    let head = tokens
        .clone()
        .find(|&i| r.is_word(i) && !r.is_det(i) && !r.is_detached_apostrophe(i))?;
    let at = tokens.start;
    let block = r
        .doc
        .sentence_at(r.doc.tokens[at].start)
        .map_or(0, |s| r.doc.sentences[s].block);
    let reach = block.saturating_sub(1);
    let name = if r.is(head, &lexicon::NAMED_ORGANISATIONS) {
        names.organisation_before(r, at, reach)?
    } else if !is_institution(r, m) && person_like(r, names, m) && !m.plural {
        // The person the sentences before are about, else the last one named.
        let female = m.female;
        let agrees = |f: Option<bool>| female.is_none() || f.is_none() || f == female;
        previous_subject(r, names, at, reach, |s| !s.plural && agrees(s.female))
            .map(|s| s.tokens)
            .filter(|s| names.is_named(r, s))
            .or_else(|| names.person_before(r, at, reach, agrees))?
    } else {
        return None;
    };
    let named = names.speaker(r, &name, None);
    Some(Speaker {
        canonical: named.canonical,
        ..names.speaker(r, tokens, m.female)
    })
}

/// Whether the document is read with the English word lists.
fn english(r: &Reader<'_>) -> bool {
    r.lex.lang == Lang::En
}

/// How many blocks back a pronoun may look for its antecedent.
const PRONOUN_REACH: usize = 3;

/// The speaker a mention names: itself, or for a pronoun the last compatible source or name before it.
fn resolve(r: &Reader<'_>, names: &Names, sources: &[Source], m: &Mention) -> Option<Speaker> {
    let Some(pronoun) = m.pronoun else {
        if let Some(latter) = latter(r, names, sources, m) {
            return Some(latter);
        }
        if let Some(named) = described_before(r, names, m) {
            return Some(named);
        }
        let owner = statement_owner(r, m);
        let m = owner.as_ref().unwrap_or(m);
        return Some(names.speaker(r, &m.tokens, m.female));
    };
    let at = m.tokens.start;
    let block = r
        .doc
        .sentence_at(r.doc.tokens[at].start)
        .map_or(0, |s| r.doc.sentences[s].block);
    let reach = block.saturating_sub(PRONOUN_REACH);
    let compatible = |female: Option<bool>, plural: bool| pronoun.agrees(female, plural);
    let end = sources.partition_point(|s| s.mention.tokens.start < at);
    // A source earlier in the pronoun's own sentence comes first: "X reconnaît que … : « … » a-t-il confié".
    let sentence_start = r
        .doc
        .sentence_at(r.doc.tokens[at].start)
        .map_or(0, |s| r.doc.sentences[s].tokens.start);
    let in_sentence = sources[..end].iter().any(|s| {
        s.mention.tokens.start >= sentence_start
            && s.mention.tokens.end <= at
            && compatible(s.mention.female, s.mention.plural)
    });
    let continued = (!pronoun.plural() && !in_sentence)
        .then(|| {
            previous_subject(r, names, at, reach, |m| {
                compatible(m.female, m.plural)
                    && !(english(r) && (is_institution(r, m) || names.is_organisation(&m.tokens)))
            })
        })
        .flatten();
    // A named subject before wins; a described one ("L'homme a été abattu") only when nothing else is found.
    let described = match continued {
        Some(subject) if names.is_named(r, &subject.tokens) || is_institution(r, &subject) => {
            return Some(names.speaker(r, &subject.tokens, subject.female));
        }
        other => other,
    };
    let source = sources[..end]
        .iter()
        .rev()
        .take_while(|s| s.block >= reach)
        .filter(|s| {
            s.mention.tokens.end <= at
                && compatible(s.mention.female, s.mention.plural)
                && person_like(r, names, &s.mention)
                // "he" and "she" are people; "il" and "elle" may be a ministry or a party.
                && !(english(r)
                    && !pronoun.plural()
                    && (is_institution(r, &s.mention) || names.is_organisation(&s.mention.tokens)))
        })
        .fold(None, |best: Option<&Source>, s| {
            // The latest source, unless it is an institution and a person came shortly before.
            match best {
                None => Some(s),
                Some(b) if is_institution(r, &b.mention) && !is_institution(r, &s.mention) => {
                    Some(s)
                }
                Some(b) => Some(b),
            }
        });
    if source.is_none() && pronoun.plural() {
        // "Les pompiers sont intervenus. « … », ont-ils expliqué": a plural subject of a sentence before, or
        // else the nearest group of people ("revendiquée par les islamistes shebab").
        return plural_subject_before(r, at, reach)
            .or_else(|| group_before(r, at))
            .map(|m| {
                if (m.tokens.clone()).any(|k| r.is(k, &["et", "and"])) {
                    // Several people named together are the speaker together, not the last of them.
                    names.group(r, &m.tokens)
                } else {
                    names.speaker(r, &m.tokens, m.female)
                }
            });
    }
    // The nearest of the last source and the last person named.
    let name = if pronoun.plural() {
        None
    } else {
        names
            .person_before(r, at, reach, |female| compatible(female, false))
            .map(|name| {
                // "… utilisée par Obama lors de ses investitures. Il a ensuite prononcé son discours": a person
                // in a complement is a poor antecedent next to the person the article is about.
                in_complement(r, &name)
                    .then(|| {
                        names.more_salient_person(r, at, reach, &name, |female| {
                            compatible(female, false)
                        })
                    })
                    .flatten()
                    .unwrap_or(name)
            })
    };
    // "L'ancien souverain avait exprimé … Au contraire, la nièce du monarque s'opposait. Elle déclarait :": the
    // person the sentences just before are about, though described, is nearer than an older source.
    let named_description = |m: &Mention| {
        described_before(r, names, m).unwrap_or_else(|| names.speaker(r, &m.tokens, m.female))
    };
    if let (Some(subject), Some(source)) = (&described, source)
        && subject.tokens.start > source.mention.tokens.end
        && name.as_ref().is_none_or(|n| n.start < subject.tokens.start)
    {
        return Some(named_description(subject));
    }
    match (source, name) {
        (Some(source), Some(name))
            if name.start > source.mention.tokens.end && r.opens_sentence(name.start) =>
        {
            Some(names.speaker(r, &name, None))
        }
        (Some(source), _) => Some(names.speaker(r, &source.mention.tokens, source.mention.female)),
        (None, Some(name)) => Some(names.speaker(r, &name, None)),
        // "L'intéressée a réagi : « … », a-t-elle confié": the description, named by who it describes.
        (None, None) => described.as_ref().map(named_description),
    }
}

#[cfg(test)]
mod tests;
