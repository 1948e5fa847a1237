//! Inputs that must be refused, and how: files over the size limit (refused before they are read), binary files,
//! empty files, JSON of the wrong shape, and a big folder with files that cannot be read. Each is one line on
//! standard error naming the file and the reason, exit status 1 (CONTRACT.md), the other inputs still printed;
//! in a library, the bad file is skipped. Budgets are measured with commands in SECURITY.md, not timed here.

use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use liseuse::article::{self, Format, MAX_FILE_SIZE};
use liseuse::library::article_paths;
use liseuse::library::index::index_all;

fn liseuse() -> Command {
    let mut cmd = Command::cargo_bin("liseuse").expect("the binary is built");
    // Nothing here may wait on anything: a test that hangs is a failure.
    cmd.timeout(std::time::Duration::from_secs(120));
    cmd
}

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

struct Run {
    code: Option<i32>,
    docs: Vec<serde_json::Value>,
    errors: Vec<String>,
}

fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().expect("runs");
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    Run {
        code: out.status.code(),
        docs: stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect(),
        errors: stderr.lines().map(str::to_string).collect(),
    }
}

fn json_of(paths: &[&Path]) -> Run {
    run(liseuse().arg("--json").args(paths))
}

/// The one error line of a run that fails on one input: starts with `liseuse: `, names the input, says `reason`.
fn assert_one_error(run: &Run, name: &str, reason: &str) {
    assert_eq!(run.code, Some(1), "{:?}", run.errors);
    assert_eq!(run.errors.len(), 1, "{:?}", run.errors);
    let line = &run.errors[0];
    assert!(line.starts_with("liseuse: "), "{line}");
    assert!(line.contains(name), "{line} should name {name}");
    assert!(line.contains(reason), "{line} should say {reason:?}");
}

#[test]
fn files_over_the_limit_are_refused_before_they_are_read() {
    let dir = tempfile::tempdir().unwrap();
    // Sparse files: nothing is written, and reading them would take minutes (64 GiB) — the test returning at all
    // shows that only the size was looked at.
    for (name, size, shown) in [
        (
            "just-over.txt",
            MAX_FILE_SIZE + 1,
            "(over the limit of 16 MiB)",
        ),
        (
            "a-bit-over.md",
            MAX_FILE_SIZE + 300 * 1024,
            "(16.3 MiB; the limit is 16 MiB)",
        ),
        ("huge.html", 64 << 30, "(65536 MiB; the limit is 16 MiB)"),
    ] {
        let path = dir.path().join(name);
        std::fs::File::create(&path).unwrap().set_len(size).unwrap();
        let run = json_of(&[&path]);
        assert_one_error(&run, name, "too large to read as an article");
        assert!(run.errors[0].ends_with(shown), "{}", run.errors[0]);
        assert!(run.docs.is_empty());
        let err = article::load_path(&path).unwrap_err();
        assert!(matches!(err.kind(), liseuse::ErrorKind::TooLarge { .. }));
        // A library lists the folder without the file: its head is binary zeros.
        assert!(index_all(&[dir.path().to_path_buf()]).is_empty());
        std::fs::remove_file(&path).unwrap();
    }
    // At the limit, a file is read.
    let at = dir.path().join("at-limit.txt");
    std::fs::File::create(&at)
        .unwrap()
        .set_len(MAX_FILE_SIZE)
        .unwrap();
    assert!(matches!(
        article::load_path(&at).unwrap_err().kind(),
        liseuse::ErrorKind::Binary
    ));
}

#[test]
fn standard_input_and_devices_over_the_limit_are_refused() {
    // Standard input has no size to look at: it is read up to the limit and a byte, then refused.
    let sentence = "Une phrase ordinaire, encore une fois. ";
    let text = sentence.repeat(usize::try_from(MAX_FILE_SIZE).unwrap() / sentence.len() + 1);
    let run = run(liseuse().args(["--json", "-"]).write_stdin(text));
    assert_one_error(
        &run,
        "-:",
        "too large to read as an article (over the limit of 16 MiB)",
    );
    // An endless device is read no further than the limit.
    if Path::new("/dev/zero").exists() {
        let run = json_of(&[Path::new("/dev/zero")]);
        assert_one_error(&run, "/dev/zero", "too large to read as an article");
    }
}

#[test]
fn binary_files_are_refused_with_one_line() {
    for name in ["refused/image.png", "refused/program.txt"] {
        let path = fixture(name);
        let run = json_of(&[&path]);
        assert_one_error(&run, name, "binary data, not a text article");
        assert!(run.docs.is_empty());
        let run = run_stdin(&path);
        assert_one_error(&run, "-:", "binary data, not a text article");
    }
}

fn run_stdin(path: &Path) -> Run {
    run(liseuse()
        .args(["--json", "-"])
        .write_stdin(std::fs::read(path).unwrap()))
}

