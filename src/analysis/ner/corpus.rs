//! Entity-labelled records (`data/ner/{train,dev}/*.jsonl`) and the scoring rule of
//! `data/ner/README.md`: typed overlap F1 over PERSON, ORG and PLACE, micro-averaged, with
//! a greedy one-to-one match per document.

use super::super::entities::EntityType;
use crate::text::{Offsets, Span};
use serde::Deserialize;

/// One record: a document (or a sentence, or a tweet) with its entities.
#[derive(Debug, Clone, Deserialize)]
pub struct Record {
    pub id: String,
    pub source: String,
    #[serde(default)]
    pub genre: String,
    pub text: String,
    pub entities: Vec<GoldEntity>,
}

/// A labelled entity, in code points as the files write them.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldEntity {
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub nested: bool,
}

impl GoldEntity {
    pub fn entity_type(&self) -> Option<EntityType> {
        match self.kind.as_str() {
            "PERSON" => Some(EntityType::Person),
            "ORG" => Some(EntityType::Org),
            "PLACE" => Some(EntityType::Place),
            "OTHER" => Some(EntityType::Other),
            _ => None,
        }
    }
}

/// Read a JSONL file of records; a line that does not parse is an error naming it.
pub fn read_jsonl(content: &str) -> Result<Vec<Record>, String> {
    content
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| serde_json::from_str(l).map_err(|e| format!("line {}: {e}", n + 1)))
        .collect()
}

impl Record {
    /// The flat entities (not nested) in UTF-8 byte spans, with their types.
    pub fn byte_entities(&self) -> Vec<(Span, EntityType)> {
        let off = Offsets::new(&self.text);
        self.entities
            .iter()
            .filter(|e| !e.nested)
            .filter_map(|e| {
                let kind = e.entity_type()?;
                Some((
                    Span::new(off.byte_of_char(e.start)?, off.byte_of_char(e.end)?),
                    kind,
                ))
            })
            .collect()
    }
}

/// True and false positives and negatives, with precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }

    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// `a / b`, and 1 when there is nothing to count (`b == 0`): no predictions are all right,
/// and nothing to find is all found.
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

const SCORED: [EntityType; 3] = [EntityType::Person, EntityType::Org, EntityType::Place];

/// How two spans are matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matching {
    /// Overlap of at least one code point.
    Overlap,
    /// Exactly the same start and end.
    Exact,
}

/// Score one document's predictions (code point spans) against its gold record, as
/// `data/ner/README.md` says. `untyped` matches any type with any (span-only F1).
pub fn score_document(
    record: &Record,
    predicted: &[(Span, EntityType)],
    matching: Matching,
    untyped: bool,
) -> Counts {
    let gold: Vec<(Span, EntityType)> = record
        .entities
        .iter()
        .filter(|e| !e.nested)
        .filter_map(|e| {
            e.entity_type()
                .filter(|t| SCORED.contains(t))
                .map(|t| (Span::new(e.start, e.end), t))
        })
        .collect();
    let ignored: Vec<Span> = record
        .entities
        .iter()
        .filter(|e| e.nested || e.entity_type().is_none_or(|t| !SCORED.contains(&t)))
        .map(|e| Span::new(e.start, e.end))
        .collect();
    let pred: Vec<(Span, EntityType)> = predicted
        .iter()
        .copied()
        .filter(|(_, t)| SCORED.contains(t))
        .collect();
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (gi, (gs, gt)) in gold.iter().enumerate() {
        for (pi, (ps, pt)) in pred.iter().enumerate() {
            if !untyped && gt != pt {
                continue;
            }
            let overlap = gs.end.min(ps.end).saturating_sub(gs.start.max(ps.start));
            let ok = match matching {
                Matching::Overlap => overlap > 0,
                Matching::Exact => gs == ps,
            };
            if ok {
                pairs.push((overlap, gi, pi));
            }
        }
    }
    // Largest overlap first; ties: higher gold index, then higher prediction index.
    pairs.sort_by(|a, b| b.cmp(a));
    let mut gold_used = vec![false; gold.len()];
    let mut pred_used = vec![false; pred.len()];
    let mut tp = 0;
    for (_, gi, pi) in pairs {
        if gold_used.get(gi).copied().unwrap_or(true) || pred_used.get(pi).copied().unwrap_or(true)
        {
            continue;
        }
        if let (Some(g), Some(p)) = (gold_used.get_mut(gi), pred_used.get_mut(pi)) {
            *g = true;
            *p = true;
            tp += 1;
        }
    }
    let fn_ = gold_used.iter().filter(|u| !**u).count();
    let fp = pred
        .iter()
        .zip(&pred_used)
        .filter(|((s, _), used)| !**used && !ignored.iter().any(|i| i.overlaps(s)))
        .count();
    Counts { tp, fp, fn_ }
}

/// The scores of one dev file.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Evaluation {
    /// Typed overlap (the headline figure).
    pub typed: Counts,
    /// Span-only overlap.
    pub untyped: Counts,
    /// Typed, exact span.
    pub exact: Counts,
}

