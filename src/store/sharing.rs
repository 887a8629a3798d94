//! What the share dialogs do, as plain functions of the state: the text of an export, and
//! the preview of an import with the stored tags it must be compared with. The dialogs in
//! `ui::share` only show them, so the real paths are tested natively.

use super::{tags, Action, AppState};
use crate::annotation::json::ImportError;
use crate::annotation::plan::{plan, Plan};
use crate::annotation::{claimreview, Creator};
use crate::annotation::{import, w3c};
use crate::store::tags::Storage;

/// Which form an export takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportForm {
    /// W3C Web Annotation JSON-LD.
    WebAnnotation,
    /// schema.org ClaimReview JSON-LD.
    ClaimReview,
}

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportScope {
    /// All articles, or only the one being read.
    pub all: bool,
    /// Carry each annotated article's text (Web Annotation only).
    pub embed_texts: bool,
    pub form: ExportForm,
}

/// The export of the current state as JSON text, and how many annotations or reviews it
/// holds. `me` is the reader, `at` the time of the export (ms since the Unix epoch).
pub fn export_text(
    state: &AppState,
    me: &Creator,
    scope: ExportScope,
    at: f64,
) -> Result<(String, usize), serde_json::Error> {
    let only = if scope.all {
        None
    } else {
        state.selected_article().map(|a| a.sha256.as_str())
    };
    if scope.form == ExportForm::ClaimReview {
        let refs: Vec<_> = state
            .article_refs()
            .into_iter()
            .filter(|a| only.is_none_or(|sha| a.sha256 == sha))
            .collect();
        let doc = claimreview::claim_reviews(&refs, &state.tags, me);
        let n = doc
            .get("@graph")
            .and_then(serde_json::Value::as_array)
            .map_or(0, Vec::len);
        return Ok((serde_json::to_string_pretty(&doc)?, n));
    }
    let annotations = state.annotations(only, me);
    let texts = |sha: &str| {
        state
            .articles
            .iter()
            .find(|a| a.sha256 == sha)
            .map(|a| a.text.clone())
    };
    let doc = w3c::export(
        &annotations,
        &texts,
        &w3c::ExportOptions {
            me,
            generated: at,
            embed_texts: scope.embed_texts,
        },
    );
    Ok((serde_json::to_string_pretty(&doc)?, annotations.len()))
}

/// Check an annotation file and work out what importing it would do; nothing is changed.
/// The stored tags of articles the file carries but that are not open count too (else a
/// tag stored for such an article would look new, and be overwritten): they are read from
/// `store`, and returned as actions that add them to the state.
pub fn preview_import(
    state: &AppState,
    store: &dyn Storage,
    me: &Creator,
    bytes: &[u8],
) -> Result<(Plan, Vec<Action>), ImportError> {
    let doc = import::parse_bytes(bytes)?;
    // The set of tags is copied only when there are such tags.
    let mut all = std::borrow::Cow::Borrowed(&*state.tags);
    let mut loads = Vec::new();
    for t in &doc.texts {
        if all.contains_key(&t.sha256) {
            continue;
        }
        if let Ok(stored) = tags::load(store, &t.sha256) {
            if !stored.is_empty() {
                all.to_mut().insert(t.sha256.clone(), stored.clone());
                loads.push(Action::TagsLoaded {
                    sha: t.sha256.clone(),
                    tags: stored,
                });
            }
        }
    }
    let p = plan(doc, &state.article_refs(), &all, &state.orphans, me)?;
    Ok((p, loads))
}
