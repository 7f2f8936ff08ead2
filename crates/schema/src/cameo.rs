//! CAMEO event codes, their roots and quad classes, parsed once and compared as codes,
//! never as string prefixes.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::ParseError;

/// A CAMEO event code: two to four digits whose first two are a root from 01 to 20
/// (`"04"`, `"042"`, `"1056"`). Leading zeros are part of the code. Codes order as the
/// codebook lists them, and a code is [`within`](CameoCode::is_within) every shorter
/// code it extends (`"0421"` is within `"042"` and `"04"`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CameoCode {
    digits: [u8; 4],
    len: u8,
}

impl CameoCode {
    /// The code as written, leading zeros kept.
    pub fn as_str(&self) -> &str {
        // Only ASCII digits are ever stored.
        std::str::from_utf8(&self.digits[..self.len as usize]).expect("ASCII digits")
    }

    /// The two-digit root.
    pub fn root(&self) -> Root {
        Root((self.digits[0] - b'0') * 10 + (self.digits[1] - b'0'))
    }

    /// The quad class of the code's root.
    pub fn quad_class(&self) -> QuadClass {
        self.root().quad_class()
    }

    /// Whether this code is `parent` or one of its sub-codes (`"0421"` within `"04"`).
    pub fn is_within(&self, parent: &CameoCode) -> bool {
        self.len >= parent.len
            && self.digits[..parent.len as usize] == parent.digits[..parent.len as usize]
    }
}

impl FromStr for CameoCode {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let bad = || {
            ParseError::new(
                "CAMEO code",
                s,
                "2 to 4 digits with a root from 01 to 20 (04, 042, 1056)",
            )
        };
        if !(2..=4).contains(&t.len()) || !t.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let mut digits = [b'0'; 4];
        digits[..t.len()].copy_from_slice(t.as_bytes());
        let code = CameoCode {
            digits,
            len: t.len() as u8,
        };
        if !(1..=20).contains(&code.root().0) {
            return Err(bad());
        }
        Ok(code)
    }
}

/// A code equals the string it is written as: `code == "042"`.
impl PartialEq<str> for CameoCode {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for CameoCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Display for CameoCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for CameoCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CameoCode({:?})", self.as_str())
    }
}

impl Serialize for CameoCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CameoCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A CAMEO root, 01 to 20: the first two digits of every code. Written with two digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Root(u8);

impl Root {
    /// The root numbered `n`, if `n` is 1 to 20.
    pub const fn new(n: u8) -> Option<Root> {
        if n >= 1 && n <= 20 {
            Some(Root(n))
        } else {
            None
        }
    }

    /// Every root, 01 to 20.
    pub fn all() -> impl Iterator<Item = Root> {
        (1..=20).map(Root)
    }

    pub const fn number(self) -> u8 {
        self.0
    }

    /// Roots 01–05 verbal cooperation, 06–08 material cooperation, 09–13 verbal
    /// conflict, 14–20 material conflict.
    pub const fn quad_class(self) -> QuadClass {
        match self.0 {
            1..=5 => QuadClass::VerbalCooperation,
            6..=8 => QuadClass::MaterialCooperation,
            9..=13 => QuadClass::VerbalConflict,
            _ => QuadClass::MaterialConflict,
        }
    }

    /// The root as a two-digit code (`"04"`), for matching sub-codes with
    /// [`CameoCode::is_within`].
    pub fn code(self) -> CameoCode {
        let mut digits = [b'0'; 4];
        digits[0] = b'0' + self.0 / 10;
        digits[1] = b'0' + self.0 % 10;
        CameoCode { digits, len: 2 }
    }
}

impl FromStr for Root {
    type Err = ParseError;

    /// `"4"`, `"04"` and `"19"` are roots; `"99"`, `"042"` and `"x"` are not.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        t.parse::<u8>()
            .ok()
            .filter(|_| (1..=2).contains(&t.len()))
            .and_then(Root::new)
            .ok_or_else(|| ParseError::new("CAMEO root", s, "a number from 01 to 20"))
    }
}

/// A root equals its two-digit form: `root == "04"`.
impl PartialEq<str> for Root {
    fn eq(&self, other: &str) -> bool {
        other.len() == 2 && other.parse::<u8>() == Ok(self.0)
    }
}

impl PartialEq<&str> for Root {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

impl fmt::Display for Root {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}", self.0)
    }
}

impl Serialize for Root {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Root {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The four quad classes of CAMEO roots; written as the numbers 1 to 4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QuadClass {
    /// 1: roots 01–05.
    VerbalCooperation = 1,
    /// 2: roots 06–08.
    MaterialCooperation = 2,
    /// 3: roots 09–13.
    VerbalConflict = 3,
    /// 4: roots 14–20.
    MaterialConflict = 4,
}

impl QuadClass {
    pub const ALL: [QuadClass; 4] = [
        QuadClass::VerbalCooperation,
        QuadClass::MaterialCooperation,
        QuadClass::VerbalConflict,
        QuadClass::MaterialConflict,
    ];

    pub const fn number(self) -> u8 {
        self as u8
    }