#[test]
fn empty_files_are_refused_with_one_line() {
    for name in ["refused/empty.txt", "refused/blank.md"] {
        let path = fixture(name);
        let run = json_of(&[&path]);
        assert_one_error(&run, name, "empty, no article to read");
        let run = run_stdin(&path);
        assert_one_error(&run, "-:", "empty, no article to read");
    }
}

/// A folder with a binary file, an empty file and two articles: the articles are printed, each bad file is one
/// line, the status is 1; the library lists the two articles.
#[test]
fn refused_files_in_a_folder_are_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture("refused/program.txt"),
        dir.path().join("b-program.txt"),
    )
    .unwrap();
    std::fs::copy(fixture("refused/empty.txt"), dir.path().join("c-empty.txt")).unwrap();
    std::fs::copy(
        fixture("text/depeche.txt"),
        dir.path().join("a-depeche.txt"),
    )
    .unwrap();
    std::fs::copy(
        fixture("encodings/utf16le-bom.txt"),
        dir.path().join("d-utf16.txt"),
    )
    .unwrap();
    let run = json_of(&[dir.path()]);
    assert_eq!(run.code, Some(1));
    let paths: Vec<&str> = run
        .docs
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(paths[0].ends_with("a-depeche.txt") && paths[1].ends_with("d-utf16.txt"));
    assert_eq!(run.errors.len(), 2, "{:?}", run.errors);
    assert!(run.errors[0].contains("b-program.txt") && run.errors[0].contains("binary"));
    assert!(run.errors[1].contains("c-empty.txt") && run.errors[1].contains("empty"));
    let entries = index_all(&[dir.path().to_path_buf()]);
    let names: Vec<String> = entries
        .iter()
        .map(|e| e.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["a-depeche.txt", "d-utf16.txt"]);
}

/// JSON articles of the wrong shape: each is one line naming the field and what it should be.
#[test]
fn json_of_the_wrong_types_names_the_field() {
    let rows: &[(&str, &str)] = &[
        (
            r#"{"title": 12, "body": "Un texte."}"#,
            r#""title" must be a string, found a number"#,
        ),
        (
            r#"{"body": {"text": "Un texte."}}"#,
            r#""body" must be a string or a list of paragraphs, found an object"#,
        ),
        (
            r#"{"body": ["Un texte.", 3]}"#,
            r#""body"[1] must be a string or an object"#,
        ),
        (
            r#"{"body": [{"type": "paragraph"}]}"#,
            r#""body"[0] has no "text""#,
        ),
        (
            r#"{"body": [{"type": "poème", "text": "x"}]}"#,
            r#""body"[0].type must be"#,
        ),
        (
            r#"{"body": "Un texte.", "related": "Un autre article"}"#,
            r#""related" must be a list"#,
        ),
        (
            r#"{"body": "Un texte.", "related": [5]}"#,
            r#""related"[0] must be an object"#,
        ),
        (
            r#"{"body": "Un texte.", "related": [{"url": "https://exemple.fr"}]}"#,
            r#""related"[0] has no "title""#,
        ),
        (
            r#"{"body": "Un texte.", "published": "31/02/2023"}"#,
            r#""published" must be a date"#,
        ),
        (
            r#"{"body": "Un texte.", "published": 20230317}"#,
            r#""published" must be a string, found a number"#,
        ),
        (
            r#"{"body": "Un texte.", "authors": 3}"#,
            r#""authors" must be a string or a list of strings"#,
        ),
        (
            r#"{"body": "Un texte.", "authors": ["Jeanne", null]}"#,
            r#""authors"[1] must be a string"#,
        ),
        (
            r#"{"body": "Un texte.", "language": "tlh"}"#,
            r#""language""#,
        ),
        (
            r#"{"body": "Un texte.", "url": ["https://exemple.fr"]}"#,
            r#""url" must be a string, found"#,
        ),
        (r#"{"title": "Un titre sans texte"}"#, r#"missing "body""#),
        (
            r#"[{"body": "Un texte."}]"#,
            "an article is a JSON object, found a list",
        ),
        (
            r#""Un texte.""#,
            "an article is a JSON object, found a string",
        ),
        ("null", "an article is a JSON object, found null"),
        ("42", "an article is a JSON object, found a number"),
        (r#"{"body": "Un texte.""#, "EOF while parsing"),
    ];
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for (i, (input, want)) in rows.iter().enumerate() {
        let err = article::load_bytes(input.as_bytes(), Some(Format::Json)).unwrap_err();
        let message = err.to_string();
        assert!(message.starts_with("invalid json: "), "{input}: {message}");
        assert!(
            message.contains(want),
            "{input}: {message:?} should say {want:?}"
        );
        assert!(!message.contains('\n'), "{input}");
        let path = dir.path().join(format!("{i:02}.json"));
        std::fs::write(&path, input).unwrap();
        paths.push(path);
    }
    // Through the command line: one line each, in order, naming the file; plus the one good article.
    let good = fixture("json/body-string.json");
    let mut args: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    args.push(&good);
    let run = json_of(&args);
    assert_eq!(run.code, Some(1));
    assert_eq!(run.docs.len(), 1);
    assert_eq!(run.errors.len(), rows.len(), "{:?}", run.errors);
    for (i, (line, (_, want))) in run.errors.iter().zip(rows).enumerate() {
        assert!(
            line.contains(&format!("{i:02}.json: invalid json: ")),
            "{line}"
        );
        assert!(line.contains(want), "{line}");
    }
}

/// Whether this process reads files whatever their permissions (root, or a capability that says so).
fn reads_anything(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = dir.join(".probe");
    std::fs::write(&probe, "x").unwrap();
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o000)).unwrap();
    let readable = std::fs::read(&probe).is_ok();
    std::fs::remove_file(&probe).unwrap();
    readable
}

