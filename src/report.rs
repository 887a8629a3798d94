//! The analysis as a JSON document, the output of `newsmark analyze --json`.
//!
//! Offsets in the report are Unicode code points, half-open, into the exact text: the unit
//! of the W3C Web Annotation `TextPositionSelector`. Bytes never leave the program.

use crate::analysis::entities::EntityType;
use crate::analysis::numbers::{NumberKind, Value};
use crate::analysis::quotes::{Cue, QuoteKind};
use crate::analysis::{analyze, analyze_set, Analysis, Zone};
use crate::text::{sha256_hex, Offsets, Span};
use serde::Serialize;

/// A span in code points with the text it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimReport {
    pub id: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub zone: Zone,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParagraphReport {
    pub start: usize,
    pub end: usize,
    pub kind: Zone,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BoilerplateReport {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityReport {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub canonical: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuoteReport {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub speaker: Option<String>,
    pub kind: QuoteKind,
    /// The cue the attribution followed (see [`Cue`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<Cue>,
    /// Where the cue names the speaker, in code points, and as written there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mention: Option<TextSpan>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumberReport {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: NumberKind,
    pub value: Option<Value>,
    pub unit: Option<String>,
    pub qualifier: Option<String>,
}

/// One analysed article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleReport {
    pub file: String,
    pub title: Option<TextSpan>,
    /// Lower-case hex SHA-256 of the file's bytes.
    pub sha256: String,
    /// Length of the text in code points.
    pub length: usize,
    pub paragraphs: Vec<ParagraphReport>,
    pub claims: Vec<ClaimReport>,
    pub boilerplate: Vec<BoilerplateReport>,
    pub entities: Vec<EntityReport>,
    pub quotes: Vec<QuoteReport>,
    pub numbers: Vec<NumberReport>,
}

/// The whole document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub articles: Vec<ArticleReport>,
}

fn text_span(text: &str, off: &Offsets, span: Span) -> TextSpan {
    let cp = off.span_in_chars(span);
    TextSpan {
        start: cp.start,
        end: cp.end,
        text: span.slice(text).unwrap_or("").to_string(),
    }
}

/// Analyse one article on its own and express the result in code points.
pub fn article_report(file: &str, text: &str) -> ArticleReport {
    to_report(file, text, &analyze(text))
}

/// Analyse a set of articles together (names, spellings and dates inform each other) and
/// express the result in code points.
pub fn report_set(files: &[(&str, &str)]) -> Report {
    let texts: Vec<&str> = files.iter().map(|(_, t)| *t).collect();
    let analyses = analyze_set(&texts);
    let articles = files
        .iter()
        .zip(&analyses)
        .map(|((file, text), a)| to_report(file, text, a))
        .collect();
    Report { articles }
}

fn to_report(file: &str, text: &str, analysis: &Analysis) -> ArticleReport {
    let off = Offsets::new(text);
    let cp = |span: Span| off.span_in_chars(span);
    ArticleReport {
        file: file.to_string(),
        title: analysis.title.map(|t| text_span(text, &off, t)),
        sha256: sha256_hex(text.as_bytes()),
        length: off.char_len(),
        paragraphs: analysis
            .content_blocks()
            .map(|b| {
                let c = cp(b.span);
                ParagraphReport {
                    start: c.start,
                    end: c.end,
                    kind: b.kind,
                }
            })
            .collect(),
        claims: analysis
            .claims
            .iter()
            .map(|c| {
                let s = text_span(text, &off, c.span);
                ClaimReport {
                    id: c.id.clone(),
                    start: s.start,
                    end: s.end,
                    text: s.text,
                    zone: c.zone,
                }
            })
            .collect(),
        boilerplate: analysis
            .boilerplate
            .iter()
            .map(|b| {
                let c = cp(*b);
                BoilerplateReport {
                    start: c.start,
                    end: c.end,
                }
            })
            .collect(),
        entities: analysis
            .entities
            .iter()
            .map(|e| {
                let s = text_span(text, &off, e.span);
                EntityReport {
                    start: s.start,
                    end: s.end,
                    text: s.text,
                    kind: e.kind,
                    canonical: e.canonical.clone(),
                }
            })
            .collect(),
        quotes: analysis
            .quotes
            .iter()
            .map(|q| {
                let s = text_span(text, &off, q.span);
                QuoteReport {
                    start: s.start,
                    end: s.end,
                    text: s.text,
                    speaker: q.speaker.clone(),
                    kind: q.kind,
                    cue: q.cue.clone(),
                    mention: q.mention.map(|m| text_span(text, &off, m)),
                }
            })
            .collect(),
        numbers: analysis
            .numbers
            .iter()
            .map(|n| {
                let s = text_span(text, &off, n.span);
                NumberReport {
                    start: s.start,
                    end: s.end,
                    text: s.text,
                    kind: n.kind,
                    value: n.value.clone(),
                    unit: n.unit.clone(),
                    qualifier: n.qualifier.clone(),
                }
            })
            .collect(),
    }
}
