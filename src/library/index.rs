//! Indexing a library off the caller's thread, on a few worker threads: each article file is read (only its head when it is big), turned
//! into a [`LibraryEntry`] and sent over a channel as soon as it is ready, so that a list can fill while the rest
//! is still being read.

use std::cmp::Ordering;
use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering as AtomicOrdering};
use std::sync::mpsc::{self, Receiver, Sender};

use super::{LibraryEntry, article_paths};
use crate::article::{self, Format};

/// Files bigger than this are indexed from their first bytes only: the title, the metadata and the lead are at
/// the start. A format that cannot be read from a part (JSON) is read whole.
pub const HEAD_BYTES: usize = 128 * 1024;

/// What the indexing thread sends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IndexEvent {
    /// One more article.
    Entry(LibraryEntry),
    /// Every file has been read.
    Done,
}

/// The entry of one article file, reading only its head when it is big. `None` when it cannot be read.
pub fn index_file(path: &Path) -> Option<LibraryEntry> {
    let file = std::fs::File::open(path).ok()?;
    // One read of at most the head and a byte: a file that fits is read whole, once.
    let mut head = Vec::with_capacity(16 * 1024);
    file.take(HEAD_BYTES as u64 + 1)
        .read_to_end(&mut head)
        .ok()?;
    let hint = Format::from_extension(path);
    if head.len() <= HEAD_BYTES {
        let article = article::load_bytes(&head, hint).ok()?;
        return Some(LibraryEntry::of(path, &article));
    }
    head.truncate(HEAD_BYTES);
    // Cut an incomplete character at the end of the head.
    if let Err(e) = std::str::from_utf8(&head)
        && e.error_len().is_none()
    {
        head.truncate(e.valid_up_to());
    }
    let from_head = if hint == Some(Format::Json) {
        None
    } else {
        article::load_bytes(&head, hint).ok()
    };
    let article = match from_head {
        Some(article) => article,
        None => article::load_path(path).ok()?,
    };
    Some(LibraryEntry::of(path, &article))
}

/// Starts indexing the folders off the caller's thread: the files are listed first, then read by a few worker
/// threads (one per core, at most [`MAX_WORKERS`]). Entries arrive on the receiver as they are read, in no set
/// order, then [`IndexEvent::Done`]. A file reached through two folders is indexed once. The threads stop early
/// when the receiver is dropped.
pub fn spawn_indexer(dirs: Vec<PathBuf>) -> Receiver<IndexEvent> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || index_into(&dirs, &tx));
    rx
}

/// The most threads that read articles at once.
pub const MAX_WORKERS: usize = 4;

fn index_into(dirs: &[PathBuf], tx: &Sender<IndexEvent>) {
    let mut seen = HashSet::new();
    let mut paths = Vec::new();
    // The files of one folder are all different: only several folders need their files compared.
    let compare = dirs.len() > 1;
    for dir in dirs {
        let found = if dir.is_dir() {
            article_paths(dir).unwrap_or_default()
        } else {
            vec![dir.clone()]
        };
        for path in found {
            if compare {
                let key = path.canonicalize().unwrap_or_else(|_| path.clone());
                if !seen.insert(key) {
                    continue;
                }
            }
            paths.push(path);
        }
    }
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, MAX_WORKERS)
        .min(paths.len().max(1));
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let tx = tx.clone();
            let (paths, next, stop) = (&paths, &next, &stop);
            scope.spawn(move || {
                while !stop.load(AtomicOrdering::Relaxed) {
                    let i = next.fetch_add(1, AtomicOrdering::Relaxed);
                    let Some(path) = paths.get(i) else {
                        break;
                    };
                    if let Some(entry) = index_file(path)
                        && tx.send(IndexEvent::Entry(entry)).is_err()
                    {
                        stop.store(true, AtomicOrdering::Relaxed);
                    }
                }
            });
        }
    });
    let _ = tx.send(IndexEvent::Done);
}

/// Indexes the folders and waits for the end: every entry, in path order.
pub fn index_all(dirs: &[PathBuf]) -> Vec<LibraryEntry> {
    let mut entries: Vec<LibraryEntry> = spawn_indexer(dirs.to_vec())
        .iter()
        .filter_map(|event| match event {
            IndexEvent::Entry(entry) => Some(entry),
            IndexEvent::Done => None,
        })
        .collect();
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    entries
}

/// The library list's order: newest first by published date, undated articles last, then by path.
pub fn newest_first(a: &LibraryEntry, b: &LibraryEntry) -> Ordering {
    match (a.published, b.published) {
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
    .then_with(|| a.path.cmp(&b.path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn entry(path: &str, date: Option<(i32, u32, u32)>) -> LibraryEntry {
        LibraryEntry {
            path: PathBuf::from(path),
            title: path.into(),
            site: None,
            published: date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
            url: None,
            lead: String::new(),
        }
    }

    #[test]
    fn newest_first_then_undated_by_path() {
        let mut entries = [
            entry("b.txt", None),
            entry("old.txt", Some((2020, 1, 5))),
            entry("a.txt", None),
            entry("new.txt", Some((2024, 6, 1))),
            entry("same-b.txt", Some((2022, 3, 3))),
            entry("same-a.txt", Some((2022, 3, 3))),
        ];
        entries.sort_by(newest_first);
        let order: Vec<_> = entries
            .iter()
            .map(|e| e.path.display().to_string())
            .collect();
        assert_eq!(
            order,
            [
                "new.txt",
                "same-a.txt",
                "same-b.txt",
                "old.txt",
                "a.txt",
                "b.txt"
            ]
        );
    }

    #[test]
    fn big_files_are_indexed_from_their_head() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.md");
        let mut text = String::from(
            "---\ntitle: Un très long article\n---\n\nLa première phrase de cet article compte vraiment. ",
        );
        while text.len() < HEAD_BYTES * 3 {
            text.push_str("Une phrase de remplissage, encore et encore, sans fin utile. ");
        }
        std::fs::write(&path, &text).unwrap();
        let entry = index_file(&path).unwrap();
        assert_eq!(entry.title, "Un très long article");
        assert_eq!(
            entry.lead,
            "La première phrase de cet article compte vraiment."
        );
    }

    #[test]
    fn a_broken_file_does_not_stop_the_index() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.json"), "{ not json").unwrap();
        std::fs::write(dir.path().join("b.txt"), "Un titre\n\nUn texte court.\n").unwrap();
        let entries = index_all(&[dir.path().to_path_buf()]);
        assert_eq!(entries.len(), 1);
        // The same folder given twice, once through another path: its article is indexed once.
        let again = dir.path().join(".").join("b.txt");
        let twice = index_all(&[dir.path().to_path_buf(), again]);
        assert_eq!(twice.len(), 1);
        assert_eq!(entries[0].title, "Un titre");
    }
}