/// Analyse each record as one article, through the whole analysis as the app runs it, with
/// `model`, and score the entities found.
pub fn evaluate(model: &super::model::Model, records: &[Record]) -> Evaluation {
    let mut e = Evaluation::default();
    for r in records {
        let off = Offsets::new(&r.text);
        let predicted: Vec<(Span, EntityType)> = entities_of(model, r)
            .iter()
            .map(|x| (off.span_in_chars(x.span), x.kind))
            .collect();
        e.typed
            .add(score_document(r, &predicted, Matching::Overlap, false));
        e.untyped
            .add(score_document(r, &predicted, Matching::Overlap, true));
        e.exact
            .add(score_document(r, &predicted, Matching::Exact, false));
    }
    e
}

/// The entities the whole analysis finds in a record, analysed as one article.
fn entities_of(model: &super::model::Model, r: &Record) -> Vec<super::super::entities::Entity> {
    crate::analysis::analyze_set_with_model(&[r.text.as_str()], model, &mut |_| {})
        .into_iter()
        .flat_map(|a| a.entities)
        .collect()
}

/// The missed and extra names of each record, one line each, for reading the errors of a
/// model (`newsmark train-ner --errors DEVFILE`).
pub fn errors(model: &super::model::Model, records: &[Record]) -> Vec<String> {
    let mut out = Vec::new();
    for r in records {
        let found = entities_of(model, r);
        let predicted: Vec<(Span, EntityType)> = found
            .iter()
            .map(|x| (x.span, x.kind))
            .filter(|(_, k)| SCORED.contains(k))
            .collect();
        let gold: Vec<(Span, EntityType)> = r
            .byte_entities()
            .into_iter()
            .filter(|(_, k)| SCORED.contains(k))
            .collect();
        let all_gold = r.byte_entities();
        let show = |s: &Span| s.slice(&r.text).unwrap_or("").replace('\n', " ");
        let context = |s: &Span| {
            let a = crate::text::floor_boundary(&r.text, s.start.saturating_sub(40));
            let b = crate::text::floor_boundary(&r.text, (s.end + 40).min(r.text.len()));
            r.text.get(a..b).unwrap_or("").replace('\n', " ")
        };
        for (s, k) in &gold {
            if !predicted.iter().any(|(p, pk)| pk == k && p.overlaps(s)) {
                let got = found
                    .iter()
                    .find(|e| e.span.overlaps(s))
                    .map_or("-", |e| e.kind.code());
                out.push(format!(
                    "{}\tmissed {} as {}\t{:?}\t{}",
                    r.id,
                    k.code(),
                    got,
                    show(s),
                    context(s)
                ));
            }
        }
        for (s, k) in &predicted {
            if !all_gold.iter().any(|(g, _)| g.overlaps(s)) {
                out.push(format!(
                    "{}\textra {}\t{:?}\t{}",
                    r.id,
                    k.code(),
                    show(s),
                    context(s)
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(text: &str, ents: &[(usize, usize, &str, bool)]) -> Record {
        Record {
            id: "t".into(),
            source: "t".into(),
            genre: String::new(),
            text: text.into(),
            entities: ents
                .iter()
                .map(|&(start, end, kind, nested)| GoldEntity {
                    start,
                    end,
                    kind: kind.into(),
                    nested,
                })
                .collect(),
        }
    }

    #[test]
    fn overlap_matching_is_greedy_typed_and_ignores_other() {
        let r = record(
            "Barack Obama visited Paris in the Tour de France",
            &[
                (0, 12, "PERSON", false),
                (21, 26, "PLACE", false),
                (34, 48, "OTHER", false),
                (42, 48, "PLACE", true),
            ],
        );
        let pred = [
            (Span::new(7, 12), EntityType::Person),
            (Span::new(0, 6), EntityType::Person),
            (Span::new(21, 26), EntityType::Org),
            (Span::new(42, 48), EntityType::Place),
        ];
        let c = score_document(&r, &pred, Matching::Overlap, false);
        // "Obama" matches (longer overlap than "Barack"? both 5/6: "Barack" has 6) ...
        assert_eq!(c.tp, 1);
        // "Obama" unmatched → FP; Paris as ORG → FP and FN; France overlaps an ignored span.
        assert_eq!(c.fp, 2);
        assert_eq!(c.fn_, 1);
        let untyped = score_document(&r, &pred, Matching::Overlap, true);
        assert_eq!(untyped.tp, 2);
        let exact = score_document(&r, &pred, Matching::Exact, false);
        assert_eq!(exact.tp, 0);
    }

    #[test]
    fn byte_spans_follow_code_points() {
        let r = record(
            "Zürich and Genève",
            &[(0, 6, "PLACE", false), (11, 17, "PLACE", false)],
        );
        let b = r.byte_entities();
        assert_eq!(b[0].0.slice(&r.text), Some("Zürich"));
        assert_eq!(b[1].0.slice(&r.text), Some("Genève"));
    }
}
