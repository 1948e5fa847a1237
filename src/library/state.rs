//! What the reader remembers between sessions: for each article read, where the view was and that it was read.
//!
//! An article is known by a hash of its text ([`article_key`]), not by its path: moving, renaming or
//! re-downloading an unchanged article keeps its place, an article piped on standard input has one too, and an
//! article whose text changed starts afresh (its byte offsets would point elsewhere anyway). The canonical path
//! is kept beside the key so that the library list can tick articles read in earlier sessions without hashing
//! every file of the library.
//!
//! The position is the byte offset of the first text line in view, so it survives another terminal width.
//!
//! The file is JSON, at most [`MAX_BYTES`] long with at most [`MAX_ENTRIES`] articles, the most recently read
//! kept. [`StateFile::save`] writes it whole to a temporary file in the same folder, syncs it and renames it
//! over the old one, so a crash or a full disk never leaves a half-written file behind. A file that cannot be
//! read or understood is reported by [`StateFile::load`] and ignored, and moved aside (to `NAME.corrupt`) on the
//! next save rather than overwritten: nothing a user put there is lost.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::article::Article;

/// How many articles are remembered: past this, the least recently read are forgotten.
pub const MAX_ENTRIES: usize = 1000;
/// A state file longer than this is not read (nor written: the oldest entries go first).
pub const MAX_BYTES: u64 = 1024 * 1024;
/// The format's version, written in the file; another version is not read.
pub const VERSION: u32 = 1;

/// What is remembered of one article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remembered {
    /// The article's [`article_key`].
    pub key: String,
    /// The canonical path it was read from, when it came from a file (and the path is UTF-8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The byte of the text at the top of the view.
    pub offset: usize,
    /// When it was last read, in seconds since 1970.
    pub read_at: u64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Disk {
    version: u32,
    articles: Vec<Remembered>,
}

/// The remembered articles, least recently read first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadingState {
    entries: Vec<Remembered>,
    /// Counts the changes, so that the event loop saves only when something changed.
    revision: u64,
}

/// The key an article is remembered by: its text's length and 64-bit FNV-1a hash, in hexadecimal. FNV is
/// written out here because the standard library's hasher may change between Rust versions, and the key must
/// not.
pub fn article_key(article: &Article) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in article.text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:x}-{hash:016x}", article.text.len())
}

/// Seconds since 1970, now.
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

impl ReadingState {
    /// Reads the state from the file's text. The error says what is wrong, in one line.
    pub fn parse(text: &[u8]) -> Result<ReadingState, String> {
        let disk: Disk = serde_json::from_slice(text).map_err(|e| e.to_string())?;
        if disk.version != VERSION {
            return Err(format!(
                "version {} (this liseuse reads version {VERSION})",
                disk.version
            ));
        }
        let mut state = ReadingState {
            entries: Vec::with_capacity(disk.articles.len().min(MAX_ENTRIES)),
            revision: 0,
        };
        for entry in disk.articles {
            state.insert(entry);
        }
        state.trim(MAX_ENTRIES);
        Ok(state)
    }

    /// The file's text.
    pub fn to_json(&self) -> String {
        let disk = Disk {
            version: VERSION,
            articles: self.entries.clone(),
        };
        // Serialising plain strings and numbers cannot fail.
        serde_json::to_string_pretty(&disk).unwrap_or_default() + "\n"
    }

    /// What is remembered of the article with this key.
    pub fn get(&self, key: &str) -> Option<&Remembered> {
        self.entries.iter().find(|e| e.key == key)
    }

    /// The remembered articles, least recently read first.
    pub fn entries(&self) -> &[Remembered] {
        &self.entries
    }

    /// Counts the changes since the state was made or read.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Remembers where an article is being read, as its most recent.
    pub fn record(&mut self, key: &str, path: Option<&Path>, offset: usize, read_at: u64) {
        let path = path.and_then(Path::to_str).map(str::to_string);
        let previous = self.entries.iter().position(|e| e.key == key);
        let path = match previous {
            Some(i) => {
                let old = self.entries.remove(i);
                path.or(old.path)
            }
            None => path,
        };
        self.entries.push(Remembered {
            key: key.to_string(),
            path,
            offset,
            read_at,
        });
        self.trim(MAX_ENTRIES);
        self.revision += 1;
    }

