//! The entity model file: a compact binary read in place, and decoding with it.
//!
//! Layout (all integers little-endian):
//!
//! | bytes | what |
//! |---|---|
//! | 8 | magic `NMNERMOD` |
//! | 4 | format version ([`FORMAT_VERSION`]) |
//! | 4 | feature version ([`super::features::FEATURE_VERSION`]) |
//! | 4 | feature groups on (bit mask) |
//! | 4 | bucket bits `b` (the weight table has 2^b rows) |
//! | 4 | labels `L` (5: O, PERSON, ORG, PLACE, OTHER) |
//! | 4 | scale: f32, the weight one quantum stands for |
//! | 4 | name bias: i32 quanta added to every label but O when decoding |
//! | 2·(L+1)·L | label transitions, i16 (row L is the start of a block) |
//! | 2^b/8 | which buckets have a weight: one bit each, in u64 words (bit `i % 64` of word `i / 64`) |
//! | 4 | `r`, the number of buckets with a weight |
//! | r·L | their emission weights, i8, in bucket order |
//! | 4 | `n`, the number of common lower-case words |
//! | 4·n | their hashes, u32 ascending ([`super::features::WordList`]) |
//! | 32 | SHA-256 of all the bytes before it |
//!
//! Most buckets have no weight (pruning zeroes them), so only the others are stored: a
//! bucket's row is found by counting the set bits before its own. A dense table would be
//! mostly runs of zeros, which the wasm build splits into tens of thousands of data
//! segments whose headers gzip poorly.
//!
//! Loading checks the magic, both versions, the sizes and the checksum, then reads the
//! weights where they lie: no parse; the only allocations are the transition table and
//! a running count of set bits per bitmap word (2^b/64 of them).

use super::features::{Groups, WordList, FEATURE_VERSION};
use sha2::{Digest, Sha256};
use thiserror::Error;

pub const MAGIC: &[u8; 8] = b"NMNERMOD";
pub const FORMAT_VERSION: u32 = 3;
/// O, PERSON, ORG, PLACE, OTHER.
pub const LABELS: usize = 5;
const HEADER: usize = 8 + 4 * 7;
const CHECKSUM: usize = 32;

/// Why a model file was refused.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ModelError {
    #[error("the entity model file is not a newsmark model (bad magic bytes)")]
    Magic,
    #[error("the entity model file is {got} bytes long where {want} were expected (truncated, or not of this build)")]
    Truncated { got: usize, want: usize },
    #[error("the entity model file has format version {got}; this build reads version {want}")]
    Format { got: u32, want: u32 },
    #[error("the entity model was trained on feature version {got}; this build computes version {want} (retrain it)")]
    Features { got: u32, want: u32 },
    #[error("the entity model file has {0} labels; this build expects {LABELS}")]
    Labels(u32),
    #[error("the entity model file has an unusable table size (2^{0} buckets)")]
    Buckets(u32),
    #[error("the entity model file lists {listed} weight rows but marks {marked} buckets")]
    Rows { listed: u32, marked: u32 },
    #[error("the entity model file is corrupt (checksum mismatch)")]
    Checksum,
}

/// A loaded model, borrowing its weights from the file bytes.
#[derive(Debug, Clone)]
pub struct Model<'m> {
    pub groups: Groups,
    mask: u32,
    /// Added to the score of every name label: the perceptron's averaged weights lean
    /// towards "outside", and a bias chosen on the dev data trades that precision for
    /// recall where F1 gains.
    name_bias: i32,
    /// Transition scores in quanta: `trans[from][to]`, `from == LABELS` at a block start.
    trans: [[i32; LABELS]; LABELS + 1],
    /// One bit per bucket: it has a row in `weights`.
    present: &'m [u8],
    /// Per u64 word of `present`: the set bits in the words before it.
    rank: Vec<u32>,
    /// The rows of the buckets that have one, `LABELS` bytes each, in bucket order.
    weights: &'m [u8],
    /// Words the training text writes in lower case.
    pub common: WordList<'m>,
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    bytes
        .get(at..at + 4)
        .and_then(|b| b.try_into().ok())
        .map_or(0, u32::from_le_bytes)
}

