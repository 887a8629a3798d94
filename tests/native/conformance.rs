//! The W3C Web Annotation test suite and a JSON-LD processor, run on the exports newsmark
//! writes: every `must` assertion of the suite holds, and expanding with the Web Annotation
//! context and compacting back changes nothing. Both checkers are independent programs
//! (`tests/fixtures/annotation-tests/run_w3c_tests.py`, the W3C's JSON-Schema assertions run
//! as the suite's own runner does, and `tests/annotation/jsonld_roundtrip.py`, with PyLD);
//! `scripts/test.sh` installs their Python packages when they are missing.

use super::annotations::{import, seeds, tagged};
use newsmark::annotation::w3c::{self, ExportOptions};
use newsmark::annotation::{Creator, CreatorKind, Verdict};
use newsmark::store::AppState;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn reader(uuid_tail: &str, name: Option<&str>) -> Creator {
    Creator {
        id: Some(format!("urn:uuid:4f1c2a52-0000-4000-8000-{uuid_tail:0>12}")),
        kind: CreatorKind::Person,
        name: name.map(str::to_string),
    }
}

fn export(state: &AppState, only: Option<&str>, me: &Creator, embed_texts: bool) -> Value {
    let texts = |sha: &str| {
        state
            .articles
            .iter()
            .find(|a| a.sha256 == sha)
            .map(|a| a.text.clone())
    };
    w3c::export(
        &state.annotations(only, me),
        &texts,
        &ExportOptions {
            me,
            generated: 1_763_800_000_000.0,
            embed_texts,
        },
    )
}

/// The exports the checks run on, by file name.
fn exports() -> Vec<(&'static str, Value)> {
    let ana = reader("1", Some("Desk A"));
    let ben = reader("2", Some("Desk B"));
    let tags = [
        (0, 3, Some(Verdict::Disputed), "Kremlin says Wednesday"),
        (1, 0, Some(Verdict::Confirmed), ""),
        (2, 5, None, "Check the figure"),
        (4, 2, Some(Verdict::Confirmed), "Seen on the wire"),
    ];
    let state = tagged(seeds(), &tags);
    let first = state.articles[0].sha256.clone();
    // Ben tags two of the same claims the other way, and Ana imports his file.
    let bens = tagged(
        seeds(),
        &[
            (0, 3, Some(Verdict::Confirmed), ""),
            (1, 0, Some(Verdict::Disputed), "No"),
        ],
    );
    let bens_file = export(&bens, None, &ben, false).to_string();
    let merged = import(&state, &bens_file, vec![]).expect("Ben's export imports");
    vec![
        (
            "one-article.jsonld",
            export(&state, Some(&first), &ana, false),
        ),
        ("all-articles.jsonld", export(&state, None, &ana, false)),
        ("with-texts.jsonld", export(&state, None, &ana, true)),
        ("empty.jsonld", export(&seeds(), None, &ana, false)),
        (
            "unnamed-reader.jsonld",
            export(&state, None, &reader("3", None), false),
        ),
        ("re-export.jsonld", export(&merged, None, &ana, false)),
    ]
}

fn write_all(dir: &Path, files: &[(&str, Value)]) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).unwrap();
    files
        .iter()
        .map(|(name, v)| {
            let p = dir.join(name);
            std::fs::write(&p, serde_json::to_string_pretty(v).unwrap()).unwrap();
            p
        })
        .collect()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsmark-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn python(script: &str, files: &[PathBuf]) -> (bool, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // scripts/test.sh installs the checkers' packages into target/python when the system
    // Python lacks them.
    let mut path = std::ffi::OsString::from(root.join("target").join("python"));
    if let Some(old) = std::env::var_os("PYTHONPATH") {
        path.push(":");
        path.push(old);
    }
    let out = Command::new("python3")
        .env("PYTHONPATH", path)
        .arg(root.join(script))
        .args(files)
        .output()
        .unwrap_or_else(|e| {
            panic!("python3 could not run {script}: {e} (scripts/test.sh installs it)")
        });
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
fn every_export_passes_every_must_of_the_w3c_test_suite() {
    let dir = scratch("w3c-suite");
    let files = write_all(&dir, &exports());
    let (ok, out) = python("tests/fixtures/annotation-tests/run_w3c_tests.py", &files);
    assert!(ok, "the suite's runner failed:\n{out}");
    let mut musts = 0;
    let mut files_seen = 0;
    let mut embedded_fails = 0;
    for line in out.lines() {
        // The runner also tests the embedded first page on its own, where the suite asks
        // for an "@context"; an embedded page takes the collection's (the model's example
        // collection embeds its page that way), and the run with that context added must
        // pass like every other.
        let embedded_context =
            line.contains("page(embedded)") && line.contains("5.2-pageContextValidated.json");
        if line.starts_with("must:FAIL") {
            assert!(embedded_context, "a must assertion fails:\n{out}");
            embedded_fails += 1;
        }
        assert!(
            !line.starts_with("missing"),
            "an assertion file is missing:\n{out}"
        );
        if let Some(totals) = line.strip_prefix("totals: ") {
            files_seen += 1;
            let totals: Value = serde_json::from_str(&totals.replace('\'', "\"")).unwrap();
            let failed = totals.get("must:FAIL").and_then(Value::as_u64).unwrap_or(0);
            assert_eq!(failed, std::mem::take(&mut embedded_fails), "{out}");
            musts += totals["must:PASS"].as_u64().unwrap();
        }
    }
    assert_eq!(files_seen, files.len(), "{out}");
    // Six exports, five of them with annotations: each annotation is checked on its own.
    assert!(musts > 400, "only {musts} must assertions ran:\n{out}");
    println!(
        "w3c suite: {musts} must assertions pass over {} exports",
        files.len()
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_export_expands_and_compacts_back_unchanged() {
    let dir = scratch("jsonld");
    let files = write_all(&dir, &exports());
    let (ok, out) = python("tests/annotation/jsonld_roundtrip.py", &files);
    assert!(ok, "a JSON-LD round trip changed an export:\n{out}");
    assert_eq!(
        out.lines().filter(|l| l.ends_with(": same")).count(),
        files.len(),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
