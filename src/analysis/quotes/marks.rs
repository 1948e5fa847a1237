//! Quotation marks and their pairing: « », “ ”, ‹ › by direction, typewriter " by position, nested pairs kept
//! inside the outermost one, and quotations that run over several paragraphs (French reopens « or » at the start
//! of each paragraph, English reopens ").

use std::ops::Range;

use crate::analysis::Document;

/// The kinds of quotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Guillemet,
    Curly,
    Single,
    Straight,
}

impl Mark {
    fn opening(c: char) -> Option<Mark> {
        match c {
            '«' => Some(Mark::Guillemet),
            '“' => Some(Mark::Curly),
            '‹' => Some(Mark::Single),
            _ => None,
        }
    }

    fn closing(c: char) -> Option<Mark> {
        match c {
            '»' => Some(Mark::Guillemet),
            '”' => Some(Mark::Curly),
            '›' => Some(Mark::Single),
            _ => None,
        }
    }
}

/// An outermost pair of quotation marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Pair {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset of the closing mark.
    pub close: usize,
    /// The words inside, without the marks and the spaces around them.
    pub inner: Range<usize>,
    /// The block of the opening mark.
    pub block: usize,
}

/// Finds the outermost quotation pairs of the prose blocks, in text order.
pub(super) fn pairs(doc: &Document<'_>) -> Vec<Pair> {
    let text = doc.text;
    let blocks = &doc.article.blocks;
    let mut pairs = Vec::new();
    // Open marks: (kind, byte offset, block).
    let mut stack: Vec<(Mark, usize, usize)> = Vec::new();
    for (b, block) in blocks.iter().enumerate() {
        if !block.kind.is_prose() {
            stack.clear();
            continue;
        }
        let range = block.span.bytes();
        let Some(slice) = text.get(range.clone()) else {
            continue;
        };
        let mut skip_first = None;
        if !stack.is_empty() {
            // A quotation left open by the previous paragraph continues if this one reopens it.
            let trimmed = slice.trim_start();
            let first = trimmed.chars().next();
            let outer = stack[0].0;
            let reopens = match first {
                Some('«') | Some('»') => outer == Mark::Guillemet,
                Some('“') => outer == Mark::Curly,
                Some('"') => outer == Mark::Straight,
                _ => false,
            };
            if reopens {
                skip_first = Some(range.start + (slice.len() - trimmed.len()));
            } else {
                stack.clear();
            }
        }
        for (i, c) in slice.char_indices() {
            let at = range.start + i;
            if Some(at) == skip_first {
                continue;
            }
            if let Some(kind) = Mark::opening(c) {
                stack.push((kind, at, b));
            } else if let Some(kind) = Mark::closing(c) {
                close(&mut stack, kind, at, text, &mut pairs);
            } else if c == '"' {
                if stack.iter().any(|(k, _, _)| *k == Mark::Straight) {
                    close(&mut stack, Mark::Straight, at, text, &mut pairs);
                } else if !after_digit(slice, i) {
                    // Seconds or inches (43"18) cannot open a quotation.
                    stack.push((Mark::Straight, at, b));
                }
            }
        }
        // Marks opened inside a paragraph that does not end the quotation: only the outermost can continue.
        stack.truncate(1);
        if stack.first().is_some_and(|(_, _, ob)| *ob != b) && stack.is_empty() {
            stack.clear();
        }
    }
    pairs
}

/// Closes the innermost open mark of `kind`, dropping unclosed marks opened after it; records the pair when it is
/// an outermost one.
fn close(
    stack: &mut Vec<(Mark, usize, usize)>,
    kind: Mark,
    at: usize,
    text: &str,
    pairs: &mut Vec<Pair>,
) {
    let Some(pos) = stack.iter().rposition(|(k, _, _)| *k == kind) else {
        return;
    };
    let (_, open, block) = stack[pos];
    stack.truncate(pos);
    if pos > 0 {
        return;
    }
    let start = open + text[open..].chars().next().map_or(1, char::len_utf8);
    let inner = trim(text, start..at);
    if !inner.is_empty() {
        pairs.push(Pair {
            open,
            close: at,
            inner,
            block,
        });
    }
}

/// Whether the `"` at byte `i` of `slice` follows a digit directly (43"18, 12"): seconds or inches, not a mark.
fn after_digit(slice: &str, i: usize) -> bool {
    slice[..i]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit())
}

/// A byte range without the whitespace (including no-break and narrow no-break spaces) at its ends.
fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Format, load_str};

    fn inner(input: &str) -> Vec<String> {
        let article = load_str(input, Format::Text, None);
        let doc = Document::new(&article);
        pairs(&doc)
            .into_iter()
            .map(|p| input[p.inner].to_string())
            .collect()
    }

    #[test]
    fn marks_pair_by_direction_and_position() {
        let rows: &[(&str, &[&str])] = &[
            ("Il a dit « oui » puis « non ».", &["oui", "non"]),
            ("He said “yes” and “no”.", &["yes", "no"]),
            ("Il a dit \"oui\" puis \"non\".", &["oui", "non"]),
            ("Elle a dit ‹ peut-être ›.", &["peut-être"]),
            (
                "« Il m'a dit “ viens ” hier »",
                &["Il m'a dit “ viens ” hier"],
            ),
            (
                "« Il a crié « au feu » puis est parti »",
                &["Il a crié « au feu » puis est parti"],
            ),
            (
                "«\u{a0}sous contrôle\u{a0}» et «\u{202f}bien\u{202f}»",
                &["sous contrôle", "bien"],
            ),
            ("Un « ouvert sans fin.", &[]),
            ("Il court le 400 m en 43\"18, un record.", &[]),
            (
                "Il a dit \"rendez-vous en 2026\" hier.",
                &["rendez-vous en 2026"],
            ),
            ("« »", &[]),
        ];
        for (input, want) in rows {
            assert_eq!(inner(input), *want, "{input:?}");
        }
    }

    #[test]
    fn a_quotation_runs_over_paragraphs_that_reopen_it() {
        let input = "Il a dit : « Premier paragraphe.\n« Second paragraphe. »\nFin.\n";
        assert_eq!(inner(input), ["Premier paragraphe.\n« Second paragraphe."]);
        let input = "He said: \"First part.\n\"Second part.\"\n";
        assert_eq!(inner(input), ["First part.\n\"Second part."]);
        // A paragraph that does not reopen the quotation ends it without a pair.
        assert_eq!(
            inner("Il a dit : « Rien.\nAutre chose.\n"),
            Vec::<String>::new()
        );
    }
}
