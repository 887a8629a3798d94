//! Analysis throughput on large inputs built from the seeds. A command that prints figures,
//! not a test: `cargo bench --bench throughput`.
//!
//! Each input is one article made of the five seeds repeated until it reaches the size, so
//! it exercises the per-article passes (layout, sentences, entities, quotes, numbers) at
//! scale. Prints MB/s for each size (median of 5 runs; `NEWSMARK_BENCH_RUNS` changes it)
//! and the ratio of the per-MB costs, then the cold start: the first analysis of a short
//! article (the shortest seed) in a fresh process, which pays for every table the analysis
//! sets up on first use (median of 15 fresh processes).
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

/// Set in the child processes that time the cold start.
const COLD: &str = "NEWSMARK_BENCH_COLD_CHILD";

/// In a fresh process: analyse the shortest seed once and print the seconds it took.
fn cold_child() {
    let short = SEEDS
        .iter()
        .map(|s| s.text)
        .min_by_key(|t| t.len())
        .unwrap_or("");
    let t = Instant::now();
    let a = analyze(short);
    let first = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let _ = analyze(short);
    let second = t.elapsed().as_secs_f64();
    println!("{first} {second} {} {}", short.len(), a.entities.len());
}

/// Time the cold start in `runs` fresh processes (this binary run again as a child).
fn cold_start(runs: usize) {
    let Ok(exe) = std::env::current_exe() else {
        return;
    };
    let mut firsts = Vec::new();
    let mut seconds = Vec::new();
    let mut size = String::new();
    for _ in 0..runs {
        let Ok(out) = std::process::Command::new(&exe).env(COLD, "1").output() else {
            continue;
        };
        let line = String::from_utf8_lossy(&out.stdout).trim().to_string();
        let f: Vec<&str> = line.split(' ').collect();
        if let [a, b, bytes, _] = f[..] {
            firsts.extend(a.parse::<f64>().ok());
            seconds.extend(b.parse::<f64>().ok());
            size = bytes.to_string();
        }
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or(f64::NAN) * 1e3
    };
    println!(
        "cold start ({size}-byte article, {runs} fresh processes): first analysis median {:.1} ms, the same article again {:.1} ms",
        median(&mut firsts),
        median(&mut seconds)
    );
}

fn main() {
    if std::env::var_os(COLD).is_some() {
        cold_child();
        return;
    }
    let runs: usize = std::env::var("NEWSMARK_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let mut per_mb = Vec::new();
    for mb in [1usize, 10] {
        let text = input_of(mb * 1_000_000);
        let mut times = Vec::with_capacity(runs);
        let mut counts = (0, 0, 0, 0);
        for _ in 0..runs {
            let t = Instant::now();
            let a = analyze(&text);
            times.push(t.elapsed().as_secs_f64());
            counts = (
                a.claims.len(),
                a.entities.len(),
                a.quotes.len(),
                a.numbers.len(),
            );
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
        println!(
            "10 MB costs {:.2}x the time per MB of 1 MB (1.00 = linear scaling)",
            ten / one
        );
    }
    // A fresh process takes a few milliseconds and single ones vary by half: three times
    // as many as the timed runs above.
    cold_start(runs * 3);
}
