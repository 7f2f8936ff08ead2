//! Embeds the workspace's `models/en_ewt.model` into the extension when it exists, as the
//! `aras` binary does (its build.rs), so that an installed wheel needs no model file.

fn main() {
    let model = std::path::Path::new("../models/en_ewt.model");
    println!("cargo::rustc-check-cfg=cfg(aras_embedded_model)");
    println!("cargo::rerun-if-changed=../models/en_ewt.model");
    if model.is_file() {
        println!("cargo::rustc-cfg=aras_embedded_model");
    }
}
