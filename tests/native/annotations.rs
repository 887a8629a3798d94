//! Export and import of annotations: the W3C form's required fields, round trips, the
//! import preview, and the corpus of malformed and hostile files.

use newsmark::annotation::json::ImportError;
use newsmark::annotation::plan::{plan, Plan};
use newsmark::annotation::w3c::CONTEXT;
use newsmark::annotation::{Creator, CreatorKind, Tag, Verdict};
use newsmark::store::{sharing, Action, AppState};
use newsmark::text::Offsets;
use proptest::prelude::*;
use serde_json::Value;
use std::rc::Rc;

pub(crate) fn seeds() -> AppState {
    AppState::with_seeds()
}

pub(crate) fn me() -> Creator {
    Creator {
        id: Some("urn:uuid:4f1c2a52-0000-4000-8000-000000000001".into()),
        kind: CreatorKind::Person,
        name: Some("Desk A".into()),
    }
}

/// A state with the given tags: (article index, claim index, verdict, note).
pub(crate) fn tagged(state: AppState, tags: &[(usize, usize, Option<Verdict>, &str)]) -> AppState {
    let mut s = state;
    for &(a, c, verdict, note) in tags {
        let article = s.articles[a % s.articles.len()].clone();
        let claims = &article.analysis.claims;
        let claim = claims[c % claims.len()].id.clone();
        let mut t = s.tags.get(&article.sha256).cloned().unwrap_or_default();
        t.insert(
            claim,
            Tag::new(verdict, note, 1_763_717_400_000.0 + c as f64),
        );
        s = s.apply(Action::TagsLoaded {
            sha: article.sha256.clone(),
            tags: t,
        });
    }
    s
}

/// The export the dialog writes, by `who`, at a fixed time: of all articles, or (`all`
/// false) of the one being read.
pub(crate) fn export_as(state: &AppState, who: &Creator, all: bool, embed_texts: bool) -> Value {
    let scope = sharing::ExportScope {
        all,
        embed_texts,
        form: sharing::ExportForm::WebAnnotation,
    };
    let (text, _) = sharing::export_text(state, who, scope, 1_763_800_000_000.0).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn export(state: &AppState, embed_texts: bool) -> Value {
    export_as(state, &me(), true, embed_texts)
}

/// The reader importing in these tests: a colleague of [`me`], in another browser.
pub(crate) fn importer() -> Creator {
    Creator {
        id: Some("urn:uuid:4f1c2a52-0000-4000-8000-00000000000c".into()),
        kind: CreatorKind::Person,
        name: Some("Desk C".into()),
    }
}

fn preview(state: &AppState, file: &str) -> Result<Plan, ImportError> {
    preview_as(state, file, &importer())
}

/// The preview the import dialog shows: the app's own path, with nothing stored.
fn preview_as(state: &AppState, file: &str, reader: &Creator) -> Result<Plan, ImportError> {
    let store = newsmark::store::tags::MemoryStorage::default();
    sharing::preview_import(state, &store, reader, file.as_bytes()).map(|(p, _)| p)
}

pub(crate) fn import(
    state: &AppState,
    file: &str,
    choices: Vec<usize>,
) -> Result<AppState, ImportError> {
    import_as(state, file, choices, &importer())
}

fn import_as(
    state: &AppState,
    file: &str,
    choices: Vec<usize>,
    reader: &Creator,
) -> Result<AppState, ImportError> {
    let p = preview_as(state, file, reader)?;
    Ok(state.apply(Action::ApplyImport {
        plan: Rc::new(p),
        choices,
        at: 5.0,
    }))
}

fn without_generated(mut v: Value) -> Value {
    if let Some(m) = v.as_object_mut() {
        m.remove("generated");
    }
    v
}

fn is_iri(s: &str) -> bool {
    s.split_once(':').is_some_and(|(scheme, rest)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            && !rest.is_empty()
    })
}

