//! Damaged and foreign `--db` files (issue 16): a truncated store, overwritten bytes,
//! another application's SQLite database, a file that is no database and a path that is
//! no file are each refused with their own error, and left byte for byte as they were.

use aras_store::{DocumentRecords, Store, StoreError};
use std::path::{Path, PathBuf};

/// A document with a body of `size` bytes, as `aras analyze` would describe it.
fn doc(n: usize, size: usize) -> DocumentRecords {
    let body: String = format!("Document {n}. ")
        .chars()
        .cycle()
        .take(size)
        .collect();
    let jsonl = format!(
        r#"{{"type":"document","doc_id":"d{n}","title":"Title {n}","date":"2025-06-14","source":"AFP","url":null,"sha256":"{n:064x}"}}"#
    );
    DocumentRecords::from_jsonl(body, &jsonl).unwrap()
}

/// A store of 40 documents, checkpointed so that everything is in the main file.
fn store(dir: &Path) -> PathBuf {
    let path = dir.join("aras.db");
    let mut store = Store::open(path.to_str().unwrap()).unwrap();
    let docs: Vec<_> = (0..40).map(|n| doc(n, 6000)).collect();
    assert_eq!(store.ingest(&docs).unwrap().stored, 40);
    drop(store);
    let c = rusqlite::Connection::open(&path).unwrap();
    c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    drop(c);
    assert!(!dir.join("aras.db-wal").exists());
    path
}

/// Opens `path` for writing and for reading (both ways), expecting each to fail with
/// `expected` and to leave the file exactly as it was.
fn refused(path: &Path, expected: fn(&StoreError) -> bool) {
    let before = std::fs::read(path).ok();
    let location = path.to_str().unwrap();
    let attempts = [
        ("open", Store::open(location).err()),
        ("open_for_reading", Store::open_for_reading(location).err()),
        ("open_read_only", Store::open_read_only(location).err()),
    ];
    for (how, err) in attempts {
        let err = err.unwrap_or_else(|| panic!("{how}: {location} was accepted"));
        assert!(expected(&err), "{how}: {err:?} ({err})");
        assert!(err.to_string().contains("left as it is"), "{how}: {err}");
        assert_eq!(std::fs::read(path).ok(), before, "{how} changed {location}");
    }
}

#[test]
fn issue16_a_truncated_store_is_refused_and_left_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = store(dir.path());
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    refused(&path, |e| matches!(e, StoreError::Damaged(_)));
}

#[test]
fn issue16_overwritten_bytes_in_a_store_are_refused_and_left_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = store(dir.path());
    let mut bytes = std::fs::read(&path).unwrap();
    // The header of the third page (a b-tree page): SQLite has no page checksums, so
    // bytes overwritten inside stored text cannot be told from text; a page's structure can.
    let page = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    bytes[2 * page..2 * page + 16].copy_from_slice(&[0xde; 16]);
    std::fs::write(&path, &bytes).unwrap();
    refused(&path, |e| matches!(e, StoreError::Damaged(_)));
    let err = Store::open(path.to_str().unwrap()).unwrap_err().to_string();
    assert!(
        err.starts_with("the database file is damaged (Tree 3 page 3: btreeInitPage()")
            && !err.contains('\n'),
        "{err}"
    );
}

#[test]
fn issue16_another_applications_database_is_not_given_arass_tables() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    let c = rusqlite::Connection::open(&path).unwrap();
    c.execute_batch("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('mine');")
        .unwrap();
    drop(c);
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(path.to_str().unwrap()).unwrap_err();
    assert!(matches!(err, StoreError::Foreign(_)), "{err:?}");
    assert_eq!(
        err.to_string(),
        "not an aras store (it has tables notes and no schema_version); left as it is"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(!dir.path().join("other.db-wal").exists());
    // Reads refuse it too (without the tables they need).
    assert!(Store::open_for_reading(path.to_str().unwrap()).is_err());
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn issue16_a_file_that_is_not_a_database_is_refused_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(
        &path,
        "Minutes of the meeting, not a database.\n".repeat(200),
    )
    .unwrap();
    refused(&path, |e| matches!(e, StoreError::NotADatabase));
    assert_eq!(
        Store::open(path.to_str().unwrap()).unwrap_err().to_string(),
        "not a SQLite database; left as it is"
    );
}

#[test]
fn issue16_a_path_that_is_not_a_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for path in [dir.path(), Path::new("/dev/null")] {
        if !path.exists() {
            continue;
        }
        for err in [
            Store::open(path.to_str().unwrap()).unwrap_err(),
            Store::open_for_reading(path.to_str().unwrap()).unwrap_err(),
        ] {
            assert!(matches!(err, StoreError::NotAFile), "{path:?}: {err:?}");
        }
    }
}

#[test]
fn issue16_a_new_path_and_an_empty_file_become_stores_and_a_store_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, "").unwrap();
    for path in [dir.path().join("new.db"), empty] {
        let mut store = Store::open(path.to_str().unwrap()).unwrap();
        assert_eq!(store.ingest(&[doc(1, 100)]).unwrap().stored, 1);
        drop(store);
        let mut again = Store::open(path.to_str().unwrap()).unwrap();
        assert_eq!(again.counts().unwrap().documents, 1);
        let mut reader = Store::open_for_reading(path.to_str().unwrap()).unwrap();
        assert_eq!(reader.counts().unwrap().documents, 1);
    }
}
