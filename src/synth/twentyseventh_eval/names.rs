//! Word lists of the twenty-seventh set: Norwegian given names (plain names, spelling families
//! that are one name to a clerk, and *plus-one* pairs, two real names one added letter apart
//! that are two people), surnames (with plus-one pairs such as `Lund`/`Lunde`), and streets on a
//! seafaring theme (harbours, lighthouses, pilots and polar skippers).

/// Men's given names outside any family or pair.
pub const MEN_PLAIN: &[&str] = &[
    "Håkon",
    "Øyvind",
    "Åsmund",
    "Bjørn",
    "Sindre",
    "Eirik",
    "Vegard",
    "Sverre",
    "Halvor",
    "Gaute",
    "Torbjørn",
    "Ragnar",
    "Trygve",
    "Einar",
    "Magne",
    "Ørjan",
    "Dag",
    "Geir",
    "Rune",
    "Lars",
    "Erlend",
    "Sigurd",
    "Audun",
    "Knut",
    "Steinar",
    "Vidar",
    "Arild",
    "Kjetil",
    "Bård",
    "Nils",
    "Per",
    "Morten",
    "Espen",
    "Ståle",
    "Petter",
    "Anders",
    "Yngve",
    "Gudbrand",
];

/// Women's given names outside any family or pair.
pub const WOMEN_PLAIN: &[&str] = &[
    "Åse", "Synnøve", "Ingrid", "Solveig", "Ragnhild", "Sigrid", "Astrid", "Gunhild", "Tone",
    "Hege", "Silje", "Marte", "Ingvild", "Guro", "Bergljot", "Dagny", "Liv", "Torill", "Randi",
    "Grete", "Heidi", "Vigdis", "Brit", "Turid", "Kjersti", "Maren", "Oda", "Tuva", "Frøydis",
    "Irene", "Målfrid", "Sølvi",
];

/// Men's spelling families: one name to a clerk. The first is the name-day almanac's form.
pub const MEN_FAMILIES: &[&[&str]] = &[
    &["Tomas", "Thomas"],
    &["Kristoffer", "Christoffer"],
    &["Karl", "Carl"],
    &["Tor", "Thor"],
    &["Kristian", "Christian"],
    &["Matias", "Mathias"],
    &["Aksel", "Axel"],
    &["Filip", "Philip"],
    &["Leiv", "Leif"],
    &["Henrik", "Hendrik"],
];

/// Women's spelling families: one name to a clerk. The first is the almanac's form.
pub const WOMEN_FAMILIES: &[&[&str]] = &[
    &["Kristine", "Christine"],
    &["Katrine", "Kathrine", "Cathrine"],
    &["Kamilla", "Camilla"],
    &["Sara", "Sarah"],
    &["Hanna", "Hannah"],
    &["Emilie", "Emelie"],
    &["Veronika", "Veronica"],
    &["Rebekka", "Rebecca"],
    &["Elisabet", "Elisabeth"],
];

/// Men's plus-one pairs: two real names, the second the first with one letter added; two people.
pub const MEN_PLUS_ONE: &[(&str, &str)] = &[("Ola", "Olav"), ("Jo", "Jon"), ("Ask", "Aske")];

/// Women's plus-one pairs.
pub const WOMEN_PLUS_ONE: &[(&str, &str)] = &[
    ("Eli", "Elin"),
    ("Kari", "Karin"),
    ("Hild", "Hilde"),
    ("Unn", "Unni"),
];

/// `Tor` (of the family `Tor`/`Thor`) and `Tore` are two people as well: `Tore`'s partner.
pub const TORE: (&str, &str) = ("Tor", "Tore");

/// Surnames outside any pair.
pub const SURNAMES: &[&str] = &[
    "Andersen",
    "Hansen",
    "Olsen",
    "Pedersen",
    "Nilsen",
    "Kristiansen",
    "Jensen",
    "Johansen",
    "Eriksen",
    "Solberg",
    "Nygård",
    "Tangen",
    "Brekke",
    "Myklebust",
    "Fjeldstad",
    "Sørensen",
    "Jørgensen",
    "Sæther",
    "Bråten",
    "Ødegård",
    "Løvlie",
    "Rønning",
    "Håland",
    "Strømme",
    "Dæhlie",
    "Kleppe",
    "Rødland",
    "Grønvold",
    "Skjærvø",
    "Værnes",
    "Mæland",
    "Tveit",
    "Fosse",
    "Øverland",
    "Åkre",
    "Sjøberg",
    "Brøndbo",
    "Furuseth",
    "Kjøsnes",
    "Gjærde",
    "Løkkeberg",
];

/// Surname plus-one pairs: two real surnames, the second the first with one letter added.
pub const SURNAME_PLUS_ONE: &[(&str, &str)] = &[
    ("Lund", "Lunde"),
    ("Berg", "Berge"),
    ("Haug", "Hauge"),
    ("Holm", "Holme"),
    ("Bakke", "Bakken"),
    ("Moe", "Moen"),
    ("Dal", "Dale"),
    ("Øye", "Øyen"),
    ("Næs", "Næss"),
];

