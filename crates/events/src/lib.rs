//! Event coding: who did what to whom, when, and whether the text says it happened.
