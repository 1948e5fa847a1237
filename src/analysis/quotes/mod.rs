//! Direct quotations and who they come from.
//!
//! The finder pairs quotation marks ([`marks`]), keeps the pairs that hold someone's words rather than a title,
//! a name or a label ([`exclusions`]), finds the reporting cue around each ([`cues`]) and reads the source's noun
//! phrase at that cue ([`speakers`]). Pronouns ("a-t-il ajouté", "he said") and descriptions ("le journal")
//! resolve to the speaker they continue or the source they stand for ([`resolution`], from the candidates of
//! [`antecedents`]); a quotation without a cue that follows another in the same paragraph takes its speaker. Entities, when the
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

mod antecedents;
mod cues;
mod english;
mod exclusions;
mod lexicon;
mod marks;
mod names;
mod reader;
mod resolution;
mod speakers;

use std::ops::Range;

use super::text::TokenKind;
use super::{Document, Entity};
use crate::article::{Lang, Span};
use antecedents::{according_near, is_thing, person_like, previous_subject, scan_sources};
use cues::{Attribution, Window};
use exclusions::{compound_noun, excluded};
use lexicon::Lexicon;
use names::Names;
use reader::Reader;
use resolution::{continued_speaker, resolve};
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
        let listed_after = last.filter(|&(c, _)| listed_after(&reader, c, open));
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
    let entity_ranges = Names::entity_ranges(&reader, entities);
    for (range, _) in &entity_ranges {
        reader.entity_start[range.start] = true;
    }
    let r = &reader;
    let names = Names::scan(r, entity_ranges);
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
            && last_accepted.is_some_and(|(c, cued)| cued && listed_after(r, c, open));
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
                let before = match own {
                    Some(m) => resolve(r, &names, &sources, &m).or(same_block),
                    None => same_block,
                };
                let speaker = before.or_else(|| {
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
                // The sentence's subject is read only when the cue names nobody.
                let speaker = match speaker.clone().or_else(|| sentence_subject(r, &window)) {
                    Some(m) => before
                        .and_then(|(close, speaker)| {
                            continued_speaker(r, &names, &sources, &m, close, speaker)
                        })
                        .or_else(|| resolve(r, &names, &sources, &m)),
                    // "X a déclaré que « … », et ajouté que « … »": a cue with no subject after another
                    // quotation of its sentence goes on with that quotation's source; "« … », explique-t-il.
                    // Avant d'ajouter : « … »", with the paragraph's.
                    None => chained
                        .and_then(|_| previous.as_ref().and_then(|(_, s)| s.clone()))
                        .or_else(|| same_block.clone()),
                };
                (speaker, Some(cue_text(r, cue)))
            }
            // "La cour justifie sa décision par l'« extrême gravité » des faits": without a reporting word, the
            // words are those of the sentence's subject.
            None if listed => (previous.as_ref().and_then(|(_, s)| s.clone()), None),
            // "« … » Ces mots sont ceux de Samia Haddad, locataire", "« … » Infirmière depuis douze ans, Sandrine
            // Mollet décrit …": a quotation opening its paragraph, named by the sentence after it.
            None if opens_block && let Some(m) = named_after(r, &names, &window) => {
                (resolve(r, &names, &sources, &m), None)
            }
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
    repeated_in_body(r, &blocks, &mut quotes);
    quotes
}

/// The person the sentence right after a quotation names, in the same paragraph: the source after "Ces mots sont
/// ceux de", "La remarque vient de", or a named subject.
fn named_after(r: &Reader<'_>, names: &Names, w: &Window) -> Option<speakers::Mention> {
    let doc = r.doc;
    let here = doc.sentence_at(doc.tokens[w.close].start)?;
    let next = doc.sentences.get(here + 1)?;
    if next.block != doc.sentences[here].block {
        return None;
    }
    let range = next.tokens.clone();
    // "ceux de X", "vient de X", "celle de X".
    let owner = range.clone().take(8).find_map(|k| {
        (r.is(
            k,
            &[
                "ceux", "celles", "celui", "celle", "vient", "viennent", "émane",
            ],
        ) && r.is(k + 1, &["de", "d'"]))
        .then(|| r.source_after(k + 2, range.end))
        .flatten()
    });
    let subject = owner.or_else(|| r.clause_subject(range.start, range.end))?;
    (subject.pronoun.is_none()
        && names.is_named(r, &subject.tokens)
        && person_like(r, names, &subject))
    .then_some(subject)
}

/// "Inondations : « on ne peut plus vivre comme ça », lance un maire" over an article that quotes the mayor in
/// full: a quotation of the title whose words the body quotes again takes that quotation's speaker, which the
/// body names better than a headline does. `blocks` holds each quotation's paragraph and marks.
fn repeated_in_body(r: &Reader<'_>, blocks: &[(usize, usize, usize)], quotes: &mut [Quote]) {
    let title = |block: usize| {
        r.doc
            .article
            .blocks
            .get(block)
            .is_some_and(|b| b.kind == crate::article::BlockKind::Title)
    };
    // A headline's own cue ("l'ONU salue « … »") stands; a topic before a colon names nobody.
    let headlines: Vec<usize> = (0..quotes.len())
        .filter(|&i| title(blocks[i].0) && quotes[i].cue.as_deref().is_none_or(|cue| cue == ":"))
        .collect();
    if headlines.is_empty() {
        return;
    }
    // The words between the marks, read once: the tokens the reader already folded.
    let words = |i: usize| -> Vec<&str> {
        let (_, open, close) = blocks[i];
        (open + 1..close)
            .filter(|&k| r.doc.tokens[k].kind != TokenKind::Punct)
            .map(|k| r.lower(k))
            .collect()
    };
    let body: Vec<(usize, Vec<&str>)> = (0..quotes.len())
        .filter(|&j| !title(blocks[j].0) && quotes[j].speaker.is_some())
        .map(|j| (j, words(j)))
        .collect();
    for i in headlines {
        let said = words(i);
        if said.is_empty() {
            continue;
        }
        let repeated = body
            .iter()
            .find(|(j, quoted)| *j > i && quoted.windows(said.len()).any(|w| w == said.as_slice()));
        if let Some(&(j, _)) = repeated {
            quotes[i].speaker = quotes[j].speaker.clone();
        }
    }
}

/// Whether the quotation opening at `open` is listed right after the one closing at `close`: only commas and
/// conjunctions between them ("« Menteur », « Misogyne » et « Not my president »").
fn listed_after(r: &Reader<'_>, close: usize, open: usize) -> bool {
    close < open
        && (close + 1..open)
            .all(|k| r.is_punct(k, ",") || r.is(k, &["et", "ou", "encore", "and", "or"]))
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

/// The text of a cue's tokens, as written.
fn cue_text(r: &Reader<'_>, cue: &Range<usize>) -> String {
    let tokens = &r.doc.tokens;
    match (tokens.get(cue.start), tokens.get(cue.end.saturating_sub(1))) {
        (Some(a), Some(b)) if cue.end > cue.start => r.doc.text[a.start..b.end].to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests;