    /// Adds an entry read from a file, keeping the more recent of two with the same key.
    fn insert(&mut self, entry: Remembered) {
        if let Some(i) = self.entries.iter().position(|e| e.key == entry.key) {
            if self.entries[i].read_at > entry.read_at {
                return;
            }
            self.entries.remove(i);
        }
        let at = self.entries.partition_point(|e| e.read_at <= entry.read_at);
        self.entries.insert(at, entry);
    }

    /// Keeps the `max` most recently read.
    fn trim(&mut self, max: usize) {
        if self.entries.len() > max {
            let excess = self.entries.len() - max;
            self.entries.drain(..excess);
        }
    }

    /// Takes in what another reader saved meanwhile: for each article, the more recent of the two.
    fn merge(&mut self, other: ReadingState) {
        for entry in other.entries {
            self.insert(entry);
        }
        self.trim(MAX_ENTRIES);
    }
}

/// Why a state file was not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    pub path: PathBuf,
    pub reason: String,
    /// The file was read but is not a state file (rather than not read at all).
    pub invalid: bool,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "state file {} ignored: {}",
            self.path.display(),
            self.reason
        )
    }
}

/// Where the state lives, and how it is read and written.
#[derive(Clone, Debug)]
pub struct StateFile {
    path: PathBuf,
    /// What is there could not be used: move it aside before the first save.
    set_aside: bool,
}

impl StateFile {
    /// The state file at `path` (which need not exist yet).
    pub fn new(path: impl Into<PathBuf>) -> Self {
        StateFile {
            path: path.into(),
            set_aside: false,
        }
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the state. A missing file is an empty state; a file that cannot be read, is too long or is not a
    /// state file gives an error to report, and an empty state to go on with.
    pub fn load(&mut self) -> (ReadingState, Option<LoadError>) {
        match read(&self.path) {
            Ok(Some(state)) => (state, None),
            Ok(None) => (ReadingState::default(), None),
            Err((reason, invalid)) => {
                // Whatever is there, readable or not, is kept: moved aside, never replaced. A folder is left
                // where it is (and the save then fails, reported).
                self.set_aside = self.path.is_file();
                let error = LoadError {
                    path: self.path.clone(),
                    reason,
                    invalid,
                };
                (ReadingState::default(), Some(error))
            }
        }
    }

    /// Writes the state, merged with what another reader may have saved since: to a temporary file in the same
    /// folder, synced, then renamed over the file, so the file is always either the old one or the new one.
    pub fn save(&mut self, state: &ReadingState) -> io::Result<()> {
        let mut merged = state.clone();
        if !self.set_aside
            && let Ok(Some(on_disk)) = read(&self.path)
        {
            merged.merge(on_disk);
        }
        let mut text = merged.to_json();
        while text.len() as u64 > MAX_BYTES && !merged.entries.is_empty() {
            // Very long paths: forget the older half until it fits.
            let keep = merged.entries.len() / 2;
            merged.trim(keep);
            text = merged.to_json();
        }
        let dir = match self.path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&dir)?;
        let name = self
            .path
            .file_name()
            .map_or_else(|| "state".into(), |n| n.to_string_lossy().into_owned());
        let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let written = write_synced(&temp, text.as_bytes());
        if let Err(e) = written {
            let _ = fs::remove_file(&temp);
            return Err(e);
        }
        if self.set_aside {
            let mut aside = self.path.clone().into_os_string();
            aside.push(".corrupt");
            match fs::rename(&self.path, &aside) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => {
                    let _ = fs::remove_file(&temp);
                    return Err(e);
                }
            }
            self.set_aside = false;
        }
        if let Err(e) = fs::rename(&temp, &self.path) {
            let _ = fs::remove_file(&temp);
            return Err(e);
        }
        // The rename itself reaches the disk when the folder is synced; not every system can open one.
        if let Ok(dir) = File::open(&dir) {
            let _ = dir.sync_all();
        }
        Ok(())
    }
}