impl<'m> Model<'m> {
    /// Check and open a model file.
    pub fn load(bytes: &'m [u8]) -> Result<Self, ModelError> {
        if bytes.get(..8) != Some(MAGIC.as_slice()) {
            return Err(ModelError::Magic);
        }
        if bytes.len() < HEADER + CHECKSUM {
            return Err(ModelError::Truncated {
                got: bytes.len(),
                want: HEADER + CHECKSUM,
            });
        }
        let format = u32_at(bytes, 8);
        if format != FORMAT_VERSION {
            return Err(ModelError::Format {
                got: format,
                want: FORMAT_VERSION,
            });
        }
        let features = u32_at(bytes, 12);
        if features != FEATURE_VERSION {
            return Err(ModelError::Features {
                got: features,
                want: FEATURE_VERSION,
            });
        }
        let groups = Groups::from_bits(u32_at(bytes, 16));
        let bits = u32_at(bytes, 20);
        if !(8..=24).contains(&bits) {
            return Err(ModelError::Buckets(bits));
        }
        let labels = u32_at(bytes, 24);
        if labels as usize != LABELS {
            return Err(ModelError::Labels(labels));
        }
        let trans_len = 2 * (LABELS + 1) * LABELS;
        let present_at = HEADER + trans_len;
        let present_len = (1usize << bits) / 8;
        let rows_at = present_at + present_len;
        let rows = u32_at(bytes, rows_at) as usize;
        let weights_at = rows_at + 4;
        let weights_len = rows.saturating_mul(LABELS);
        let words_at = weights_at.saturating_add(weights_len);
        let words = if words_at.saturating_add(4) <= bytes.len() {
            u32_at(bytes, words_at) as usize
        } else {
            0
        };
        let want = words
            .checked_mul(4)
            .and_then(|w| words_at.checked_add(4 + CHECKSUM)?.checked_add(w))
            .unwrap_or(usize::MAX);
        if bytes.len() != want {
            return Err(ModelError::Truncated {
                got: bytes.len(),
                want,
            });
        }
        let body = bytes.get(..want - CHECKSUM).unwrap_or(&[]);
        if Sha256::digest(body).as_slice() != bytes.get(want - CHECKSUM..).unwrap_or(&[]) {
            return Err(ModelError::Checksum);
        }
        let mut trans = [[0i32; LABELS]; LABELS + 1];
        let mut at = HEADER;
        for row in trans.iter_mut() {
            for cell in row.iter_mut() {
                let v = bytes
                    .get(at..at + 2)
                    .and_then(|b| b.try_into().ok())
                    .map_or(0, i16::from_le_bytes);
                *cell = i32::from(v);
                at += 2;
            }
        }
        let present = bytes.get(present_at..rows_at).unwrap_or(&[]);
        let mut rank = Vec::with_capacity(present_len / 8);
        let mut marked = 0u32;
        for word in present.chunks_exact(8) {
            rank.push(marked);
            marked += word.iter().map(|b| b.count_ones()).sum::<u32>();
        }
        if marked as usize != rows {
            return Err(ModelError::Rows {
                listed: rows as u32,
                marked,
            });
        }
        let weights = bytes.get(weights_at..words_at).unwrap_or(&[]);
        let common = WordList::new(bytes.get(words_at + 4..want - CHECKSUM).unwrap_or(&[]));
        let name_bias = u32_at(bytes, 32) as i32;
        Ok(Model {
            groups,
            mask: (1u32 << bits) - 1,
            name_bias,
            trans,
            present,
            rank,
            weights,
            common,
        })
    }

    /// A model that marks nothing (all weights zero).
    pub fn empty() -> Model<'static> {
        Model {
            groups: Groups::ALL,
            mask: 0,
            name_bias: 0,
            trans: [[0; LABELS]; LABELS + 1],
            present: &[],
            rank: Vec::new(),
            weights: &[],
            common: WordList::default(),
        }
    }

    /// Add the weights of the hashed features to `scores`.
    pub fn emission(&self, features: &[u32], scores: &mut [i32; LABELS]) {
        scores.iter_mut().skip(1).for_each(|s| *s += self.name_bias);
        self.add_weights(features, scores);
    }

    /// Add the weights of the hashed features to `scores`, without the name bias: for
    /// partial sums that [`Model::emission`] later completes.
    pub fn add_weights(&self, features: &[u32], scores: &mut [i32; LABELS]) {
        for f in features {
            let Some(row) = self.row(f & self.mask) else {
                continue;
            };
            if let Some(w) = self.weights.get(row * LABELS..row * LABELS + LABELS) {
                for (s, &b) in scores.iter_mut().zip(w) {
                    *s += i32::from(b as i8);
                }
            }
        }
    }

    /// The row of `bucket` in `weights`, if it has one: the set bits before its own.
    fn row(&self, bucket: u32) -> Option<usize> {
        let word = (bucket / 64) as usize;
        let bits = self
            .present
            .get(word * 8..word * 8 + 8)
            .and_then(|b| b.try_into().ok())
            .map(u64::from_le_bytes)?;
        let bit = bucket % 64;
        if bits >> bit & 1 == 0 {
            return None;
        }
        let before = (bits & ((1u64 << bit) - 1)).count_ones();
        Some((self.rank.get(word)? + before) as usize)
    }

    /// The best label sequence (Viterbi) for emission scores; positions with `None` are
    /// outside any name and take label 0.
    pub fn decode(&self, emissions: &[Option<[i32; LABELS]>]) -> Vec<u8> {
        decode(&self.trans, emissions)
    }
}

