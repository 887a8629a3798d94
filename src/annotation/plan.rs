//! The import preview: what a checked file would do to the stored tags, before anything is
//! changed. Every annotation is placed (see [`super::anchor`]) on a claim of an open
//! article or of an article whose text the file carries, and sorted:
//!
//! - **new**: the claim has no tag here from the annotation's creator;
//! - **already present**: that creator's tag here says the same (verdict and note);
//! - **conflicting**: that creator's tag here says something else, or the file itself gives
//!   the claim different tags from one creator — the reader chooses, and until then nothing
//!   changes;
//! - **cannot be placed**: no article holds the passage well enough; the annotation is
//!   kept as an orphan, listed and exported again, never attached to another sentence.
//!
//! Tags are compared reader by reader: a colleague's verdict on a claim the reader tagged
//! otherwise is new, and is kept beside the reader's (who said what), never merged into it.
//! An annotation whose creator is the reader (their own export, read back) is theirs; one
//! that names no creator is from an unknown reader, not from the one importing it.

use super::anchor::{anchor, Method, MIN_QUOTE_SIMILARITY};
use super::json::{Document, EmbeddedText, ImportError};
use super::{reader_key, Annotation, ArticleRef, ArticleTags, Creator, CreatorKind, Tag};
use crate::analysis::Claim;
use crate::text::{Offsets, Span};
use std::collections::{BTreeMap, HashMap};

/// An annotation that found its claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    pub sha256: String,
    pub claim: String,
    /// The article's headline (or name), for the preview.
    pub file: String,
    /// The claim's text.
    pub passage: String,
    pub tag: Tag,
    pub method: Method,
}

/// A claim with more than one thing said about it: the stored tag (if any) and what the
/// file says, each different.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub sha256: String,
    pub claim: String,
    pub file: String,
    pub passage: String,
    pub stored: Option<Tag>,
    pub incoming: Vec<Tag>,
}

impl Conflict {
    /// The choices, the stored tag first: choice 0 keeps what is here.
    pub fn options(&self) -> Vec<&Tag> {
        self.stored.iter().chain(self.incoming.iter()).collect()
    }
}

/// An annotation that cannot be placed, and why.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Orphan {
    pub annotation: Annotation,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    pub format: &'static str,
    pub new: Vec<Placement>,
    pub present: usize,
    pub conflicts: Vec<Conflict>,
    pub orphans: Vec<Orphan>,
    /// Article texts in the file that are not open: added when the import is applied.
    pub articles: Vec<EmbeddedText>,
    pub skipped: Vec<String>,
    /// Parts of the imported annotations passed over (see [`Document::ignored`]).
    pub ignored: Vec<String>,
    /// The reader the plan was made for: the creator of the tags that name none.
    pub reader: Option<Creator>,
}

impl Plan {
    /// Whether applying would change nothing.
    pub fn is_empty(&self) -> bool {
        self.new.is_empty()
            && self.conflicts.is_empty()
            && self.orphans.is_empty()
            && self.articles.is_empty()
    }
}

/// The creator of annotations that name none: someone, not the reader importing them.
pub fn unknown_reader() -> Creator {
    Creator {
        id: None,
        kind: CreatorKind::Person,
        name: None,
    }
}

/// An article the annotations may land on: open, or carried in the file.
struct Candidate<'a> {
    /// The article's headline or name, for messages.
    file: &'a str,
    text: &'a str,
    sha256: &'a str,
    claims: &'a [Claim],
}

/// Two placements in different articles this close in score are a tie.
const TIE: f64 = 0.02;

