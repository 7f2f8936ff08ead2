//! Per-line bookkeeping: every input line ends up loaded, ignored (blank,
//! comment, markup) or rejected with a reason; nothing is dropped silently.

use crate::Rejection;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Open,
    Loaded,
    Ignored,
    Rejected,
}

pub(crate) struct Ledger<'a> {
    lines: Vec<&'a str>,
    fates: Vec<Fate>,
    rejected: Vec<Rejection>,
}

impl<'a> Ledger<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let lines: Vec<&str> = text.lines().collect();
        let fates = vec![Fate::Open; lines.len()];
        Ledger {
            lines,
            fates,
            rejected: Vec::new(),
        }
    }

    pub(crate) fn lines(&self) -> &[&'a str] {
        &self.lines
    }

    pub(crate) fn loaded(&mut self, idx: usize) {
        if self.fates[idx] == Fate::Open {
            self.fates[idx] = Fate::Loaded;
        }
    }

    pub(crate) fn ignored(&mut self, idx: usize) {
        if self.fates[idx] == Fate::Open {
            self.fates[idx] = Fate::Ignored;
        }
    }

    pub(crate) fn reject(&mut self, idx: usize, reason: impl Into<String>) {
        if self.fates[idx] == Fate::Open {
            self.fates[idx] = Fate::Rejected;
            self.rejected.push(Rejection {
                line: idx + 1,
                text: self.lines[idx].to_string(),
                reason: reason.into(),
            });
        }
    }

    /// Closes the books: a line nobody claimed is rejected (a bug, but never
    /// a silent drop). Returns (lines_read, loaded, ignored, rejections).
    pub(crate) fn finish(mut self) -> (usize, usize, usize, Vec<Rejection>) {
        for i in 0..self.fates.len() {
            if self.fates[i] == Fate::Open {
                self.reject(i, "internal: line not accounted for");
            }
        }
        let loaded = self.fates.iter().filter(|f| **f == Fate::Loaded).count();
        let ignored = self.fates.iter().filter(|f| **f == Fate::Ignored).count();
        self.rejected.sort_by_key(|r| r.line);
        (self.lines.len(), loaded, ignored, self.rejected)
    }
}

/// Tracks `<!-- ... -->` comments that may span lines. Returns true when the
/// line is (part of) such a comment.
#[derive(Default)]
pub(crate) struct XmlComment {
    open: bool,
}

impl XmlComment {
    pub(crate) fn eat(&mut self, trimmed: &str) -> bool {
        if self.open {
            if trimmed.contains("-->") {
                self.open = false;
            }
            return true;
        }
        if trimmed.starts_with("<!") {
            self.open = !trimmed.contains("-->") && !trimmed.ends_with('>');
            return true;
        }
        false
    }
}
