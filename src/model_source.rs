//! Where the tagger/parser model comes from: `--model PATH`, else `ARAS_MODEL`, else the
//! model compiled into the binary (so a fresh `cargo run` needs no file and no network).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use aras_nlp::model::Model;

#[cfg(aras_embedded_model)]
static EMBEDDED: &[u8] =
    include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/models/en_ewt.model"));
#[cfg(not(aras_embedded_model))]
static EMBEDDED: &[u8] = &[];

/// Loads the model named by `--model`, `ARAS_MODEL`, or the embedded one, and says on
/// stderr how long that took unless `quiet`.
pub fn load(flag: Option<&Path>, quiet: bool) -> Result<Model> {
    let started = std::time::Instant::now();
    let model = load_from(flag)?;
    if !quiet {
        eprintln!(
            "aras: model loaded in {:.1} ms",
            started.elapsed().as_secs_f64() * 1e3
        );
    }
    Ok(model)
}

/// Everything `analyze` reads documents with: the model and the built-in dictionaries.
/// The gazetteer (a quarter of a second to build) is built while the model loads.
pub fn engine(flag: Option<&Path>, quiet: bool) -> Result<aras_pipeline::Engine> {
    let (model, gazetteer) = std::thread::scope(|scope| {
        let gazetteer = scope.spawn(aras_dict::Gazetteer::builtin);
        let model = load(flag, quiet);
        (model, gazetteer.join())
    });
    let gazetteer = match gazetteer {
        Ok(g) => g.context("the built-in gazetteer")?,
        Err(panic) => std::panic::resume_unwind(panic),
    };
    Ok(aras_pipeline::Engine {
        model: model?,
        dictionary: aras_dict::Dictionary::builtin().context("the built-in dictionaries")?,
        lexicon: aras_events::Lexicon::builtin().context("the built-in event lexicon")?,
        gazetteer,
    })
}

fn load_from(flag: Option<&Path>) -> Result<Model> {
    let path: Option<PathBuf> = flag
        .map(Path::to_path_buf)
        .or_else(|| std::env::var_os("ARAS_MODEL").map(PathBuf::from));
    match path {
        Some(p) => {
            let bytes =
                std::fs::read(&p).with_context(|| format!("cannot read model {}", p.display()))?;
            Model::from_bytes(&bytes)
                .with_context(|| format!("{} is not a usable aras model", p.display()))
        }
        None if EMBEDDED.is_empty() => anyhow::bail!(
            "this aras was built without a model (models/en_ewt.model was missing); \
             pass --model PATH or set ARAS_MODEL, or run `aras train`"
        ),
        None => Model::from_bytes(EMBEDDED).context("the embedded model is unusable"),
    }
}
