//! Locating the shared data folder that sits next to the repository.

use std::path::PathBuf;

/// `$ARAS_SHARED/<rel>`, else `<repo>/../shared/<rel>`; `None` (with a note on stderr)
/// when it is absent, so the test can skip instead of failing on a bare checkout.
pub fn shared_path(rel: &str) -> Option<PathBuf> {
    let base = std::env::var_os("ARAS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
    let path = base.join(rel);
    if path.exists() {
        Some(path)
    } else {
        eprintln!(
            "skipping: ../shared not found ({} does not exist; set ARAS_SHARED)",
            path.display()
        );
        None
    }
}