#[test]
fn export_has_the_w3c_model_required_fields() {
    let state = tagged(
        seeds(),
        &[
            (0, 3, Some(Verdict::Disputed), "Kremlin says Wednesday"),
            (1, 0, Some(Verdict::Confirmed), ""),
            (2, 5, None, "Check the figure"),
        ],
    );
    let doc = export(&state, true);
    assert_eq!(doc["@context"], CONTEXT);
    assert_eq!(doc["type"], "AnnotationCollection");
    assert!(is_iri(doc["id"].as_str().unwrap()));
    assert_eq!(doc["total"], 3);
    let page = &doc["first"];
    assert_eq!(page["type"], "AnnotationPage");
    assert!(is_iri(page["id"].as_str().unwrap()));
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    let mut texts = std::collections::HashMap::new();
    for a in items {
        // Required by the model: id (an IRI), type Annotation, a target.
        assert!(is_iri(a["id"].as_str().unwrap()), "{a}");
        assert_eq!(a["type"], "Annotation");
        assert_eq!(a["motivation"], "oa:assessing");
        // One body is written on its own, several as a list (as JSON-LD compacts them).
        let bodies: Vec<&Value> = match &a["body"] {
            Value::Array(list) => {
                assert!(list.len() >= 2, "{a}");
                list.iter().collect()
            }
            one => vec![one],
        };
        assert!(!bodies.is_empty());
        for b in bodies {
            assert_eq!(b["type"], "TextualBody");
            assert!(b["value"].is_string());
            assert!(matches!(
                b["purpose"].as_str(),
                Some("tagging" | "commenting")
            ));
        }
        for key in ["created", "modified"] {
            assert!(
                newsmark::annotation::timestamps::parse_rfc3339(a[key].as_str().unwrap()).is_some()
            );
        }
        assert_eq!(a["creator"]["type"], "Person");
        let target = &a["target"];
        let source = &target["source"];
        let sha = source["id"]
            .as_str()
            .unwrap()
            .strip_prefix("urn:sha256:")
            .unwrap();
        assert!(
            target.get("state").is_none(),
            "no state: the hash is in the source IRI"
        );
        if let Some(text) = source["value"].as_str() {
            texts.insert(sha.to_string(), text.to_string());
        }
        let article = state.articles.iter().find(|x| x.sha256 == sha).unwrap();
        let selectors = target["selector"].as_array().unwrap();
        let quote = selectors
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .unwrap();
        let position = selectors
            .iter()
            .find(|s| s["type"] == "TextPositionSelector")
            .unwrap();
        let exact = quote["exact"].as_str().unwrap();
        assert!(!exact.is_empty() && quote["prefix"].is_string() && quote["suffix"].is_string());
        // Positions are code points: the slice there is the quote.
        let o = Offsets::new(&article.text);
        let (start, end) = (
            position["start"].as_u64().unwrap() as usize,
            position["end"].as_u64().unwrap() as usize,
        );
        let span = o
            .span_in_bytes(newsmark::text::Span::new(start, end))
            .unwrap();
        assert_eq!(span.slice(&article.text), Some(exact));
        let prefix = quote["prefix"].as_str().unwrap();
        assert!(article.text.get(..span.start).unwrap().ends_with(prefix));
    }
    // Each annotated article's text is embedded once, and it is the article's text.
    assert_eq!(texts.len(), 3);
    for (sha, text) in texts {
        assert_eq!(newsmark::text::sha256_hex(text.as_bytes()), sha);
    }
    assert!(export(&state, false).to_string().len() < doc.to_string().len() / 3);
}

#[test]
fn an_export_imports_into_a_fresh_profile_with_every_tag_and_note() {
    let state = tagged(
        seeds(),
        &[
            (
                0,
                1,
                Some(Verdict::Disputed),
                "Kremlin says “Wednesday”\nnot Tuesday",
            ),
            (3, 2, Some(Verdict::Confirmed), ""),
            (4, 7, None, "ask the desk"),
        ],
    );
    let file = export(&state, false).to_string();
    let p = preview(&seeds(), &file).unwrap();
    assert_eq!(
        (p.new.len(), p.present, p.conflicts.len(), p.orphans.len()),
        (3, 0, 0, 0)
    );
    let fresh = import(&seeds(), &file, vec![]).unwrap();
    for a in &state.articles {
        let want = state.tags.get(&a.sha256).cloned().unwrap_or_default();
        let got = fresh.tags.get(&a.sha256).cloned().unwrap_or_default();
        assert_eq!(want.len(), got.len());
        for (claim, t) in want {
            let g = &got[&claim];
            assert!(
                g.says_same(&t) && g.modified == t.modified && g.created == t.created,
                "{claim}"
            );
            assert_eq!(g.creator, Some(me()), "imported tags keep who made them");
        }
    }
    // Importing the same file again finds everything present.
    let again = preview(&fresh, &file).unwrap();
    assert_eq!(
        (again.new.len(), again.present, again.conflicts.len()),
        (0, 3, 0)
    );
}

