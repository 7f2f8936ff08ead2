//! Time expressions: found in text and normalised TIMEX3-style against the document date and the discourse.
