//! What the integration tests share: the engine over the committed model and the built-in
//! dictionaries, lexicon and gazetteer.

use aras_pipeline::Engine;

/// The engine of `aras analyze`, or `None` (saying so) where the model file is absent.
pub fn engine() -> Option<Engine> {
    let root = aras_testkit::workspace_root();
    let Ok(bytes) = std::fs::read(root.join("models/en_ewt.model")) else {
        eprintln!("skipped: no models/en_ewt.model");
        return None;
    };
    Some(Engine {
        model: aras_nlp::model::Model::from_bytes(&bytes).expect("model loads"),
        dictionary: aras_dict::Dictionary::builtin().expect("built-in dictionaries"),
        lexicon: aras_events::Lexicon::builtin().expect("built-in lexicon"),
        gazetteer: aras_dict::Gazetteer::builtin().expect("built-in gazetteer"),
    })
}
