//! One integration-test binary: snippets of our own in each format, a
//! property test, the real dictionaries in ../shared, and the shape of
//! dict/people.tsv.

mod people;
mod people_phoenix;
mod prop;
mod real_files;
mod records;
mod snippets;