/// Viterbi over the labels with first-order transitions, shared by the loaded model and
/// training (which decodes with full-precision weights).
pub fn decode<T>(trans: &[[T; LABELS]; LABELS + 1], emissions: &[Option<[T; LABELS]>]) -> Vec<u8>
where
    T: Copy + Default + PartialOrd + std::ops::Add<Output = T>,
{
    let n = emissions.len();
    let mut back: Vec<[u8; LABELS]> = vec![[0; LABELS]; n];
    let mut score: [T; LABELS] = [T::default(); LABELS];
    let mut allowed_prev: [bool; LABELS] = [false; LABELS];
    for (i, e) in emissions.iter().enumerate() {
        let mut next = [T::default(); LABELS];
        let mut allowed = [false; LABELS];
        for to in 0..LABELS {
            let emit = match e {
                Some(e) => e.get(to).copied().unwrap_or_default(),
                None if to == 0 => T::default(),
                None => continue,
            };
            let mut best: Option<(T, u8)> = None;
            if i == 0 {
                let t = trans
                    .get(LABELS)
                    .and_then(|r| r.get(to))
                    .copied()
                    .unwrap_or_default();
                best = Some((t, LABELS as u8));
            } else {
                for from in 0..LABELS {
                    if !allowed_prev.get(from).copied().unwrap_or(false) {
                        continue;
                    }
                    let t = trans
                        .get(from)
                        .and_then(|r| r.get(to))
                        .copied()
                        .unwrap_or_default();
                    let s = score.get(from).copied().unwrap_or_default() + t;
                    if best.is_none_or(|(b, _)| s > b) {
                        best = Some((s, from as u8));
                    }
                }
            }
            if let Some((s, from)) = best {
                if let (Some(slot), Some(a), Some(bk)) =
                    (next.get_mut(to), allowed.get_mut(to), back.get_mut(i))
                {
                    *slot = s + emit;
                    *a = true;
                    if let Some(b) = bk.get_mut(to) {
                        *b = from;
                    }
                }
            }
        }
        score = next;
        allowed_prev = allowed;
    }
    let mut labels = vec![0u8; n];
    let mut best: Option<(T, usize)> = None;
    for (l, (&s, &a)) in score.iter().zip(&allowed_prev).enumerate() {
        if a && best.is_none_or(|(b, _)| s > b) {
            best = Some((s, l));
        }
    }
    let mut cur = best.map_or(0, |(_, l)| l);
    for i in (0..n).rev() {
        if let Some(slot) = labels.get_mut(i) {
            *slot = cur as u8;
        }
        cur = back
            .get(i)
            .and_then(|b| b.get(cur))
            .map_or(0, |&p| usize::from(p));
        if cur >= LABELS {
            break;
        }
    }
    labels
}

