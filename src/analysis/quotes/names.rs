//! Names for speakers: the entities of the recogniser when it gives them, capitalised word runs otherwise; the
//! fullest form of a name in the article is its canonical name ("M. Di Giacomo" → "Flavio Di Giacomo").

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::Speaker;
use super::lexicon::{
    BEFORE_PLACE as AFTER_PREPOSITION, NATIONALITY_ENDINGS, RUN_PARTICLES as PARTICLES,
    TITLE_PREFIXES,
};
use super::reader::Reader;
use crate::analysis::{Entity, EntityKind};

/// The names of an article, as token ranges.
pub(super) struct Names<'e> {
    entities: Vec<(Range<usize>, &'e Entity)>,
    /// Capitalised runs of the prose outside quotations, with their block.
    runs: Vec<(Range<usize>, usize)>,
    /// The runs ending with each word, to find a name's fullest form.
    by_last_word: HashMap<&'e str, Vec<usize>>,
    /// Capitalised words seen inside a sentence: a sentence's first word is a name only if it is one of them
    /// (or an entity, or followed by another name word); "Ancien mineur, il …" names nobody.
    mid_sentence: HashSet<&'e str>,
    /// How many times the recogniser found each person, by canonical name: who the article is about.
    person_counts: HashMap<&'e str, usize>,
}

/// The longest entity, in tokens, looked back for when a mention starts inside one.
const MAX_ENTITY_TOKENS: usize = 16;

impl<'e> Names<'e> {
    /// The tokens of each entity, in text order (entities that cover no whole token left out).
    pub(super) fn entity_ranges(
        r: &Reader<'_>,
        entities: &'e [Entity],
    ) -> Vec<(Range<usize>, &'e Entity)> {
        entities
            .iter()
            .map(|e| (r.tokens_of(&e.span), e))
            .filter(|(range, _)| !range.is_empty())
            .collect()
    }

