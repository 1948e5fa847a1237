//! The full-screen reader. (Placeholder until the reader lands.)

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::article::Lang;

/// What the command line asks of the reader.
#[derive(Clone, Debug, Default)]
pub struct ReaderOptions {
    /// An article file, a folder (a library), `-` for standard input, or `None` for the bundled samples.
    pub path: Option<PathBuf>,
    pub reference_date: Option<NaiveDate>,
    pub lang: Option<Lang>,
    /// Extra folders that related items resolve into.
    pub libraries: Vec<PathBuf>,
    /// A configuration file instead of the default one.
    pub config: Option<PathBuf>,
}

/// Runs the reader until the user quits.
pub fn run(_options: ReaderOptions) -> crate::Result<()> {
    Err(crate::error::ErrorKind::Parse {
        format: "reader",
        message: "not built yet".into(),
    }
    .into())
}
