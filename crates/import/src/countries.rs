//! ISO 3166-1 alpha-3 codes (plus the few non-ISO codes CAMEO uses) with English
//! names, used only to guess whether an imported actor entry names a country.
//!
//! Written for this crate from general knowledge; one line per code,
//! `CODE<TAB>name|alternative name|...`.

const TABLE: &str = "\
ABW\tAruba
AFG\tAfghanistan
AGO\tAngola
AIA\tAnguilla
ALA\tAland Islands
ALB\tAlbania
AND\tAndorra
ARE\tUnited Arab Emirates|Emirates|UAE
ARG\tArgentina|Argentine Republic
ARM\tArmenia
ASM\tAmerican Samoa
ATA\tAntarctica
ATF\tFrench Southern Territories
ATG\tAntigua and Barbuda|Antigua
AUS\tAustralia
AUT\tAustria
AZE\tAzerbaijan
BDI\tBurundi
BEL\tBelgium
BEN\tBenin|Dahomey
BES\tBonaire
BFA\tBurkina Faso|Upper Volta
BGD\tBangladesh|East Pakistan
BGR\tBulgaria
BHR\tBahrain
BHS\tBahamas
BIH\tBosnia and Herzegovina|Bosnia|Herzegovina
BLM\tSaint Barthelemy
BLR\tBelarus|Byelorussia|Belorussia
BLZ\tBelize|British Honduras
BMU\tBermuda
BOL\tBolivia
BRA\tBrazil
BRB\tBarbados
BRN\tBrunei
BTN\tBhutan
BVT\tBouvet Island
BWA\tBotswana|Bechuanaland
CAF\tCentral African Republic
CAN\tCanada
CCK\tCocos Islands|Keeling Islands
CHE\tSwitzerland|Swiss Confederation
CHL\tChile
CHN\tChina|People's Republic of China
CIV\tIvory Coast|Cote d'Ivoire
CMR\tCameroon
COD\tDemocratic Republic of the Congo|Congo Kinshasa|Zaire
COG\tRepublic of the Congo|Congo Brazzaville|Congo
COK\tCook Islands
COL\tColombia
COM\tComoros
CPV\tCape Verde|Cabo Verde
CRI\tCosta Rica
CUB\tCuba
CUW\tCuracao
CXR\tChristmas Island
CYM\tCayman Islands
CYP\tCyprus
CZE\tCzech Republic|Czechia|Czechoslovakia
DEU\tGermany|Federal Republic of Germany|West Germany
DJI\tDjibouti
DMA\tDominica
DNK\tDenmark
DOM\tDominican Republic
DZA\tAlgeria
ECU\tEcuador
EGY\tEgypt
ERI\tEritrea
ESH\tWestern Sahara
ESP\tSpain
EST\tEstonia
ETH\tEthiopia|Abyssinia
FIN\tFinland
FJI\tFiji
FLK\tFalkland Islands|Falklands|Malvinas
FRA\tFrance|French Republic
FRO\tFaroe Islands
FSM\tMicronesia
GAB\tGabon
GBR\tUnited Kingdom|Britain|Great Britain|England|UK
GEO\tGeorgia
GGY\tGuernsey
GHA\tGhana|Gold Coast
GIB\tGibraltar
GIN\tGuinea
GLP\tGuadeloupe
GMB\tGambia
GNB\tGuinea-Bissau
GNQ\tEquatorial Guinea
GRC\tGreece|Hellenic Republic
GRD\tGrenada
GRL\tGreenland
GTM\tGuatemala
GUF\tFrench Guiana
GUM\tGuam
GUY\tGuyana|British Guiana
HKG\tHong Kong
HMD\tHeard Island and McDonald Islands
HND\tHonduras
HRV\tCroatia
HTI\tHaiti
HUN\tHungary
IDN\tIndonesia
IMN\tIsle of Man
IND\tIndia
IOT\tBritish Indian Ocean Territory
IRL\tIreland|Eire
IRN\tIran|Persia
IRQ\tIraq
ISL\tIceland
ISR\tIsrael
ITA\tItaly
JAM\tJamaica
JEY\tJersey
JOR\tJordan
JPN\tJapan
KAZ\tKazakhstan
KEN\tKenya
KGZ\tKyrgyzstan|Kirghizia
KHM\tCambodia|Kampuchea
KIR\tKiribati
KNA\tSaint Kitts and Nevis
KOR\tSouth Korea|Republic of Korea|Korea
KWT\tKuwait
LAO\tLaos
LBN\tLebanon
LBR\tLiberia
LBY\tLibya
LCA\tSaint Lucia
LIE\tLiechtenstein
LKA\tSri Lanka|Ceylon
LSO\tLesotho|Basutoland
LTU\tLithuania
LUX\tLuxembourg
LVA\tLatvia
MAC\tMacau|Macao
MAF\tSaint Martin
MAR\tMorocco
MCO\tMonaco
MDA\tMoldova|Moldavia
MDG\tMadagascar
MDV\tMaldives
MEX\tMexico
MHL\tMarshall Islands
MKD\tNorth Macedonia|Macedonia
MLI\tMali
MLT\tMalta
MMR\tMyanmar|Burma
MNE\tMontenegro
MNG\tMongolia
MNP\tNorthern Mariana Islands
MOZ\tMozambique
MRT\tMauritania
MSR\tMontserrat
MTQ\tMartinique
MUS\tMauritius
MWI\tMalawi|Nyasaland
MYS\tMalaysia|Malaya
MYT\tMayotte
NAM\tNamibia|South West Africa
NCL\tNew Caledonia
NER\tNiger
NFK\tNorfolk Island
NGA\tNigeria
NIC\tNicaragua
NIU\tNiue
NLD\tNetherlands|Holland
NOR\tNorway
NPL\tNepal
NRU\tNauru
NZL\tNew Zealand
OMN\tOman
PAK\tPakistan
PAN\tPanama
PCN\tPitcairn Islands
PER\tPeru
PHL\tPhilippines
PLW\tPalau
PNG\tPapua New Guinea
POL\tPoland
PRI\tPuerto Rico
PRK\tNorth Korea|Democratic People's Republic of Korea
PRT\tPortugal
PRY\tParaguay
PSE\tPalestine|Palestinian Territories|Occupied Palestinian Territories
PYF\tFrench Polynesia
QAT\tQatar
REU\tReunion
ROU\tRomania|Rumania
RUS\tRussia|Russian Federation|Soviet Union|USSR
RWA\tRwanda
SAU\tSaudi Arabia
SDN\tSudan
SEN\tSenegal
SGP\tSingapore
SGS\tSouth Georgia and the South Sandwich Islands
SHN\tSaint Helena
SJM\tSvalbard and Jan Mayen
SLB\tSolomon Islands
SLE\tSierra Leone
SLV\tEl Salvador
SMR\tSan Marino
SOM\tSomalia
SPM\tSaint Pierre and Miquelon
SRB\tSerbia|Yugoslavia
SSD\tSouth Sudan
STP\tSao Tome and Principe
SUR\tSuriname|Surinam
SVK\tSlovakia
SVN\tSlovenia
SWE\tSweden
SWZ\tEswatini|Swaziland
SXM\tSint Maarten
SYC\tSeychelles
SYR\tSyria
TCA\tTurks and Caicos Islands
TCD\tChad
TGO\tTogo
THA\tThailand|Siam
TJK\tTajikistan
TKL\tTokelau
TKM\tTurkmenistan
TLS\tEast Timor|Timor-Leste
TON\tTonga
TTO\tTrinidad and Tobago|Trinidad
TUN\tTunisia
TUR\tTurkey|Turkiye
TUV\tTuvalu
TWN\tTaiwan|Republic of China|Formosa
TZA\tTanzania|Tanganyika|Zanzibar
UGA\tUganda
UKR\tUkraine
UMI\tUnited States Minor Outlying Islands
URY\tUruguay
USA\tUnited States|United States of America|America|USA|US
UZB\tUzbekistan
VAT\tVatican|Holy See|Vatican City
VCT\tSaint Vincent and the Grenadines
VEN\tVenezuela
VGB\tBritish Virgin Islands
VIR\tUnited States Virgin Islands|US Virgin Islands
VNM\tVietnam|Viet Nam
VUT\tVanuatu|New Hebrides
WLF\tWallis and Futuna
WSM\tSamoa|Western Samoa
YEM\tYemen
ZAF\tSouth Africa
ZMB\tZambia|Northern Rhodesia
ZWE\tZimbabwe|Rhodesia
KSV\tKosovo
XKX\tKosovo
";

