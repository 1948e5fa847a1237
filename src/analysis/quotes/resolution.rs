//! Who a mention names: a pronoun resolved to the speaker it continues or the source before it, a definite
//! description ("le journal", "ce dernier") to the name it stands for, a statement to its owner.

use std::ops::Range;

use super::Speaker;
use super::antecedents::{
    Source, group_before, in_complement, is_institution, person_like, plural_subject_before,
    previous_subject,
};
use super::lexicon::{self, NATIONALITY_ENDINGS, Pronoun};
use super::names::Names;
use super::reader::Reader;
use super::speakers::Mention;
use crate::article::Lang;

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
pub(super) fn continued_speaker(
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
    let said = r.tokens_of(&speaker.span);
    if said.is_empty() {
        return None;
    }
    let previous = r.mention(said.clone(), &said);
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
    let last = close.max(said.end - 1);
    let said_sentence = r
        .doc
        .sentence_at(r.doc.tokens[last].start)
        .map(|s| &r.doc.sentences[s]);
    let close = said_sentence.map_or(last, |s| s.tokens.end - 1).max(last);
    // "X nie avoir embauché Penelope pour tromper son « ennui », comme prétendu par Y. « … », affirme-t-il": a
    // source named after the quotation, in a sentence whose subject is another person named before it, leaves
    // the pronoun to that subject.
    let subject = said_sentence.and_then(|s| {
        let first_quote = s.tokens.clone().find(|&k| r.in_quote[k])?;
        r.clause_subject(s.tokens.start, first_quote)
    });
    if let Some(subject) = subject
        && subject.pronoun.is_none()
        && (subject.tokens.end..said.start).any(|k| r.in_quote[k])
        && names.is_named(r, &subject.tokens)
        && pronoun.agrees(subject.female, subject.plural)
        && names.speaker(r, &subject.tokens, subject.female).canonical != speaker.canonical
    {
        return None;
    }
    let from = sources.partition_point(|s| s.mention.tokens.start <= close);
    let other_source = sources[from..]
        .iter()
        .take_while(|s| s.mention.tokens.end <= at)
        .any(|s| {
            person_like(r, names, &s.mention) && pronoun.agrees(s.mention.female, s.mention.plural)
        });
    // Only the blocks from the previous quotation on are looked at: no scan back to the top for each quote.
    let reach = r.block_of(close);
    let other_person = names
        .person_before(r, at, reach, |female| pronoun.agrees(female, false))
        .is_some_and(|name| name.start > close);
    let other_subject = another_subject_between(r, names, pronoun, speaker, close, at);
    (!other_source && !other_person && !other_subject).then(|| speaker.clone())
}

/// Whether a sentence between the previous quotation (closing at `close`) and the pronoun at `at` has for
/// subject someone else the pronoun may stand for: another person's title ("… a insisté Anne Jourdain. / De
/// son côté, la ministre a défendu son texte. Selon elle, …"), a person brought in with "un" or "une" ("Un de
/// ses collègues a eu moins de chance. « … », lâche-t-il"), or, in the sentence right before, a person
/// described with a definite article whom no title makes the previous speaker ("Le délégué général du festival
/// a défendu ce choix. « … », a-t-il expliqué").
fn another_subject_between(
    r: &Reader<'_>,
    names: &Names,
    pronoun: Pronoun,
    speaker: &Speaker,
    close: usize,
    at: usize,
) -> bool {
    let doc = r.doc;
    let first = doc
        .sentence_at(doc.tokens[close].start)
        .map_or(0, |s| s + 1);
    let last = doc
        .sentence_at(doc.tokens[at].start)
        .unwrap_or(0)
        .max(first);
    // The sentences of a quotation say nothing of who speaks.
    let prose: Vec<usize> = (first..last)
        .filter(|&i| !r.quotation_sentence(i))
        .collect();
    prose.iter().any(|&i| {
        let s = &doc.sentences[i];
        let Some(m) = r
            .clause_subject(s.tokens.start, s.tokens.end)
            .filter(|m| m.pronoun.is_none() && !names.is_named(r, &m.tokens))
        else {
            return false;
        };
        match names.titled_person(r, &m.tokens, |f| pronoun.agrees(f, false)) {
            Some(name) => names.speaker(r, &name, None).canonical != speaker.canonical,
            None => {
                let just_before = prose.last() == Some(&i);
                person_like(r, names, &m)
                    && !is_institution(r, &m)
                    && pronoun.agrees(m.female, m.plural)
                    && (r.is(m.tokens.start, &["un", "une"])
                        || (just_before && r.is_definite(m.tokens.start)))
            }
        }
    })
}

