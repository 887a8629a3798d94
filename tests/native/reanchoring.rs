//! Re-anchoring on randomly edited seeds (see `tests/support/edits.rs`): every annotation
//! whose quote survives is placed on it, and none is placed on the wrong text. The
//! benchmark (`cargo bench --bench anchoring`) runs more trials and prints the counts.

#[path = "../support/edits.rs"]
mod edits;

use edits::{run, Outcome};

#[test]
fn annotations_land_on_their_text_or_nowhere() {
    let report = run(150, 7);
    assert!(report.annotations > 1000, "{}", report.annotations);
    assert!(report.wrong.is_empty(), "{:#?}", report.wrong);
    assert_eq!(
        report.count(Outcome::SurvivedOrphaned)
            + report.count(Outcome::SurvivedWrong)
            + report.count(Outcome::GoneWrong),
        0
    );
    assert_eq!(
        report.count(Outcome::SurvivedPlacedRepeat),
        0,
        "a repeat was chosen over the sentence itself"
    );
    // The edits did happen: some quotes were lost, some look-alikes and slips made.
    assert!(
        report.count(Outcome::GoneOrphaned) > 0,
        "{:?}",
        report.outcomes
    );
    assert!(
        report.count(Outcome::EditedPlaced) > 0,
        "{:?}",
        report.outcomes
    );
    for e in [
        "replace a sentence by a look-alike",
        "add a look-alike elsewhere",
        "duplicate a paragraph",
        "delete a sentence",
        "insert a paragraph",
        "make a spelling slip",
    ] {
        assert!(report.edits.get(e).copied().unwrap_or(0) > 0, "no {e}");
    }
}
