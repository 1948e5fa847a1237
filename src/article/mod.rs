//! The article model and its loaders.
//!
//! Every loader produces the same [`Article`]: metadata, the analysed `text`, the typed [`Block`]s that cover
//! it and the related-article items. Every string that comes from the input is sanitised on the way in
//! ([`sanitize`]), so nothing an article holds can drive the terminal.

mod html;
mod json;
pub mod lang;
mod markdown;
mod meta;
pub mod sanitize;
mod sniff;
mod span;
mod text;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use lang::Lang;
pub use sniff::{Format, sniff_format};
pub use span::{CharIndex, Span};

use crate::error::{Error, ErrorKind, Result};

/// Inputs larger than this (16 MiB) are refused with a message; a file is refused before it is read. The whole
/// analysis costs about 0.4 s and 25 MB of memory per MB of dense news text (measured on the release build: a
/// 16 MB article in 6 s and 400 MB), so this keeps the worst case to seconds and hundreds of megabytes, while
/// the longest real article is a few hundred kilobytes and a whole novel one or two megabytes.
pub const MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

/// The most related-article items an article keeps: real articles list a few, a hostile one could list
/// hundreds of thousands, each matched against every article of the library. Items past it stay in the text.
pub const MAX_RELATED: usize = 100;

/// A news article: what the reader shows and what the analysis reads.
#[derive(Clone, Debug, Default)]
pub struct Article {
    /// Where it was loaded from (`-` for standard input), if anywhere.
    pub path: Option<PathBuf>,
    /// The format it was read as.
    pub format: Format,
    pub title: Option<String>,
    /// The publication that published it, e.g. "LINFO.re".
    pub site: Option<String>,
    /// Its canonical address.
    pub url: Option<String>,
    pub authors: Vec<String>,
    /// The publication date the input declares (metadata), if any.
    pub published: Option<NaiveDate>,
    pub language: Lang,
    /// The analysed text. For plain text it is the file itself, so offsets index the file.
    pub text: String,
    /// Typed blocks covering the text, in order.
    pub blocks: Vec<Block>,
    /// The related-article items ("À lire aussi", "Read more"), in document order.
    pub related: Vec<RelatedLink>,
}

/// What a block of the article is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Title,
    Heading,
    #[default]
    Paragraph,
    /// A line set apart from the text that is neither a related item nor a promotion.
    Aside,
    /// A related-article item ("À lire aussi : …").
    Related,
    /// A promotion of the site ("Toute l'actualité … sur SITE").
    Promo,
    Blockquote,
}

impl BlockKind {
    /// Whether the block belongs to the article's own prose, which the analysis reads for quotes and dates
    /// (related titles and promotions are not the article speaking).
    pub fn is_prose(self) -> bool {
        matches!(
            self,
            BlockKind::Title
                | BlockKind::Heading
                | BlockKind::Paragraph
                | BlockKind::Blockquote
                | BlockKind::Aside
        )
    }
}

/// A run of the text with its kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
}

/// A related-article item: the title of another article, and its address when the input gives one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelatedLink {
    pub title: String,
    pub url: Option<String>,
    /// Where the item stands in the text, when it is shown there.
    pub span: Option<Span>,
}

impl Article {
    /// The text of a span of this article.
    pub fn slice(&self, span: Span) -> &str {
        span.text(&self.text)
    }

    /// The title, or else the first sentence of the text: what a header or a list shows.
    pub fn display_title(&self) -> String {
        if let Some(title) = self.title.as_deref().filter(|t| !t.trim().is_empty()) {
            return title.trim().to_string();
        }
        let first = self
            .blocks
            .iter()
            .find(|b| b.kind.is_prose())
            .map(|b| self.slice(b.span))
            .unwrap_or("");
        first_sentence(first).to_string()
    }
}

/// The first sentence of a paragraph: up to the first full stop, question or exclamation mark that is followed by
/// a space, or the whole paragraph. A full stop after a short capitalised word ("M.", "Dr.") is an abbreviation.
pub fn first_sentence(paragraph: &str) -> &str {
    let trimmed = paragraph.trim();
    for (i, c) in trimmed.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let rest = &trimmed[i + c.len_utf8()..];
        if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
            continue;
        }
        let word = trimmed[..i]
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("");
        let abbreviation = c == '.'
            && word.chars().count() <= 3
            && word.chars().next().is_some_and(char::is_uppercase);
        if !abbreviation {
            return &trimmed[..i + c.len_utf8()];
        }
    }
    trimmed
}

/// Reads an article file, choosing the loader from its extension or, failing that, from its content.
pub fn load_path(path: &Path) -> Result<Article> {
    let bytes = read_limited(path)?;
    let hint = Format::from_extension(path);
    let mut article = load_bytes(&bytes, hint)?;
    article.path = Some(path.to_path_buf());
    Ok(article)
}

/// Reads an article from standard input, sniffing its format.
pub fn load_stdin() -> Result<Article> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io("-", e))?;
    check_size(bytes.len() as u64)?;
    let mut article = load_bytes(&bytes, None)?;
    article.path = Some(PathBuf::from("-"));
    Ok(article)
}

/// Reads a file of at most [`MAX_FILE_SIZE`] bytes. A regular file's size is checked before anything is read;
/// other files (a pipe such as `<(curl …)`, a device) are read up to the limit and a byte, so that
/// `/dev/zero` is refused too instead of filling the memory.
fn read_limited(path: &Path) -> Result<Vec<u8>> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        return Err(Error::io(
            path,
            std::io::Error::other("is a folder, not an article"),
        ));
    }
    if meta.is_file() {
        check_size(meta.len())?;
    }
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len().min(MAX_FILE_SIZE)).unwrap_or(0));
    file.take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    check_size(bytes.len() as u64)?;
    Ok(bytes)
}

