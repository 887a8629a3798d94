//! The learned entity tagger: a linear-chain model over hashed sparse features, trained
//! offline with the averaged structured perceptron (Collins 2002) and compiled into the
//! build.
//!
//! - [`features`]: what the tagger sees of each word, in named, switchable groups.
//! - [`model`]: the binary model file, read in place, and Viterbi decoding.
//! - [`corpus`]: the training and development records and the scoring rule.
//! - `train` (native only): the trainer behind `newsmark train-ner`.
//!
//! Each word that can be part of a name gets one of five labels (outside, PERSON, ORG,
//! PLACE, OTHER); a name is a run of words with the same label joined by a space, a
//! hyphen or an initial's period. A document-level pass in [`super::entities`] then gives
//! every mention of a name the type its mentions agree on (Ratinov & Roth 2009).

pub mod corpus;
pub mod features;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod train;

use super::entities::EntityType;
use super::tokens::{ArticleTokens, Token};
use features::{BlockView, SetWords};
use model::{Model, ModelError, LABELS};
use std::sync::OnceLock;

/// The model compiled into the build (`newsmark train-ner` writes it).
static MODEL_FILE: &[u8] = include_bytes!("../../../data/model/ner.bin");

/// The compiled-in model, checked once.
pub fn builtin() -> Result<&'static Model<'static>, &'static ModelError> {
    static MODEL: OnceLock<Result<Model<'static>, ModelError>> = OnceLock::new();
    MODEL.get_or_init(|| Model::load(MODEL_FILE)).as_ref()
}

/// The bytes of the compiled-in model, for checks against its recorded inputs.
pub fn builtin_bytes() -> &'static [u8] {
    MODEL_FILE
}

/// The entity type of a label (0 is outside any name).
pub fn label_type(label: u8) -> Option<EntityType> {
    match label {
        1 => Some(EntityType::Person),
        2 => Some(EntityType::Org),
        3 => Some(EntityType::Place),
        4 => Some(EntityType::Other),
        _ => None,
    }
}

/// The label of an entity type.
pub fn type_label(kind: EntityType) -> u8 {
    match kind {
        EntityType::Person => 1,
        EntityType::Org => 2,
        EntityType::Place => 3,
        EntityType::Other => 4,
    }
}

/// What the tagger needs to know about a block beyond its tokens.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BlockInfo {
    /// A headline or subheading.
    pub heading: bool,
    /// A heading in Title Case.
    pub title_case: bool,
}

impl BlockInfo {
    /// What the tagger needs to know of a block of the layout.
    pub fn of(text: &str, block: &super::layout::Block) -> Self {
        use super::layout::BlockKind;
        BlockInfo {
            heading: matches!(block.kind, BlockKind::Title | BlockKind::Subheading),
            title_case: super::is_title_case(text, block),
        }
    }
}

/// One name found by the tagger: tokens `a..b` of block `block` of article `article`.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagged {
    pub article: usize,
    pub block: usize,
    pub a: usize,
    pub b: usize,
    pub kind: EntityType,
    /// Per label, the mean emission score of the name's words, in model quanta: how sure
    /// the tagger is of each type, for the document-level vote.
    pub scores: [i32; LABELS],
}

/// Whether two neighbouring tokens of one name may be joined: a single space, a hyphen, or
/// the period of an initial or abbreviation ("J. James", "St. Louis").
pub fn joinable(text: &str, a: &Token, b: &Token) -> bool {
    if b.sentence_initial {
        return false;
    }
    let gap = text.get(a.span.end..b.span.start).unwrap_or("");
    match gap {
        // "US-Ukraine talks" joins two places; "Emilia-Romagna", "Jong-un" are one name.
        "-" => !(is_major_place(a.text) && is_major_place(b.text)),
        " " | "" => true,
        ". " => a.text.chars().count() <= 4 && a.is_capitalised(),
        _ => false,
    }
}

/// A country, continent, region or city of a million, on its own.
fn is_major_place(word: &str) -> bool {
    super::lexicon::place(word).is_some_and(|p| p.size >= 3)
}

/// Names of one block from its labels: runs of the same label over joinable tokens.
pub fn names_from_labels(text: &str, tokens: &[Token], labels: &[u8]) -> Vec<(usize, usize, u8)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < labels.len() {
        let l = labels.get(i).copied().unwrap_or(0);
        if l == 0 {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while labels.get(j) == Some(&l)
            && matches!((tokens.get(j - 1), tokens.get(j)), (Some(a), Some(b)) if joinable(text, a, b))
        {
            j += 1;
        }
        out.push((i, j, l));
        i = j;
    }
    // A name does not end in a particle ("Museum of"), nor open with an article or a
    // preposition in lower case ("the Pentagon"); "de Gaulle" keeps its particle.
    out.into_iter()
        .filter_map(|(mut a, mut b, l)| {
            while a < b
                && tokens.get(a).is_some_and(|t| {
                    t.text.starts_with(|c: char| c.is_lowercase())
                        && super::lexicon::is_function_word(t.text)
                })
            {
                a += 1;
            }
            while b > a
                && tokens
                    .get(b - 1)
                    .is_some_and(|t| !t.is_capitalised() && !t.is_numeric() && !t.hyphen_from_prev)
            {
                b -= 1;
            }
            (b > a).then_some((a, b, l))
        })
        .collect()
}

