//! Re-anchoring benchmark: annotations made on the seeds, placed again in randomly edited
//! versions (inserted and deleted sentences, duplicated paragraphs, look-alike sentences,
//! spelling slips; see `tests/support/edits.rs`). A command that prints counts:
//! `cargo bench --bench anchoring` (`NEWSMARK_ANCHOR_TRIALS`, default 2000).
#![allow(
    clippy::disallowed_methods,
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a benchmark, not app code

#[path = "../tests/support/edits.rs"]
mod edits;

use edits::Outcome;
use std::time::Instant;

fn main() {
    let trials = std::env::var("NEWSMARK_ANCHOR_TRIALS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    let started = Instant::now();
    let report = edits::run(trials, 20261121);
    let elapsed = started.elapsed();
    println!(
        "re-anchoring: {} trials, {} annotations",
        report.trials, report.annotations
    );
    println!("\nedits made:");
    for (e, n) in &report.edits {
        println!("  {n:>6}  {e}");
    }
    println!("\noutcomes:");
    for (label, o) in [
        (
            "quote survives, placed on its own sentence",
            Outcome::SurvivedPlacedHome,
        ),
        (
            "quote survives, its sentence gone, placed on a repeat of the same words",
            Outcome::SurvivedPlacedSameWords,
        ),
        (
            "quote survives, placed on a repeat rather than its own sentence",
            Outcome::SurvivedPlacedRepeat,
        ),
        ("quote survives, orphaned", Outcome::SurvivedOrphaned),
        (
            "quote survives, placed on other text (wrong)",
            Outcome::SurvivedWrong,
        ),
        (
            "sentence has a spelling slip, placed on it",
            Outcome::EditedPlaced,
        ),
        ("quote gone, orphaned", Outcome::GoneOrphaned),
        (
            "quote gone, placed on other text (wrong)",
            Outcome::GoneWrong,
        ),
    ] {
        println!("  {:>6}  {label}", report.count(o));
    }
    println!("\nplaced:");
    for (m, n) in &report.methods {
        println!("  {n:>6}  {m}");
    }
    let wrong = report.count(Outcome::SurvivedWrong)
        + report.count(Outcome::GoneWrong)
        + report.count(Outcome::SurvivedOrphaned);
    println!("\nwrong or lost: {wrong}");
    for w in &report.wrong {
        println!("  {w}");
    }
    println!(
        "time: {:.3} ms per annotation",
        elapsed.as_secs_f64() * 1000.0 / report.annotations.max(1) as f64
    );
}
