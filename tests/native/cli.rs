//! The `newsmark analyze --json` command, run as a real process on real files.

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

fn seeds() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
        .expect("seeds folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

fn newsmark(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_newsmark"))
        .args(args)
        .output()
        .expect("run newsmark")
}

#[test]
fn analyze_prints_one_json_document_for_all_seeds() {
    let files = seeds();
    assert_eq!(files.len(), 5);
    let mut args: Vec<&std::ffi::OsStr> = vec!["analyze".as_ref(), "--json".as_ref()];
    args.extend(files.iter().map(|f| f.as_os_str()));
    let out = newsmark(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let articles = doc["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 5);
    for (a, path) in articles.iter().zip(&files) {
        let text = std::fs::read_to_string(path).expect("read");
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(a["file"], path.file_name().unwrap().to_str().unwrap());
        assert_eq!(a["sha256"].as_str().map(str::len), Some(64));
        assert_eq!(a["length"].as_u64(), Some(chars.len() as u64));
        let claims = a["claims"].as_array().expect("claims");
        assert!(claims.len() >= 10, "{}: {} claims", a["file"], claims.len());
        let e = &a["entities"][0];
        assert!(e["type"].is_string() && e["canonical"].is_string(), "{e}");
        for list in ["entities", "quotes", "numbers"] {
            assert!(
                !a[list].as_array().expect(list).is_empty(),
                "{}: no {list}",
                a["file"]
            );
        }
        let marks = ["claims", "entities", "quotes", "numbers"]
            .into_iter()
            .flat_map(|k| a[k].as_array().unwrap().iter());
        // Offsets are code points into the exact file text.
        for c in marks.chain(std::iter::once(&a["title"])) {
            let (s, e) = (
                c["start"].as_u64().unwrap() as usize,
                c["end"].as_u64().unwrap() as usize,
            );
            let slice: String = chars[s..e].iter().collect();
            assert_eq!(slice, c["text"].as_str().unwrap());
        }
    }
}

#[test]
fn code_point_offsets_differ_from_bytes_on_curly_quotes() {
    let dir = std::env::temp_dir().join(format!("newsmark-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("quotes.txt");
    std::fs::write(
        &file,
        "“Quoted” headline here\n\n“Yes,” she said. It rained.",
    )
    .unwrap();
    let out = newsmark(&["analyze".as_ref(), "--json".as_ref(), file.as_os_str()]);
    let doc: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let claims = &doc["articles"][0]["claims"];
    assert_eq!(claims[0]["text"], "“Yes,” she said.");
    assert_eq!(claims[0]["start"], 24);
    assert_eq!(claims[1]["start"], 41);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn bad_input_gets_a_clear_message_and_a_failing_status() {
    let dir = std::env::temp_dir().join(format!("newsmark-cli-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, b"caf\xe9 cr\xe8me").unwrap();
    let out = newsmark(&["analyze".as_ref(), "--json".as_ref(), latin1.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("latin1.txt") && err.contains("not UTF-8") && err.contains("offset 3"),
        "{err}"
    );

    let missing = dir.join("missing.txt");
    let out = newsmark(&["analyze".as_ref(), "--json".as_ref(), missing.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.txt"));

    let out = newsmark(&["analyse".as_ref()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown command `analyse`"));

    let out = newsmark(&["analyze".as_ref(), "--json".as_ref()]);
    assert_eq!(out.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).ok();
}

/// A saved web page: the article comes out of the page chrome, and nothing from scripts,
/// navigation, cookie banners, asides, comments or footers gets in.
#[test]
fn analyze_reads_html_pages_and_markdown() {
    let fixtures = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"));
    for name in ["flood-report.html", "flood-report.md"] {
        let path = fixtures.join(name);
        let out = newsmark(&["analyze".as_ref(), "--json".as_ref(), path.as_os_str()]);
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let doc: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
        let a = &doc["articles"][0];
        assert_eq!(
            a["title"]["text"], "Floods force thousands from homes in northern Italy",
            "{name}"
        );
        let claims: Vec<&str> = a["claims"]
            .as_array()
            .expect("claims")
            .iter()
            .filter_map(|c| c["text"].as_str())
            .collect();
        assert!(
            claims
                .iter()
                .any(|c| c.starts_with("More than 4,000 people were evacuated")),
            "{name}: {claims:?}"
        );
        let all = claims.join(" ");
        for chrome in [
            "cookies",
            "Share on Facebook",
            "Related stories",
            "First!",
            "All rights reserved",
            "script ran",
            "Search",
        ] {
            assert!(!all.contains(chrome), "{name}: chrome {chrome:?} in {all}");
        }
        let people: Vec<&str> = a["entities"]
            .as_array()
            .expect("entities")
            .iter()
            .filter(|e| e["type"] == "PERSON")
            .filter_map(|e| e["text"].as_str())
            .collect();
        assert!(people.contains(&"Michele de Pascale"), "{name}: {people:?}");
        let quote = a["quotes"]
            .as_array()
            .expect("quotes")
            .iter()
            .find(|q| q["text"].as_str().is_some_and(|t| t.contains("generation")))
            .expect("quote");
        assert_eq!(quote["speaker"], "Michele de Pascale", "{name}");
        // The evidence: the verb, and the name where the sentence gives it.
        assert_eq!(
            quote["cue"],
            serde_json::json!({"by": "verb", "word": "said"}),
            "{name}"
        );
        assert_eq!(quote["mention"]["text"], "Michele de Pascale", "{name}");
    }
}
