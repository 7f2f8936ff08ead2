//! Integration tests of aras-dict, one test binary: the actor data of the builtin
//! dictionaries (`actor_data`), the dictionaries and the matcher (`dict`), and the builtin
//! gazetteer (`gazetteer`).

mod actor_data;
mod dict;
mod gazetteer;
