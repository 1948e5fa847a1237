//! A library: a folder of articles, listed newest first, that related items resolve into.

pub mod index;
mod resolve;
pub mod state;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::article::{self, Article, BlockKind, Format, RelatedLink};
use crate::error::{Error, Result};
pub use resolve::{TITLE_SIMILARITY, normalize_title, normalize_url, same_title, title_similarity};

/// The article files of a folder and its sub-folders, sorted by path. Hidden files and folders are skipped, and
/// so are pipes, sockets and devices.
pub fn article_paths(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    collect(dir, &mut paths, 0)?;
    paths.sort();
    Ok(paths)
}

/// Sub-folders deeper than this are not read, which also keeps link cycles finite.
const MAX_DEPTH: usize = 8;

fn collect(dir: &Path, paths: &mut Vec<PathBuf>, depth: usize) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_dir() || (file_type.is_symlink() && path.is_dir()) {
            if depth < MAX_DEPTH {
                // An unreadable sub-folder does not hide the rest of the library.
                let _ = collect(&path, paths, depth + 1);
            }
        } else if Format::is_article_path(&path) && !is_special_file(&path) {
            paths.push(path);
        }
    }
    Ok(())
}

/// A pipe, socket or device named like an article: never read from a folder, since opening a pipe waits for a
/// writer that may never come. A link that leads nowhere is kept, so that `--json` reports it.
fn is_special_file(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// What the library list shows of one article, and what related items are matched against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibraryEntry {
    pub path: PathBuf,
    pub title: String,
    pub site: Option<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    /// The first sentence of the text, for a one-line lead.
    pub lead: String,
}

impl LibraryEntry {
    /// The entry of a loaded article.
    pub fn of(path: &Path, article: &Article) -> Self {
        let lead = lead(article);
        LibraryEntry {
            path: path.to_path_buf(),
            title: article.display_title(),
            site: article.site.clone(),
            published: article.published,
            url: article.url.clone(),
            lead,
        }
    }
}

/// Fewer words (with letters) than this make a dateline ("Brest, mardi 1er juin 2024."), not a lead.
const LEAD_WORDS: usize = 5;

/// The article's first sentence that says something: the first of at least [`LEAD_WORDS`] words (a dateline
/// before it is skipped), or else the first sentence at all.
fn lead(article: &Article) -> String {
    let mut first = None;
    for block in article
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
    {
        let mut rest = article.slice(block.span).trim();
        while !rest.is_empty() {
            let sentence = article::first_sentence(rest);
            if sentence.is_empty() {
                break;
            }
            let offset = rest.find(sentence).unwrap_or(0) + sentence.len();
            rest = rest.get(offset..).unwrap_or("").trim_start();
            let clean = sentence
                .trim_start_matches(|c: char| c.is_whitespace() || "–—-·•".contains(c))
                .trim();
            let words = clean
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .count();
            if words >= LEAD_WORDS {
                return clean.to_string();
            }
            first.get_or_insert(clean);
        }
    }
    first.unwrap_or("").to_string()
}

/// The articles of one or more folders, indexed for resolving related items.
#[derive(Clone, Debug, Default)]
pub struct Library {
    pub entries: Vec<LibraryEntry>,
    by_url: HashMap<String, usize>,
    by_title: HashMap<String, usize>,
    /// Each entry's title folded once ([`normalize_title`]), for the fuzzy comparison of every related item.
    folded: Vec<String>,
}

impl Library {
    /// Reads every article of the folders. Files that cannot be read are skipped: a library with one broken
    /// file still opens.
    pub fn open(dirs: &[PathBuf]) -> Library {
        // The same indexing as the reader's list: heads of big files only, several readers, one entry a file.
        Library::from_entries(index::index_all(dirs))
    }

    /// A library of entries already read.
    pub fn from_entries(entries: Vec<LibraryEntry>) -> Library {
        let mut library = Library::default();
        for entry in entries {
            library.push(entry);
        }
        library
    }