    /// The names of the article: the recogniser's entities (as [`Names::entity_ranges`] gives them) and the
    /// capitalised runs of the prose.
    pub(super) fn scan(r: &Reader<'e>, ranges: Vec<(Range<usize>, &'e Entity)>) -> Self {
        let doc = r.doc;
        let mut runs = Vec::new();
        let mut mid_sentence = HashSet::new();
        for sentence in doc.prose_sentences() {
            let range = sentence.tokens.clone();
            let mut i = range.start;
            while i < range.end {
                let opens = r.is_name_word(i)
                    && !r.in_quote[i]
                    && !(i == range.start
                        && (r.is(i, r.lex.function_words) || r.is(i, r.lex.calendar)));
                if !opens {
                    i += 1;
                    continue;
                }
                let start = i;
                let mut end = i + 1;
                let mut k = i + 1;
                while k < range.end && !r.in_quote[k] {
                    if r.is_name_word(k) {
                        end = k + 1;
                    } else if !r.is(k, &PARTICLES) {
                        break;
                    }
                    k += 1;
                }
                // "la Brésilienne Rafaela Silva": a nationality before a name is not part of it.
                let start = if end - start >= 3
                    && start > 0
                    && r.is_det(start - 1)
                    && NATIONALITY_ENDINGS
                        .iter()
                        .any(|e| r.word(start).ends_with(e))
                {
                    start + 1
                } else {
                    start
                };
                // "la République François Hollande", "la Justice de Dilma Rousseff": a first name starts the
                // person's name.
                let start = (start + 1..end)
                    .find(|&k| {
                        r.name_gender(&(k..k + 1)).is_some()
                            && r.name_gender(&(k - 1..k)).is_none()
                            && !r.is(k - 1, r.lex.titles)
                    })
                    .unwrap_or(start);
                if !(start..end).all(|t| r.is(t, r.lex.calendar) || r.is(t, &PARTICLES)) {
                    runs.push((start..end, sentence.block));
                    mid_sentence.extend(
                        (start..end)
                            .filter(|&t| t != range.start && r.is_name_word(t))
                            .map(|t| r.word(t)),
                    );
                }
                i = end;
            }
        }
        let mut by_last_word: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, (run, _)) in runs.iter().enumerate() {
            by_last_word.entry(r.word(run.end - 1)).or_default().push(i);
        }
        let mut person_counts: HashMap<&'e str, usize> = HashMap::new();
        for (_, e) in &ranges {
            if e.kind == EntityKind::Person {
                *person_counts.entry(e.canonical.as_str()).or_default() += 1;
            }
        }
        Names {
            entities: ranges,
            runs,
            by_last_word,
            mid_sentence,
            person_counts,
        }
    }

    /// Whether a mention is, or ends with, an organisation or a place the recogniser found: "the Met Office".
    pub(super) fn is_organisation(&self, tokens: &Range<usize>) -> bool {
        // The entities are in text order: only those starting inside the mention can end with it.
        let from = self
            .entities
            .partition_point(|(range, _)| range.start < tokens.start);
        self.entities[from..]
            .iter()
            .take_while(|(range, _)| range.start < tokens.end)
            .any(|(range, e)| e.kind != EntityKind::Person && range.end == tokens.end)
    }

    /// Whether a mention contains a name (not just a description).
    pub(super) fn is_named(&self, r: &Reader<'_>, tokens: &Range<usize>) -> bool {
        tokens.clone().any(|i| {
            r.is_name_word(i)
                && !r.is(i, r.lex.function_words)
                && (!r.opens_sentence(i)
                    || r.is_name_word(i + 1)
                    || self.mid_sentence.contains(r.word(i))
                    || self.covers(i))
        })
    }

    /// Whether an entity of the recogniser covers token `i`.
    pub(super) fn covers(&self, i: usize) -> bool {
        let end = self.entities.partition_point(|(range, _)| range.start <= i);
        self.entities[end.saturating_sub(MAX_ENTITY_TOKENS)..end]
            .iter()
            .any(|(range, _)| range.contains(&i))
    }

    /// The speaker for a mention: snapped to a person entity inside a description, with the canonical name.
    pub(super) fn speaker(
        &self,
        r: &Reader<'_>,
        tokens: &Range<usize>,
        _female: Option<bool>,
    ) -> Speaker {
        let hi = self
            .entities
            .partition_point(|(range, _)| range.start < tokens.end);
        let lo = self.entities[..hi]
            .iter()
            .rposition(|(range, _)| range.end <= tokens.start.saturating_sub(MAX_ENTITY_TOKENS))
            .map_or(0, |i| i + 1);
        let within = &self.entities[lo..hi];
        // A person named inside a description, not as a complement: "le porte-parole, Wang Wenbin" → the name;
        // "la femme de Xi Jinping" stays the description.
        let person = within.iter().rev().find(|(range, e)| {
            e.kind == EntityKind::Person
                && range.start >= tokens.start
                && range.end <= tokens.end
                && !(range.start > tokens.start && r.is(range.start - 1, r.lex.links))
        });
        if let Some((range, entity)) = person {
            // Titles before the name stay in the mention ("M. Di Giacomo").
            let titled = (tokens.start..range.start)
                .all(|i| r.is(i, r.lex.titles) || r.is_punct(i, ".") || r.is_det(i));
            let span_tokens = if titled {
                tokens.clone()
            } else {
                range.clone()
            };
            return Speaker {
                span: span_of(r, &span_tokens),
                canonical: entity.canonical.clone(),
            };
        }
        // An entity that is the mention itself, past its determiner: "le Kremlin", "l'Union européenne".
        let head = (tokens.start..tokens.end)
            .find(|&i| !r.is_det(i) && !matches!(r.word(i), "'" | "’"))
            .unwrap_or(tokens.start);
        let whole = within
            .iter()
            .find(|(range, _)| range.start <= head && range.end >= tokens.end);
        if let Some((_, entity)) = whole {
            return Speaker {
                span: span_of(r, tokens),
                canonical: entity.canonical.clone(),
            };
        }
        let canonical = if self.is_named(r, tokens) && !r.is_det(tokens.start) {
            self.fullest(r, tokens)
        } else {
            description(r, tokens)
        };
        Speaker {
            span: span_of(r, tokens),
            canonical,
        }
    }

    /// A group named by its members ("Jean Martin et Sophie Leroy"): the mention as written.
    pub(super) fn group(&self, r: &Reader<'_>, tokens: &Range<usize>) -> Speaker {
        Speaker {
            span: span_of(r, tokens),
            canonical: text_of(r, tokens).to_string(),
        }
    }

    /// The fullest capitalised run of the article that ends with the name of `tokens` (titles left out).
    fn fullest(&self, r: &Reader<'_>, tokens: &Range<usize>) -> String {
        let name = text_of(r, &without_titles(r, tokens));
        let mut best = name;
        let last = r.word(tokens.end.saturating_sub(1).max(tokens.start));
        let candidates = self.by_last_word.get(last).map_or(&[][..], Vec::as_slice);
        for &i in candidates {
            let run_text = text_of(r, &without_titles(r, &self.runs[i].0));
            if run_text.len() > best.len()
                && run_text.ends_with(best)
                && run_text[..run_text.len() - best.len()].ends_with(' ')
            {
                best = run_text;
            }
        }
        best.to_string()
    }

    /// The person named most often in the article among those named before token `at` since block `reach`
    /// (the latest such mention), when they are named more often than the person at `other`: who a pronoun
    /// stands for when the last person named is only in a complement ("utilisée par Obama").
    pub(super) fn more_salient_person(
        &self,
        r: &Reader<'_>,
        at: usize,
        reach: usize,
        other: &Range<usize>,
        fits: impl Fn(Option<bool>) -> bool,
    ) -> Option<Range<usize>> {
        let count = |e: &Entity| {
            self.person_counts
                .get(e.canonical.as_str())
                .copied()
                .unwrap_or(0)
        };
        let at_other = self
            .entities
            .partition_point(|(range, _)| range.start < other.start);
        let other_count = self.entities[at_other..]
            .iter()
            .take_while(|(range, _)| range.start == other.start)
            .find(|(range, _)| range == other)
            .map_or(0, |(_, e)| count(e));
        let mut best: Option<(&Range<usize>, usize)> = None;
        for (range, e) in self.entities_before(r, at, reach) {
            if e.kind != EntityKind::Person || !fits(r.name_gender(range)) {
                continue;
            }
            let n = count(e);
            if n > other_count && best.is_none_or(|(_, b)| n > b) {
                best = Some((range, n));
            }
        }
        best.map(|(range, _)| range.clone())
    }

    /// The entities that end before token `at`, latest first, back to block `reach`, outside quotations.
    fn entities_before<'s>(
        &'s self,
        r: &'s Reader<'_>,
        at: usize,
        reach: usize,
    ) -> impl Iterator<Item = &'s (Range<usize>, &'e Entity)> {
        let end = self.entities.partition_point(|(range, _)| range.start < at);
        self.entities[..end]
            .iter()
            .rev()
            .take_while(move |(range, _)| r.block_of(range.start) >= reach)
            .filter(move |(range, _)| range.end <= at && !r.in_quote[range.start])
    }

    /// The last organisation the recogniser found before token `at`, not before block `reach`.
    pub(super) fn organisation_before(
        &self,
        r: &Reader<'_>,
        at: usize,
        reach: usize,
    ) -> Option<Range<usize>> {
        self.entities_before(r, at, reach)
            .find(|(_, e)| e.kind == EntityKind::Organization)
            .map(|(range, _)| range.clone())
    }

    /// The person a description's title was given to in apposition, named in the paragraphs before it: "le
    /// président français Emmanuel Macron … Le président français a salué", "la ministre du Travail, Émilie
    /// Garnier … la ministre".
    pub(super) fn titled_person(
        &self,
        r: &Reader<'_>,
        description: &Range<usize>,
        fits: impl Fn(Option<bool>) -> bool,
    ) -> Option<Range<usize>> {
        // "un diplomate européen" is someone else than "le diplomate norvégien Erik Solvang".
        if !r.is_definite(description.start) {
            return None;
        }
        let head = description
            .clone()
            .find(|&i| r.is_word(i) && !r.is_det(i) && !r.is_detached_apostrophe(i))?;
        let title = r.lower(head);
        let prefix = (head > description.start)
            .then(|| r.lower(head - 1))
            .filter(|w| TITLE_PREFIXES.contains(w));
        let reach = r.block_of(description.start).saturating_sub(TITLE_BLOCKS);
        self.person_where(r, description.start, reach, |range| {
            fits(r.name_gender(range)) && titled_near(r, range, title, prefix)
        })
    }

    /// The last person named before token `at`, not before block `reach`: a person entity, or without entities a
    /// capitalised run of two words or more, or one after a title.
    pub(super) fn person_before(
        &self,
        r: &Reader<'_>,
        at: usize,
        reach: usize,
        fits: impl Fn(Option<bool>) -> bool,
    ) -> Option<Range<usize>> {
        self.person_where(r, at, reach, |range| fits(r.name_gender(range)))
    }

    /// The last person named before token `at`, not before block `reach`, whose name passes `test`.
    fn person_where(
        &self,
        r: &Reader<'_>,
        at: usize,
        reach: usize,
        test: impl Fn(&Range<usize>) -> bool,
    ) -> Option<Range<usize>> {
        if !self.entities.is_empty() {
            return self
                .entities_before(r, at, reach)
                .find(|(range, e)| e.kind == EntityKind::Person && test(range))
                .map(|(range, _)| range.clone());
        }
        let end = self.runs.partition_point(|(run, _)| run.end <= at);
        self.runs[..end]
            .iter()
            .rev()
            .take_while(|(_, block)| *block >= reach)
            .find(|(run, _)| names_person(r, run) && test(run))
            .map(|(run, _)| run.clone())
    }
}