/// Tag every content block of every article of a set with `model`.
///
/// After the tagger, one consistency pass over the set (label consistency, Ratinov & Roth
/// 2009): a lone capitalised word that the tagger left out here but named elsewhere in
/// the set is the same name, so it is added with that label.
pub fn tag_set<'t>(
    model: &Model<'t>,
    texts: &[&'t str],
    tokens: &[ArticleTokens<'t>],
    info: &[Vec<BlockInfo>],
) -> Vec<Tagged> {
    let set = SetWords::new(tokens.iter().flat_map(|a| a.iter_blocks())).with_common(model.common);
    let mut out = Vec::new();
    let mut feats = Vec::with_capacity(64);
    // The weights of each word's own features, summed once per distinct word of the set.
    let mut own_scores: rustc_hash::FxHashMap<&'t str, [i32; LABELS]> = Default::default();
    // Lone candidate words the tagger left out: (article, block, token, emission).
    let mut left_out: Vec<(usize, usize, usize, [i32; LABELS])> = Vec::new();
    for (article, (text, at)) in texts.iter().zip(tokens).enumerate() {
        for (bi, block) in at.iter_blocks().enumerate() {
            let bin = info
                .get(article)
                .and_then(|v| v.get(bi))
                .copied()
                .unwrap_or_default();
            let view = BlockView::new(text, block, bin.heading, bin.title_case);
            if !(0..block.len()).any(|i| view.is_candidate(i)) {
                continue;
            }
            let emissions: Vec<Option<[i32; LABELS]>> = (0..block.len())
                .map(|i| {
                    view.is_candidate(i).then(|| {
                        let w = block.get(i).map_or("", |t| t.text);
                        let mut s = *own_scores.entry(w).or_insert_with(|| {
                            feats.clear();
                            view.own_features(i, &set, model.groups, &mut feats);
                            let mut s = [0i32; LABELS];
                            model.add_weights(&feats, &mut s);
                            s
                        });
                        feats.clear();
                        view.context_features(i, &set, model.groups, &mut feats);
                        model.emission(&feats, &mut s);
                        s
                    })
                })
                .collect();
            let labels = model.decode(&emissions);
            for (i, e) in emissions.iter().enumerate() {
                let lone =
                    |j: Option<usize>| j.and_then(|j| emissions.get(j)).is_none_or(Option::is_none);
                if let Some(e) = e {
                    let inside =
                        block.get(i).is_some_and(|t| !t.sentence_initial) && !bin.title_case;
                    if inside
                        && labels.get(i) == Some(&0)
                        && lone(i.checked_sub(1))
                        && lone(Some(i + 1))
                    {
                        left_out.push((article, bi, i, *e));
                    }
                }
            }
            for (a, b, l) in names_from_labels(text, block, &labels) {
                let Some(kind) = label_type(l) else { continue };
                let mut scores = [0i32; LABELS];
                for e in emissions.get(a..b).unwrap_or(&[]).iter().flatten() {
                    for (s, v) in scores.iter_mut().zip(e) {
                        *s += v;
                    }
                }
                let n = (b - a).max(1) as i32;
                scores.iter_mut().for_each(|s| *s /= n);
                out.push(Tagged {
                    article,
                    block: bi,
                    a,
                    b,
                    kind,
                    scores,
                });
            }
        }
    }
    let word = |article: usize, block: usize, i: usize| -> Option<&'t str> {
        tokens.get(article)?.block(block)?.get(i).map(|t| t.text)
    };
    let named: rustc_hash::FxHashMap<&str, EntityType> = out
        .iter()
        .filter(|t| t.b == t.a + 1)
        .filter_map(|t| Some((word(t.article, t.block, t.a)?, t.kind)))
        .collect();
    for (article, block, i, scores) in left_out {
        let Some(w) = word(article, block, i) else {
            continue;
        };
        if let Some(&kind) = named.get(w) {
            out.push(Tagged {
                article,
                block,
                a: i,
                b: i + 1,
                kind,
                scores,
            });
        }
    }
    out.sort_by_key(|t| (t.article, t.block, t.a));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize_into;
    use crate::text::Span;

    fn names(text: &str, labels: &[u8]) -> Vec<String> {
        let mut t = Vec::new();
        tokenize_into(text, Span::new(0, text.len()), &[0], &mut t);
        names_from_labels(text, &t, labels)
            .into_iter()
            .map(|(a, b, _)| {
                Span::new(t[a].span.start, t[b - 1].span.end)
                    .slice(text)
                    .unwrap_or("")
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn names_join_over_spaces_hyphens_and_initials() {
        assert_eq!(names("Kim Jong-un spoke", &[1, 1, 1, 0]), ["Kim Jong-un"]);
        assert_eq!(
            names("J. James Rohack said", &[1, 1, 1, 0]),
            ["J. James Rohack"]
        );
        assert_eq!(names("Paris, Texas", &[3, 3]), ["Paris", "Texas"]);
        assert_eq!(
            names("the Museum of Flight", &[0, 2, 2, 2]),
            ["Museum of Flight"]
        );
        assert_eq!(names("Museum of", &[2, 2]), ["Museum"]);
        assert_eq!(names("said the Pentagon", &[0, 2, 2]), ["Pentagon"]);
        assert_eq!(
            names("Charles de Gaulle", &[1, 1, 1]),
            ["Charles de Gaulle"]
        );
    }

    #[test]
    fn the_builtin_model_loads() {
        assert!(builtin().is_ok(), "{:?}", builtin().err());
    }
}