/// Reads a state file: `Ok(None)` when there is none, or the reason it cannot be used and whether it was read
/// but not understood.
fn read(path: &Path) -> Result<Option<ReadingState>, (String, bool)> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err((e.to_string(), false)),
    };
    let mut bytes = Vec::new();
    // One byte past the limit tells a file that is too long without reading all of it.
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| (e.to_string(), false))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err((format!("longer than {} bytes", MAX_BYTES), true));
    }
    ReadingState::parse(&bytes)
        .map(Some)
        .map_err(|reason| (reason, true))
}

fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    // What one reads is one's own business: the file is readable by its owner only.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(rows: &[(&str, Option<&str>, usize, u64)]) -> ReadingState {
        let mut state = ReadingState::default();
        for (key, path, offset, at) in rows {
            state.record(key, path.map(Path::new), *offset, *at);
        }
        state
    }

    fn files_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn the_key_depends_on_the_text_only() {
        let a = crate::article::load_str("Un texte.\n", crate::article::Format::Text, None);
        let mut b = a.clone();
        b.title = Some("Autre titre".into());
        let c = crate::article::load_str("Un texte !\n", crate::article::Format::Text, None);
        assert_eq!(article_key(&a), article_key(&b));
        assert_ne!(article_key(&a), article_key(&c));
        // FNV-1a of the empty input is its offset basis.
        assert_eq!(
            article_key(&Article::default()),
            "0-cbf29ce484222325".to_string()
        );
    }

    #[test]
    fn a_saved_state_reads_back_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/state.json");
        let saved = state(&[
            ("a", Some("/news/a.txt"), 120, 10),
            ("b", None, 0, 20),
            ("a", None, 300, 30),
        ]);
        // Recording `a` again moved it last, with the new offset and the path it had.
        assert_eq!(saved.entries()[1].key, "a");
        assert_eq!(saved.get("a").unwrap().offset, 300);
        assert_eq!(saved.get("a").unwrap().path.as_deref(), Some("/news/a.txt"));
        let mut file = StateFile::new(&path);
        file.save(&saved).unwrap();
        let (read, error) = StateFile::new(&path).load();
        assert_eq!(error, None);
        assert_eq!(read.entries(), saved.entries());
        assert_eq!(files_in(path.parent().unwrap()), ["state.json"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn a_missing_file_is_an_empty_state_without_a_report() {
        let dir = tempfile::tempdir().unwrap();
        let (state, error) = StateFile::new(dir.path().join("none.json")).load();
        assert!(state.entries().is_empty());
        assert_eq!(error, None);
    }

    #[test]
    fn broken_files_are_reported_and_ignored() {
        let long = format!(
            "{{\"version\":1,\"articles\":[],\"x\":\"{}\"}}",
            "a".repeat(MAX_BYTES as usize)
        );
        let rows: &[(&str, &str)] = &[
            ("not json", "expected"),
            ("{\"version\":1,\"articles\":[{\"key\":\"a\",\"off", "EOF"),
            (
                "{\"version\":1,\"articles\":[{\"key\":\"a\",\"offset\":\"ten\",\"read_at\":1}]}",
                "invalid type",
            ),
            ("{\"version\":1,\"articles\":{}}", "invalid type"),
            (
                "{\"version\":1,\"articles\":[{\"key\":\"a\",\"offset\":-4,\"read_at\":1}]}",
                "invalid value",
            ),
            ("{\"version\":2,\"articles\":[]}", "version 2"),
            ("[]", "invalid length"),
            ("", "EOF"),
            (&long, "longer than"),
        ];
        let dir = tempfile::tempdir().unwrap();
        for (text, reason) in rows {
            let path = dir.path().join("state.json");
            fs::write(&path, text).unwrap();
            let (state, error) = StateFile::new(&path).load();
            assert!(state.entries().is_empty(), "{text:.60}");
            let error = error.unwrap_or_else(|| panic!("no report for {text:.60}"));
            assert!(error.invalid);
            let line = error.to_string();
            assert!(line.contains(reason), "{line} for {text:.60}");
            assert!(line.starts_with("state file "), "{line}");
            assert!(!line.contains('\n'), "{line}");
        }
    }

    #[test]
    fn a_broken_file_is_moved_aside_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        fs::write(&path, "my notes, not a state file").unwrap();
        let mut file = StateFile::new(&path);
        let (mut state, error) = file.load();
        assert!(error.is_some());
        state.record("a", None, 5, 1);
        file.save(&state).unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("state.json.corrupt")).unwrap(),
            "my notes, not a state file"
        );
        assert_eq!(StateFile::new(&path).load().0.entries(), state.entries());
        assert_eq!(files_in(dir.path()), ["state.json", "state.json.corrupt"]);
    }

    #[test]
    fn an_unwritable_place_is_an_error_to_report_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        // A file where the folder should be: the state cannot be written below it.
        let blocker = dir.path().join("blocker");
        fs::write(&blocker, "").unwrap();
        let mut file = StateFile::new(blocker.join("state.json"));
        let (state, error) = file.load();
        // Opening a path through a file fails with "not a directory": reported, not invalid.
        assert!(error.as_ref().is_none_or(|e| !e.invalid), "{error:?}");
        assert!(file.save(&state).is_err());
        assert_eq!(files_in(dir.path()), ["blocker"]);
    }

    #[test]
    fn a_folder_in_the_way_is_reported_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        fs::create_dir(&path).unwrap();
        fs::write(path.join("inside"), "kept").unwrap();
        let mut file = StateFile::new(&path);
        let (mut state, error) = file.load();
        assert!(error.is_some_and(|e| !e.invalid));
        state.record("a", None, 5, 1);
        assert!(file.save(&state).is_err());
        assert_eq!(fs::read_to_string(path.join("inside")).unwrap(), "kept");
        assert_eq!(files_in(dir.path()), ["state.json"]);
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let mut file = StateFile::new(&path);
        let old = state(&[("a", None, 1, 1)]);
        file.save(&old).unwrap();
        let before = fs::read(&path).unwrap();
        // The temporary file's name is taken by a folder: the write fails before any rename.
        let temp = dir
            .path()
            .join(format!(".state.json.{}.tmp", std::process::id()));
        fs::create_dir(&temp).unwrap();
        assert!(file.save(&state(&[("b", None, 2, 2)])).is_err());
        assert_eq!(fs::read(&path).unwrap(), before);
        fs::remove_dir(&temp).unwrap();
        file.save(&state(&[("b", None, 2, 2)])).unwrap();
        assert_eq!(files_in(dir.path()), ["state.json"]);
    }

    #[test]
    fn saving_keeps_what_another_reader_saved_meanwhile() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let mut first = StateFile::new(&path);
        let mut second = StateFile::new(&path);
        let (mut mine, _) = first.load();
        let (mut theirs, _) = second.load();
        theirs.record("t", None, 7, 100);
        theirs.record("both", None, 1, 100);
        second.save(&theirs).unwrap();
        mine.record("m", None, 9, 200);
        mine.record("both", None, 2, 200);
        first.save(&mine).unwrap();
        let (read, _) = StateFile::new(&path).load();
        let keys: Vec<(&str, usize)> = read
            .entries()
            .iter()
            .map(|e| (e.key.as_str(), e.offset))
            .collect();
        assert_eq!(keys, [("t", 7), ("m", 9), ("both", 2)]);
    }

    #[test]
    fn only_the_most_recent_articles_are_kept() {
        let mut state = ReadingState::default();
        for i in 0..MAX_ENTRIES + 5 {
            state.record(&format!("k{i}"), None, i, i as u64);
        }
        assert_eq!(state.entries().len(), MAX_ENTRIES);
        assert_eq!(state.entries()[0].key, "k5");
        assert!(state.get("k4").is_none());
        let parsed = ReadingState::parse(state.to_json().as_bytes()).unwrap();
        assert_eq!(parsed.entries(), state.entries());
    }
}
