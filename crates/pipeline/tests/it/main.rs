//! Integration tests of aras-pipeline, one test binary: issue 4's PETRARCH unit-test
//! records coded with their own dictionaries (`issue4_petrarch`), issue 12's accuracy
//! floors on the gold set, the probe sentences, PLOVER and CASE 2021 (`issue12_floors`),
//! issue 12's event locations (`issue12_event_location`) and actor spans
//! (`issue12_actor_spans`), and issue 16's web page whose
//! sidebar headlines must not become events (`issue16_html`).

mod common;
mod issue12_actor_spans;
mod issue12_event_location;
mod issue12_floors;
mod issue16_html;
mod issue4_petrarch;
