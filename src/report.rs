//! The analysis as a JSON document, the output of `newsmark analyze --json`.
//!
//! Offsets in the report are Unicode code points, half-open, into the exact text: the unit
//! of the W3C Web Annotation `TextPositionSelector`. Bytes never leave the program.

use crate::analysis::{analyze, Zone};
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

/// One analysed article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
}

/// The whole document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub articles: Vec<ArticleReport>,
}

fn text_span(text: &str, off: &Offsets, span: Span) -> TextSpan {
    let cp = off.span_in_chars(span);
    TextSpan { start: cp.start, end: cp.end, text: span.slice(text).unwrap_or("").to_string() }
}

/// Analyse one article and express the result in code points.
pub fn article_report(file: &str, text: &str) -> ArticleReport {
    let analysis = analyze(text);
    let off = Offsets::new(text);
    ArticleReport {
        file: file.to_string(),
        title: analysis.title.map(|t| text_span(text, &off, t)),
        sha256: sha256_hex(text.as_bytes()),
        length: off.char_len(),
        paragraphs: analysis
            .content_blocks()
            .map(|b| {
                let cp = off.span_in_chars(b.span);
                ParagraphReport { start: cp.start, end: cp.end, kind: b.kind }
            })
            .collect(),
        claims: analysis
            .claims
            .iter()
            .map(|c| {
                let s = text_span(text, &off, c.span);
                ClaimReport { id: c.id.clone(), start: s.start, end: s.end, text: s.text, zone: c.zone }
            })
            .collect(),
        boilerplate: analysis
            .boilerplate
            .iter()
            .map(|b| {
                let cp = off.span_in_chars(*b);
                BoilerplateReport { start: cp.start, end: cp.end }
            })
            .collect(),
    }
}
