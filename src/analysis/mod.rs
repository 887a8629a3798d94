//! Pure analysis of article text: layout, claims and (in submodules) the marks.
//!
//! Never sees the browser. Every span is in UTF-8 bytes of the exact article text
//! (see [`crate::text`]); conversion to code points happens only on the way out.

pub mod entities;
pub mod job;
pub mod layout;
pub mod lexicon;
pub mod ner;
pub mod numbers;
pub mod quotes;
pub mod sentences;
pub mod tokens;

use crate::text::{folded_sha256_prefix, Span};
use entities::Entity;
use layout::{Block, BlockKind};
use numbers::NumberMention;
use quotes::Quote;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use tokens::ArticleTokens;

/// Where a claim sits in the article.
pub type Zone = BlockKind;

/// One sentence of prose that a reader can tag confirmed or disputed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// Stable id derived from the sentence text (see [`claim_id`]).
    pub id: String,
    pub span: Span,
    pub zone: Zone,
}

/// Everything the analysis finds in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// The headline, if one was found.
    pub title: Option<Span>,
    /// Every non-empty line, classified.
    pub blocks: Vec<Block>,
    /// Sentences of standfirst, body and captions, in order.
    pub claims: Vec<Claim>,
    /// Site chrome, in order.
    pub boilerplate: Vec<Span>,
    /// Named entities, in order, outside boilerplate.
    pub entities: Vec<Entity>,
    /// Direct and scare quotes, in order, with their speakers.
    pub quotes: Vec<Quote>,
    /// Numeric expressions, in order, with kinds and normalised values.
    pub numbers: Vec<NumberMention>,
}

impl Analysis {
    /// Paragraphs of content (headline, subheadings, prose), in order.
    pub fn content_blocks(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.kind.is_content())
    }
}

/// Length of the hex prefix of SHA-256 used in claim ids: 48 bits make an accidental
/// collision between two different sentences of the same article vanishingly unlikely
/// while keeping ids short enough to read in exports.
const CLAIM_ID_HEX: usize = 12;

/// The id of a claim: a hash of its text with white space folded, so that the id survives
/// edits elsewhere in the article and re-wrapping of the sentence itself. The n-th repeat
/// of the same sentence in one article gets `-n` appended (n ≥ 2).
pub fn claim_id(sentence: &str, repeat: usize) -> String {
    with_repeat(&base_claim_id(sentence), repeat)
}

/// The id of the first occurrence of a sentence.
fn base_claim_id(sentence: &str) -> String {
    format!("c{}", folded_sha256_prefix(sentence, CLAIM_ID_HEX))
}

fn with_repeat(base: &str, repeat: usize) -> String {
    if repeat <= 1 {
        base.to_string()
    } else {
        format!("{base}-{repeat}")
    }
}

/// The claims of an article, with their ids, and nothing else: what placing annotations
/// needs, much cheaper than a full analysis.
pub fn claims(text: &str) -> Vec<Claim> {
    let mut claims = layout_and_claims(text).claims;
    let ids = claim_ids(text, &claims);
    for (claim, id) in claims.iter_mut().zip(ids) {
        claim.id = id;
    }
    claims
}

/// Analyse one article on its own.
pub fn analyze(text: &str) -> Analysis {
    analyze_set(&[text]).into_iter().next().unwrap_or_else(|| {
        let mut a = layout_and_claims(text);
        let ids = claim_ids(text, &a.claims);
        for (claim, id) in a.claims.iter_mut().zip(ids) {
            claim.id = id;
        }
        a
    })
}

/// Analyse a set of articles about one event together: evidence about a name in one
/// article (a full name, a typed mention) informs its other mentions in all of them.
pub fn analyze_set(texts: &[&str]) -> Vec<Analysis> {
    analyze_set_with_progress(texts, &mut |_| {})
}

/// How far an analysis has got: `done` of `total` stages, the next one named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: u32,
    pub total: u32,
    /// What is being done now, for readers ("Recognising names").
    pub stage: &'static str,
}

/// The stages [`analyze_set_with_progress`] reports, in order.
pub const STAGES: [&str; 4] = [
    "Finding paragraphs and sentences",
    "Recognising names",
    "Attributing quotes",
    "Reading numbers",
];

