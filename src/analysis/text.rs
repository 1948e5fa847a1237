//! Tokens and sentences: the common ground of every analyser.
//!
//! Tokens never cross a block, and sentences never cross a block either. French elision splits after the
//! apostrophe (`l'` `Élysée`, `qu'` `il`), but fixed words keep theirs (`aujourd'hui`); English `'s` is a token
//! of its own. Hyphenated words (`Saint-Pétersbourg`, `a-t-il`) stay whole.

use std::ops::Range;

use crate::article::{Article, BlockKind, CharIndex, Span};

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with digits, inner hyphens and apostrophes).
    Word,
    /// Digits, possibly with inner `.`, `,`, `/`, `:` or letters (`17/03/2023`, `1er`, `42,195`).
    Number,
    /// One punctuation mark or symbol (`…` and `...` count as one).
    Punct,
}

/// A token: a byte range of the text and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// A sentence: its byte range, its tokens (indices into [`Document::tokens`]) and the block it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub tokens: Range<usize>,
    pub block: usize,
}

/// An article prepared for analysis: its text cut into tokens and sentences, with a char index to report
/// offsets in the contract's unit.
pub struct Document<'a> {
    pub article: &'a Article,
    pub text: &'a str,
    pub index: CharIndex,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
}

impl<'a> Document<'a> {
    pub fn new(article: &'a Article) -> Self {
        let text = article.text.as_str();
        let mut tokens = Vec::with_capacity(text.len() / 5);
        let mut sentences = Vec::new();
        for (block_index, block) in article.blocks.iter().enumerate() {
            let first = tokens.len();
            tokenize_into(text, block.span.bytes(), &mut tokens);
            split_sentences(text, &tokens, first, block_index, &mut sentences);
        }
        Document {
            article,
            text,
            index: CharIndex::new(text),
            tokens,
            sentences,
        }
    }

    /// A span, with char offsets, from a byte range.
    pub fn span(&self, bytes: Range<usize>) -> Span {
        self.index.span(self.text, bytes)
    }

    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    /// The kind of the block a sentence belongs to.
    pub fn block_kind(&self, sentence: &Sentence) -> BlockKind {
        self.article
            .blocks
            .get(sentence.block)
            .map(|b| b.kind)
            .unwrap_or_default()
    }

    /// The sentences of the article's own prose (not related items or promotions).
    pub fn prose_sentences(&self) -> impl Iterator<Item = &Sentence> {
        self.sentences
            .iter()
            .filter(|s| self.block_kind(s).is_prose())
    }

    /// The index of the sentence holding a byte offset, if any.
    pub fn sentence_at(&self, byte: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= byte);
        (i < self.sentences.len() && self.sentences[i].start <= byte).then_some(i)
    }
}

/// Words whose apostrophe is not an elision.
const APOSTROPHE_WORDS: &[&str] = &["aujourd", "presqu", "quelqu", "prud", "entr"];

/// Elided French words that end at their apostrophe.
fn is_elision(word: &str) -> bool {
    let lower = word.to_lowercase();
    matches!(
        lower.as_str(),
        "l" | "d"
            | "j"
            | "m"
            | "n"
            | "s"
            | "t"
            | "c"
            | "qu"
            | "jusqu"
            | "lorsqu"
            | "puisqu"
            | "quoiqu"
    )
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn tokenize_into(text: &str, range: Range<usize>, tokens: &mut Vec<Token>) {
    let slice = &text[range.clone()];
    let base = range.start;
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let numeric = c.is_ascii_digit();
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() || d == '\u{AD}' {
                    chars.next();
                    end = j + d.len_utf8();
                    continue;
                }
                // Inner joiners: a hyphen or apostrophe in a word, a separator in a number, when an
                // alphanumeric character follows.
                let joins = if numeric {
                    matches!(d, '.' | ',' | '/' | ':' | '-')
                } else {
                    d == '-'
                        || d == '‑'
                        || is_apostrophe(d)
                        || d == '.' && is_initialism(&slice[i..end])
                };
                if !joins {
                    break;
                }
                let next = slice[j + d.len_utf8()..].chars().next();
                if !next.is_some_and(char::is_alphanumeric) {
                    break;
                }
                if is_apostrophe(d) && !numeric {
                    let word = &slice[i..end];
                    if is_elision(word) && !APOSTROPHE_WORDS.contains(&word.to_lowercase().as_str())
                    {
                        // Split after the apostrophe: `l'` is a token.
                        chars.next();
                        end = j + d.len_utf8();
                        break;
                    }
                    let rest = &slice[j + d.len_utf8()..];
                    if rest.starts_with(['s', 'S']) && !rest[1..].starts_with(char::is_alphanumeric)
                    {
                        // English possessive: `'s` is its own token.
                        break;
                    }
                }
                chars.next();
                end = j + d.len_utf8();
            }
            let kind = if numeric {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            tokens.push(Token {
                start: base + i,
                end: base + end,
                kind,
            });
            continue;
        }
        // Punctuation: `...` is one token, `'s` after a word is one token.
        let mut end = i + c.len_utf8();
        if c == '.' {
            while let Some(&(j, '.')) = chars.peek() {
                chars.next();
                end = j + 1;
            }
        } else if is_apostrophe(c)
            && let Some(&(j, s)) = chars.peek()
            && (s == 's' || s == 'S')
            && !slice[j + 1..].starts_with(char::is_alphanumeric)
            && tokens.last().is_some_and(|t| t.end == base + i)
        {
            chars.next();
            end = j + 1;
            tokens.push(Token {
                start: base + i,
                end: base + end,
                kind: TokenKind::Word,
            });
            continue;
        }
        tokens.push(Token {
            start: base + i,
            end: base + end,
            kind: TokenKind::Punct,
        });
    }
}

