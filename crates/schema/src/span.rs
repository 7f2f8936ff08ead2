//! Byte spans into a document body.

use serde::{Deserialize, Serialize};

/// A half-open range of UTF-8 byte offsets into a document body (`end` exclusive), the
/// unit every record's evidence is given in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The text of the span, or "" when it does not fall on character boundaries of `body`.
    pub fn text(self, body: &str) -> &str {
        body.get(self.start..self.end).unwrap_or("")
    }

    /// Whether byte `at` lies inside the span.
    pub const fn contains(self, at: usize) -> bool {
        self.start <= at && at < self.end
    }

    /// Whether the two spans share at least one byte.
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl From<(usize, usize)> for Span {
    fn from((start, end): (usize, usize)) -> Span {
        Span { start, end }
    }
}

impl From<Span> for (usize, usize) {
    fn from(s: Span) -> (usize, usize) {
        (s.start, s.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_slice_and_compare() {
        let body = "Bakı and Tehran";
        let s = Span::new(0, 5);
        assert_eq!(s.text(body), "Bakı");
        assert_eq!(Span::new(0, 4).text(body), "", "not a character boundary");
        assert_eq!(Span::new(10, 99).text(body), "");
        assert!(s.contains(0) && s.contains(4) && !s.contains(5));
        assert!(s.overlaps(Span::new(4, 9)) && !s.overlaps(Span::new(5, 9)));
        assert_eq!(Span::new(3, 1).len(), 0);
        assert!(Span::new(3, 3).is_empty());
    }
}