/// A folder of `count` tiny articles plus files that cannot be read, whatever the user: a link that leads
/// nowhere, and (unless the tests run as root, who reads anything) a file without read permission. A pipe named
/// like an article sits there too: opening it would wait forever for a writer, so it must be passed over.
/// Returns the folder, the names of the unreadable files, and the count of readable articles.
fn big_folder(count: usize) -> (tempfile::TempDir, Vec<&'static str>) {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    for i in 0..count {
        let mut file = std::fs::File::create(dir.path().join(format!("{i:05}.txt"))).unwrap();
        writeln!(
            file,
            "Exemple liseuse : la note numéro {i}\n\nLa mairie publie sa note numéro {i} ce matin."
        )
        .unwrap();
    }
    let mut bad = vec!["00042-lien-mort.txt"];
    std::os::unix::fs::symlink(dir.path().join("nulle-part.txt"), dir.path().join(bad[0])).unwrap();
    if !reads_anything(dir.path()) {
        let locked = dir.path().join("00043-interdit.txt");
        std::fs::write(&locked, "Un titre\n\nUn texte que personne ne lira.\n").unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        bad.push("00043-interdit.txt");
    }
    let status = std::process::Command::new("mkfifo")
        .arg(dir.path().join("00044-tube.txt"))
        .status();
    assert!(status.is_ok_and(|s| s.success()), "mkfifo");
    (dir, bad)
}

/// The contract for a folder: every readable article printed in path order, one line per unreadable file,
/// exit status 1. The library index lists the readable ones. 2,000 files keep the debug test quick; the 10,000
/// file case is measured with the release build (SECURITY.md).
#[test]
fn a_big_folder_with_unreadable_files() {
    let count = 2_000;
    let (dir, bad) = big_folder(count);
    let listed = article_paths(dir.path()).unwrap();
    assert_eq!(listed.len(), count + bad.len(), "the pipe is not listed");
    let run = json_of(&[dir.path()]);
    assert_eq!(run.code, Some(1));
    assert_eq!(run.docs.len(), count);
    let titles: Vec<&str> = run
        .docs
        .iter()
        .map(|d| d["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles[0], "Exemple liseuse : la note numéro 0");
    assert_eq!(
        titles[count - 1],
        format!("Exemple liseuse : la note numéro {}", count - 1)
    );
    assert_eq!(run.errors.len(), bad.len(), "{:?}", run.errors);
    for (line, name) in run.errors.iter().zip(&bad) {
        assert!(
            line.starts_with("liseuse: ") && line.contains(name),
            "{line}"
        );
    }
    let entries = index_all(&[dir.path().to_path_buf()]);
    assert_eq!(entries.len(), count);
    assert_eq!(entries[42].title, "Exemple liseuse : la note numéro 42");
    assert_eq!(
        entries[42].lead,
        "La mairie publie sa note numéro 42 ce matin."
    );
}

/// A file name is input too: one with an escape sequence or a line break in it reaches standard error as
/// one clean line.
#[test]
fn hostile_file_names_are_reported_clean() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "\u{1b}]0;pwned\u{7}titre.txt",
        "ligne\ncoupée\u{1b}[2J.json",
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, if name.ends_with(".json") { "[1]" } else { "" }).unwrap();
        let run = json_of(&[&path]);
        assert_eq!(run.code, Some(1));
        assert_eq!(run.errors.len(), 1, "{:?}", run.errors);
        crate::loaders::assert_clean("stderr", &run.errors[0]);
        assert!(
            !run.errors[0].contains("pwned") && !run.errors[0].contains("[2J"),
            "{}",
            run.errors[0]
        );
    }
}

#[test]
fn the_reader_names_the_article_it_cannot_open() {
    // The article is read before the terminal is touched, so the refusal is one line on standard error.
    for (name, reason) in [
        ("refused/empty.txt", "empty"),
        ("refused/program.txt", "binary"),
    ] {
        let run = run(liseuse().arg(fixture(name)));
        assert_one_error(&run, name.rsplit('/').next().unwrap(), reason);
    }
}
