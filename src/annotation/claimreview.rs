//! schema.org `ClaimReview`: the form fact-checkers publish, read by search engines and
//! fact-check aggregators. One review per tagged claim; a claim that several outlets
//! report in the same words (give or take spelling and punctuation) lists every article
//! where it appears, by its headline.
//!
//! Only schema.org terms are written, each on a type in its domain (a test checks every
//! one against the vocabulary): the author is a `Person` or an `Organization`, each review
//! has a stable `url` (`urn:newsmark:claimreview:<article>:<claim>:<reader>`, the same on
//! every export of the same tag), and its dates are the tag's own.

use super::anchor::same_wording;
use super::timestamps::to_rfc3339;
use super::{reader_key, ArticleRef, ArticleTags, Creator, CreatorKind, Verdict};
use serde_json::{json, Value};
use std::collections::HashMap;

/// Sentences of the same wording (see [`same_wording`]) differ in length by a few
/// characters at most; a length gap over this share rules a pair out before the word-by-word
/// comparison.
const SAME_CLAIM: f64 = 0.9;

fn rating(v: Verdict) -> Value {
    // The textual rating is what readers see; the number places it on a 1–5 scale for
    // aggregators that sort reviews (1 = false, 5 = true).
    let (name, value) = match v {
        Verdict::Confirmed => ("Confirmed", 5),
        Verdict::Disputed => ("Disputed", 1),
    };
    json!({ "@type": "Rating", "alternateName": name, "ratingValue": value, "bestRating": 5, "worstRating": 1 })
}

fn appearance(a: &ArticleRef<'_>) -> Value {
    json!({ "@type": "NewsArticle", "headline": a.title, "identifier": super::source_iri(a.sha256) })
}

/// The author as schema.org has agents: a `Person` or an `Organization` (software that
/// made a tag stands for the organisation that runs it). Without a name, the reader is
/// named by their id alone.
fn author_json(author: &Creator) -> Value {
    let kind = match author.kind {
        CreatorKind::Person => "Person",
        CreatorKind::Organization | CreatorKind::Software => "Organization",
    };
    let mut m = serde_json::Map::new();
    m.insert("@type".into(), json!(kind));
    if let Some(name) = author
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        m.insert("name".into(), json!(name));
    }
    if let Some(id) = &author.id {
        m.insert("identifier".into(), json!(id));
    }
    Value::Object(m)
}

/// The review's own IRI: the same whenever the same reader's tag on the same claim is
/// exported, so a site that publishes it can update it in place.
pub fn review_iri(sha256: &str, claim: &str, author: &Creator) -> String {
    format!(
        "urn:newsmark:claimreview:{sha256}:{claim}:{}",
        reader_key(author)
    )
}

/// A cheap first test: sentences whose lengths differ by more than the edits allowed
/// cannot be the same claim.
fn similar_length(a: &str, b: &str) -> bool {
    let (x, y) = (a.chars().count() as f64, b.chars().count() as f64);
    (x - y).abs() <= (1.0 - SAME_CLAIM) * x.max(y)
}

fn folded(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The reviews of every claim with a verdict, in article and claim order.
pub fn claim_reviews(
    articles: &[ArticleRef<'_>],
    tags: &HashMap<String, ArticleTags>,
    author: &Creator,
) -> Value {
    // Every claim of every article with its white space folded, once: each review compares
    // its claim with all of them.
    let sentences: Vec<Vec<String>> = articles
        .iter()
        .map(|a| {
            a.claims
                .iter()
                .map(|c| folded(c.span.slice(a.text).unwrap_or("")))
                .collect()
        })
        .collect();
    let mut reviews = Vec::new();
    for a in articles {
        let Some(article_tags) = tags.get(a.sha256) else {
            continue;
        };
        for claim in a.claims {
            let Some(tag) = article_tags.get(&claim.id) else {
                continue;
            };
            let Some(verdict) = tag.verdict else { continue };
            let sentence = folded(claim.span.slice(a.text).unwrap_or(""));
            let appears: Vec<Value> = articles
                .iter()
                .zip(&sentences)
                .filter(|(other, theirs)| {
                    other.sha256 == a.sha256
                        || theirs.iter().any(|s| {
                            *s == sentence
                                || (similar_length(s, &sentence) && same_wording(&sentence, s))
                        })
                })
                .map(|(other, _)| appearance(other))
                .collect();
            let author = tag.creator.as_ref().unwrap_or(author);
            let url = review_iri(a.sha256, &claim.id, author);
            let mut review = json!({
                "@type": "ClaimReview",
                "@id": url,
                "url": url,
                "claimReviewed": sentence,
                "reviewRating": rating(verdict),
                "itemReviewed": { "@type": "Claim", "appearance": appears },
                "author": author_json(author),
                "datePublished": to_rfc3339(tag.first_made()),
                "dateModified": to_rfc3339(tag.modified),
            });
            if !tag.note.trim().is_empty() {
                if let Some(m) = review.as_object_mut() {
                    m.insert("reviewBody".into(), json!(tag.note.trim()));
                }
            }
            reviews.push(review);
        }
    }
    json!({ "@context": "https://schema.org", "@graph": reviews })
}
