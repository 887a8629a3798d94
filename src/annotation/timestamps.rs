//! Times as exports write them: RFC 3339 / ISO 8601 date-times in UTC, to the millisecond,
//! from and to milliseconds since the Unix epoch (the app's clock unit).

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// `2026-11-21T09:30:00.250Z`. Out-of-range or non-finite times give the epoch rather than
/// fail: a timestamp is never worth losing an export over.
pub fn to_rfc3339(ms: f64) -> String {
    let nanos = if ms.is_finite() {
        (ms.round() as i128) * 1_000_000
    } else {
        0
    };
    let t = OffsetDateTime::from_unix_timestamp_nanos(nanos).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    // Milliseconds always written, so that every export has the same shape.
    let date = t.date();
    let time = t.time();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        date.year(),
        u8::from(date.month()),
        date.day(),
        time.hour(),
        time.minute(),
        time.second(),
        time.millisecond()
    )
}

/// The date alone: `2026-11-21` (schema.org `datePublished`).
pub fn to_date(ms: f64) -> String {
    to_rfc3339(ms).chars().take(10).collect()
}

/// Milliseconds since the epoch of an RFC 3339 date-time (any offset, any fraction),
/// rounded to the millisecond; `None` if the text is not one.
pub fn parse_rfc3339(text: &str) -> Option<f64> {
    let t = OffsetDateTime::parse(text.trim(), &Rfc3339).ok()?;
    let ms = t.unix_timestamp_nanos().div_euclid(1_000_000);
    Some(ms as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_to_the_millisecond() {
        for ms in [0.0, 1_763_717_400_250.0, 951_782_400_000.0, -86_400_000.0] {
            let s = to_rfc3339(ms);
            assert_eq!(parse_rfc3339(&s), Some(ms), "{s}");
        }
        assert_eq!(to_rfc3339(1_763_717_400_250.0), "2025-11-21T09:30:00.250Z");
        assert_eq!(to_date(1_763_717_400_250.0), "2025-11-21");
    }

    #[test]
    fn offsets_and_fractions_are_read() {
        assert_eq!(
            parse_rfc3339("2025-11-21T10:30:00.250123+01:00"),
            Some(1_763_717_400_250.0)
        );
        assert_eq!(parse_rfc3339("yesterday"), None);
        assert_eq!(parse_rfc3339("2025-13-01T00:00:00Z"), None);
        assert_eq!(to_rfc3339(f64::NAN), "1970-01-01T00:00:00.000Z");
    }
}
