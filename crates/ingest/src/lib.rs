//! Reading documents from the formats users have: text with front matter, JSON Lines,
//! HTML, RSS/Atom feeds, directories and stdin.
