//! The W3C Web Annotation test suite and a JSON-LD processor, run on the exports newsmark
//! writes: every `must` assertion of the suite holds, and expanding with the Web Annotation
//! context and compacting back changes nothing. Both checkers are independent programs
//! (`tests/fixtures/annotation-tests/run_w3c_tests.py`, the W3C's JSON-Schema assertions run
//! as the suite's own runner does, and `tests/annotation/jsonld_roundtrip.py`, with PyLD);
//! `scripts/test.sh` installs their Python packages when they are missing.

use super::annotations::{export_as, import, seeds, tagged};
use newsmark::annotation::{Creator, CreatorKind, Verdict};
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

/// The exports the checks run on, by file name.
fn exports() -> &'static [(&'static str, Value)] {
    static EXPORTS: std::sync::OnceLock<Vec<(&'static str, Value)>> = std::sync::OnceLock::new();
    EXPORTS.get_or_init(make_exports)
}

/// Made once for the three tests that read them.
fn make_exports() -> Vec<(&'static str, Value)> {
    let ana = reader("1", Some("Desk A"));
    let ben = reader("2", Some("Desk B"));
    let tags = [
        (0, 3, Some(Verdict::Disputed), "Kremlin says Wednesday"),
        (1, 0, Some(Verdict::Confirmed), ""),
        (2, 5, None, "Check the figure"),
        (4, 2, Some(Verdict::Confirmed), "Seen on the wire"),
    ];
    let state = tagged(seeds(), &tags);
    // Ben tags two of the same claims the other way, and Ana imports his file.
    let bens = tagged(
        seeds(),
        &[
            (0, 3, Some(Verdict::Confirmed), ""),
            (1, 0, Some(Verdict::Disputed), "No"),
        ],
    );
    let bens_file = export_as(&bens, &ben, true, false).to_string();
    let merged = import(&state, &bens_file, vec![]).expect("Ben's export imports");
    // Files other tools wrote, read into a fresh profile and exported again.
    let mut others = seeds();
    for stem in THIRD_PARTY_REEXPORTED {
        let file = third_party(stem);
        others = import(&others, &std::fs::read_to_string(&file).unwrap(), vec![])
            .unwrap_or_else(|e| panic!("{stem}: {e}"));
    }
    // Two creators (the first is the same person as T01's) and a Hypothesis row without
    // dates (the same as T27's, but for its dates): apart from the others.
    let mut apart = seeds();
    for stem in ["T06", "T29"] {
        let file = std::fs::read_to_string(third_party(stem)).unwrap();
        apart = import(&apart, &file, vec![]).unwrap();
    }
    vec![
        (
            "third-party-re-export.jsonld",
            export_as(&others, &ana, true, false),
        ),
        (
            "two-creators-re-export.jsonld",
            export_as(&apart, &ana, true, false),
        ),
        ("one-article.jsonld", export_as(&state, &ana, false, false)),
        ("all-articles.jsonld", export_as(&state, &ana, true, false)),
        ("with-texts.jsonld", export_as(&state, &ana, true, true)),
        ("empty.jsonld", export_as(&seeds(), &ana, true, false)),
        (
            "unnamed-reader.jsonld",
            export_as(&state, &reader("3", None), true, false),
        ),
        ("re-export.jsonld", export_as(&merged, &ana, true, false)),
    ]
}

/// Third-party files whose annotations land on the seeds, read and exported again.
const THIRD_PARTY_REEXPORTED: &[&str] = &[
    "T01", "T03", "T05b", "T11", "T13", "T14", "T18", "T19", "T20", "T25", "T27", "T29",
];

fn third_party(stem: &str) -> PathBuf {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/annotation-tests/third-party");
    std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.starts_with(&format!("{stem}_")) && n.ends_with(".json")
        })
        .unwrap()
}