/// [`analyze_set`], calling `progress` as each stage starts (and once at the end, with
/// `done == total`), so that a long analysis can show how far it has got.
pub fn analyze_set_with_progress(
    texts: &[&str],
    progress: &mut dyn FnMut(Progress),
) -> Vec<Analysis> {
    match ner::builtin() {
        Ok(model) => analyze_set_with_model(texts, model, progress),
        // Only a build with a broken model file gets here (a test pins the shipped one):
        // the rest of the analysis still runs, and no name is marked rather than wrong ones.
        Err(_) => analyze_set_with_model(texts, &ner::model::Model::empty(), progress),
    }
}

/// [`analyze_set_with_progress`] with a given entity model (training evaluates the model
/// it has just made through the same path).
pub fn analyze_set_with_model(
    texts: &[&str],
    model: &ner::model::Model,
    progress: &mut dyn FnMut(Progress),
) -> Vec<Analysis> {
    let total = STAGES.len() as u32;
    let mut step = |done: u32| {
        progress(Progress {
            done,
            total,
            stage: STAGES.get(done as usize).copied().unwrap_or("Done"),
        })
    };
    step(0);
    let mut analyses: Vec<Analysis> = texts.iter().map(|t| layout_and_claims(t)).collect();
    step(1);
    let content: Vec<Vec<Span>> = analyses
        .iter()
        .map(|a| a.content_blocks().map(|b| b.span).collect())
        .collect();
    let claim_spans: Vec<Vec<Claim>> = analyses.iter().map(|a| a.claims.clone()).collect();
    // Claim ids and numbers need nothing from the other passes.
    let ids_and_numbers = || -> Vec<(Vec<String>, Vec<NumberMention>)> {
        let resolve = numbers::Resolve::for_texts(texts);
        texts
            .iter()
            .zip(&content)
            .zip(&claim_spans)
            .map(|((text, blocks), claims)| {
                let found = blocks
                    .iter()
                    .flat_map(|b| numbers::find(text, *b, &resolve))
                    .collect();
                (claim_ids(text, claims), found)
            })
            .collect()
    };
    // Natively they run on a second core; wasm32 has no threads, so there everything runs
    // in turn.
    #[cfg(not(target_arch = "wasm32"))]
    let side = std::thread::scope(|scope| {
        let side = scope.spawn(ids_and_numbers);
        entities_and_quotes(model, texts, &mut analyses, &mut || step(2));
        step(3);
        // On a short text the second thread is still compiling the number rules: help.
        numbers::prepare_from_the_end();
        side.join().unwrap_or_else(|_| ids_and_numbers())
    });
    #[cfg(target_arch = "wasm32")]
    let side = {
        entities_and_quotes(model, texts, &mut analyses, &mut || step(2));
        step(3);
        ids_and_numbers()
    };
    for (a, (ids, found)) in analyses.iter_mut().zip(side) {
        for (claim, id) in a.claims.iter_mut().zip(ids) {
            claim.id = id;
        }
        a.numbers = outside_entities(found, &a.entities);
    }
    step(total);
    analyses
}

/// Numbers that do not overlap a name ("Second" in "Second World War" is part of a name).
fn outside_entities(numbers: Vec<NumberMention>, entities: &[Entity]) -> Vec<NumberMention> {
    numbers
        .into_iter()
        .filter(|n| {
            let i = entities.partition_point(|e| e.span.end <= n.span.start);
            entities.get(i).is_none_or(|e| !e.span.overlaps(&n.span))
        })
        .collect()
}

