//! Spans of text that carry both byte offsets (to slice Rust strings) and char offsets (the contract's unit).

use std::ops::Range;

/// A run of an article's text, as byte and char (Unicode scalar value) ranges, end exclusive.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub byte_start: usize,
    pub byte_end: usize,
    pub char_start: usize,
    pub char_end: usize,
}

impl Span {
    /// A span from its byte and char ranges.
    pub fn new(bytes: Range<usize>, chars: Range<usize>) -> Self {
        Span {
            byte_start: bytes.start,
            byte_end: bytes.end,
            char_start: chars.start,
            char_end: chars.end,
        }
    }

    /// The byte range, to slice the text.
    pub fn bytes(&self) -> Range<usize> {
        self.byte_start..self.byte_end
    }

    /// The char range, as the JSON contract counts.
    pub fn chars(&self) -> Range<usize> {
        self.char_start..self.char_end
    }

    /// The text of the span. An out-of-range span yields an empty string rather than a panic.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.bytes()).unwrap_or("")
    }

    pub fn is_empty(&self) -> bool {
        self.byte_start >= self.byte_end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.byte_start < other.byte_end && other.byte_start < self.byte_end
    }

    /// Whether `other` lies within this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.byte_start <= other.byte_start && other.byte_end <= self.byte_end
    }
}

/// Turns byte offsets of one text into char offsets in constant time per lookup (after a linear pass), so that
/// analysers can work in bytes and still report the contract's char offsets.
#[derive(Clone, Debug)]
pub struct CharIndex {
    /// Chars before the start of each block of `BLOCK` bytes.
    chars_before_block: Vec<usize>,
}

const BLOCK: usize = 64;

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut chars_before_block = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut count = 0;
        for chunk in bytes.chunks(BLOCK) {
            chars_before_block.push(count);
            count += chunk.iter().filter(|&&b| !is_continuation(b)).count();
        }
        chars_before_block.push(count);
        CharIndex { chars_before_block }
    }

    /// The char offset of a byte offset of `text` (which must be the text the index was built from). A byte
    /// offset inside a character counts that character as before it.
    pub fn char_at(&self, text: &str, byte: usize) -> usize {
        let byte = byte.min(text.len());
        let block = byte / BLOCK;
        let base = self.chars_before_block.get(block).copied().unwrap_or(0);
        base + text.as_bytes()[block * BLOCK..byte]
            .iter()
            .filter(|&&b| !is_continuation(b))
            .count()
    }

    /// A span from a byte range of `text`.
    pub fn span(&self, text: &str, bytes: Range<usize>) -> Span {
        let chars = self.char_at(text, bytes.start)..self.char_at(text, bytes.end);
        Span::new(bytes, chars)
    }
}

fn is_continuation(byte: u8) -> bool {
    byte & 0b1100_0000 == 0b1000_0000
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_counts_scalar_values_across_blocks() {
        let text = "é".repeat(100) + "abc";
        let index = CharIndex::new(&text);
        assert_eq!(index.char_at(&text, 0), 0);
        assert_eq!(index.char_at(&text, 2), 1);
        assert_eq!(index.char_at(&text, 200), 100);
        assert_eq!(index.char_at(&text, 202), 102);
        let span = index.span(&text, 198..201);
        assert_eq!(span.text(&text), "éa");
        assert_eq!(span.chars(), 99..101);
    }
}
