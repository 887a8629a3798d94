//! Quality of the analysis on the seed articles, scored against the hand-checked gold labels
//! in `tests/gold` (copied from the project's shared gold set; see tests/gold/README.md).
//!
//! Gold spans are `{text, occurrence}`: the k-th occurrence of `text`, counting every start
//! position. They are resolved here to byte spans and compared with the analysis.

use newsmark::analysis::analyze;
use newsmark::seeds::SEEDS;
use newsmark::text::Span;
use serde_json::Value;
use std::collections::BTreeSet;

pub struct GoldArticle {
    pub file: String,
    pub text: String,
    pub doc: Value,
}

/// Load the gold file of every seed.
pub fn gold_articles() -> Vec<GoldArticle> {
    SEEDS
        .iter()
        .map(|seed| {
            let name = seed.file.replace(".txt", ".json");
            let path = format!("{}/tests/gold/{name}", env!("CARGO_MANIFEST_DIR"));
            let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            let doc: Value = serde_json::from_str(&raw).unwrap_or_else(|e| panic!("{path}: {e}"));
            GoldArticle {
                file: seed.file.to_string(),
                text: seed.text.to_string(),
                doc,
            }
        })
        .collect()
}

/// The byte span of the `occurrence`-th start of `needle` in `text`.
pub fn resolve(text: &str, needle: &str, occurrence: usize) -> Option<Span> {
    let mut from = 0;
    let mut found = None;
    for _ in 0..=occurrence {
        let at = from + text.get(from..)?.find(needle)?;
        found = Some(at);
        from = at + needle.chars().next()?.len_utf8();
    }
    found.map(|s| Span::new(s, s + needle.len()))
}

/// Resolve every span of one gold list; `optional` items are returned separately.
pub fn spans(g: &GoldArticle, list: &str) -> (Vec<(Span, Value)>, Vec<Span>) {
    let mut required = Vec::new();
    let mut optional = Vec::new();
    for item in g.doc[list].as_array().into_iter().flatten() {
        let text = item["text"].as_str().expect("gold span text");
        let occ = item["occurrence"].as_u64().expect("gold occurrence") as usize;
        let span = resolve(&g.text, text, occ)
            .unwrap_or_else(|| panic!("{}: cannot resolve {list} {text:?} #{occ}", g.file));
        if item["optional"].as_bool() == Some(true) {
            optional.push(span);
        } else {
            required.push((span, item.clone()));
        }
    }
    (required, optional)
}

/// Precision, recall and F1 of predicted against gold: the scoring counts of the entity
/// model's dev evaluation.
pub use newsmark::analysis::ner::corpus::Counts as Score;

/// One printed row of a table: the counts and the ratios.
fn row(s: &Score, name: &str) -> String {
    format!(
        "{name:<24} {:>5} {:>5} {:>5}   P {:.3}  R {:.3}  F1 {:.3}",
        s.tp,
        s.fp,
        s.fn_,
        s.precision(),
        s.recall(),
        s.f1()
    )
}

/// Exact-span score of a set of predictions; predictions equal to an optional gold span
/// count neither way.
pub fn exact(pred: &BTreeSet<Span>, gold: &BTreeSet<Span>, optional: &BTreeSet<Span>) -> Score {
    Score {
        tp: pred.intersection(gold).count(),
        fp: pred
            .iter()
            .filter(|p| !gold.contains(p) && !optional.contains(p))
            .count(),
        fn_: gold.difference(pred).count(),
    }
}

#[test]
fn claims_match_gold_sentences() {
    let mut total = Score::default();
    println!(
        "\n{:<24} {:>5} {:>5} {:>5}",
        "claims (exact span)", "tp", "fp", "fn"
    );
    for g in gold_articles() {
        let a = analyze(&g.text);
        let pred: BTreeSet<Span> = a.claims.iter().map(|c| c.span).collect();
        let (req, opt) = spans(&g, "claims");
        let gold: BTreeSet<Span> = req.iter().map(|(s, _)| *s).collect();
        let score = exact(&pred, &gold, &opt.into_iter().collect());
        println!("{}", row(&score, &g.file));
        for s in gold.difference(&pred) {
            println!("    missed: {:?}", s.slice(&g.text));
        }
        for s in pred.difference(&gold) {
            println!("    extra:  {:?}", s.slice(&g.text));
        }
        total.add(score);
    }
    println!("{}", row(&total, "claims: all"));
    assert!(total.f1() >= 0.95, "claims F1 {:.3} < 0.95", total.f1());
}

#[test]
fn nothing_is_marked_inside_gold_boilerplate() {
    let golds = gold_articles();
    let texts: Vec<&str> = golds.iter().map(|g| g.text.as_str()).collect();
    for (g, a) in golds.iter().zip(newsmark::analysis::analyze_set(&texts)) {
        let (boiler, _) = spans(g, "boilerplate");
        let marks = a
            .claims
            .iter()
            .map(|c| ("claim", c.span))
            .chain(a.entities.iter().map(|e| ("entity", e.span)))
            .chain(a.quotes.iter().map(|q| ("quote", q.span)))
            .chain(a.numbers.iter().map(|n| ("number", n.span)));
        for (kind, span) in marks {
            for (b, _) in &boiler {
                assert!(
                    !span.overlaps(b),
                    "{}: {kind} {:?} overlaps boilerplate {:?}",
                    g.file,
                    span.slice(&g.text),
                    b.slice(&g.text)
                );
            }
        }
        let title = a.title.and_then(|t| t.slice(&g.text));
        assert_eq!(title, g.doc["title"].as_str(), "{}: headline", g.file);
    }
}