/// Re-exported, an imported annotation keeps what its file said: its id as `via`, its
/// creators, dates (or none), body formats and languages, rights, generator, canonical id
/// and extension properties.
#[test]
fn imported_annotations_are_exported_again_as_their_files_wrote_them() {
    let files = exports();
    let doc = &files[0].1;
    let items = doc["first"]["items"].as_array().unwrap();
    let by_via = |via: &str| {
        items
            .iter()
            .find(|a| match &a["via"] {
                Value::String(v) => v == via,
                Value::Array(list) => list.first().and_then(Value::as_str) == Some(via),
                _ => false,
            })
            .unwrap_or_else(|| panic!("no re-export of {via}"))
    };
    let t01 = by_via("https://third.example/a/1");
    assert_eq!(t01["body"]["format"], "text/html");
    assert_eq!(t01["body"]["language"], "de");
    assert_eq!(t01["motivation"], "commenting");
    assert_eq!(t01["created"], "2024-05-01T10:00:00Z");
    assert_eq!(t01["creator"]["name"], "Third");
    let apart = files[1].1["first"]["items"].as_array().unwrap();
    let t06 = apart
        .iter()
        .find(|a| a["via"] == "https://third.example/a/6")
        .unwrap();
    assert_eq!(t06["creator"].as_array().unwrap().len(), 2);
    let t13 = by_via("https://third.example/a/13");
    assert!(
        t13.get("created").is_none() && t13.get("modified").is_none(),
        "{t13}"
    );
    assert!(
        t13.get("creator").is_none(),
        "an annotation without a creator is nobody's: {t13}"
    );
    let t18 = by_via("https://third.example/a/18");
    assert_eq!(
        t18["motivation"],
        serde_json::json!(["oa:assessing", "commenting"])
    );
    let t20 = by_via("https://third.example/a/20");
    assert_eq!(t20["creator"]["nickname"], "kit");
    assert_eq!(t20["creator"]["email"], "mailto:kit@third.example");
    let t25 = by_via("https://third.example/a/25");
    assert_eq!(
        t25["via"],
        serde_json::json!(["https://third.example/a/25", "https://origin.example/a/25"])
    );
    assert_eq!(
        t25["rights"],
        "https://creativecommons.org/licenses/by/4.0/"
    );
    assert_eq!(t25["generator"]["name"], "Tool 2");
    assert_eq!(
        t25["canonical"],
        "urn:uuid:1d7e1a8e-0000-4000-8000-000000000025"
    );
    // The body with an IRI and a purpose, as the model's Specific Resource with that purpose.
    assert_eq!(t25["body"]["type"], "SpecificResource");
    assert_eq!(t25["body"]["purpose"], "tagging");
    assert_eq!(t25["body"]["source"]["id"], "https://third.example/b/25");
    assert_eq!(t25["body"]["source"]["value"], "disputed");
    assert_eq!(
        by_via("https://third.example/a/5b")["skos:prefLabel"],
        "Kremlin claim"
    );
    assert_eq!(
        by_via("https://third.example/a/3")["https://third.example/ns#confidence"],
        0.9
    );
    // Hypothesis rows: their link as via, and no invented dates for a row without any.
    let undated = apart
        .iter()
        .filter(|a| a["via"] == "https://hypothes.is/a/Hq1")
        .any(|a| a.get("created").is_none());
    assert!(
        undated,
        "the Hypothesis row without dates is exported without dates"
    );
    // Read back, the Specific Resource body still gives the verdict.
    let back = newsmark::annotation::import::parse(&doc.to_string()).unwrap();
    let t25_back = back
        .annotations
        .iter()
        .find(|a| a.original["via"][0] == "https://third.example/a/25")
        .unwrap();
    assert_eq!(t25_back.verdict, Some(Verdict::Disputed));
    // Every annotation's target is newsmark's: the seed it landed on, by hash.
    for a in items {
        let source = a["target"]["source"]["id"].as_str().unwrap();
        assert!(source.starts_with("urn:sha256:"), "{a}");
    }
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
    let files = write_all(&dir, exports());
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
    // Eight exports, seven of them with annotations: each annotation is checked on its own.
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
    let files = write_all(&dir, exports());
    let (ok, out) = python("tests/annotation/jsonld_roundtrip.py", &files);
    assert!(ok, "a JSON-LD round trip changed an export:\n{out}");
    assert_eq!(
        out.lines().filter(|l| l.ends_with(": same")).count(),
        files.len(),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The schema.org terms ClaimReview export may use, as the vocabulary defines them
/// (schema.org 29.x, `rdfs:subClassOf` and `schema:domainIncludes`): each type with its
/// parent, and each property with the types of its domain.
const SCHEMA_TYPES: &[(&str, &str)] = &[
    ("Thing", ""),
    ("CreativeWork", "Thing"),
    ("Review", "CreativeWork"),
    ("ClaimReview", "Review"),
    ("Claim", "CreativeWork"),
    ("Article", "CreativeWork"),
    ("NewsArticle", "Article"),
    ("Intangible", "Thing"),
    ("Rating", "Intangible"),
    ("Person", "Thing"),
    ("Organization", "Thing"),
];
const SCHEMA_PROPERTIES: &[(&str, &[&str])] = &[
    ("name", &["Thing"]),
    ("alternateName", &["Thing"]),
    ("identifier", &["Thing"]),
    ("url", &["Thing"]),
    ("author", &["CreativeWork", "Rating"]),
    ("headline", &["CreativeWork"]),
    ("datePublished", &["CreativeWork"]),
    ("dateModified", &["CreativeWork"]),
    ("itemReviewed", &["Review", "AggregateRating"]),
    ("reviewRating", &["Review"]),
    ("reviewBody", &["Review"]),
    ("claimReviewed", &["ClaimReview"]),
    ("appearance", &["Claim"]),
    ("ratingValue", &["Rating"]),
    ("bestRating", &["Rating"]),
    ("worstRating", &["Rating"]),
];

/// Whether `kind` is `ancestor` or a subtype of it.
fn is_a(kind: &str, ancestor: &str) -> bool {
    let mut k = kind;
    loop {
        if k == ancestor {
            return true;
        }
        match SCHEMA_TYPES.iter().find(|(t, _)| *t == k) {
            Some((_, parent)) if !parent.is_empty() => k = parent,
            _ => return false,
        }
    }
}

/// Every node's type is a schema.org type and every property is used on a type in its
/// domain; returns the problems found.
fn schema_problems(v: &Value, path: &str, out: &mut Vec<String>) {
    match v {
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                schema_problems(x, &format!("{path}[{i}]"), out);
            }
        }
        Value::Object(m) => {
            let kind = m.get("@type").and_then(Value::as_str);
            if let Some(k) = kind {
                if !SCHEMA_TYPES.iter().any(|(t, _)| *t == k) {
                    out.push(format!("{path}: {k} is not a schema.org type"));
                }
            }
            for (key, value) in m {
                if key.starts_with('@') {
                    continue;
                }
                match (SCHEMA_PROPERTIES.iter().find(|(p, _)| p == key), kind) {
                    (None, _) => out.push(format!("{path}.{key}: not a schema.org property")),
                    (Some((_, domain)), Some(k)) if !domain.iter().any(|d| is_a(k, d)) => {
                        out.push(format!("{path}.{key}: not a property of {k}"))
                    }
                    (Some(_), None) => out.push(format!("{path}.{key}: on a node with no @type")),
                    _ => {}
                }
                schema_problems(value, &format!("{path}.{key}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn claim_review_uses_only_schema_org_terms_on_types_in_their_domain() {
    use newsmark::annotation::claimreview::claim_reviews;
    let state = tagged(
        seeds(),
        &[
            (0, 3, Some(Verdict::Disputed), "Kremlin says Wednesday"),
            (1, 0, Some(Verdict::Confirmed), ""),
        ],
    );
    let refs = state.article_refs();
    for author in [
        reader("1", Some("Desk A")),
        reader("2", None),
        Creator {
            id: None,
            kind: CreatorKind::Organization,
            name: Some("Fact desk".into()),
        },
    ] {
        let doc = claim_reviews(&refs, &state.tags, &author);
        assert_eq!(doc["@context"], "https://schema.org");
        let reviews = doc["@graph"].as_array().unwrap();
        assert_eq!(reviews.len(), 2);
        let mut problems = Vec::new();
        schema_problems(&doc["@graph"], "@graph", &mut problems);
        assert!(problems.is_empty(), "{problems:#?}");
        for r in reviews {
            // A url per review, stable across exports; the author a Person or Organization
            // with a name only when the reader gave one; the tag's own dates.
            let url = r["url"].as_str().unwrap();
            assert!(url.starts_with("urn:newsmark:claimreview:"), "{url}");
            assert_eq!(r["@id"], r["url"]);
            assert!(matches!(
                r["author"]["@type"].as_str(),
                Some("Person" | "Organization")
            ));
            assert_eq!(r["author"]["name"].as_str(), author.name.as_deref());
            assert!(
                r["datePublished"]
                    .as_str()
                    .unwrap()
                    .starts_with("2025-11-21T"),
                "{r}"
            );
            for a in r["itemReviewed"]["appearance"].as_array().unwrap() {
                let headline = a["headline"].as_str().unwrap();
                assert!(
                    state.articles.iter().any(|x| x.headline() == headline),
                    "{headline}"
                );
            }
        }
        let again = claim_reviews(&refs, &state.tags, &author);
        assert_eq!(doc, again, "the same tags give the same reviews");
    }
    // The checker itself catches a wrong type and a property off its domain.
    let mut problems = Vec::new();
    schema_problems(
        &serde_json::json!({ "@type": "Software", "claimReviewed": "x" }),
        "$",
        &mut problems,
    );
    assert_eq!(problems.len(), 2, "{problems:?}");
}