/// "Ce dernier", "celle-ci": the person or source named last before the mention, of its gender.
fn latter(r: &Reader<'_>, names: &Names, sources: &[Source], m: &Mention) -> Option<Speaker> {
    let pronoun = r.demonstrative(&m.tokens)?;
    let at = m.tokens.start;
    let end = sources.partition_point(|s| s.mention.tokens.start < at);
    let source = sources[..end].iter().rev().find(|s| {
        s.mention.tokens.end <= at
            && pronoun.agrees(s.mention.female, s.mention.plural)
            && person_like(r, names, &s.mention)
    });
    let block = r.block_of(at);
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
    if !r.is_definite(tokens.start) || (names.is_named(r, tokens) && !is_demonym(r, names, tokens))
    {
        return None;
    }
    let head = tokens
        .clone()
        .find(|&i| r.is_word(i) && !r.is_det(i) && !r.is_detached_apostrophe(i))?;
    let at = tokens.start;
    let block = r.block_of(at);
    let reach = block.saturating_sub(1);
    let name = if r.is(head, &lexicon::NAMED_ORGANISATIONS) {
        names.organisation_before(r, at, reach)?
    } else if !is_institution(r, m) && person_like(r, names, m) && !m.plural {
        // The person the sentences before are about, else the last one named.
        let female = m.female;
        let agrees = |f: Option<bool>| female.is_none() || f.is_none() || f == female;
        // "le président français Emmanuel Macron … Le président français a salué": who bears the title.
        let titled = names.titled_person(r, tokens, agrees);
        // "le porte-parole du gouvernement" says whose it is: it names someone only introduced by that title.
        let qualified = (head + 1..tokens.end).any(|k| r.is_link(k));
        match titled {
            Some(name) => name,
            None if qualified => return None,
            None => previous_subject(r, names, at, reach, |s| !s.plural && agrees(s.female))
                .map(|s| s.tokens)
                .filter(|s| names.is_named(r, s) && !is_demonym(r, names, s) && names_someone(r, s))
                .or_else(|| names.person_before(r, at, reach, agrees))?,
        }
    } else {
        return None;
    };
    let named = names.speaker(r, &name, None);
    Some(Speaker {
        canonical: named.canonical,
        ..names.speaker(r, tokens, m.female)
    })
}

/// Whether a subject read as named starts with its name, past its article and titles: "Le Danois Mads
/// Kristensen", not "La session de négociations des Nations unies".
fn names_someone(r: &Reader<'_>, tokens: &Range<usize>) -> bool {
    tokens
        .clone()
        .find(|&k| r.is_word(k) && !r.is_det(k) && !r.is_title(k) && !r.is_detached_apostrophe(k))
        .is_some_and(|k| r.capitalised(k))
}

/// Whether a mention is a demonym with its article and no name: "la Lyonnaise de 21 ans", "le Jamaïcain". It
/// describes a person and names nobody (unless the recogniser found a name there: "Le Parisien").
fn is_demonym(r: &Reader<'_>, names: &Names, tokens: &Range<usize>) -> bool {
    let word = tokens.start + 1;
    tokens.len() >= 2
        && r.is_det(tokens.start)
        && r.capitalised(word)
        && NATIONALITY_ENDINGS
            .iter()
            .any(|e| r.lower(word).ends_with(e))
        && (word + 1..tokens.end).all(|k| !r.capitalised(k))
        && !names.covers(word)
}

/// Whether the document is read with the English word lists.
fn english(r: &Reader<'_>) -> bool {
    r.lex.lang == Lang::En
}

/// How many blocks back a pronoun may look for its antecedent.
const PRONOUN_REACH: usize = 3;

/// The speaker a mention names: itself, or for a pronoun the last compatible source or name before it.
pub(super) fn resolve(
    r: &Reader<'_>,
    names: &Names,
    sources: &[Source],
    m: &Mention,
) -> Option<Speaker> {
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
    let block = r.block_of(at);
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
    // "Le ministre a rejeté ces accusations, qu'il juge « absurdes »": the subject of the pronoun's own
    // sentence, before it.
    // What the pronoun may stand for: of its gender and number; in English, no institution.
    let fits = |m: &Mention| {
        compatible(m.female, m.plural)
            && !(english(r) && (is_institution(r, m) || names.is_organisation(&m.tokens)))
    };
    // A description named by who it describes.
    let named_description = |m: &Mention| {
        described_before(r, names, m).unwrap_or_else(|| names.speaker(r, &m.tokens, m.female))
    };
    let own = (!in_sentence)
        .then(|| r.clause_subject(sentence_start, at))
        .flatten()
        .filter(|m| {
            m.pronoun.is_none() && m.tokens.end < at && fits(m) && person_like(r, names, m)
        });
    if let Some(own) = own {
        return Some(named_description(&own));
    }
    let continued = (!pronoun.plural() && !in_sentence)
        .then(|| previous_subject(r, names, at, reach, fits))
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