    /// Adds one entry (as they arrive from [`index::spawn_indexer`]); returns its index. When two articles
    /// share an address or a title, the one with the first path wins, whatever order they came in.
    pub fn push(&mut self, entry: LibraryEntry) -> usize {
        let i = self.entries.len();
        let entries = &self.entries;
        let claim = |map: &mut HashMap<String, usize>, key: String| {
            let slot = map.entry(key).or_insert(i);
            if entries.get(*slot).is_some_and(|e| entry.path < e.path) {
                *slot = i;
            }
        };
        if let Some(url) = &entry.url {
            claim(&mut self.by_url, normalize_url(url));
        }
        let folded = normalize_title(&entry.title);
        claim(&mut self.by_title, folded.clone());
        self.folded.push(folded);
        self.entries.push(entry);
        i
    }

    /// The article a related item leads to: by address first, then by the same or a nearly same title.
    pub fn resolve(&self, link: &RelatedLink) -> Option<&LibraryEntry> {
        if let Some(url) = &link.url
            && let Some(&i) = self.by_url.get(&normalize_url(url))
        {
            return self.entries.get(i);
        }
        let folded = normalize_title(&link.title);
        if let Some(&i) = self.by_title.get(&folded) {
            return self.entries.get(i);
        }
        self.entries
            .iter()
            .zip(&self.folded)
            .find(|(_, title)| resolve::same_folded_title(title, &folded))
            .map(|(entry, _)| entry)
    }

    /// The targets of an article's related items, as paths, for the JSON output.
    pub fn targets(&self, article: &Article) -> Vec<Option<String>> {
        article
            .related
            .iter()
            .map(|link| self.resolve(link).map(|e| e.path.display().to_string()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str, title: &str, url: Option<&str>) -> LibraryEntry {
        LibraryEntry {
            path: PathBuf::from(path),
            title: title.into(),
            site: None,
            published: None,
            url: url.map(str::to_string),
            lead: String::new(),
        }
    }

    #[test]
    fn related_items_resolve_by_url_then_title() {
        let library = Library::from_entries(vec![
            entry(
                "a.html",
                "Le port de Brest accueillera un sommet",
                Some("https://ex.fr/brest"),
            ),
            entry("b.txt", "À Lorient, la pêche se réinvente", None),
        ]);
        let link = |title: &str, url: Option<&str>| RelatedLink {
            title: title.into(),
            url: url.map(str::to_string),
            span: None,
        };
        let found = |l: &RelatedLink| library.resolve(l).map(|e| e.path.display().to_string());
        assert_eq!(
            found(&link(
                "Autre titre",
                Some("http://www.ex.fr/brest/?utm_source=x")
            ))
            .as_deref(),
            Some("a.html")
        );
        assert_eq!(
            found(&link("A Lorient : la peche se reinvente", None)).as_deref(),
            Some("b.txt")
        );
        assert_eq!(
            found(&link("À Lorient, la pêche se réinventte", None)).as_deref(),
            Some("b.txt")
        );
        assert_eq!(
            found(&link("À Lorient, la chasse se réinvente", None)),
            None
        );
    }

    #[test]
    fn the_lead_skips_a_dateline() {
        let rows = [
            (
                "Un titre\n\nQuimper, jeudi 2 mai 2024. Les bibliothèques ouvriront le dimanche dès juin.\n",
                "Les bibliothèques ouvriront le dimanche dès juin.",
            ),
            (
                "Un titre\n\n3 mai 2024. – La mairie a voté hier un budget de dix millions.\n",
                "La mairie a voté hier un budget de dix millions.",
            ),
            ("Un titre\n\nCourt. Bref.\n", "Court."),
        ];
        for (text, expected) in rows {
            let article = article::load_str(text, Format::Text, None);
            assert_eq!(
                LibraryEntry::of(Path::new("a.txt"), &article).lead,
                expected,
                "{text}"
            );
        }
    }
}
