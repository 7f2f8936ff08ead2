//! The one error of this crate: a word that is not in a closed vocabulary.

/// A value that is not one of a vocabulary's words or codes, with the words that are.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {what} {value:?}: expected {expected}")]
pub struct ParseError {
    /// What was being parsed: "modality", "CAMEO code", ...
    pub what: &'static str,
    /// The value as given.
    pub value: String,
    /// The valid values, or a description of them.
    pub expected: String,
}

impl ParseError {
    pub(crate) fn new(what: &'static str, value: &str, expected: impl Into<String>) -> Self {
        ParseError {
            what,
            value: value.to_string(),
            expected: expected.into(),
        }
    }

    /// An error whose expected values are the words of a closed list.
    pub(crate) fn one_of(what: &'static str, value: &str, words: &[&str]) -> Self {
        ParseError::new(what, value, words.join(", "))
    }
}

/// Defines a closed vocabulary: an enum whose variants are written as fixed lowercase
/// (or given) words in JSON, on the command line and in the store, with `as_str`,
/// `ALL`, `Display`, `FromStr` (case-insensitive, the error lists the valid words) and
/// serde.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident ($what:literal) {
            $( $(#[$vmeta:meta])* $variant:ident = $word:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The word written in records, flags and the store.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $word),+
                }
            }
        }

        /// A word equals its written form: `modality == "asserted"`.
        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::ParseError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let t = s.trim();
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str().eq_ignore_ascii_case(t))
                    .ok_or_else(|| {
                        $crate::ParseError::one_of(
                            $what,
                            s,
                            &$name::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>(),
                        )
                    })
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

pub(crate) use vocabulary;
