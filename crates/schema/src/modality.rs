//! Whether and how the text says an event happened, and where its date comes from.

use crate::error::vocabulary;

vocabulary! {
    /// Whether the text says an event happened (SCHEMA.md `modality`).
    pub enum Modality ("modality") {
        /// The text says it happened.
        Asserted = "asserted",
        /// Attributed to a speaker (reported speech, a quote, "allegedly").
        Reported = "reported",
        /// A wish, plan, appeal or threat.
        Intended = "intended",
        /// Possible, conditional, feared or expected.
        Hypothetical = "hypothetical",
        /// Denied or called untrue.
        Denied = "denied",
    }
}

impl Modality {
    /// Asserted or reported: the modalities of things the text says happened.
    pub const fn is_of_fact(self) -> bool {
        matches!(self, Modality::Asserted | Modality::Reported)
    }
}

/// The one definition of a factual event (SCHEMA.md): not negated, and asserted or
/// reported. Everything that counts events (the coder, the store's clusters, relations,
/// exports, the scorer) decides with this.
pub const fn is_factual(negated: bool, modality: Modality) -> bool {
    !negated && modality.is_of_fact()
}

vocabulary! {
    /// Where an event's date comes from (SCHEMA.md `date_source`).
    pub enum DateSource ("date source") {
        /// A time expression governing the event's clause.
        Text = "text",
        /// The last dated expression earlier in the paragraph.
        Discourse = "discourse",
        /// No date in the text; the document date applies (never copied into `date`).
        Document = "document",
    }
}

vocabulary! {
    /// How much of a calendar date an event's `date` gives.
    pub enum DatePrecision ("date precision") {
        /// `2025-06-13`
        Day = "day",
        /// `2021-10`
        Month = "month",
        /// `2023`
        Year = "year",
        /// `199X`
        Decade = "decade",
    }
}

impl DatePrecision {
    /// The precision of an ISO 8601 (partial) date as events carry it, by its length:
    /// `2025-06-13` and `XXXX-06-13` (year unknown) a day, `2021-10` a month, `2023` a
    /// year, `199X` a decade; `None` for other lengths (`PT48H`, `2016/2021`). Event dates
    /// are always dates, so the length is enough.
    pub fn of_date(value: &str) -> Option<DatePrecision> {
        match value.len() {
            10 => Some(DatePrecision::Day),
            7 => Some(DatePrecision::Month),
            4 if value.ends_with('X') => Some(DatePrecision::Decade),
            4 => Some(DatePrecision::Year),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn factual_is_not_negated_and_asserted_or_reported() {
        // (modality, negated, factual)
        let cases = [
            (Modality::Asserted, false, true),
            (Modality::Reported, false, true),
            (Modality::Asserted, true, false),
            (Modality::Reported, true, false),
            (Modality::Hypothetical, false, false),
            (Modality::Intended, false, false),
            (Modality::Denied, false, false),
        ];
        for (m, negated, factual) in cases {
            assert_eq!(is_factual(negated, m), factual, "{m} negated={negated}");
        }
    }

    #[test]
    fn words_parse_case_insensitively_and_typos_name_the_valid_words() {
        assert_eq!("Reported".parse::<Modality>(), Ok(Modality::Reported));
        assert_eq!(" denied ".parse::<Modality>(), Ok(Modality::Denied));
        let err = "asertted".parse::<Modality>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid modality \"asertted\": expected asserted, reported, intended, hypothetical, denied"
        );
        for m in Modality::ALL {
            assert_eq!(m.as_str().parse::<Modality>(), Ok(*m));
            let json = serde_json::to_string(m).unwrap();
            assert_eq!(json, format!("\"{m}\""));
            assert_eq!(serde_json::from_str::<Modality>(&json).unwrap(), *m);
        }
        assert!(serde_json::from_str::<DateSource>("\"paper\"").is_err());
    }

    #[test]
    fn date_precision_from_the_form_of_the_date() {
        let cases = [
            ("2025-06-13", Some(DatePrecision::Day)),
            ("2021-10", Some(DatePrecision::Month)),
            ("2023", Some(DatePrecision::Year)),
            ("199X", Some(DatePrecision::Decade)),
            ("XXXX-06-13", Some(DatePrecision::Day)),
            ("PT48H", None),
            ("2016/2021", None),
            ("", None),
        ];
        for (v, p) in cases {
            assert_eq!(DatePrecision::of_date(v), p, "{v}");
        }
    }
}