#[test]
fn gold_boilerplate_is_detected() {
    let mut found = 0;
    let mut total = 0;
    for g in gold_articles() {
        let a = analyze(&g.text);
        let (boiler, _) = spans(&g, "boilerplate");
        for (b, _) in &boiler {
            total += 1;
            // Multi-line gold entries ("Published\n\non") are reported line by line.
            if a.boilerplate.iter().any(|p| b.contains(p) || p.contains(b)) {
                found += 1;
            } else {
                println!(
                    "{}: boilerplate not detected: {:?}",
                    g.file,
                    b.slice(&g.text)
                );
            }
        }
    }
    println!("boilerplate detected: {found}/{total}");
    assert_eq!(found, total);
}

/// Entities scored with exact span and type over PERSON, ORG and PLACE. OTHER (nationality
/// adjectives, events) is not scored; a PERSON/ORG/PLACE prediction on a gold OTHER span is
/// a false positive.
#[test]
fn entities_match_gold() {
    let golds = gold_articles();
    let texts: Vec<&str> = golds.iter().map(|g| g.text.as_str()).collect();
    let analyses = newsmark::analysis::analyze_set(&texts);
    let scored = ["PERSON", "ORG", "PLACE"];
    let mut total = Score::default();
    let mut by_type: std::collections::BTreeMap<&str, Score> = Default::default();
    println!(
        "\n{:<24} {:>5} {:>5} {:>5}",
        "entities (span+type)", "tp", "fp", "fn"
    );
    for (g, a) in golds.iter().zip(&analyses) {
        let (req, opt) = spans(g, "entities");
        let gold: BTreeSet<(Span, String)> = req
            .iter()
            .filter(|(_, v)| scored.contains(&v["type"].as_str().unwrap_or("")))
            .map(|(s, v)| (*s, v["type"].as_str().unwrap_or("").to_string()))
            .collect();
        let optional: BTreeSet<Span> = opt.into_iter().collect();
        let pred: BTreeSet<(Span, String)> = a
            .entities
            .iter()
            .map(|e| {
                (
                    e.span,
                    serde_json::to_value(e.kind)
                        .unwrap()
                        .as_str()
                        .unwrap()
                        .to_string(),
                )
            })
            .filter(|(s, t)| scored.contains(&t.as_str()) && !optional.contains(s))
            .collect();
        let mut score = Score::default();
        for t in scored {
            let gs: BTreeSet<_> = gold.iter().filter(|(_, k)| k == t).collect();
            let ps: BTreeSet<_> = pred.iter().filter(|(_, k)| k == t).collect();
            let s = Score {
                tp: gs.intersection(&ps).count(),
                fp: ps.difference(&gs).count(),
                fn_: gs.difference(&ps).count(),
            };
            by_type.entry(t).or_default().add(s);
            score.add(s);
        }
        println!("{}", row(&score, &g.file));
        for (s, t) in gold.difference(&pred) {
            println!("    missed: {t:<6} {:?}", s.slice(&g.text).unwrap_or(""));
        }
        for (s, t) in pred.difference(&gold) {
            println!("    extra:  {t:<6} {:?}", s.slice(&g.text).unwrap_or(""));
        }
        total.add(score);
    }
    for (t, s) in &by_type {
        println!("{}", row(s, &format!("entities: {t}")));
    }
    println!("{}", row(&total, "entities: all"));
    assert!(total.f1() >= 0.90, "entity F1 {:.3} < 0.90", total.f1());
}

/// Canonical name of every alias in the gold alias groups, so that a speaker written
/// "Yury Ushakov" in one article matches the gold's "Yuri Ushakov".
fn alias_canonical() -> std::collections::HashMap<String, String> {
    let path = format!("{}/tests/gold/facts.json", env!("CARGO_MANIFEST_DIR"));
    let facts: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut map = std::collections::HashMap::new();
    for g in facts["alias_groups"].as_array().into_iter().flatten() {
        let canonical = g["canonical"].as_str().unwrap_or("").to_string();
        for a in g["aliases"].as_array().into_iter().flatten() {
            map.insert(a.as_str().unwrap_or("").to_string(), canonical.clone());
        }
        map.insert(canonical.clone(), canonical);
    }
    map
}