/// One reader's earlier export read back after they changed their mind: their own tags
/// conflict, and the reader chooses.
#[test]
fn conflicts_are_shown_and_nothing_changes_unless_chosen() {
    let theirs = tagged(
        seeds(),
        &[
            (0, 1, Some(Verdict::Disputed), "wrong day"),
            (0, 2, Some(Verdict::Confirmed), ""),
        ],
    );
    let mine = tagged(
        seeds(),
        &[
            (0, 1, Some(Verdict::Confirmed), ""),
            (0, 2, Some(Verdict::Confirmed), ""),
        ],
    );
    let file = export(&theirs, false).to_string();
    let p = preview_as(&mine, &file, &me()).unwrap();
    assert_eq!((p.new.len(), p.present, p.conflicts.len()), (0, 1, 1));
    let c = &p.conflicts[0];
    assert_eq!(c.stored.as_ref().unwrap().verdict, Some(Verdict::Confirmed));
    assert_eq!(c.incoming[0].verdict, Some(Verdict::Disputed));
    assert!(!c.passage.is_empty());
    let sha = &mine.articles[0].sha256;
    let kept = import_as(&mine, &file, vec![], &me()).unwrap();
    assert_eq!(
        kept.tags[sha][&c.claim].verdict,
        Some(Verdict::Confirmed),
        "the default keeps what is here"
    );
    let taken = import_as(&mine, &file, vec![1], &me()).unwrap();
    assert_eq!(taken.tags[sha][&c.claim].verdict, Some(Verdict::Disputed));
    assert_eq!(taken.tags[sha][&c.claim].note, "wrong day");
    // Still the reader's own tag, not a colleague's.
    assert_eq!(taken.tags[sha][&c.claim].creator, None);
    assert!(taken.tags[sha][&c.claim].others.is_empty());
}

fn reader(tail: &str, name: &str) -> Creator {
    Creator {
        id: Some(format!("urn:uuid:4f1c2a52-0000-4000-8000-{tail:0>12}")),
        kind: CreatorKind::Person,
        name: Some(name.into()),
    }
}

fn export_by(state: &AppState, who: &Creator) -> String {
    export_as(state, who, true, false).to_string()
}