fn check_size(size: u64) -> Result<()> {
    if size > MAX_FILE_SIZE {
        return Err(ErrorKind::TooLarge {
            size,
            limit: MAX_FILE_SIZE,
        }
        .into());
    }
    Ok(())
}

/// Loads an article from raw bytes. `hint` is the format the caller believes in (from a file extension);
/// `None` sniffs it from the content. Input that does not parse in its format (a `.json` file that is not an
/// article), binary data and input with nothing but white space are errors, so that the command line can
/// report them.
pub fn load_bytes(bytes: &[u8], hint: Option<Format>) -> Result<Article> {
    let decoded = sanitize::decode_unsanitized(bytes)?;
    if decoded.trim().is_empty() {
        return Err(ErrorKind::Empty.into());
    }
    let format = hint.unwrap_or_else(|| sniff_format(&decoded));
    try_load_str(&decoded, format, None)
}

/// Loads an article from text already decoded, in a known format. Structured formats that fail to parse
/// (JSON that is not an article) fall back to plain text, so that something readable is always shown;
/// use [`try_load_str`] to see the error instead.
pub fn load_str(input: &str, format: Format, lang: Option<Lang>) -> Article {
    try_load_str(input, format, lang).unwrap_or_else(|_| {
        let mut article = text::load(&sanitize::prepare(input));
        finish(&mut article, lang);
        article
    })
}

/// Loads an article from decoded text in a known format, reporting a parse error.
pub fn try_load_str(input: &str, format: Format, lang: Option<Lang>) -> Result<Article> {
    // Structured formats may declare their language; an explicit choice still wins.
    let (mut article, declared) = match format {
        // The text is the input itself, so it is sanitised whole; the structured formats sanitise every string
        // they take, so that an escape sequence inside markup cannot swallow the markup after it.
        Format::Text => (text::load(&sanitize::prepare(input)), None),
        Format::Html => html::load(input)?,
        Format::Json => json::load(input)?,
        // Markdown is text with marks: like plain text, an escape sequence ends at the end of its line.
        Format::Markdown => markdown::load(&sanitize::prepare(input))?,
    };
    article.format = format;
    finish(&mut article, lang.or(declared));
    Ok(article)
}

/// The steps every loader shares: sanitising metadata, and choosing the language.
fn finish(article: &mut Article, lang: Option<Lang>) {
    article.title = article
        .title
        .take()
        .map(|t| sanitize::clean_line(&t))
        .filter(|t| !t.is_empty());
    article.site = article
        .site
        .take()
        .map(|t| sanitize::clean_line(&t))
        .filter(|t| !t.is_empty());
    article.url = article
        .url
        .take()
        .map(|t| sanitize::clean_line(&t))
        .filter(|t| !t.is_empty());
    for author in &mut article.authors {
        *author = sanitize::clean_line(author);
    }
    article.authors.retain(|a| !a.is_empty());
    article.related.truncate(MAX_RELATED);
    for link in &mut article.related {
        link.title = sanitize::clean_line(&link.title);
        link.url = link.url.take().map(|u| sanitize::clean_line(&u));
    }
    article.language = lang.unwrap_or_else(|| lang::detect(&article.text));
}

/// Builds an article's text from its parts, one block per line, keeping spans right: the structured loaders
/// (HTML, JSON, Markdown) all assemble their text through it.
#[derive(Default)]
pub(crate) struct TextBuilder {
    text: String,
    chars: usize,
    blocks: Vec<Block>,
}

impl TextBuilder {
    /// Appends one block. Its text is sanitised and its inner line breaks folded, so a block is one line.
    /// Returns the block's span, or `None` when nothing was left to add.
    pub(crate) fn push(&mut self, kind: BlockKind, content: &str) -> Option<Span> {
        let line = sanitize::clean_line(content);
        if line.is_empty() {
            return None;
        }
        if !self.text.is_empty() {
            self.text.push('\n');
            self.chars += 1;
        }
        let byte_start = self.text.len();
        let char_start = self.chars;
        self.text.push_str(&line);
        self.chars += line.chars().count();
        let span = Span::new(byte_start..self.text.len(), char_start..self.chars);
        self.blocks.push(Block { kind, span });
        Some(span)
    }

    /// The text and its blocks.
    pub(crate) fn finish(mut self) -> (String, Vec<Block>) {
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        (self.text, self.blocks)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_sentence_stops_at_the_first_full_stop_followed_by_space() {
        assert_eq!(
            first_sentence("M. Dupont vient. Puis part."),
            "M. Dupont vient."
        );
        assert_eq!(first_sentence("Il vient. Puis part."), "Il vient.");
        assert_eq!(first_sentence("Version 2.0 sortie"), "Version 2.0 sortie");
    }

    #[test]
    fn builder_spans_index_the_text_in_chars_and_bytes() {
        let mut b = TextBuilder::default();
        b.push(BlockKind::Title, "Été");
        b.push(BlockKind::Paragraph, "  à  Noël\n  ");
        let (text, blocks) = b.finish();
        assert_eq!(text, "Été\nà Noël\n");
        assert_eq!(blocks[1].span.text(&text), "à Noël");
        assert_eq!(blocks[1].span.chars(), 4..10);
    }
}