/// Names of the country with this 3-letter code (upper case), if it is one.
pub(crate) fn country_names(code: &str) -> Option<impl Iterator<Item = &'static str>> {
    TABLE.lines().find_map(|line| {
        let (c, names) = line.split_once('\t')?;
        (c == code).then(|| names.split('|'))
    })
}

/// Is `code` (upper case) a country code we know?
pub(crate) fn is_country(code: &str) -> bool {
    country_names(code).is_some()
}

/// Letters only, upper-cased.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Does `form` name the country `code`? True when the form equals the code, or
/// when the form and one of the country's names share their first letters
/// (at least 4, or all of the shorter one): "AFGHAN" and "AFGHANISTAN",
/// "ISRAELI" and "ISRAEL", "UNITED_STATES" and "United States of America".
pub(crate) fn form_names_country(form: &str, code: &str) -> bool {
    let f = squash(form);
    if f.is_empty() {
        return false;
    }
    if f == code {
        return true;
    }
    let Some(names) = country_names(code) else {
        return false;
    };
    for name in names {
        let n = squash(name);
        let common = f.chars().zip(n.chars()).take_while(|(a, b)| a == b).count();
        let shorter = f.chars().count().min(n.chars().count());
        if f == n || (common == shorter && shorter >= 4) || common >= 5 {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match() {
        assert!(form_names_country("AFGHAN_", "AFG"));
        assert!(form_names_country("United States", "USA"));
        assert!(form_names_country("ISRAELI", "ISR"));
        assert!(!form_names_country("ABADAN", "IRN"));
        assert!(!form_names_country("ATHENS", "GRC"));
        assert!(is_country("AZE"));
        assert!(!is_country("IGO"));
    }
}
