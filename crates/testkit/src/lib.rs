//! Test support for the aras workspace (a dev-dependency only, never published).
//!
//! The corpora, gold files and foreign dictionaries the tests measure against are too large
//! (or licensed too differently) for the repository. They live in the *shared data folder*:
//! `../shared`, beside the workspace root, where CI puts it; the environment variable
//! `ARAS_SHARED` names another place. A test that needs it must pass on a bare checkout and
//! say why it did nothing:
//!
//! ```
//! // In tests/it/seed.rs, under #[test]:
//! fn seed_article_reads() {
//!     // The path if it exists, else a `skipped: …` line on stderr and `return`.
//!     let article = aras_testkit::require_shared!("corpus/seed/article.txt");
//!     let text = std::fs::read_to_string(article).unwrap();
//!     assert!(!text.is_empty());
//! }
//! # seed_article_reads();
//! ```
//!
//! The skip line goes to the process's standard error directly, not through the test
//! harness's capture, so `cargo test` shows it even for a test that passes.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The environment variable that overrides where the shared data folder is.
pub const ENV: &str = "ARAS_SHARED";

/// The workspace root: the folder of the top-level `Cargo.toml` (this crate is
/// `crates/testkit` below it).
pub fn workspace_root() -> &'static Path {
    let manifest: &'static Path = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .and_then(Path::parent)
        .expect("aras-testkit lives at crates/testkit in the workspace")
}

/// Where the shared data folder is expected: `$ARAS_SHARED` when set and not empty, else
/// `../shared` beside the workspace root. It may not exist; see [`shared_dir`].
pub fn shared_location() -> PathBuf {
    match std::env::var_os(ENV) {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => workspace_root()
            .parent()
            .map(|above| above.join("shared"))
            .unwrap_or_else(|| PathBuf::from("../shared")),
    }
}

/// The shared data folder, or `None` when it does not exist.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = shared_location();
    dir.is_dir().then_some(dir)
}

/// `rel` (a file or folder) inside the shared data folder, or `None` when either is
/// absent.
pub fn shared_path(rel: impl AsRef<Path>) -> Option<PathBuf> {
    let path = shared_dir()?.join(rel);
    path.exists().then_some(path)
}

/// Why `rel` inside the shared data folder (the folder itself when `rel` is `None`) is not
/// available, as one line: `skipped: ../shared not found (set ARAS_SHARED)` and where it
/// was looked for.
pub fn skip_reason(rel: Option<&Path>) -> String {
    let dir = shared_location();
    let overridden = std::env::var_os(ENV).is_some_and(|d| !d.is_empty());
    let folder = if overridden {
        format!("{ENV}={}", dir.display())
    } else {
        "../shared".to_string()
    };
    if !dir.is_dir() {
        return if overridden {
            format!("skipped: {folder} not found")
        } else {
            format!(
                "skipped: ../shared not found at {} (set {ENV})",
                dir.display()
            )
        };
    }
    match rel {
        Some(rel) => format!("skipped: {} not found in {folder}", rel.display()),
        None => format!("skipped: {folder} not found"),
    }
}

/// Says on the process's standard error (past the test harness's capture) that the
/// running test skips, and why. `reason` is one line such as [`skip_reason`] returns.
pub fn report_skip(reason: &str) {
    let thread = std::thread::current();
    let test = match thread.name() {
        Some(name) if name != "main" => format!("{name}: "),
        _ => String::new(),
    };
    // Ignore a closed stderr: a skip note is not worth a panic.
    let _ = writeln!(std::io::stderr().lock(), "{test}{reason}");
}

/// In a test function: the shared data folder (`require_shared!()`) or a path inside it
/// (`require_shared!("data/ud/en_ewt-ud-dev.conllu")`), as a `PathBuf`. When it is absent
/// the test says why on stderr ([`report_skip`]) and returns (the function's
/// `Default::default()`, `()` for a test), so it passes on a checkout without `../shared`.
#[macro_export]
macro_rules! require_shared {
    () => {
        match $crate::shared_dir() {
            ::std::option::Option::Some(dir) => dir,
            ::std::option::Option::None => {
                $crate::report_skip(&$crate::skip_reason(::std::option::Option::None));
                return ::std::default::Default::default();
            }
        }
    };
    ($rel:expr) => {{
        let rel: &::std::path::Path = ::std::convert::AsRef::as_ref(&$rel);
        match $crate::shared_path(rel) {
            ::std::option::Option::Some(path) => path,
            ::std::option::Option::None => {
                $crate::report_skip(&$crate::skip_reason(::std::option::Option::Some(rel)));
                return ::std::default::Default::default();
            }
        }
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workspace_root_holds_the_workspace_manifest() {
        let manifest = std::fs::read_to_string(workspace_root().join("Cargo.toml")).unwrap();
        assert!(manifest.contains("[workspace]"));
    }

    #[test]
    fn a_missing_path_skips_with_its_name() {
        fn probe() -> Option<PathBuf> {
            let path = require_shared!("no/such/file.txt");
            Some(path)
        }
        assert_eq!(probe(), None);
        let reason = skip_reason(Some(Path::new("no/such/file.txt")));
        assert!(reason.starts_with("skipped: "), "{reason}");
        if shared_dir().is_some() {
            assert!(reason.contains("no/such/file.txt"), "{reason}");
        } else {
            assert!(reason.contains("not found"), "{reason}");
        }
    }
}
