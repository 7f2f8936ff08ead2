//! Integration tests of aras-import, one test binary: snippets of our own in each
//! format, a property test, the real dictionaries in ../shared, the shape of
//! dict/people.tsv, the verb pattern converter (`patterns`), and lexicon/cameo-verbs.tsv
//! as the converter's output (`cameo_verbs`).

mod cameo_verbs;
mod fuzz_regressions;
mod patterns;
mod people;
mod people_phoenix;
mod prop;
mod real_files;
mod records;
mod snippets;
