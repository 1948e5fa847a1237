//! The command line: exit codes, error lines, JSON shape.

use assert_cmd::Command;

fn liseuse() -> Command {
    Command::cargo_bin("liseuse").expect("the binary is built")
}

#[test]
fn json_of_a_sample_is_one_schema_1_line() {
    let out = liseuse()
        .args(["--json", "assets/articles/01-port-de-brest.txt"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1);
    let doc: serde_json::Value = serde_json::from_str(lines[0]).expect("json");
    assert_eq!(doc["schema"], 1);
    assert_eq!(doc["format"], "text");
    assert_eq!(doc["language"], "fr");
    assert_eq!(doc["site"], "Exemple-Ouest.fr");
    assert_eq!(
        doc["related"][0]["title"],
        "Exemple liseuse : à Lorient, la pêche se réinvente"
    );
}

#[test]
fn a_missing_file_is_one_error_line_and_exit_1() {
    let out = liseuse()
        .args(["--json", "no/such/file.txt"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("no/such/file.txt"), "{stderr}");
}

#[test]
fn a_bad_reference_date_is_a_usage_error() {
    let out = liseuse()
        .args(["--json", "--reference-date", "17/03/2023", "-"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
}

fn fixture(path: &str) -> String {
    format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"))
}

/// Runs `liseuse --json` on the paths and returns the exit code, the documents and the error lines.
fn json_of(paths: &[&str]) -> (Option<i32>, Vec<serde_json::Value>, Vec<String>) {
    let out = liseuse().arg("--json").args(paths).output().expect("runs");
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let docs = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    (
        out.status.code(),
        docs,
        stderr.lines().map(str::to_string).collect(),
    )
}

/// Every item with offsets: its `text` is exactly `text[start..end]` counted in chars.
fn check_offsets(doc: &serde_json::Value) {
    let path = doc["path"].as_str().unwrap_or("?");
    let text: Vec<char> = doc["text"].as_str().expect("text").chars().collect();
    let slice = |item: &serde_json::Value| -> String {
        let start = item["start"].as_u64().expect("start") as usize;
        let end = item["end"].as_u64().expect("end") as usize;
        assert!(start <= end && end <= text.len(), "{path}: {item}");
        text[start..end].iter().collect()
    };
    for block in doc["blocks"].as_array().expect("blocks") {
        let s = slice(block);
        assert!(!s.trim().is_empty(), "{path}: empty block {block}");
        assert!(!s.contains('\n'), "{path}: a block is one line: {block}");
    }
    for key in ["entities", "quotes", "timeline"] {
        for item in doc[key].as_array().expect(key) {
            assert_eq!(
                slice(item),
                item["text"].as_str().expect("text"),
                "{path}: {key}"
            );
            if key == "quotes" && !item["speaker"].is_null() {
                let speaker = &item["speaker"];
                assert_eq!(
                    slice(speaker),
                    speaker["text"].as_str().expect("text"),
                    "{path}"
                );
            }
        }
    }
}

/// Every string anywhere in the document, keys included.
fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                out.push(k.clone());
                strings(v, out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_fixture_exports_items_whose_text_matches_their_offsets() {
    let dirs = ["html", "json", "markdown", "text", "hostile"].map(fixture);
    let dirs: Vec<&str> = dirs.iter().map(String::as_str).collect();
    let (code, docs, errors) = json_of(&dirs);
    assert_eq!(code, Some(0), "{errors:?}");
    assert!(docs.len() >= 13, "{} documents", docs.len());
    for doc in &docs {
        assert_eq!(doc["schema"], 1);
        check_offsets(doc);
    }
    // Folders are read in path order.
    let paths: Vec<&str> = docs.iter().filter_map(|d| d["path"].as_str()).collect();
    let html: Vec<&&str> = paths.iter().filter(|p| p.contains("/html/")).collect();
    let mut sorted = html.clone();
    sorted.sort();
    assert_eq!(html, sorted);
}

#[test]
fn hostile_fixtures_print_no_control_or_bidi_character() {
    let (code, docs, _) = json_of(&[&fixture("hostile")]);
    assert_eq!(code, Some(0));
    assert_eq!(docs.len(), 4);
    for doc in &docs {
        let mut all = Vec::new();
        strings(doc, &mut all);
        for s in &all {
            crate::loaders::assert_clean(doc["path"].as_str().unwrap_or("?"), s);
        }
    }
}

#[test]
fn a_folder_with_one_broken_file_prints_the_others_and_exits_1() {
    let (code, docs, errors) = json_of(&[&fixture("cli/mixed")]);
    assert_eq!(code, Some(1));
    let formats: Vec<&str> = docs.iter().map(|d| d["format"].as_str().unwrap()).collect();
    assert_eq!(formats, ["text", "markdown"]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("b-broken.json"), "{errors:?}");
    assert!(errors[0].contains("invalid json"), "{errors:?}");
}

#[test]
fn each_bad_input_is_one_error_line() {
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("image.txt");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    let binary = binary.display().to_string();
    let (code, docs, errors) = json_of(&[
        &fixture("text/depeche.txt"),
        "no/such/article.txt",
        &fixture("broken/wrong-body-type.json"),
        &binary,
        &fixture("broken/truncated.json"),
    ]);
    assert_eq!(code, Some(1));
    assert_eq!(docs.len(), 1);
    assert_eq!(errors.len(), 4, "{errors:?}");
    for (line, name) in errors.iter().zip([
        "article.txt",
        "wrong-body-type.json",
        "image.txt",
        "truncated.json",
    ]) {
        assert!(line.starts_with("liseuse: "), "{line}");
        assert!(line.contains(name), "{line} should name {name}");
    }
    assert!(errors[1].contains("\"body\" must be"), "{}", errors[1]);
    assert!(errors[2].contains("binary"), "{}", errors[2]);
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec!["--json"],
        vec!["--json", "--lang", "de", "x.txt"],
        vec!["--json", "--no-such-option", "x.txt"],
    ] {
        let out = liseuse().args(&args).output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn standard_input_is_sniffed() {
    let rows = [
        (
            "html/guardian-like.html",
            "html",
            "Example liseuse: Museum returns carved stones to island",
        ),
        (
            "json/body-string.json",
            "json",
            "Exemple liseuse : le marché de Noël de Vannes s'installe",
        ),
        (
            "markdown/chronique.md",
            "markdown",
            "Exemple liseuse : le phare de l'île Vierge se visite à nouveau",
        ),
        (
            "text/depeche.txt",
            "text",
            "Exemple liseuse : la médiathèque de Morlaix ouvre le dimanche",
        ),
    ];
    for (path, format, title) in rows {
        let input = std::fs::read(fixture(path)).unwrap();
        let out = liseuse()
            .args(["--json", "-"])
            .write_stdin(input)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(0), "{path}");
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        assert_eq!(doc["path"], "-");
        assert_eq!(doc["format"], format, "{path}");
        assert_eq!(doc["title"], title, "{path}");
    }
}

#[test]
fn declared_language_and_lang_option() {
    let (_, docs, _) = json_of(&[&fixture("html/bbc-like.html")]);
    assert_eq!(docs[0]["language"], "en");
    let out = liseuse()
        .args(["--json", "--lang", "fr", &fixture("html/bbc-like.html")])
        .output()
        .expect("runs");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(doc["language"], "fr");
}
