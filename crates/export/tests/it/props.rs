//! Arbitrary strings survive CSV. (The XML escaper of GEXF and GraphML is
//! `aras_relations::escape_xml`, property-tested in `aras-relations`.)

use crate::common;

use aras_export::{read_events_csv, write_events_csv};
use proptest::prelude::*;

proptest! {
    #[test]
    fn strings_round_trip_through_csv(
        evidence in any::<String>(),
        source_text in any::<String>(),
        publication in "\\PC+",
    ) {
        let mut row = common::rows(1, 1).remove(0);
        row.evidence = evidence;
        // No value is None, never "" (SCHEMA.md).
        row.source_text = Some(source_text).filter(|s| !s.is_empty());
        row.publication = Some(publication);
        let mut buffer = Vec::new();
        write_events_csv(std::slice::from_ref(&row), &mut buffer).unwrap();
        let back = read_events_csv(buffer.as_slice()).unwrap();
        prop_assert_eq!(back, vec![row]);
    }
}
