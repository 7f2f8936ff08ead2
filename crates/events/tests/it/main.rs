//! Integration tests of aras-events, one test binary: the factuality fixture
//! (`factuality`), the mechanisms on hand-written parses (`handmade`), issue 4's quality
//! checks on real text (`issue4_quality`), issue 12's wire-news phrasings (`issue12_coding`), the lexicon and the pattern language (`lexicon`),
//! no panic whatever the parse (`no_panic`), and one snapshot per CAMEO root (`roots`);
//! `common` codes a sentence with the shipped model.

mod common;
mod factuality;
mod handmade;
mod issue12_coding;
mod issue4_quality;
mod lexicon;
mod no_panic;
mod roots;