/// Entities (across the set) and then quotes with their speakers (per article).
fn entities_and_quotes(
    model: &ner::model::Model,
    texts: &[&str],
    analyses: &mut [Analysis],
    names_done: &mut dyn FnMut(),
) {
    let mut tokens: Vec<ArticleTokens> = Vec::with_capacity(texts.len());
    let mut info: Vec<Vec<ner::BlockInfo>> = Vec::with_capacity(texts.len());
    for (text, a) in texts.iter().zip(analyses.iter()) {
        let mut starts: Vec<usize> = a.claims.iter().map(|c| c.span.start).collect();
        starts.extend(a.content_blocks().map(|b| b.span.start));
        starts.sort_unstable();
        starts.dedup();
        let blocks: Vec<Span> = a.content_blocks().map(|b| b.span).collect();
        tokens.push(ArticleTokens::new(text, &blocks, &starts));
        info.push(
            a.content_blocks()
                .map(|b| ner::BlockInfo::of(text, b))
                .collect(),
        );
    }
    let entities = entities::recognize_set(model, texts, &tokens, &info);
    names_done();
    for (((a, e), text), toks) in analyses.iter_mut().zip(entities).zip(texts).zip(&tokens) {
        a.entities = e;
        let blocks: Vec<Span> = a.content_blocks().map(|b| b.span).collect();
        let spans = quotes::find_spans(text, &blocks);
        let mut units: Vec<quotes::Unit> = Vec::new();
        for b in a.content_blocks() {
            if b.kind.holds_claims() {
                let first = a.claims.partition_point(|c| c.span.start < b.span.start);
                let claims = a
                    .claims
                    .get(first..)
                    .unwrap_or(&[])
                    .iter()
                    .take_while(|c| c.span.end <= b.span.end);
                units.extend(claims.map(|c| quotes::Unit {
                    span: c.span,
                    heading: false,
                }));
            } else {
                units.push(quotes::Unit {
                    span: b.span,
                    heading: true,
                });
            }
        }
        a.quotes = quotes::attribute(text, &spans, &units, &toks.all, &a.entities);
    }
}

/// A headline or subheading written in Title Case, where capitals say nothing about names.
pub(crate) fn is_title_case(text: &str, block: &Block) -> bool {
    if !matches!(block.kind, BlockKind::Title | BlockKind::Subheading) {
        return false;
    }
    let words: Vec<&str> = block
        .span
        .slice(text)
        .unwrap_or("")
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4)
        .collect();
    let caps = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() >= 3 && caps * 10 >= words.len() * 8
}

/// Layout and claims of one article, without marks.
fn layout_and_claims(text: &str) -> Analysis {
    let blocks = layout::layout(text);
    let title = blocks
        .iter()
        .find(|b| b.kind == BlockKind::Title)
        .map(|b| b.span);
    let boilerplate = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Boilerplate)
        .map(|b| b.span)
        .collect();
    let mut claims = Vec::new();
    for block in blocks.iter().filter(|b| b.kind.holds_claims()) {
        for span in sentences::split(text, block.span) {
            claims.push(Claim {
                id: String::new(),
                span,
                zone: block.kind,
            });
        }
    }
    Analysis {
        title,
        blocks,
        claims,
        boilerplate,
        entities: Vec::new(),
        quotes: Vec::new(),
        numbers: Vec::new(),
    }
}

/// Ids of an article's claims, in order (see [`claim_id`]).
fn claim_ids(text: &str, claims: &[Claim]) -> Vec<String> {
    let mut seen: FxHashMap<String, usize> = FxHashMap::default();
    claims
        .iter()
        .map(|c| {
            let base = base_claim_id(c.span.slice(text).unwrap_or(""));
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            with_repeat(&base, *n)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claim_ids_are_stable_and_unique() {
        let a = "Headline of the day\n\nThe sky is blue. The grass is green.\n\nThe sky is blue.";
        let b = "Another headline entirely\n\nSomething new happened first.\n\nThe sky   is blue. The grass is green.";
        let ca = analyze(a).claims;
        let cb = analyze(b).claims;
        assert_eq!(ca.len(), 3);
        assert_eq!(ca[0].id, ca[2].id.trim_end_matches("-2"));
        assert_ne!(ca[0].id, ca[2].id);
        assert_eq!(
            ca[0].id, cb[1].id,
            "same sentence, other position, other spacing"
        );
        assert_eq!(ca[1].id, cb[2].id);
    }

    #[test]
    fn title_is_not_a_claim() {
        let a = analyze("Headline of the day\n\nThe sky is blue.");
        assert_eq!(
            a.title
                .and_then(|t| t.slice("Headline of the day\n\nThe sky is blue.")),
            Some("Headline of the day")
        );
        assert_eq!(a.claims.len(), 1);
    }
}