/// Street stems of the seafaring theme, in compound form.
pub const STEMS: &[&str] = &[
    "Fyrlykt",
    "Fyrvokter",
    "Los",
    "Anker",
    "Kompass",
    "Seilmaker",
    "Skipsreder",
    "Bøye",
    "Brygge",
    "Notbøter",
    "Båtsmann",
    "Styrmann",
    "Kaptein",
    "Matros",
    "Havne",
    "Skjærgård",
    "Sjømerke",
    "Varde",
    "Tåkelur",
    "Fiskevær",
    "Rorbu",
    "Nøst",
    "Verft",
    "Kutter",
    "Jekt",
    "Skøyte",
    "Fembøring",
    "Tollbod",
    "Pakkhus",
    "Fortøyning",
    "Taulager",
    "Kjølhal",
    "Galionsfigur",
    "Fjære",
    "Havbris",
    "Ærfugl",
];

/// Street endings glued to a stem.
pub const ENDINGS: &[&str] = &[
    "veien", "gata", "bakken", "stien", "kaia", "svingen", "lia", "haugen", "tunet", "kroken",
    "odden", "neset", "vika",
];

/// Street prefixes.
pub const PREFIXES: &[&str] = &[
    "Øvre", "Nedre", "Søndre", "Nordre", "Store", "Lille", "Vestre", "Østre",
];

/// Seafarers, polar skippers and shipowners a street is named after, in the genitive: given
/// name (empty for one-word names) and surname.
pub const SEAFARERS: &[(&str, &str)] = &[
    ("Fridtjof", "Nansens"),
    ("Roald", "Amundsens"),
    ("Otto", "Sverdrups"),
    ("Colin", "Archers"),
    ("Hjalmar", "Johansens"),
    ("Helmer", "Hanssens"),
    ("Oscar", "Wistings"),
    ("Carsten", "Borchgrevinks"),
    ("Svend", "Foyns"),
    ("Anders", "Jahres"),
    ("Christian", "Radichs"),
    ("Thor", "Heyerdahls"),
    ("Peter", "Wessels"),
    ("Olav", "Bjaalands"),
    ("Sverre", "Hassels"),
    ("Gunnar", "Isachsens"),
    ("Adolf", "Lindstrøms"),
    ("Cort", "Adelers"),
    ("", "Tordenskjolds"),
    ("", "Nansens"),
    ("", "Amundsens"),
    ("", "Heyerdahls"),
];

/// Street types of person-named streets.
pub const PERSON_TYPES: &[&str] = &["vei", "gate", "plass", "allé"];

/// Sex of a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    /// A man.
    Man,
    /// A woman.
    Woman,
}

/// The plain names of a sex.
pub fn plain(sex: Sex) -> &'static [&'static str] {
    match sex {
        Sex::Man => MEN_PLAIN,
        Sex::Woman => WOMEN_PLAIN,
    }
}

/// The spelling families of a sex.
pub fn families(sex: Sex) -> &'static [&'static [&'static str]] {
    match sex {
        Sex::Man => MEN_FAMILIES,
        Sex::Woman => WOMEN_FAMILIES,
    }
}

/// The plus-one pairs of a sex (`Tor`/`Tore` among the men's).
pub fn plus_one(sex: Sex) -> Vec<(&'static str, &'static str)> {
    match sex {
        Sex::Man => {
            let mut v = MEN_PLUS_ONE.to_vec();
            v.push(TORE);
            v
        }
        Sex::Woman => WOMEN_PLUS_ONE.to_vec(),
    }
}

/// Every given name of the lists (both sexes).
pub fn all_given() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = Vec::new();
    for sex in [Sex::Man, Sex::Woman] {
        v.extend_from_slice(plain(sex));
        for f in families(sex) {
            v.extend_from_slice(f);
        }
        for (a, b) in plus_one(sex) {
            for n in [a, b] {
                if !v.contains(&n) {
                    v.push(n);
                }
            }
        }
    }
    v
}

/// Every surname of the lists.
pub fn all_surnames() -> Vec<&'static str> {
    let mut v = SURNAMES.to_vec();
    for &(a, b) in SURNAME_PLUS_ONE {
        v.push(a);
        v.push(b);
    }
    v
}

/// The spelling family a given name belongs to, if any.
pub fn family_of(name: &str) -> Option<&'static [&'static str]> {
    MEN_FAMILIES
        .iter()
        .chain(WOMEN_FAMILIES)
        .copied()
        .find(|f| f.iter().any(|n| n.eq_ignore_ascii_case(name)))
}

/// The plus-one partner of a given name, if it has one.
pub fn given_partner(name: &str) -> Option<&'static str> {
    MEN_PLUS_ONE
        .iter()
        .chain(WOMEN_PLUS_ONE)
        .chain(std::iter::once(&TORE))
        .find_map(|&(a, b)| {
            if a == name {
                Some(b)
            } else if b == name {
                Some(a)
            } else {
                None
            }
        })
}

/// The plus-one partner of a surname, if it has one.
pub fn surname_partner(name: &str) -> Option<&'static str> {
    SURNAME_PLUS_ONE.iter().find_map(|&(a, b)| {
        if a == name {
            Some(b)
        } else if b == name {
            Some(a)
        } else {
            None
        }
    })
}

/// Whether two given names are one name to a clerk (equal or of one family).
pub fn same_given(a: &str, b: &str) -> bool {
    a == b || family_of(a).is_some_and(|f| f.contains(&b))
}

/// The hand/SMS short form of a street's first word: a prefix's first letter (`St` for `Store`),
/// a seafarer's initial.
pub fn short_form(word: &str) -> String {
    if word == "Store" {
        return "St".into();
    }
    word.chars().next().map(String::from).unwrap_or_default()
}