/// `U.S`, `O.N.U`: single letters joined by full stops.
fn is_initialism(word: &str) -> bool {
    word.split('.')
        .all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase))
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "M", "MM", "Mme", "Mmes", "Mlle", "Dr", "Pr", "Me", "Mgr", "St", "Ste", "av", "apr", "J.-C",
    "etc", "cf", "n°", "Mr", "Mrs", "Ms", "Jr", "Sr", "Gen", "Gov", "Sen", "Rep", "Prof", "Inc",
    "Ltd", "Co", "Corp", "vs", "No", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "janv",
    "févr", "sept", "oct", "nov", "déc",
];

/// Abbreviations that are also words ("le vol.", "No."): abbreviations only before a number ("vol. 3", "p. 12").
const NUMBERED_ABBREVIATIONS: &[&str] = &["p", "vol", "No", "no"];

/// The most tokens a sentence holds: the longest sentences of real articles have a hundred or two.
pub const MAX_SENTENCE_TOKENS: usize = 500;

fn split_sentences(
    text: &str,
    tokens: &[Token],
    first: usize,
    block: usize,
    sentences: &mut Vec<Sentence>,
) {
    let mut start = first;
    let last = tokens.len();
    let mut i = first;
    while i < last {
        let t = tokens[i];
        let s = t.text(text);
        if i - start >= MAX_SENTENCE_TOKENS {
            // Past this a run of tokens is no sentence of prose (a flood of punctuation, a table flattened into
            // one line): it is cut, so that every analyser's work per sentence stays bounded.
            push_sentence(tokens, start..i, block, sentences);
            start = i;
        }
        let ends = match s {
            "!" | "?" | "…" | "..." => true,
            "." => {
                let previous = (i > start).then(|| tokens[i - 1]);
                let abbreviation = previous.is_some_and(|p| {
                    p.end == t.start && {
                        let w = p.text(text);
                        let numbered = NUMBERED_ABBREVIATIONS.contains(&w)
                            && tokens.get(i + 1).is_some_and(|n| {
                                n.text(text).starts_with(|c: char| c.is_ascii_digit())
                            });
                        ABBREVIATIONS.contains(&w)
                            || numbered
                            || (w.chars().count() == 1 && w.chars().all(char::is_uppercase))
                    }
                });
                !abbreviation
            }
            _ => false,
        };
        if ends {
            // Closing marks and brackets right after the stop belong to the sentence.
            let mut end = i + 1;
            while end < last && matches!(tokens[end].text(text), "»" | "\"" | "”" | ")" | "’" | "'")
            {
                end += 1;
            }
            // The next sentence must start with something that can open one.
            let opens = end >= last || {
                let next = tokens[end].text(text);
                next.starts_with(|c: char| {
                    c.is_uppercase()
                        || c.is_ascii_digit()
                        || matches!(c, '«' | '"' | '“' | '(' | '-' | '–' | '—')
                })
            };
            if opens {
                push_sentence(tokens, start..end, block, sentences);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    if start < last {
        push_sentence(tokens, start..last, block, sentences);
    }
}

fn push_sentence(
    tokens: &[Token],
    range: Range<usize>,
    block: usize,
    sentences: &mut Vec<Sentence>,
) {
    sentences.push(Sentence {
        start: tokens[range.start].start,
        end: tokens[range.end - 1].end,
        tokens: range,
        block,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Format, load_str};

    fn tokens(input: &str) -> Vec<String> {
        let article = load_str(input, Format::Text, None);
        let doc = Document::new(&article);
        (0..doc.tokens.len())
            .map(|i| doc.token_text(i).to_string())
            .collect()
    }

    #[test]
    fn tokens_follow_french_and_english_rules() {
        let rows: &[(&str, &[&str])] = &[
            ("l'Élysée d’Emmanuel", &["l'", "Élysée", "d’", "Emmanuel"]),
            ("aujourd'hui qu'il", &["aujourd'hui", "qu'", "il"]),
            (
                "Saint-Pétersbourg, a-t-il dit.",
                &["Saint-Pétersbourg", ",", "a-t-il", "dit", "."],
            ),
            (
                "le 17/03/2023 à 10:30, 42,195 km",
                &["le", "17/03/2023", "à", "10:30", ",", "42,195", "km"],
            ),
            ("le 1er mars", &["le", "1er", "mars"]),
            ("« Oui… »", &["«", "Oui", "…", "»"]),
            (
                "Xi's visit, O'Brien",
                &["Xi", "'s", "visit", ",", "O'Brien"],
            ),
            ("the U.S. army", &["the", "U.S", ".", "army"]),
        ];
        for (input, want) in rows {
            assert_eq!(tokens(input), *want, "{input:?}");
        }
    }

    #[test]
    fn sentences_split_at_stops_but_not_abbreviations() {
        let input = "M. Macron est venu. Il a dit « Bonjour. » Puis il est parti !\nNouvelle ligne sans point";
        let article = load_str(input, Format::Text, None);
        let doc = Document::new(&article);
        let got: Vec<&str> = doc
            .sentences
            .iter()
            .map(|s| &input[s.start..s.end])
            .collect();
        assert_eq!(
            got,
            [
                "M. Macron est venu.",
                "Il a dit « Bonjour. »",
                "Puis il est parti !",
                "Nouvelle ligne sans point"
            ]
        );
        assert_eq!(doc.sentence_at(input.find("Puis").unwrap()), Some(2));
        // "vol." and "p." are abbreviations only before a number.
        let input = "Il a raté son vol. Il est resté voir le vol. 3 et la p. 12 du rapport.";
        let article = load_str(input, Format::Text, None);
        let doc = Document::new(&article);
        assert_eq!(doc.sentences.len(), 2, "{:?}", doc.sentences);
    }
}