/// Write a model file (the inverse of [`Model::load`]).
pub fn encode(
    groups: Groups,
    bits: u32,
    scale: f32,
    name_bias: i32,
    trans: &[[i16; LABELS]; LABELS + 1],
    weights: &[i8],
    common: &[u32],
) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER + weights.len() + 128);
    out.extend_from_slice(MAGIC);
    for v in [
        FORMAT_VERSION,
        FEATURE_VERSION,
        groups.bits(),
        bits,
        LABELS as u32,
    ] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&scale.to_le_bytes());
    out.extend_from_slice(&name_bias.to_le_bytes());
    for row in trans {
        for v in row {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }
    let buckets = 1usize << bits;
    let mut present = vec![0u8; buckets / 8];
    let mut rows = Vec::new();
    for (bucket, row) in weights.chunks(LABELS).take(buckets).enumerate() {
        if row.iter().any(|&w| w != 0) {
            if let Some(byte) = present.get_mut(bucket / 8) {
                *byte |= 1 << (bucket % 8);
            }
            rows.extend(row.iter().map(|&w| w as u8));
        }
    }
    out.extend_from_slice(&present);
    out.extend_from_slice(&((rows.len() / LABELS) as u32).to_le_bytes());
    out.extend_from_slice(&rows);
    out.extend_from_slice(&(common.len() as u32).to_le_bytes());
    out.extend(super::features::word_list_bytes(common));
    let digest = Sha256::digest(&out);
    out.extend_from_slice(&digest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> Vec<u8> {
        let mut trans = [[0i16; LABELS]; LABELS + 1];
        trans[1][1] = 5;
        let weights: Vec<i8> = (0..(1usize << 8) * LABELS)
            .map(|i| (i % 7) as i8 - 3)
            .collect();
        let mut common: Vec<u32> = ["police", "investors"]
            .iter()
            .map(|w| super::super::features::word_hash(w))
            .collect();
        common.sort_unstable();
        encode(Groups::ALL, 8, 0.5, 0, &trans, &weights, &common)
    }

    #[test]
    fn common_words_are_read_in_place() {
        let bytes = tiny();
        let m = Model::load(&bytes).unwrap();
        assert_eq!(m.common.len(), 2);
        assert!(m.common.contains("police"));
        assert!(m.common.contains("investors"));
        assert!(!m.common.contains("putin"));
        // A word count that runs past the end of the file is refused.
        let mut long = bytes.clone();
        let at = HEADER + 2 * (LABELS + 1) * LABELS + (1 << 8) / 8 + 4 + (1 << 8) * LABELS;
        long[at] = 200;
        assert!(matches!(
            Model::load(&long).unwrap_err(),
            ModelError::Truncated { .. }
        ));
    }

    #[test]
    fn round_trip() {
        let bytes = tiny();
        let m = Model::load(&bytes).unwrap();
        let mut s = [0; LABELS];
        m.emission(&[0, 1], &mut s);
        assert_eq!(s, [-3 + 2, -2 + 3, -1 - 3, -2, 1 - 1]);
    }

    #[test]
    fn only_buckets_with_a_weight_are_stored() {
        let trans = [[0i16; LABELS]; LABELS + 1];
        let mut weights = vec![0i8; (1usize << 8) * LABELS];
        for (bucket, label, w) in [(3, 1, 7), (64, 2, -2), (65, 0, 1), (255, 4, 9)] {
            weights[bucket * LABELS + label] = w;
        }
        let bytes = encode(Groups::ALL, 8, 0.5, 0, &trans, &weights, &[]);
        assert_eq!(
            bytes.len(),
            HEADER + 2 * (LABELS + 1) * LABELS + 256 / 8 + 4 + 4 * LABELS + 4 + CHECKSUM
        );
        let m = Model::load(&bytes).unwrap();
        for bucket in 0..256u32 {
            let mut s = [0; LABELS];
            m.add_weights(&[bucket], &mut s);
            let want: Vec<i32> = weights[bucket as usize * LABELS..][..LABELS]
                .iter()
                .map(|&w| i32::from(w))
                .collect();
            assert_eq!(s.to_vec(), want, "bucket {bucket}");
        }
        // A row count that disagrees with the bitmap is refused, not misread.
        let mut wrong = bytes.clone();
        wrong[HEADER + 2 * (LABELS + 1) * LABELS] ^= 1;
        let body = wrong.len() - CHECKSUM;
        let digest = Sha256::digest(&wrong[..body]);
        wrong[body..].copy_from_slice(&digest);
        assert!(matches!(
            Model::load(&wrong).unwrap_err(),
            ModelError::Rows { listed: 4, .. }
        ));
    }

    #[test]
    fn refuses_bad_files() {
        let good = tiny();
        assert_eq!(Model::load(b"hello").unwrap_err(), ModelError::Magic);
        let cut = good.get(..good.len() - 10).unwrap();
        assert!(matches!(
            Model::load(cut).unwrap_err(),
            ModelError::Truncated { .. }
        ));
        let mut flipped = good.clone();
        flipped[200] ^= 1;
        assert_eq!(Model::load(&flipped).unwrap_err(), ModelError::Checksum);
        let mut other = good.clone();
        other[12] = other[12].wrapping_add(1);
        assert!(matches!(
            Model::load(&other).unwrap_err(),
            ModelError::Features { .. }
        ));
        let mut format = good;
        format[8] = 9;
        assert!(matches!(
            Model::load(&format).unwrap_err(),
            ModelError::Format { got: 9, .. }
        ));
        assert!(ModelError::Checksum.to_string().contains("corrupt"));
    }

    #[test]
    fn viterbi_respects_fixed_positions_and_transitions() {
        let mut trans = [[0i32; LABELS]; LABELS + 1];
        trans[1][1] = 10;
        let e = vec![
            Some([0, 5, 6, 0, 0]),
            Some([0, 5, 6, 0, 0]),
            None,
            Some([1, 0, 0, 0, 0]),
        ];
        assert_eq!(decode(&trans, &e), vec![1, 1, 0, 0]);
    }
}