/// Two readers export, a third imports both: every claim shows both readers' verdicts
/// (who said what), none is merged into the other, and exporting again keeps two
/// annotations per claim, each with its creator.
#[test]
fn two_readers_tags_on_one_claim_stay_side_by_side() {
    let (ana, ben, cleo) = (reader("a", "Ana"), reader("b", "Ben"), reader("c", "Cleo"));
    let claims = [(0, 1), (2, 4), (3, 0)];
    let anas = tagged(
        seeds(),
        &claims.map(|(a, c)| (a, c, Some(Verdict::Confirmed), "seen it")),
    );
    let bens = tagged(
        seeds(),
        &claims.map(|(a, c)| (a, c, Some(Verdict::Disputed), "wrong day")),
    );
    let (ana_file, ben_file) = (export_by(&anas, &ana), export_by(&bens, &ben));
    let first = import_as(&seeds(), &ana_file, vec![], &cleo).unwrap();
    let p = preview_as(&first, &ben_file, &cleo).unwrap();
    assert_eq!(
        (p.new.len(), p.present, p.conflicts.len()),
        (3, 0, 0),
        "a colleague's verdict is new, not a conflict"
    );
    let both = import_as(&first, &ben_file, vec![], &cleo).unwrap();
    for (a, c) in claims {
        let article = &both.articles[a];
        let claim = &article.analysis.claims[c].id;
        let tag = &both.tags[&article.sha256][claim];
        let said: Vec<(Option<String>, Option<Verdict>)> = tag
            .all_readers()
            .map(|t| (t.creator.as_ref().and_then(|c| c.name.clone()), t.verdict))
            .collect();
        assert_eq!(
            said,
            [
                (Some("Ana".into()), Some(Verdict::Confirmed)),
                (Some("Ben".into()), Some(Verdict::Disputed))
            ]
        );
    }
    // Exporting again: two annotations per claim, one per reader, distinct ids.
    let again: Value = serde_json::from_str(&export_by(&both, &cleo)).unwrap();
    let items = again["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 6);
    let ids: std::collections::BTreeSet<&str> =
        items.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 6);
    let names: Vec<&str> = items
        .iter()
        .map(|i| i["creator"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.iter().filter(|n| **n == "Ana").count(), 3);
    assert_eq!(names.iter().filter(|n| **n == "Ben").count(), 3);
    // Reading the re-export back changes nothing.
    let back = preview_as(&both, &export_by(&both, &cleo), &cleo).unwrap();
    assert_eq!(
        (back.new.len(), back.present, back.conflicts.len()),
        (0, 6, 0)
    );
    // The importing reader tags a claim of the selected article: their verdict joins the
    // two colleagues', it replaces neither.
    let claim0 = both.articles[0].analysis.claims[1].id.clone();
    let mine = both.apply(Action::SetVerdict {
        claim: claim0.clone(),
        verdict: Some(Verdict::Disputed),
        at: 9.0,
    });
    let tag = &mine.tags[&mine.articles[0].sha256][&claim0];
    assert_eq!(
        (tag.creator.clone(), tag.verdict),
        (None, Some(Verdict::Disputed))
    );
    let others: Vec<_> = tag
        .others
        .iter()
        .filter_map(|t| t.creator.as_ref()?.name.clone())
        .collect();
    assert_eq!(others, ["Ana", "Ben"]);
    assert_eq!(
        tag.note, "",
        "a colleague's note does not become the reader's"
    );
}

/// The seeds and a sixth article, added and analysed, with its first claim disputed; and
/// that article's index.
fn seeds_and_a_tagged_extra_article() -> (AppState, usize) {
    let mut state = seeds();
    state = state.apply(Action::AddArticles {
        articles: vec![newsmark::store::NewArticle {
            file: "extra.txt".into(),
            text: "Extra report\n\nThe bridge closed at noon. Traffic was diverted.".into(),
            added: 1.0,
        }],
        select: false,
    });
    let job = state.job.clone().unwrap();
    let texts: Vec<&str> = job.inputs.iter().map(|i| i.text.as_ref()).collect();
    state = state.apply(Action::JobDone {
        job: job.id,
        analyses: newsmark::analysis::analyze_set(&texts),
    });
    let extra = state.articles.len() - 1;
    let state = tagged(state, &[(extra, 0, Some(Verdict::Disputed), "")]);
    (state, extra)
}

#[test]
fn texts_carried_in_the_file_are_added_and_their_tags_placed() {
    let (state, _) = seeds_and_a_tagged_extra_article();
    let with_text = export(&state, true).to_string();
    let without_text = export(&state, false).to_string();
    let p = preview(&seeds(), &without_text).unwrap();
    assert_eq!((p.new.len(), p.orphans.len()), (0, 1));
    assert!(
        p.orphans[0].reason.contains("no open article"),
        "{}",
        p.orphans[0].reason
    );
    let p = preview(&seeds(), &with_text).unwrap();
    assert_eq!((p.new.len(), p.orphans.len(), p.articles.len()), (1, 0, 1));
    assert_eq!(p.articles[0].label.as_deref(), Some("extra.txt"));
    let after = import(&seeds(), &with_text, vec![]).unwrap();
    assert!(after
        .job
        .as_ref()
        .is_some_and(|j| j.inputs.iter().any(|i| i.file == "extra.txt")));
}

/// A file that carries an article which is not open, for which tags are stored: the
/// preview compares with those stored tags (present, not new), and asks for them to be
/// loaded, so that applying the import cannot overwrite them.
#[test]
fn stored_tags_of_a_carried_article_that_is_not_open_count_in_the_preview() {
    use newsmark::store::tags::{self, MemoryStorage};
    let (state, extra) = seeds_and_a_tagged_extra_article();
    let sha = state.articles[extra].sha256.clone();
    let file = export(&state, true).to_string();
    // In a browser where the article was once open and tagged the same way, then closed.
    let store = MemoryStorage::default();
    tags::save(&store, &sha, &state.tags[&sha]).unwrap();
    let (p, loads) = sharing::preview_import(&seeds(), &store, &me(), file.as_bytes()).unwrap();
    assert_eq!((p.new.len(), p.present, p.articles.len()), (0, 1, 1));
    assert!(matches!(&loads[..], [Action::TagsLoaded { sha: s, .. }] if *s == sha));
    // Without them stored, the same tag is new.
    let empty = MemoryStorage::default();
    let (p, loads) = sharing::preview_import(&seeds(), &empty, &me(), file.as_bytes()).unwrap();
    assert_eq!((p.new.len(), p.present, loads.len()), (1, 0, 0));
    // The dialog's export counts what it holds.
    let scope = sharing::ExportScope {
        all: true,
        embed_texts: true,
        form: sharing::ExportForm::WebAnnotation,
    };
    let (_, n) = sharing::export_text(&state, &me(), scope, 1_763_800_000_000.0).unwrap();
    assert_eq!(n, 1);
}

#[test]
fn orphans_are_kept_and_exported_again() {
    let hypothesis = r#"{"annotations": [{"id": "abc123", "uri": "https://example.org/story", "text": "Not in any article",
        "tags": ["disputed"], "created": "2025-01-02T03:04:05.000000+00:00", "updated": "2025-01-02T03:04:05.000000+00:00",
        "user": "acct:sam@hypothes.is", "target": [{"source": "https://example.org/story", "selector": [
        {"type": "TextQuoteSelector", "exact": "A sentence that is in none of the seed articles at all.", "prefix": "", "suffix": ""}]}]}]}"#;
    let after = import(&seeds(), hypothesis, vec![]).unwrap();
    assert_eq!(after.orphans.len(), 1);
    let out = export(&after, false);
    let items = out["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["id"], "https://hypothes.is/a/abc123");
    assert_eq!(items[0]["creator"]["id"], "acct:sam@hypothes.is");
    // Exported orphans import as orphans again, and a second import finds them present.
    let back = import(&seeds(), &out.to_string(), vec![]).unwrap();
    assert!(back.orphans[0]
        .annotation
        .same_as(&after.orphans[0].annotation));
    assert_eq!(preview(&back, &out.to_string()).unwrap().present, 1);
    // Applying the same file again keeps one orphan, not two.
    let twice = import(&back, &out.to_string(), vec![]).unwrap();
    assert_eq!(twice.orphans.len(), 1);
}

