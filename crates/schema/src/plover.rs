//! PLOVER event types (PLOVER manual, draft 0.8, 2021).

use crate::error::vocabulary;

vocabulary! {
    /// A PLOVER event type, written in capitals as the PLOVER manual writes it. `OTHER`
    /// holds the CAMEO codes PLOVER leaves out (public statements).
    pub enum PloverType ("PLOVER type") {
        Agree = "AGREE",
        Consult = "CONSULT",
        Support = "SUPPORT",
        Concede = "CONCEDE",
        Cooperate = "COOPERATE",
        Aid = "AID",
        Retreat = "RETREAT",
        Request = "REQUEST",
        Accuse = "ACCUSE",
        Reject = "REJECT",
        Threaten = "THREATEN",
        Protest = "PROTEST",
        Sanction = "SANCTION",
        Mobilize = "MOBILIZE",
        Coerce = "COERCE",
        Assault = "ASSAULT",
        Other = "OTHER",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_parse_in_any_case_and_write_in_capitals() {
        assert_eq!("assault".parse::<PloverType>(), Ok(PloverType::Assault));
        assert_eq!(PloverType::Assault.to_string(), "ASSAULT");
        let e = "NOTATYPE".parse::<PloverType>().unwrap_err().to_string();
        assert!(
            e.starts_with("invalid PLOVER type \"NOTATYPE\": expected AGREE, CONSULT"),
            "{e}"
        );
    }
}