/// Work out what importing `doc` would do, given the open articles, the stored tags and the
/// stored orphans. An error (a position past the end of the very text it names) means the
/// file cannot be imported at all.
pub fn plan(
    doc: Document,
    open: &[ArticleRef<'_>],
    stored: &HashMap<String, ArticleTags>,
    orphans: &[Orphan],
    me: &Creator,
) -> Result<Plan, ImportError> {
    let my_key = reader_key(me);
    let Document {
        annotations,
        texts,
        skipped,
        ignored,
        format,
    } = doc;
    // Carried texts can be long: moved into the plan, not copied.
    let new_texts: Vec<EmbeddedText> = texts
        .into_iter()
        .filter(|t| !open.iter().any(|a| a.sha256 == t.sha256))
        .collect();
    let new_claims: Vec<Vec<Claim>> = new_texts
        .iter()
        .map(|t| crate::analysis::claims(&t.text))
        .collect();
    let mut candidates: Vec<Candidate<'_>> = open
        .iter()
        .map(|a| Candidate {
            file: a.title,
            text: a.text,
            sha256: a.sha256,
            claims: a.claims,
        })
        .collect();
    for (t, claims) in new_texts.iter().zip(&new_claims) {
        candidates.push(Candidate {
            file: t.label.as_deref().unwrap_or("Imported article"),
            text: &t.text,
            sha256: &t.sha256,
            claims,
        });
    }
    let offsets: Vec<Offsets<'_>> = candidates.iter().map(|c| Offsets::new(c.text)).collect();

    // By article, claim and reader.
    let mut placed: BTreeMap<(String, String, String), (Placement, Vec<Tag>)> = BTreeMap::new();
    let mut result = Plan {
        format,
        skipped,
        ignored,
        reader: Some(me.clone()),
        ..Plan::default()
    };
    for (n, a) in annotations.iter().enumerate() {
        let named = a
            .source
            .sha256
            .as_deref()
            .and_then(|sha| candidates.iter().position(|c| c.sha256 == sha));
        if let (Some(i), Some(p)) = (named, a.position) {
            let len = offsets.get(i).map_or(0, Offsets::char_len);
            if p.end > len {
                return Err(ImportError::Invalid {
                    at: format!("annotation {} ({})", n + 1, a.id),
                    problem: format!("TextPositionSelector end {} is past the end of the article ({len} characters)", p.end),
                });
            }
        }
        // A passage given only by position (a TextPositionSelector, an RFC 5147 fragment)
        // is read from the article it counts in, if that is open or in the file.
        let filled;
        let a = if a.quote.exact.trim().is_empty() {
            let quote = named.zip(a.position).and_then(|(i, p)| {
                let c = candidates.get(i)?;
                let span = offsets.get(i)?.span_in_bytes(Span::new(p.start, p.end))?;
                Some(super::quote_of(c.text, span))
            });
            match quote.filter(|q| !q.exact.trim().is_empty()) {
                Some(quote) => {
                    filled = Annotation { quote, ..a.clone() };
                    &filled
                }
                None => {
                    result.skipped.push(format!(
                        "annotation {} ({}): it gives only a position, and the article it counts in is neither open nor in the file",
                        n + 1,
                        crate::text::shorten(&a.id, 40)
                    ));
                    continue;
                }
            }
        } else {
            a
        };
        match place(a, named, &candidates, &offsets) {
            Ok((i, span, method)) => {
                let Some(c) = candidates.get(i) else { continue };
                let Some(claim) = claim_at(c.claims, span) else {
                    let reason = format!("the passage is in “{}” but not in one of its claims (a headline or page furniture)", c.file);
                    orphan(&mut result, orphans, a, reason);
                    continue;
                };
                let mut tag = a.tag();
                match &tag.creator {
                    // The reader's own tags, read back, are theirs.
                    Some(c) if reader_key(c) == my_key => tag.creator = None,
                    Some(_) => {}
                    None => tag.creator = Some(unknown_reader()),
                }
                let reader = tag.reader(me);
                let key = (c.sha256.to_string(), claim.id.clone(), reader);
                let entry = placed.entry(key).or_insert_with(|| {
                    let placement = Placement {
                        sha256: c.sha256.to_string(),
                        claim: claim.id.clone(),
                        file: c.file.to_string(),
                        passage: claim.span.slice(c.text).unwrap_or("").to_string(),
                        tag: tag.clone(),
                        method,
                    };
                    (placement, Vec::new())
                });
                if !entry.1.iter().any(|t| t.says_same(&tag)) {
                    entry.1.push(tag);
                }
            }
            Err(reason) => orphan(&mut result, orphans, a, reason),
        }
    }
    for ((sha, claim, reader), (placement, incoming)) in placed {
        let here = stored
            .get(&sha)
            .and_then(|t| t.get(&claim))
            .and_then(|t| t.of_reader(&reader, me));
        match (here, incoming.as_slice()) {
            (None, [_]) => result.new.push(placement),
            (Some(h), all) if all.iter().all(|t| t.says_same(h)) => result.present += 1,
            (here, _) => {
                let incoming = incoming
                    .into_iter()
                    .filter(|t| !here.is_some_and(|h| h.says_same(t)))
                    .collect();
                result.conflicts.push(Conflict {
                    sha256: sha,
                    claim,
                    file: placement.file,
                    passage: placement.passage,
                    stored: here.cloned(),
                    incoming,
                });
            }
        }
    }
    result.articles = new_texts;
    Ok(result)
}

fn orphan(plan: &mut Plan, stored: &[Orphan], a: &Annotation, reason: String) {
    if stored.iter().any(|o| o.annotation.same_as(a)) {
        plan.present += 1;
    } else {
        plan.orphans.push(Orphan {
            annotation: a.clone(),
            reason,
        });
    }
}

/// The article and span an annotation lands on, or why it lands nowhere.
fn place(
    a: &Annotation,
    named: Option<usize>,
    candidates: &[Candidate<'_>],
    offsets: &[Offsets<'_>],
) -> Result<(usize, Span, Method), String> {
    if let Some(i) = named {
        let (Some(c), Some(o)) = (candidates.get(i), offsets.get(i)) else {
            return Err("internal: missing article".into());
        };
        return anchor(c.text, o, &a.quote, a.position, true)
            .map(|x| (i, x.span, x.method))
            .ok_or_else(|| format!("its quote is not in “{}”, the text it names", c.file));
    }
    let mut found: Vec<(f64, usize, Span, Method)> = candidates
        .iter()
        .zip(offsets)
        .enumerate()
        .filter_map(|(i, (c, o))| {
            anchor(c.text, o, &a.quote, a.position, false).map(|x| (x.score, i, x.span, x.method))
        })
        .collect();
    found.sort_by(|x, y| y.0.total_cmp(&x.0));
    match found.as_slice() {
        [] if candidates.is_empty() => Err("no article is open and the file does not carry the article's text".into()),
        [] => Err(format!(
            "no open article holds its passage closely enough (at least {:.0}% of the quote, its figures and its context)",
            MIN_QUOTE_SIMILARITY * 100.0
        )),
        [(best, i, span, method), rest @ ..] => {
            let ties: Vec<usize> = rest.iter().filter(|(s, ..)| best - s < TIE).map(|(_, j, ..)| *j).collect();
            if ties.is_empty() {
                return Ok((*i, *span, *method));
            }
            // The same passage in several articles (wire copy, say): the one the file names
            // by label, if exactly one is so named; otherwise there is no telling.
            let all: Vec<usize> = std::iter::once(*i).chain(ties).collect();
            let by_label: Vec<&(f64, usize, Span, Method)> =
                found.iter().filter(|(_, j, ..)| all.contains(j) && a.source.label.as_deref().is_some_and(|l| candidates.get(*j).is_some_and(|c| c.file == l))).collect();
            if let [(_, j, span, method)] = by_label.as_slice() {
                return Ok((*j, *span, *method));
            }
            let names: Vec<String> = all.iter().filter_map(|j| candidates.get(*j)).map(|c| format!("“{}”", c.file)).collect();
            Err(format!("its passage is in several articles ({}) and the file does not say which", names.join(", ")))
        }
    }
}

/// The claim a span falls in: the one it overlaps most.
fn claim_at(claims: &[Claim], span: Span) -> Option<&Claim> {
    claims
        .iter()
        .filter(|c| c.span.overlaps(&span) || c.span == span)
        .max_by_key(|c| {
            c.span
                .end
                .min(span.end)
                .saturating_sub(c.span.start.max(span.start))
        })
}
