//! Analysis throughput on large inputs built from the seeds. A command that prints figures,
//! not a test: `cargo bench --bench throughput`.
//!
//! Each input is one article made of the five seeds repeated until it reaches the size, so
//! it exercises the per-article passes (layout, sentences, entities, quotes, numbers) at
//! scale. Prints MB/s for each size (median of 5 runs; `NEWSMARK_BENCH_RUNS` changes it)
//! and the ratio of the per-MB costs.
#![allow(clippy::disallowed_methods)] // Instant::now is fine natively; it panics only on wasm32.

use newsmark::analysis::analyze;

// The allocator of the native binary (see src/main.rs).
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use newsmark::seeds::SEEDS;
use std::time::Instant;

fn input_of(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 8192);
    while out.len() < bytes {
        for s in SEEDS {
            out.push_str(s.text);
            out.push_str("\n\n");
        }
    }
    out
}

fn main() {
    let runs: usize = std::env::var("NEWSMARK_BENCH_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(5);
    let mut per_mb = Vec::new();
    for mb in [1usize, 10] {
        let text = input_of(mb * 1_000_000);
        let mut times = Vec::with_capacity(runs);
        let mut counts = (0, 0, 0, 0);
        for _ in 0..runs {
            let t = Instant::now();
            let a = analyze(&text);
            times.push(t.elapsed().as_secs_f64());
            counts = (a.claims.len(), a.entities.len(), a.quotes.len(), a.numbers.len());
        }
        times.sort_by(f64::total_cmp);
        let median = times.get(times.len() / 2).copied().unwrap_or(f64::NAN);
        let size = text.len() as f64 / 1e6;
        println!(
            "{:>5.2} MB: median {:>7.3} s over {runs} runs, {:>6.1} MB/s  ({} claims, {} entities, {} quotes, {} numbers)",
            size, median, size / median, counts.0, counts.1, counts.2, counts.3
        );
        per_mb.push(median / size);
    }
    if let [one, ten] = per_mb[..] {
        println!("10 MB costs {:.2}x the time per MB of 1 MB (1.00 = linear scaling)", ten / one);
    }
}