    /// The quad class numbered `n` (1 to 4).
    pub const fn from_number(n: u8) -> Option<QuadClass> {
        match n {
            1 => Some(QuadClass::VerbalCooperation),
            2 => Some(QuadClass::MaterialCooperation),
            3 => Some(QuadClass::VerbalConflict),
            4 => Some(QuadClass::MaterialConflict),
            _ => None,
        }
    }

    /// Classes 1 and 2.
    pub const fn is_cooperative(self) -> bool {
        matches!(
            self,
            QuadClass::VerbalCooperation | QuadClass::MaterialCooperation
        )
    }

    /// Classes 3 and 4.
    pub const fn is_conflictual(self) -> bool {
        !self.is_cooperative()
    }
}

impl FromStr for QuadClass {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.trim()
            .parse::<u8>()
            .ok()
            .and_then(QuadClass::from_number)
            .ok_or_else(|| {
                ParseError::new(
                    "quad class",
                    s,
                    "1 (verbal cooperation), 2 (material cooperation), 3 (verbal conflict) or 4 (material conflict)",
                )
            })
    }
}

impl fmt::Display for QuadClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.number())
    }
}

impl Serialize for QuadClass {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.number())
    }
}

impl<'de> Deserialize<'de> for QuadClass {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = u8::deserialize(d)?;
        QuadClass::from_number(n)
            .ok_or_else(|| serde::de::Error::custom(format!("quad class {n} is not 1 to 4")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> CameoCode {
        s.parse().unwrap()
    }

    #[test]
    fn codes_parse_and_validate() {
        for ok in ["01", "04", "042", "0421", "1056", "20", "204", "2041"] {
            assert_eq!(code(ok).as_str(), ok);
            assert_eq!(code(ok).to_string(), ok);
        }
        for bad in [
            "", "0", "4", "00", "21", "99", "042x", "12345", "-04", "４２",
        ] {
            assert!(bad.parse::<CameoCode>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn roots_and_quad_classes_come_from_the_first_two_digits() {
        let cases = [
            ("010", 1, QuadClass::VerbalCooperation),
            ("057", 5, QuadClass::VerbalCooperation),
            ("06", 6, QuadClass::MaterialCooperation),
            ("0874", 8, QuadClass::MaterialCooperation),
            ("09", 9, QuadClass::VerbalConflict),
            ("138", 13, QuadClass::VerbalConflict),
            ("14", 14, QuadClass::MaterialConflict),
            ("195", 19, QuadClass::MaterialConflict),
            ("2042", 20, QuadClass::MaterialConflict),
        ];
        for (c, root, quad) in cases {
            assert_eq!(code(c).root().number(), root, "{c}");
            assert_eq!(code(c).quad_class(), quad, "{c}");
        }
    }

    #[test]
    fn sub_codes_are_within_their_parents_only() {
        assert!(code("0421").is_within(&code("042")));
        assert!(code("0421").is_within(&code("04")));
        assert!(code("04").is_within(&code("04")));
        assert!(!code("04").is_within(&code("042")));
        assert!(!code("043").is_within(&code("042")));
        assert!(!code("140").is_within(&code("13")));
        assert!(code("193").is_within(&Root::new(19).unwrap().code()));
    }

    #[test]
    fn codes_compare_as_the_codebook_orders_them() {
        // The comparisons the code used to make on strings ("code < 14") as codes.
        let fourteen = Root::new(14).unwrap().code();
        assert!(code("138") < fourteen);
        assert!(code("1056") < fourteen);
        assert!(code("14") >= fourteen);
        assert!(code("20") > fourteen);
        let mut v = [
            code("20"),
            code("042"),
            code("04"),
            code("0421"),
            code("10"),
        ];
        v.sort();
        let s: Vec<&str> = v.iter().map(CameoCode::as_str).collect();
        assert_eq!(s, ["04", "042", "0421", "10", "20"]);
    }

    #[test]
    fn roots_parse_from_one_or_two_digits() {
        assert_eq!("4".parse::<Root>().unwrap().to_string(), "04");
        assert_eq!("19".parse::<Root>().unwrap().to_string(), "19");
        for bad in ["0", "21", "99", "042", "x", ""] {
            let e = bad.parse::<Root>().unwrap_err();
            assert!(e.to_string().contains("01 to 20"), "{e}");
        }
        assert_eq!(Root::all().count(), 20);
    }

    #[test]
    fn serde_writes_codes_and_roots_as_strings_and_quad_classes_as_numbers() {
        assert_eq!(serde_json::to_string(&code("042")).unwrap(), "\"042\"");
        assert_eq!(
            serde_json::from_str::<CameoCode>("\"1056\"").unwrap(),
            code("1056")
        );
        assert!(serde_json::from_str::<CameoCode>("\"99\"").is_err());
        assert_eq!(
            serde_json::to_string(&code("042").root()).unwrap(),
            "\"04\""
        );
        assert_eq!(
            serde_json::to_string(&QuadClass::MaterialConflict).unwrap(),
            "4"
        );
        assert!(serde_json::from_str::<QuadClass>("5").is_err());
        assert!("5".parse::<QuadClass>().is_err());
        assert_eq!("2".parse::<QuadClass>(), Ok(QuadClass::MaterialCooperation));
    }
}
