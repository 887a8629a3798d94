//! Files written the way other tools write them, and the 42 examples of the Web Annotation
//! Data Model, read against the five seed articles: each gives the outcome
//! `tests/fixtures/annotation-tests/README.md` expects. Unknown properties, selectors and
//! bodies are ignored, never a reason to refuse a file.

use super::annotations::{seeds, tagged};
use newsmark::annotation::plan::plan;
use newsmark::annotation::Verdict;
use newsmark::store::AppState;
use std::path::{Path, PathBuf};

fn fixtures(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/annotation-tests")
        .join(dir)
}

/// What importing a file would do: (annotations placed on a claim, orphans, skipped,
/// passed-over parts), or the message refusing it.
struct Outcome {
    placed: usize,
    orphans: usize,
    skipped: Vec<String>,
    ignored: Vec<String>,
    doc: newsmark::annotation::json::Document,
}

fn outcome(state: &AppState, path: &Path) -> Result<Outcome, String> {
    let bytes = std::fs::read(path).unwrap();
    let doc = newsmark::annotation::import::parse_bytes(&bytes).map_err(|e| e.to_string())?;
    let p = plan(
        doc.clone(),
        &state.article_refs(),
        &state.tags,
        &state.orphans,
        &super::annotations::me(),
    )
    .map_err(|e| e.to_string())?;
    Ok(Outcome {
        placed: p.new.len() + p.present + p.conflicts.len(),
        orphans: p.orphans.len(),
        skipped: p.skipped,
        ignored: p.ignored,
        doc,
    })
}

fn third_party(stem: &str) -> PathBuf {
    let dir = fixtures("third-party");
    let name = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .find(|n| n.starts_with(&format!("{stem}_")) && n.ends_with(".json"))
        .unwrap_or_else(|| panic!("no third-party file {stem}"));
    dir.join(name)
}

#[test]
fn third_party_files_give_the_expected_outcomes() {
    // The reader has tagged a claim of their own, so imports meet stored tags too.
    let state = tagged(seeds(), &[(0, 1, Some(Verdict::Disputed), "mine")]);
    let placed_whole = [
        "T01", "T05b", "T11", "T13", "T14", "T15", "T16", "T18", "T19", "T20", "T22", "T23", "T25",
        "T27", "T28", "T29", "T30",
    ];
    let placed_ignoring = [
        "T02", "T03", "T04", "T05", "T06", "T07", "T09", "T10", "T12", "T24", "T26",
    ];
    for stem in placed_whole.iter().chain(&placed_ignoring) {
        let o = outcome(&state, &third_party(stem)).unwrap_or_else(|e| panic!("{stem}: {e}"));
        assert!(
            o.placed >= 1,
            "{stem}: nothing placed ({} orphans, skipped {:?})",
            o.orphans,
            o.skipped
        );
        assert_eq!(o.orphans, 0, "{stem}");
    }
    // Hypothesis's client export: one passage, one page note, one reply.
    let t28 = outcome(&state, &third_party("T28")).unwrap();
    assert_eq!((t28.placed, t28.skipped.len()), (1, 2), "{:?}", t28.skipped);
    // Extension data is kept: a compact IRI as written, an inline term under its IRI; a
    // plain unknown key means nothing in JSON-LD and is dropped.
    let ext = |stem: &str| {
        outcome(&state, &third_party(stem)).unwrap().doc.annotations[0]
            .extensions
            .clone()
    };
    assert_eq!(ext("T05b")["skos:prefLabel"], "Kremlin claim");
    assert_eq!(ext("T03")["https://third.example/ns#confidence"], 0.9);
    assert!(ext("T04").is_empty());
    // The usable part imports, the rest is listed with why.
    let t08 = outcome(&state, &third_party("T08")).unwrap();
    assert_eq!(t08.placed, 1);
    assert!(
        t08.ignored.iter().any(|i| i.contains("only a link")),
        "{:?}",
        t08.ignored
    );
    let t21 = outcome(&state, &third_party("T21")).unwrap();
    assert_eq!(t21.placed, 1);
    assert_eq!(t21.skipped.len(), 1);
    assert!(
        t21.skipped[0].contains("only the article"),
        "{:?}",
        t21.skipped
    );
    // A collection whose pages are only links cannot be read offline: refused, with why.
    let t17 = outcome(&state, &third_party("T17"))
        .err()
        .expect("T17 is refused");
    assert!(t17.contains("only a link"), "{t17}");
}

#[test]
fn the_w3c_examples_are_read_or_skipped_with_a_reason_never_refused() {
    let state = seeds();
    let dir = fixtures("w3c-examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 42);
    let (mut read, mut skipped) = (0, 0);
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let o = outcome(&state, f).unwrap_or_else(|e| panic!("{name} is refused: {e}"));
        let annotations = o.doc.annotations.len();
        // Every annotation of the example is accounted for: read when it selects a passage
        // of a text, else skipped with a reason.
        // Examples 26, 27 and 32 (and the collection, which holds every example) select a
        // passage of a text; 41 counts a position inside an XML element, which cannot be
        // placed in the plain text and is skipped with that reason.
        if [
            "anno26.json",
            "anno27.json",
            "anno32.json",
            "collection1.json",
        ]
        .contains(&name.as_str())
        {
            assert!(annotations >= 1, "{name}: {:?}", o.doc.skipped);
        } else {
            assert_eq!(annotations, 0, "{name}");
            assert!(!o.doc.skipped.is_empty(), "{name}");
        }
        for s in &o.doc.skipped {
            assert!(s.contains(": "), "{name}: a skip without its reason: {s}");
        }
        read += annotations;
        skipped += o.doc.skipped.len();
    }
    println!(
        "w3c examples: {read} annotations read, {skipped} skipped with a reason, none refused"
    );
    assert_eq!(read, 6, "{read} examples read");
    let anno41 = outcome(&state, &dir.join("anno41.json")).unwrap();
    assert!(
        anno41.doc.skipped[0].contains("inside"),
        "{:?}",
        anno41.doc.skipped
    );
}
