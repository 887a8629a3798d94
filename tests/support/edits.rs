#![allow(dead_code, clippy::string_slice, clippy::indexing_slicing)] // test support: the ground truth of the re-anchoring test and benchmark
//! Random edits of an article that remember where every sentence came from: the ground
//! truth for the re-anchoring test and benchmark.
//!
//! An article is cut into paragraphs (lines) of pieces: each claim's sentence, and the text
//! between them. Edits insert paragraphs from another article, delete sentences, duplicate
//! paragraphs, put **look-alikes** of annotated sentences in (a figure changed, a "not"
//! added, a name swapped — in place of the sentence or elsewhere) and make **spelling
//! slips** in annotated sentences. An annotation of sentence k is then placed correctly on
//! k itself (unchanged or with a slip) or on the same words elsewhere; anywhere else is
//! the wrong text.

use newsmark::analysis::Claim;
use newsmark::text::Span;

/// xorshift64*: deterministic and good enough to pick edits.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Text between sentences.
    Gap,
    /// Claim k of the original, unchanged.
    Original(usize),
    /// Claim k with a spelling slip.
    Slipped(usize),
    /// A sentence made to look like claim k but saying something else.
    LookAlike(usize),
    /// A sentence from another article.
    Inserted,
}

#[derive(Debug, Clone)]
pub struct Piece {
    pub text: String,
    pub origin: Origin,
}

pub struct Edited {
    pub text: String,
    pub pieces: Vec<(Span, Origin)>,
    pub edits: Vec<&'static str>,
}

impl Edited {
    /// Where a span of the edited text came from: the piece it overlaps most.
    pub fn origin_of(&self, span: Span) -> Origin {
        self.pieces
            .iter()
            .filter(|(s, o)| *o != Origin::Gap && s.overlaps(&span))
            .max_by_key(|(s, _)| s.end.min(span.end) - s.start.max(span.start))
            .map_or(Origin::Gap, |(_, o)| *o)
    }
}

fn paragraphs(text: &str, claims: &[Claim]) -> Vec<Vec<Piece>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let line_end = line_start + line.len();
        let mut pieces = Vec::new();
        let mut at = line_start;
        for (k, c) in claims
            .iter()
            .enumerate()
            .filter(|(_, c)| c.span.start >= line_start && c.span.end <= line_end)
        {
            if c.span.start > at {
                pieces.push(Piece {
                    text: text[at..c.span.start].to_string(),
                    origin: Origin::Gap,
                });
            }
            pieces.push(Piece {
                text: text[c.span.start..c.span.end].to_string(),
                origin: Origin::Original(k),
            });
            at = c.span.end;
        }
        if line_end > at {
            pieces.push(Piece {
                text: text[at..line_end].to_string(),
                origin: Origin::Gap,
            });
        }
        out.push(pieces);
        line_start = line_end + 1;
    }
    out
}

/// A look-alike of a sentence: one figure changed, a "not" put in, or a name swapped.
fn look_alike(sentence: &str, rng: &mut Rng) -> Option<String> {
    let mut options: Vec<String> = Vec::new();
    if let Some((i, d)) = sentence.char_indices().find(|(_, c)| c.is_ascii_digit()) {
        let other = char::from(b'0' + ((d as u8 - b'0' + 1 + rng.below(8) as u8) % 10));
        options.push(format!("{}{}{}", &sentence[..i], other, &sentence[i + 1..]));
    }
    for verb in [
        " is ", " was ", " will ", " has ", " had ", " are ", " were ", " said ", " did ",
    ] {
        if let Some(i) = sentence.find(verb) {
            options.push(format!(
                "{} not {}",
                &sentence[..i + verb.len() - 1],
                &sentence[i + verb.len()..]
            ));
            break;
        }
    }
    let names: Vec<(usize, &str)> = sentence
        .split(' ')
        .scan(0, |at, w| {
            let here = *at;
            *at += w.len() + 1;
            Some((here, w))
        })
        .skip(1)
        .filter(|(_, w)| {
            w.len() >= 4
                && w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(char::is_alphabetic)
        })
        .collect();
    if let Some(&(i, w)) = names.first() {
        options.push(format!(
            "{}Hendricks{}",
            &sentence[..i],
            &sentence[i + w.len()..]
        ));
    }
    if options.is_empty() {
        return None;
    }
    let pick = rng.below(options.len());
    options.into_iter().nth(pick)
}

