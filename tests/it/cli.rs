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