/// Whether a capitalised run names a person, when the recogniser gave no entities: two words or more, or one
/// after a title, and not a place or a complement.
fn names_person(r: &Reader<'_>, run: &Range<usize>) -> bool {
    let words = run.clone().filter(|&t| r.is_name_word(t)).count();
    let titled = run.start > 0
        && (r.is(run.start - 1, r.lex.titles)
            || (r.is_punct(run.start - 1, ".")
                && run.start > 1
                && r.is(run.start - 2, r.lex.titles)));
    // After "à", "en" a run is a place; after "de", "des" a complement ("des Nations unies").
    let place = run.start > 0
        && (r.is(run.start - 1, &AFTER_PREPOSITION) || r.is(run.start - 1, r.lex.links));
    (words >= 2 || titled) && !place
}

/// How many paragraphs back a description looks for the person introduced by its title.
const TITLE_BLOCKS: usize = 8;

/// How many tokens before a name its title may stand ("le président français Emmanuel Macron").
const TITLE_REACH: usize = 6;

/// Whether `title` is the title of the name, in apposition: before it with no verb or other punctuation than
/// commas between ("la chanteuse Alma", "le maire de Lyon, Grégoire Petit"), or right after it and a comma
/// ("Bruno Le Roux, l'actuel ministre de l'Intérieur"). `prefix` is the word before the title in the
/// description ("premier"), if it is one of [`TITLE_PREFIXES`].
fn titled_near(r: &Reader<'_>, name: &Range<usize>, title: &str, prefix: Option<&str>) -> bool {
    let matches = |k: usize| {
        r.lower(k) == title && {
            let before = (k > 0).then(|| r.lower(k - 1));
            let found = before.filter(|w| TITLE_PREFIXES.contains(w));
            found == prefix
        }
    };
    let mut k = name.start;
    while k > 0 && name.start - k < TITLE_REACH {
        k -= 1;
        let punct = !r.is_word(k) && !r.is_punct(k, ",") && !r.is_detached_apostrophe(k);
        if r.in_quote[k] || r.is_verb(k) || r.is(k, r.lex.aux) || punct {
            break;
        }
        if matches(k) {
            return true;
        }
    }
    r.is_punct(name.end, ",")
        && (name.end + 1..name.end + 4).any(|k| k < r.doc.tokens.len() && matches(k))
}