/// A spelling slip: one letter of a long word changed.
fn slip(sentence: &str, rng: &mut Rng) -> Option<String> {
    let words: Vec<(usize, &str)> = sentence
        .match_indices(|c: char| c.is_alphabetic())
        .map(|(i, _)| i)
        .filter(|&i| i == 0 || !sentence[..i].ends_with(|c: char| c.is_alphabetic()))
        .map(|i| {
            let end = sentence[i..]
                .find(|c: char| !c.is_alphabetic())
                .map_or(sentence.len(), |e| i + e);
            (i, &sentence[i..end])
        })
        .filter(|(_, w)| w.len() >= 6 && w.is_ascii())
        .collect();
    if words.is_empty() {
        return None;
    }
    let (i, w) = words[rng.below(words.len())];
    let j = 1 + rng.below(w.len() - 2);
    let old = w.as_bytes()[j];
    let new = if old == b'e' { 'a' } else { 'e' };
    Some(format!(
        "{}{}{}",
        &sentence[..i + j],
        new,
        &sentence[i + j + 1..]
    ))
}

/// Apply `n` random edits; `annotated` are the claims that carry annotations (look-alikes
/// and slips aim at them); `donor` is text of another article to insert from.
pub fn edit(
    text: &str,
    claims: &[Claim],
    annotated: &[usize],
    donor: &[&str],
    n: usize,
    rng: &mut Rng,
) -> Edited {
    let mut paras = paragraphs(text, claims);
    let mut edits = Vec::new();
    for _ in 0..n {
        let find = |paras: &Vec<Vec<Piece>>, k: usize| -> Option<(usize, usize)> {
            paras.iter().enumerate().find_map(|(p, ps)| {
                ps.iter()
                    .position(|x| x.origin == Origin::Original(k))
                    .map(|i| (p, i))
            })
        };
        match rng.below(6) {
            0 if !donor.is_empty() => {
                let line = donor[rng.below(donor.len())];
                let at = rng.below(paras.len() + 1);
                paras.insert(
                    at,
                    vec![Piece {
                        text: line.to_string(),
                        origin: Origin::Inserted,
                    }],
                );
                paras.insert(at, vec![]);
                edits.push("insert a paragraph");
            }
            1 => {
                let k = if rng.below(2) == 0 && !annotated.is_empty() {
                    annotated[rng.below(annotated.len())]
                } else {
                    rng.below(claims.len().max(1))
                };
                if let Some((p, i)) = find(&paras, k) {
                    paras[p].remove(i);
                    edits.push("delete a sentence");
                }
            }
            2 => {
                let p = rng.below(paras.len());
                let copy = paras[p].clone();
                let at = rng.below(paras.len() + 1);
                paras.insert(at, copy);
                edits.push("duplicate a paragraph");
            }
            3 | 4 if !annotated.is_empty() => {
                let k = annotated[rng.below(annotated.len())];
                let Some((p, i)) = find(&paras, k) else {
                    continue;
                };
                let Some(fake) = look_alike(&paras[p][i].text, rng) else {
                    continue;
                };
                let piece = Piece {
                    text: fake,
                    origin: Origin::LookAlike(k),
                };
                if rng.below(2) == 0 {
                    paras[p][i] = piece;
                    edits.push("replace a sentence by a look-alike");
                } else {
                    let q = rng.below(paras.len());
                    paras[q].push(Piece {
                        text: " ".into(),
                        origin: Origin::Gap,
                    });
                    paras[q].push(piece);
                    edits.push("add a look-alike elsewhere");
                }
            }
            _ if !annotated.is_empty() => {
                let k = annotated[rng.below(annotated.len())];
                let Some((p, i)) = find(&paras, k) else {
                    continue;
                };
                let Some(slipped) = slip(&paras[p][i].text, rng) else {
                    continue;
                };
                paras[p][i] = Piece {
                    text: slipped,
                    origin: Origin::Slipped(k),
                };
                edits.push("make a spelling slip");
            }
            _ => {}
        }
    }
    let mut out = String::new();
    let mut pieces = Vec::new();
    for (n, para) in paras.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        for piece in para {
            let start = out.len();
            out.push_str(&piece.text);
            pieces.push((Span::new(start, out.len()), piece.origin));
        }
    }
    Edited {
        text: out,
        pieces,
        edits,
    }
}

/// What became of one annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outcome {
    /// Its quote is still in the text, and it was placed on its own sentence.
    SurvivedPlacedHome,
    /// Its own sentence is gone, and it was placed on the same words elsewhere (a sentence
    /// the article repeats).
    SurvivedPlacedSameWords,
    /// Its own sentence is still there, but it was placed on a repeat of the same words.
    SurvivedPlacedRepeat,
    SurvivedOrphaned,
    SurvivedWrong,
    /// Its sentence has a spelling slip now, and it was placed there.
    EditedPlaced,
    /// Its quote is gone (deleted, slipped or replaced by a look-alike); it is an orphan.
    GoneOrphaned,
    /// Placed on text that is not its sentence nor the same words.
    GoneWrong,
}

impl Outcome {
    pub fn is_wrong(self) -> bool {
        matches!(
            self,
            Outcome::SurvivedWrong | Outcome::GoneWrong | Outcome::SurvivedOrphaned
        )
    }
}

