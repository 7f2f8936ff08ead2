//! Integration tests of aras-text, one test binary: table-driven cases (`cases`),
//! properties (`props`), and, where `../shared` is present, tokenisation against EWT dev
//! (`ewt_tokens`) and sentence boundaries on GUM news (`gum_sentence_f1`).

mod cases;
mod ewt_tokens;
mod gum_sentence_f1;
mod props;
