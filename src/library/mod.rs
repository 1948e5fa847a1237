//! A library: a folder of articles, and the resolution of related items into it.

use std::path::{Path, PathBuf};

use crate::article::Format;
use crate::error::{Error, Result};

/// The article files of a folder and its sub-folders, sorted by path. Hidden files and folders are skipped.
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
        } else if Format::is_article_path(&path) {
            paths.push(path);
        }
    }
    Ok(())
}
