//! The `liseuse` command: the full-screen reader, or JSON export with `--json`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Parser;
use liseuse::{AnalysisOptions, Analyzer, Article, Lang, article, export, library};

const EXAMPLES: &str = "\
Examples:
  liseuse                                  read the bundled sample articles
  liseuse article.html                     read one article (text, HTML, JSON or Markdown)
  liseuse ~/news/                          open a folder of articles as a library
  curl -s URL | liseuse -                  read an article from standard input
  liseuse --json article.txt               print the analysis as JSON
  liseuse --json --reference-date 2023-03-17 corpus/ > analyses.jsonl
  liseuse --library ~/news article.txt     resolve related links into ~/news";

/// A full-screen terminal reader for news articles: named entities highlighted, quotations with their
/// sources, a timeline of the dates the article refers to, and related articles to follow.
#[derive(Parser, Debug)]
#[command(name = "liseuse", version, about, after_help = EXAMPLES)]
struct Cli {
    /// Article files or folders of articles; `-` reads standard input. Without any, the bundled samples open.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Print the analysis of each article as one JSON object per line instead of opening the reader.
    #[arg(long)]
    json: bool,

    /// The date relative expressions ("hier", "la semaine prochaine") resolve against.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    reference_date: Option<NaiveDate>,

    /// The article's language, instead of detecting it.
    #[arg(long, value_name = "fr|en", value_parser = parse_lang)]
    lang: Option<Lang>,

    /// A folder of articles that related items resolve into (repeatable).
    #[arg(long, value_name = "DIR")]
    library: Vec<PathBuf>,

    /// The reader's configuration file (key bindings, theme).
    #[arg(long, value_name = "PATH")]
    config: Option<PathBuf>,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("'{s}' is not a date of the form YYYY-MM-DD"))
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    match s {
        "fr" => Ok(Lang::Fr),
        "en" => Ok(Lang::En),
        _ => Err(format!("'{s}' is not a supported language (fr or en)")),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.json {
        return json(&cli);
    }
    reader(cli)
}

/// Loads one input: a file, or standard input for `-`, with `--lang` applied.
fn load(path: &Path, lang: Option<Lang>) -> liseuse::Result<Article> {
    let mut article = if path == Path::new("-") {
        article::load_stdin()?
    } else {
        article::load_path(path)?
    };
    if let Some(lang) = lang {
        article.language = lang;
    }
    Ok(article)
}

fn json(cli: &Cli) -> ExitCode {
    if cli.paths.is_empty() {
        eprintln!(
            "liseuse: --json needs at least one PATH (a file, a folder, or - for standard input)"
        );
        return ExitCode::from(2);
    }
    let mut inputs = Vec::new();
    let mut failed = false;
    for path in &cli.paths {
        if path.is_dir() {
            match library::article_paths(path) {
                Ok(paths) => inputs.extend(paths),
                Err(e) => {
                    eprintln!("liseuse: {e}");
                    failed = true;
                }
            }
        } else {
            inputs.push(path.clone());
        }
    }
    let analyzer = Analyzer::new();
    let options = AnalysisOptions {
        reference_date: cli.reference_date,
        today: None,
    };
    // Related items resolve into the inputs' own folders and the --library folders, read once when first needed.
    let mut library: Option<library::Library> = None;
    let library_dirs = library_dirs(&inputs, &cli.library);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for path in &inputs {
        let article = match load(path, cli.lang) {
            Ok(article) => article,
            Err(e) => {
                report(path, &e);
                failed = true;
                continue;
            }
        };
        let analysis = analyzer.analyze(&article, &options);
        let targets = if article.related.is_empty() {
            Vec::new()
        } else {
            library
                .get_or_insert_with(|| library::Library::open(&library_dirs))
                .targets(&article)
        };
        let line = export::to_json_line(&article, &analysis, &targets);
        if writeln!(out, "{line}").is_err() {
            // The reader of our output went away (a closed pipe): stop quietly.
            return ExitCode::SUCCESS;
        }
    }
    let _ = out.flush();
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The folders related items resolve into: each input's own folder, then the `--library` folders.
fn library_dirs(inputs: &[PathBuf], extra: &[PathBuf]) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = Vec::new();
    let own = inputs
        .iter()
        .filter(|p| p.as_path() != Path::new("-"))
        .filter_map(|p| {
            p.parent().map(|d| {
                if d.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    d.to_path_buf()
                }
            })
        });
    for dir in own.chain(extra.iter().cloned()) {
        if !dirs.contains(&dir) {
            dirs.push(dir);
        }
    }
    dirs
}

/// One line on standard error naming the input and the problem.
fn report(path: &Path, error: &liseuse::Error) {
    match error.kind() {
        // I/O errors already name their path.
        liseuse::ErrorKind::Io { .. } => eprintln!("liseuse: {error}"),
        _ => eprintln!(
            "liseuse: {}: {error}",
            article::sanitize::display_path(path)
        ),
    }
}

#[cfg(feature = "tui")]
fn reader(cli: Cli) -> ExitCode {
    if cli.paths.len() > 1 {
        eprintln!(
            "liseuse: the reader opens one article or folder at a time (use --json for several)"
        );
        return ExitCode::from(2);
    }
    let path = cli.paths.first().cloned();
    let options = liseuse::tui::ReaderOptions {
        path: cli.paths.into_iter().next(),
        reference_date: cli.reference_date,
        lang: cli.lang,
        libraries: cli.library,
        config: cli.config,
    };
    match liseuse::tui::run(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // An article that cannot be read is named, as with --json; other errors name their own file.
            let about_article = matches!(
                e.kind(),
                liseuse::ErrorKind::TooLarge { .. }
                    | liseuse::ErrorKind::Binary
                    | liseuse::ErrorKind::Empty
                    | liseuse::ErrorKind::Parse { .. }
            );
            match path {
                Some(path) if about_article => report(&path, &e),
                _ => eprintln!("liseuse: {e}"),
            }
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(feature = "tui"))]
fn reader(_cli: Cli) -> ExitCode {
    eprintln!("liseuse: this build has no reader (built without the `tui` feature); use --json");
    ExitCode::from(2)
}
