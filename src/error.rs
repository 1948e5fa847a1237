//! The one error type of the library: a boxed kind, so that `Result<T>` stays one word wide.

use std::fmt;
use std::path::PathBuf;

/// Something that stopped an article, a library or a configuration from loading.
#[derive(Debug)]
pub struct Error(Box<ErrorKind>);

/// What went wrong. New kinds may be added, so match with a wildcard arm.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file or folder could not be read.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The input is larger than the reader accepts.
    TooLarge { size: u64, limit: u64 },
    /// The input looks like a binary file, not an article.
    Binary,
    /// The input could not be parsed in the format it claims or was sniffed as.
    Parse {
        format: &'static str,
        message: String,
    },
    /// A configuration file is invalid: the line and what is wrong with it.
    Config {
        path: PathBuf,
        line: Option<usize>,
        message: String,
    },
    /// A folder holds no article.
    EmptyLibrary { path: PathBuf },
}

/// The library's result type.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        ErrorKind::Io {
            path: path.into(),
            source,
        }
        .into()
    }

    pub(crate) fn parse(format: &'static str, message: impl Into<String>) -> Self {
        ErrorKind::Parse {
            format,
            message: message.into(),
        }
        .into()
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Self {
        Error(Box::new(kind))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.0 {
            ErrorKind::Io { path, source } => write!(f, "{}: {}", path.display(), source),
            ErrorKind::TooLarge { size, limit } => write!(
                f,
                "file too large ({} MB; the limit is {} MB)",
                size / 1_000_000,
                limit / 1_000_000
            ),
            ErrorKind::Binary => write!(f, "binary data, not an article"),
            ErrorKind::Parse { format, message } => write!(f, "invalid {format}: {message}"),
            ErrorKind::Config {
                path,
                line: Some(line),
                message,
            } => write!(f, "{}:{}: {}", path.display(), line, message),
            ErrorKind::Config {
                path,
                line: None,
                message,
            } => write!(f, "{}: {}", path.display(), message),
            ErrorKind::EmptyLibrary { path } => {
                write!(f, "{}: no article in this folder", path.display())
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &*self.0 {
            ErrorKind::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
