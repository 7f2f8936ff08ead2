//! Integration tests of aras-relations, one test binary: the invented Caucasus fixture
//! (`fixture`), invariants over any rows (`invariants`), and the XML escaper (`xml`);
//! `common` holds the fixture's rows.

mod common;
mod fixture;
mod invariants;
mod xml;