#[test]
fn hypothesis_annotations_are_placed_by_quote() {
    let state = seeds();
    let a = &state.articles[1];
    let claim = &a.analysis.claims[4];
    let exact = claim.span.slice(&a.text).unwrap();
    // A part of the sentence, as a Hypothesis user would highlight it.
    let part: String = exact.chars().take(40).collect();
    let file = serde_json::json!({"annotations": [
        {"id": "h1", "uri": "https://news.example/story", "text": "Source?", "tags": ["Confirmed", "wire"],
         "target": [{"source": "https://news.example/story", "selector": [
            {"type": "RangeSelector", "startContainer": "/p[3]", "startOffset": 0, "endContainer": "/p[3]", "endOffset": 40},
            {"type": "TextPositionSelector", "start": 99999, "end": 100039},
            {"type": "TextQuoteSelector", "exact": part, "prefix": "", "suffix": ""}]}]},
        {"id": "h2", "uri": "https://news.example/story", "text": "a reply", "references": ["h1"], "target": [{"source": "https://news.example/story"}]},
        {"id": "h3", "uri": "https://news.example/story", "text": "page note", "target": [{"source": "https://news.example/story"}]}
    ]})
    .to_string();
    let p = preview(&state, &file).unwrap();
    assert_eq!(p.format, "Hypothesis");
    assert_eq!(p.skipped.len(), 2);
    assert_eq!(p.new.len(), 1);
    assert_eq!(
        (p.new[0].sha256.as_str(), p.new[0].claim.as_str()),
        (a.sha256.as_str(), claim.id.as_str())
    );
    assert_eq!(p.new[0].tag.verdict, Some(Verdict::Confirmed));
    assert_eq!(p.new[0].tag.note, "Source?\n\nTags: wire");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Export → import into a fresh profile → export gives the same document apart from
    /// the time it was generated.
    #[test]
    fn export_import_export_is_identity(
        tags in prop::collection::vec((0usize..5, 0usize..400, prop::option::of(prop_oneof![Just(Verdict::Confirmed), Just(Verdict::Disputed)]), "[a-zA-Z0-9 “”’é,.!?\\n]{0,40}"), 1..12),
        embed in any::<bool>(),
    ) {
        let tags: Vec<(usize, usize, Option<Verdict>, String)> = tags.into_iter().map(|(a, c, v, n)| (a, c, v, n.trim().to_string())).collect();
        let refs: Vec<(usize, usize, Option<Verdict>, &str)> = tags.iter().map(|(a, c, v, n)| (*a, *c, *v, n.as_str())).collect();
        let state = tagged(seeds(), &refs);
        let first = export(&state, embed);
        let fresh = import(&seeds(), &first.to_string(), vec![]).unwrap();
        let second = export(&fresh, embed);
        prop_assert_eq!(without_generated(first), without_generated(second));
    }

    /// Any text at all gives a message, never a panic.
    #[test]
    fn import_never_panics(s in ".{0,200}") {
        let _ = preview(&seeds(), &s);
    }
}

