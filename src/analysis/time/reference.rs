//! The reference date inferred from the text: a dateline near the start ("1er mars 2018 . –"), or a
//! "ce vendredi 17 mars" whose weekday decides the year.

use chrono::{Datelike, NaiveDate};

use super::recognition::{self, Expr, Tok};
use super::resolution::weekday_of;
use crate::analysis::Document;
use crate::article::Lang;

/// How many blocks from the start a dateline may be in (a title and a byline come first).
const DATELINE_BLOCKS: usize = 4;
/// How many tokens into its block a dateline may start ("PARIS, 1er mars 2018", "Publié le …").
const DATELINE_OFFSET: usize = 5;

/// The reference date the text itself gives, if any.
pub(crate) fn from_text(doc: &Document<'_>, lang: Lang, today: NaiveDate) -> Option<NaiveDate> {
    dateline(doc, lang).or_else(|| this_weekday(doc, lang, today))
}

fn sentence_toks<'a>(doc: &Document<'a>, s: &crate::analysis::text::Sentence) -> Vec<Tok<'a>> {
    doc.tokens[s.tokens.clone()]
        .iter()
        .map(|t| Tok::new(doc.text, t))
        .collect()
}

fn dateline(doc: &Document<'_>, lang: Lang) -> Option<NaiveDate> {
    let mut seen_blocks = 0;
    let mut last_block = usize::MAX;
    for s in doc.prose_sentences() {
        if s.block == last_block {
            continue;
        }
        last_block = s.block;
        seen_blocks += 1;
        let toks = sentence_toks(doc, s);
        for found in recognition::find(&toks, lang) {
            if found.first > DATELINE_OFFSET {
                break;
            }
            let Expr::Date {
                year: Some(y),
                month: Some(m),
                day,
                ..
            } = found.expr
            else {
                continue;
            };
            // A dateline: a date followed by its dash ("3 juillet 2016 . –"), or introduced as the
            // publication date ("Publié le 17/03/2023"), or standing alone on its line near the start. A date
            // opening the first sentence ("Le 8 mai 1945, …") is what the article is about, not its date.
            let after = toks[found.last].end;
            // On the same line, after at most a place ("4 août 2016, Bolivie, cratère de Maragua . –").
            let dashed = doc.text[after..]
                .chars()
                .take(60)
                .take_while(|&c| c != '\n')
                .any(|c| matches!(c, '–' | '—'));
            let published = toks[..found.first].iter().any(|t| {
                matches!(
                    &*t.w,
                    "publie"
                        | "publiee"
                        | "jour"
                        | "published"
                        | "updated"
                        | "posted"
                        | "modifie"
                        | "date"
                )
            });
            let block_end = doc
                .article
                .blocks
                .get(s.block)
                .map_or(s.end, |b| b.span.byte_end);
            let alone = doc.text[after..block_end]
                .split_whitespace()
                .take(4)
                .count()
                < 4;
            if dashed || (seen_blocks <= DATELINE_BLOCKS && (published || alone)) {
                return NaiveDate::from_ymd_opt(y, m, day);
            }
        }
    }
    None
}

/// "ce vendredi 17 mars": the latest year, not after today, in which that day is that weekday.
fn this_weekday(doc: &Document<'_>, lang: Lang, today: NaiveDate) -> Option<NaiveDate> {
    for s in doc.prose_sentences() {
        let toks = sentence_toks(doc, s);
        for found in recognition::find(&toks, lang) {
            let Expr::Date {
                year: None,
                month: Some(m),
                day,
                weekday: Some(wd),
            } = found.expr
            else {
                continue;
            };
            let this = |k: usize| matches!(&*toks[k].w, "ce" | "this");
            if !(this(found.first) || found.first > 0 && this(found.first - 1)) {
                continue;
            }
            let wd = weekday_of(wd);
            let found = (today.year() - 30..=today.year())
                .rev()
                .filter_map(|y| NaiveDate::from_ymd_opt(y, m, day))
                .find(|d| *d <= today && d.weekday() == wd);
            if found.is_some() {
                return found;
            }
        }
    }
    None
}
