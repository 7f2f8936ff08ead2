//! Part-of-speech tagging (UPOS + XPOS) and lemmas.
