//! Actor mentions: dictionary matches composed into coded actors, actors learned in the document, and coreference.
