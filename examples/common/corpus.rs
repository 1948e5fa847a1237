//! Walking a corpus folder, shared by the examples that read WiNER-style data (`#[path]`-included, not an
//! example of its own).

use std::path::{Path, PathBuf};

/// The `.txt` files under `dir`, recursively, in sorted order (so that runs are deterministic), keeping
/// those for which `keep` holds.
pub fn txt_files(dir: &Path, keep: &dyn Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut out = Vec::new();
    walk(dir, keep, &mut out);
    out
}

fn walk(dir: &Path, keep: &dyn Fn(&Path) -> bool, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| {
            e.unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                .path()
        })
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, keep, out);
        } else if p.extension().is_some_and(|e| e == "txt") && keep(&p) {
            out.push(p);
        }
    }
}
