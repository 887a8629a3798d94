//! Invariants that hold for any input text.

use newsmark::analysis::analyze;
use newsmark::report::article_report;
use proptest::prelude::*;

/// Text that looks like scraped articles: words, punctuation, quotes, newlines and
/// arbitrary Unicode, so that the interesting code paths are reached.
fn article_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("The".to_string()),
        Just("U.S.".to_string()),
        Just("Dr.".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(". ".to_string()),
        Just("? ".to_string()),
        Just("…".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("’s".to_string()),
        Just("said".to_string()),
        Just("Share post:".to_string()),
        Just("...".to_string()),
        Just(" | ".to_string()),
        Just("[Photo/AFP]".to_string()),
        Just("19%".to_string()),
        Just("Vladimir Putin".to_string()),
        Just(" said".to_string()),
        Just("’".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("five hours".to_string()),
        Just("December 2, 2025".to_string()),
        Just("President".to_string()),
        Just(":".to_string()),
        "[A-Z][a-z]{1,8}",
        "[0-9]{1,4}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..120).prop_map(|v| v.concat())
}

fn check(text: &str) {
    let a = analyze(text);
    let mut last = 0;
    for c in &a.claims {
        assert!(c.span.start <= c.span.end && c.span.end <= text.len());
        assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
        assert!(c.span.start >= last, "claims sorted and disjoint");
        assert!(!c.span.is_empty());
        last = c.span.end;
    }
    let mut last = 0;
    for b in &a.blocks {
        assert!(text.is_char_boundary(b.span.start) && text.is_char_boundary(b.span.end));
        assert!(b.span.start >= last && b.span.end <= text.len());
        last = b.span.end;
    }
    let marks = [
        a.entities.iter().map(|e| e.span).collect::<Vec<_>>(),
        a.quotes.iter().map(|q| q.span).collect(),
        a.numbers.iter().map(|n| n.span).collect(),
    ];
    for spans in marks {
        let mut last = 0;
        for s in spans {
            assert!(
                !s.is_empty() && s.end <= text.len(),
                "{s:?} outside the text"
            );
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            assert!(s.start >= last, "marks sorted and disjoint");
            assert!(
                !a.boilerplate.iter().any(|b| b.overlaps(&s)),
                "mark inside boilerplate"
            );
            last = s.end;
        }
    }
    for q in &a.quotes {
        // A speaker's mention is words of the text, there only with a speaker.
        if let Some(m) = q.mention {
            assert!(q.speaker.is_some(), "{q:?}: a mention without a speaker");
            assert!(
                !m.is_empty() && m.end <= text.len(),
                "{m:?} outside the text"
            );
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        }
    }
    let ids: std::collections::HashSet<_> = a.claims.iter().map(|c| &c.id).collect();
    assert_eq!(ids.len(), a.claims.len(), "claim ids unique");
    let r = article_report("x.txt", text);
    assert_eq!(r.claims.len(), a.claims.len());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]

    #[test]
    fn analysis_of_article_like_text_is_well_formed(text in article_like()) {
        check(&text);
    }

    #[test]
    fn analysis_of_any_text_is_well_formed(text in any::<String>()) {
        check(&text);
    }
}
