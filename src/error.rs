//! The one error type of the library: a boxed kind, so that `Result<T>` stays one word wide.

use std::fmt;
use std::path::PathBuf;

use crate::article::sanitize::display_path;

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
    /// The input is empty, or holds nothing but white space.
    Empty,
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
            ErrorKind::Io { path, source } => write!(f, "{}: {}", display_path(path), source),
            // A stream is read up to the limit and a byte: its size is not known beyond that.
            ErrorKind::TooLarge { size, limit } if *size == limit + 1 => write!(
                f,
                "too large to read as an article (over the limit of {})",
                mebibytes(*limit)
            ),
            ErrorKind::TooLarge { size, limit } => write!(
                f,
                "too large to read as an article ({}; the limit is {})",
                mebibytes(*size),
                mebibytes(*limit)
            ),
            ErrorKind::Binary => write!(f, "binary data, not a text article"),
            ErrorKind::Empty => write!(f, "empty, no article to read"),
            ErrorKind::Parse { format, message } => write!(f, "invalid {format}: {message}"),
            ErrorKind::Config {
                path,
                line: Some(line),
                message,
            } => write!(f, "{}:{}: {}", display_path(path), line, message),
            ErrorKind::Config {
                path,
                line: None,
                message,
            } => write!(f, "{}: {}", display_path(path), message),
            ErrorKind::EmptyLibrary { path } => {
                write!(f, "{}: no article in this folder", display_path(path))
            }
        }
    }
}

/// A size in mebibytes, with a decimal when it is not whole: `16 MiB`, `16.5 MiB`.
fn mebibytes(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else {
        // Tenths, rounded up, so that a size just over the limit never reads as the limit.
        let tenths = (bytes * 10).div_ceil(MIB);
        format!("{}.{} MiB", tenths / 10, tenths % 10)
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