/// Quotes: exact span F1, and speaker accuracy over the matched quotes. Speakers are
/// compared through the gold alias groups (cross-article spelling is not the
/// recogniser's job here; naming the right person is), and without full stops ("U.S."
/// is "US").
#[test]
fn quotes_match_gold() {
    let golds = gold_articles();
    let texts: Vec<&str> = golds.iter().map(|g| g.text.as_str()).collect();
    let analyses = newsmark::analysis::analyze_set(&texts);
    let aliases = alias_canonical();
    let norm = |s: Option<&str>| {
        s.map(|s| {
            aliases
                .get(s)
                .cloned()
                .unwrap_or_else(|| s.to_string())
                .replace('.', "")
        })
    };
    let mut total = Score::default();
    let (mut right, mut matched) = (0, 0);
    println!(
        "\n{:<24} {:>5} {:>5} {:>5}",
        "quotes (exact span)", "tp", "fp", "fn"
    );
    for (g, a) in golds.iter().zip(&analyses) {
        let (req, opt) = spans(g, "quotes");
        let gold: BTreeSet<Span> = req.iter().map(|(s, _)| *s).collect();
        let pred: BTreeSet<Span> = a.quotes.iter().map(|q| q.span).collect();
        let score = exact(&pred, &gold, &opt.into_iter().collect());
        println!("{}", row(&score, &g.file));
        for s in gold.difference(&pred) {
            println!("    missed: {:?}", s.slice(&g.text).unwrap_or(""));
        }
        for s in pred.difference(&gold) {
            println!("    extra:  {:?}", s.slice(&g.text).unwrap_or(""));
        }
        for (s, v) in &req {
            let Some(q) = a.quotes.iter().find(|q| q.span == *s) else {
                continue;
            };
            matched += 1;
            let want = norm(v["speaker"].as_str());
            let got = norm(q.speaker.as_deref());
            if want == got {
                right += 1;
            } else {
                println!(
                    "    speaker of {:?}: got {:?}, want {:?}",
                    s.slice(&g.text)
                        .unwrap_or("")
                        .chars()
                        .take(40)
                        .collect::<String>(),
                    got,
                    want
                );
            }
        }
        total.add(score);
    }
    println!("{}", row(&total, "quotes: all"));
    let accuracy = right as f64 / matched.max(1) as f64;
    println!("speaker accuracy: {right}/{matched} = {accuracy:.3}");
    assert!(total.f1() >= 0.95, "quote F1 {:.3} < 0.95", total.f1());
    assert!(accuracy >= 0.95, "speaker accuracy {accuracy:.3} < 0.95");
}

/// Whether a predicted value equals the gold value: numbers within 1e-9, ranges by both
/// ends, ISO strings exactly.
fn same_value(pred: &Value, gold: &Value) -> bool {
    match (pred, gold) {
        (Value::Number(a), Value::Number(b)) => {
            (a.as_f64().unwrap_or(f64::NAN) - b.as_f64().unwrap_or(f64::NAN)).abs() < 1e-9
        }
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_value(x, y))
        }
        (Value::String(a), Value::String(b)) => a == b,
        (Value::Null, Value::Null) => true,
        _ => false,
    }
}

/// Numbers: F1 with overlapping spans (one-to-one), and value accuracy over the matches.
#[test]
fn numbers_match_gold() {
    let golds = gold_articles();
    let texts: Vec<&str> = golds.iter().map(|g| g.text.as_str()).collect();
    let analyses = newsmark::analysis::analyze_set(&texts);
    let mut total = Score::default();
    let (mut right, mut matched) = (0, 0);
    println!(
        "\n{:<24} {:>5} {:>5} {:>5}",
        "numbers (overlap)", "tp", "fp", "fn"
    );
    for (g, a) in golds.iter().zip(&analyses) {
        let (req, opt) = spans(g, "numbers");
        let mut used = vec![false; a.numbers.len()];
        let mut score = Score::default();
        for (s, v) in &req {
            let hit = a
                .numbers
                .iter()
                .enumerate()
                .find(|(i, n)| !used[*i] && n.span.overlaps(s));
            match hit {
                Some((i, n)) => {
                    used[i] = true;
                    score.tp += 1;
                    matched += 1;
                    let got = serde_json::to_value(&n.value).unwrap();
                    if same_value(&got, &v["value"]) {
                        right += 1;
                    } else {
                        println!(
                            "    value of {:?} ({:?}): got {got}, want {}",
                            s.slice(&g.text).unwrap_or(""),
                            n.span.slice(&g.text).unwrap_or(""),
                            v["value"]
                        );
                    }
                }
                None => {
                    score.fn_ += 1;
                    println!("    missed: {:?}", s.slice(&g.text).unwrap_or(""));
                }
            }
        }
        for (i, n) in a.numbers.iter().enumerate() {
            if !used[i] && !opt.iter().any(|o| o.overlaps(&n.span)) {
                score.fp += 1;
                println!("    extra:  {:?}", n.span.slice(&g.text).unwrap_or(""));
            }
        }
        println!("{}", row(&score, &g.file));
        total.add(score);
    }
    println!("{}", row(&total, "numbers: all"));
    let accuracy = right as f64 / matched.max(1) as f64;
    println!("value accuracy: {right}/{matched} = {accuracy:.3}");
    assert!(total.f1() >= 0.90, "number F1 {:.3} < 0.90", total.f1());
    assert!(accuracy >= 0.90, "value accuracy {accuracy:.3} < 0.90");
}