/// Judge a placement of the annotation of claim `k`, whose quote is `quote`.
pub fn judge(edited: &Edited, k: usize, quote: &str, placed: Option<Span>) -> Outcome {
    let survives = edited.text.contains(quote);
    match placed {
        None if survives => Outcome::SurvivedOrphaned,
        None => Outcome::GoneOrphaned,
        Some(span) => {
            let origin = edited.origin_of(span);
            let same_words = span.slice(&edited.text) == Some(quote);
            match (survives, origin) {
                (true, Origin::Original(j)) if j == k => Outcome::SurvivedPlacedHome,
                (true, _)
                    if same_words
                        && edited.pieces.iter().any(|(_, o)| *o == Origin::Original(k)) =>
                {
                    Outcome::SurvivedPlacedRepeat
                }
                (true, _) if same_words => Outcome::SurvivedPlacedSameWords,
                (true, _) => Outcome::SurvivedWrong,
                (false, Origin::Slipped(j)) if j == k => Outcome::EditedPlaced,
                (false, _) => Outcome::GoneWrong,
            }
        }
    }
}

/// The counts of a run of trials.
#[derive(Debug, Default)]
pub struct Report {
    pub trials: usize,
    pub annotations: usize,
    pub outcomes: std::collections::BTreeMap<Outcome, usize>,
    pub methods: std::collections::BTreeMap<&'static str, usize>,
    pub edits: std::collections::BTreeMap<&'static str, usize>,
    /// A few wrong placements, described, for the message of a failing test.
    pub wrong: Vec<String>,
}

impl Report {
    pub fn count(&self, o: Outcome) -> usize {
        self.outcomes.get(&o).copied().unwrap_or(0)
    }
}

/// Annotate up to ten claims of a seed, edit it at random, and place the annotations in the
/// edited text; `trials` times, round the seeds.
pub fn run(trials: usize, seed: u64) -> Report {
    use newsmark::annotation::anchor::anchor;
    use newsmark::annotation::{annotations_of, ArticleRef, ArticleTags, Tag, Verdict};
    use newsmark::seeds::SEEDS;
    use newsmark::text::{sha256_hex, Offsets};

    let mut rng = Rng::new(seed);
    let mut report = Report {
        trials,
        ..Report::default()
    };
    let all_claims: Vec<Vec<Claim>> = SEEDS
        .iter()
        .map(|s| newsmark::analysis::claims(s.text))
        .collect();
    for t in 0..trials {
        let i = t % SEEDS.len();
        let text = SEEDS[i].text;
        let claims = &all_claims[i];
        if claims.is_empty() {
            continue;
        }
        let donor_text = SEEDS[(i + 1) % SEEDS.len()].text;
        let donor: Vec<&str> = donor_text.lines().filter(|l| l.len() > 40).collect();
        let mut annotated: Vec<usize> = (0..10).map(|_| rng.below(claims.len())).collect();
        annotated.sort_unstable();
        annotated.dedup();
        let sha = sha256_hex(text.as_bytes());
        let tags: ArticleTags = annotated
            .iter()
            .map(|&k| {
                (
                    claims[k].id.clone(),
                    Tag::new(Some(Verdict::Disputed), "", 1.0),
                )
            })
            .collect();
        let annotations = annotations_of(
            ArticleRef {
                file: SEEDS[i].file,
                title: SEEDS[i].file,
                text,
                sha256: &sha,
                claims,
            },
            &tags,
            &newsmark::annotation::Creator {
                id: Some("urn:uuid:00000000-0000-4000-8000-000000000001".into()),
                kind: newsmark::annotation::CreatorKind::Person,
                name: None,
            },
        );
        let n = 1 + rng.below(6);
        let edited = edit(text, claims, &annotated, &donor, n, &mut rng);
        for e in &edited.edits {
            *report.edits.entry(e).or_default() += 1;
        }
        let offsets = Offsets::new(&edited.text);
        // annotations_of keeps claim order, as `annotated` is sorted.
        let by_claim: Vec<usize> = claims
            .iter()
            .enumerate()
            .filter(|(_, c)| tags.contains_key(&c.id))
            .map(|(k, _)| k)
            .collect();
        for (a, &k) in annotations.iter().zip(&by_claim) {
            let found = anchor(&edited.text, &offsets, &a.quote, a.position, false);
            let outcome = judge(&edited, k, &a.quote.exact, found.map(|f| f.span));
            if let Some(f) = found {
                *report.methods.entry(f.method.describe()).or_default() += 1;
            }
            if outcome.is_wrong() && report.wrong.len() < 5 {
                report.wrong.push(format!(
                    "{:?}: {:?} placed on {:?} after {:?}",
                    outcome,
                    a.quote.exact,
                    found.and_then(|f| f.span.slice(&edited.text)),
                    edited.edits
                ));
            }
            *report.outcomes.entry(outcome).or_default() += 1;
            report.annotations += 1;
        }
    }
    report
}
