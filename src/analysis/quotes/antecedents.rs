//! What pronouns and descriptions may stand for: the sources named in the prose, the subjects of the sentences
//! before, groups of people, and the tests that tell a person or an institution from a thing.

use std::ops::Range;

use super::lexicon::{self, PEOPLE_ENDINGS, PERSON_ENDINGS};
use super::names::Names;
use super::reader::{PARTICLES, Reader};
use super::speakers::Mention;

/// A source named in the text: a subject of a reporting verb or the object of "selon", anywhere in the prose.
pub(super) struct Source {
    pub mention: Mention,
    /// The paragraph the source is named in.
    pub block: usize,
}

/// Every named source of the prose, in text order: what pronouns resolve to.
pub(super) fn scan_sources(r: &Reader<'_>) -> Vec<Source> {
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
                    r.inverted_subject(first, k + 1, range.end).filter(|m| {
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
pub(super) fn plural_subject_before(r: &Reader<'_>, at: usize, reach: usize) -> Option<Mention> {
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
            // "Jean Martin et Sophie Leroy ont présenté leur rapport", "Nicolas Sarkozy et son épouse Carla
            // Bruni sont arrivés": two names make a plural subject.
            let and = m.tokens.end;
            let other = r
                .is(and, &["et", "and"])
                .then(|| r.segment_forward(and + 1, end))
                .flatten()
                .filter(|o| {
                    o.start == and + 1 && (r.is_pure_name(o) || r.inner_name(o).is_some())
                })?;
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
pub(super) fn previous_subject(
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
        if r.quotation_sentence(s) && visited < MAX_CHAIN_SENTENCES {
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
            // The first person described, when it is an institution ("Le gouvernement a réagi. Il juge …": an
            // institution is itself, not a name's stand-in), a source named with "selon" ("Meron Tadesse a
            // insisté … Selon un diplomate européen, les discussions ont failli échouer. « … », confie-t-il") or
            // a person described with a definite article in the sentence right before ("Le délégué général du
            // festival a défendu ce choix. « … », a-t-il expliqué"), is who the pronoun goes on with; its title
            // names it later, when it is resolved.
            let according =
                (sentence.tokens.start..subject.tokens.start).any(|k| r.according(k).is_some());
            let definite_just_before = looked == 1 && r.is_definite(subject.tokens.start);
            if described.is_none()
                && (is_institution(r, &subject) || according || definite_just_before)
            {
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
pub(super) fn group_before(r: &Reader<'_>, at: usize) -> Option<Mention> {
    let doc = r.doc;
    let current = doc.sentence_at(doc.tokens[at].start)?;
    // The sentence before, or the one before it when the sentence between is a quotation's ("Cette décision a
    // provoqué la colère des féministes. Pour eux, « … ». Ils mettent en avant …").
    let before = current.saturating_sub(1);
    let quoted = |s: usize| doc.sentences[s].tokens.clone().any(|k| r.in_quote[k]);
    let first = if before < current && quoted(before) {
        before.saturating_sub(1)
    } else {
        before
    };
    let from = doc.sentences[first].tokens.start;
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
pub(super) fn person_like(r: &Reader<'_>, names: &Names, m: &Mention) -> bool {
    m.pronoun.is_some()
        || names.is_named(r, &m.tokens)
        || is_institution(r, m)
        || noun_of_people(r, m)
}

/// Whether a noun phrase's head is a noun of people ("une de ses tantes", "ces manifestants", "l'avocate"):
/// one of the list, or an ending that tells it.
pub(super) fn noun_of_people(r: &Reader<'_>, m: &Mention) -> bool {
    // "Une de ses tantes": past determiners and links.
    let head = m
        .tokens
        .clone()
        .find(|&i| r.is_word(i) && !r.is_det(i) && !r.is_link(i) && !r.is_detached_apostrophe(i));
    head.is_some_and(|head| {
        let word = r.lower(head);
        r.is(head, &lexicon::PEOPLE)
            || PERSON_ENDINGS
                .iter()
                .chain(PEOPLE_ENDINGS.iter())
                .any(|e| word.len() > e.len() + 2 && word.ends_with(e))
    })
}

/// Whether a mention names a thing: no person, institution, name or statement ("Ces activités", "le risque").
pub(super) fn is_thing(r: &Reader<'_>, names: &Names, m: &Mention) -> bool {
    // "La première version du texte", "ce dernier".
    let statement = m.tokens.clone().any(|i| r.is(i, &lexicon::REPORTS));
    m.pronoun.is_none()
        && !statement
        && r.demonstrative(&m.tokens).is_none()
        && !person_like(r, names, m)
}

/// The source of a "selon X" in the sentence of token `at` or in the one before or after it, in its paragraph:
/// "« … ». Elles seraient « évanescentes », selon Le Canard enchaîné."
pub(super) fn according_near(r: &Reader<'_>, at: usize) -> Option<Mention> {
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
pub(super) fn in_complement(r: &Reader<'_>, name: &Range<usize>) -> bool {
    let mut first = name.start;
    while first > 0 && (r.is_title(first - 1) || r.is_punct(first - 1, ".")) {
        first -= 1;
    }
    first > 0 && (r.is(first - 1, &lexicon::PREPOSITIONS) || r.is_link(first - 1))
}

/// Whether a mention describes an institution ("la direction", "le ministère") rather than a person.
pub(super) fn is_institution(r: &Reader<'_>, m: &Mention) -> bool {
    m.tokens
        .clone()
        .find(|&i| r.is_word(i) && !r.is_det(i) && !matches!(r.word(i), "'" | "’"))
        .is_some_and(|i| r.is(i, &lexicon::INSTITUTIONS))
}
