//! Quotes and their speakers on news the rules were not written from: the ECB+ quote set
//! in `data/quotes/` (see its README for the data and the scoring rule), each article
//! analysed alone. Prints the figures with a floor each.

use newsmark::analysis::{analyze_set, quotes::QuoteKind};
use newsmark::text::{Offsets, Span};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Deserialize)]
struct Gold {
    articles: BTreeMap<String, Vec<GoldQuote>>,
}

#[derive(Deserialize)]
struct GoldQuote {
    start: usize,
    end: usize,
    kind: String,
    speaker: Option<String>,
    #[serde(default)]
    speaker_mentions: Vec<String>,
    named: Option<bool>,
}

/// Lower case, curly apostrophes straight, a possessive dropped from each word, only
/// letters, digits and single spaces kept, a leading "the " removed.
fn norm(s: &str) -> String {
    let lower = s.to_lowercase().replace(['’', '‘'], "'");
    let words: Vec<String> = lower
        .split_whitespace()
        .map(|w| {
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("s'"))
                .unwrap_or(w);
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let joined = words.join(" ");
    joined
        .strip_prefix("the ")
        .map(str::to_string)
        .unwrap_or(joined)
}

fn surname(s: &str) -> String {
    norm(s).rsplit(' ').next().unwrap_or("").to_string()
}

/// Speaker right under the main rule: the normalised prediction or its last word is a
/// gold form or the last word of one.
fn speaker_right(pred: &str, gold: &GoldQuote) -> bool {
    let forms: Vec<String> = gold
        .speaker
        .iter()
        .chain(&gold.speaker_mentions)
        .flat_map(|m| [norm(m), surname(m)])
        .collect();
    let (p, ps) = (norm(pred), surname(pred));
    !p.is_empty() && (forms.contains(&p) || forms.contains(&ps))
}

#[derive(Default, Debug)]
struct Figures {
    speech: usize,
    speech_found: usize,
    named_found: usize,
    named_right: usize,
    scare_found: usize,
    scare_with_speaker: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Floors: the targets (speech quotes found 0.95, speaker accuracy 0.90, scare
/// quotes with a speaker at most 0.05), all met.
const FOUND_FLOOR: f64 = 0.95;
const ACCURACY_FLOOR: f64 = 0.90;
const SCARE_CEILING: f64 = 0.05;

#[test]
fn quotes_dev() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/quotes");
    let gold: Gold =
        serde_json::from_str(&std::fs::read_to_string(root.join("speakers_dev.json")).unwrap())
            .unwrap();
    let mut f = Figures::default();
    for (key, quotes) in &gold.articles {
        let doc = key.rsplit('/').next().unwrap();
        let text = std::fs::read_to_string(root.join(format!("texts/{doc}.txt"))).unwrap();
        let a = analyze_set(&[text.as_str()]).pop().unwrap();
        let off = Offsets::new(&text);
        let pred: Vec<(Span, Option<String>, QuoteKind)> = a
            .quotes
            .iter()
            .map(|q| (off.span_in_chars(q.span), q.speaker.clone(), q.kind))
            .collect();
        // Pair gold and predicted quotes one to one, greedily by overlap / union.
        let mut pairs: Vec<(f64, usize, usize, usize)> = Vec::new();
        for (gi, g) in quotes.iter().enumerate() {
            for (pi, (p, _, _)) in pred.iter().enumerate() {
                let overlap = g.end.min(p.end).saturating_sub(g.start.max(p.start));
                if overlap > 0 {
                    let union = g.end.max(p.end) - g.start.min(p.start);
                    pairs.push((overlap as f64 / union as f64, overlap, gi, pi));
                }
            }
        }
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)));
        let mut gold_pair: Vec<Option<usize>> = vec![None; quotes.len()];
        let mut pred_taken = vec![false; pred.len()];
        for (_, _, gi, pi) in pairs {
            if gold_pair[gi].is_none() && !pred_taken[pi] {
                gold_pair[gi] = Some(pi);
                pred_taken[pi] = true;
            }
        }
        for (g, paired) in quotes.iter().zip(&gold_pair) {
            let p = paired.map(|pi| &pred[pi]);
            match g.kind.as_str() {
                "speech" => {
                    f.speech += 1;
                    if let Some((_, speaker, _)) = p {
                        f.speech_found += 1;
                        if g.named == Some(true) {
                            f.named_found += 1;
                            if speaker.as_deref().is_some_and(|s| speaker_right(s, g)) {
                                f.named_right += 1;
                            }
                        }
                    }
                }
                "scare" => {
                    if let Some((_, speaker, _)) = p {
                        f.scare_found += 1;
                        if speaker.as_deref().is_some_and(|s| !s.is_empty()) {
                            f.scare_with_speaker += 1;
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let found = ratio(f.speech_found, f.speech);
    let accuracy = ratio(f.named_right, f.named_found);
    let scare = ratio(f.scare_with_speaker, f.scare_found);
    println!(
        "\nquotes dev (ECB+, {} articles)      value   floor",
        gold.articles.len()
    );
    println!(
        "quotes dev: speech quotes found       {:>5.3}  ≥ {FOUND_FLOOR:.2}  ({}/{})",
        found, f.speech_found, f.speech
    );
    println!(
        "quotes dev: speaker accuracy (named)  {:>5.3}  ≥ {ACCURACY_FLOOR:.2}  ({}/{})",
        accuracy, f.named_right, f.named_found
    );
    println!(
        "quotes dev: scare quotes with speaker {:>5.3}  ≤ {SCARE_CEILING:.2}  ({}/{})",
        scare, f.scare_with_speaker, f.scare_found
    );
    assert!(
        found >= FOUND_FLOOR,
        "speech quotes found {found:.3} < {FOUND_FLOOR}"
    );
    assert!(
        accuracy >= ACCURACY_FLOOR,
        "speaker accuracy {accuracy:.3} < {ACCURACY_FLOOR}"
    );
    assert!(
        scare <= SCARE_CEILING,
        "scare quotes with a speaker {scare:.3} > {SCARE_CEILING}"
    );
}

#[test]
fn names_are_normalised_as_the_scoring_rule_says() {
    assert_eq!(norm("The Hollywood Reporter"), "hollywood reporter");
    assert_eq!(norm("O'Higgins’s"), "ohiggins");
    assert_eq!(norm("U.S. Navy"), "us navy");
    assert_eq!(surname("Mr. Mark"), "mark");
    let g = GoldQuote {
        start: 0,
        end: 1,
        kind: "speech".into(),
        speaker: Some("Laurence Mark".into()),
        speaker_mentions: vec!["Mr. Mark".into()],
        named: Some(true),
    };
    assert!(speaker_right("Laurence Mark", &g));
    assert!(speaker_right("Mark", &g));
    assert!(!speaker_right("Bill Condon", &g));
    assert!(!speaker_right("", &g));
}