/// A token range without its leading titles ("M.", "Mme").
fn without_titles(r: &Reader<'_>, tokens: &Range<usize>) -> Range<usize> {
    let mut start = tokens.start;
    while start + 1 < tokens.end
        && (r.is(start, r.lex.titles) || r.is_punct(start, ".") || r.is_det(start))
    {
        start += 1;
    }
    start..tokens.end
}

/// A description's canonical form: its words without the leading determiner.
fn description(r: &Reader<'_>, tokens: &Range<usize>) -> String {
    let mut start = tokens.start;
    if start + 1 < tokens.end && r.is_det(start) {
        start += 1;
    }
    if start + 1 < tokens.end && matches!(r.word(start), "'" | "’") {
        start += 1;
    }
    text_of(r, &(start..tokens.end)).to_string()
}

fn text_of<'a>(r: &Reader<'a>, tokens: &Range<usize>) -> &'a str {
    let t = &r.doc.tokens;
    match (t.get(tokens.start), t.get(tokens.end.saturating_sub(1))) {
        (Some(a), Some(b)) if tokens.end > tokens.start => &r.doc.text[a.start..b.end],
        _ => "",
    }
}

fn span_of(r: &Reader<'_>, tokens: &Range<usize>) -> crate::article::Span {
    let t = &r.doc.tokens;
    let start = t.get(tokens.start).map_or(0, |a| a.start);
    let end = t
        .get(tokens.end.saturating_sub(1))
        .map_or(start, |b| b.end.max(start));
    r.doc.span(start..end)
}
