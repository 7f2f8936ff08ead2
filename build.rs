//! Embeds `models/en_ewt.model` into the binary when it exists, so that `aras` runs with
//! no model file to carry around; without it the binary asks for `--model`.

fn main() {
    let model = std::path::Path::new("models/en_ewt.model");
    println!("cargo::rustc-check-cfg=cfg(aras_embedded_model)");
    println!("cargo::rerun-if-changed=models/en_ewt.model");
    println!("cargo::rerun-if-changed=models");
    if model.is_file() {
        println!("cargo::rustc-cfg=aras_embedded_model");
    }
}