/// The corpus of malformed and hostile files, each with the message it must give.
#[test]
fn hostile_files_are_refused_with_a_precise_message() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let manifest = std::fs::read_to_string(dir.join("expected.tsv")).unwrap();
    let state = tagged(seeds(), &[(0, 1, Some(Verdict::Disputed), "mine")]);
    let mut checked = 0;
    let mut accepted = 0;
    for line in manifest
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let (name, expected) = line.split_once('\t').unwrap();
        let bytes = std::fs::read(dir.join(name)).unwrap();
        let result = newsmark::annotation::import::parse_bytes(&bytes).and_then(|doc| {
            plan(
                doc,
                &state.article_refs(),
                &state.tags,
                &state.orphans,
                &me(),
            )
        });
        let (kind, want) = expected.split_once(": ").unwrap_or(("", expected));
        if matches!(kind, "skipped" | "ignored" | "orphan") {
            let p = result.unwrap_or_else(|e| panic!("{name} is refused: {e}"));
            let listed = match kind {
                "skipped" => &p.skipped,
                "ignored" => &p.ignored,
                _ => &p
                    .orphans
                    .iter()
                    .map(|o| o.annotation.note.clone())
                    .collect(),
            };
            assert!(
                listed.iter().any(|s| s.contains(want)),
                "{name}: {kind} {listed:?} does not say {want:?}"
            );
            // Nothing placed on an article of the reader's from a file about another text.
            assert!(p.new.is_empty() && p.conflicts.is_empty(), "{name}");
            accepted += 1;
            continue;
        }
        let err = result.expect_err(name).to_string();
        assert!(
            err.contains(expected),
            "{name}: {err:?} does not say {expected:?}"
        );
        checked += 1;
    }
    assert!(checked >= 30, "the corpus has {checked} refused files");
    assert_eq!(accepted, 10, "valid files read");
    // A 50 MB file is refused by its size.
    let big = vec![b' '; 50 * 1024 * 1024];
    let err = newsmark::annotation::import::parse_bytes(&big)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("50.0 MB") && err.contains("at most 32.0 MB"),
        "{err}"
    );
}
