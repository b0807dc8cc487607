//! Word lists of the twenty-eighth set: Norwegian given names (plain names, spelling families
//! that are one name to a clerk, and *inner-letter* pairs, two real names one letter apart that
//! are two people), surnames (with plus-one pairs such as `Hage`/`Hagen`), streets on a theme of
//! old crafts and trades (smiths, tanners, coopers, ropemakers, millers), the mailing house's
//! abbreviation table, a browser translator's English for street words and the Norwegian
//! spelling alphabet.

/// Men's given names outside any family or pair.
pub const MEN_PLAIN: &[&str] = &[
    "Sølve",
    "Ådne",
    "Øystein",
    "Jørund",
    "Torleif",
    "Asbjørn",
    "Gunnar",
    "Helge",
    "Ivar",
    "Jostein",
    "Leidulf",
    "Mons",
    "Njål",
    "Ottar",
    "Reidar",
    "Snorre",
    "Tarjei",
    "Ulf",
    "Vebjørn",
    "Aslak",
    "Brynjar",
    "Finn",
    "Gjermund",
    "Hallvard",
    "Inge",
    "Jardar",
    "Kolbjørn",
    "Mikkel",
    "Osvald",
    "Rolv",
    "Severin",
    "Ulrik",
    "Vemund",
    "Åge",
    "Ørnulf",
    "Bendik",
    "Dagfinn",
    "Eilif",
];

/// Women's given names outside any family or pair.
pub const WOMEN_PLAIN: &[&str] = &[
    "Gudrun",
    "Aslaug",
    "Borghild",
    "Dagrun",
    "Eldbjørg",
    "Gjertrud",
    "Halldis",
    "Inger",
    "Jorunn",
    "Lisbeth",
    "Magnhild",
    "Oddny",
    "Reidun",
    "Signe",
    "Åshild",
    "Øydis",
    "Bodil",
    "Cecilie",
    "Gunvor",
    "Helga",
    "Ingeborg",
    "Karen",
    "Laila",
    "Marta",
    "Nora",
    "Pernille",
    "Rannveig",
    "Sunniva",
    "Tordis",
    "Valborg",
    "Ylva",
    "Vårin",
];

/// Men's spelling families: one name to a clerk.
pub const MEN_FAMILIES: &[&[&str]] = &[
    &["Thomas", "Tomas"],
    &["Kristoffer", "Christoffer"],
    &["Carl", "Karl"],
    &["Tor", "Thor"],
    &["Christian", "Kristian"],
    &["Oskar", "Oscar"],
    &["Jakob", "Jacob"],
    &["Teodor", "Theodor"],
    &["Nikolai", "Nicolai"],
    &["Gustav", "Gustaf"],
];

/// Women's spelling families: one name to a clerk.
pub const WOMEN_FAMILIES: &[&[&str]] = &[
    &["Kristine", "Christine"],
    &["Karoline", "Caroline"],
    &["Sofie", "Sophie"],
    &["Thea", "Tea"],
    &["Kaja", "Kaia"],
    &["Monika", "Monica"],
    &["Susanne", "Suzanne"],
    &["Ellinor", "Elinor"],
    &["Mathilde", "Matilde"],
];

/// Men's inner-letter pairs: two real names, the second the first with one letter added (most
/// inside the name, not at its end); two people.
pub const MEN_PAIRS: &[(&str, &str)] = &[
    ("Erik", "Eirik"),
    ("Are", "Arne"),
    ("Sten", "Stein"),
    ("Egil", "Eigil"),
];

/// Women's inner-letter pairs.
pub const WOMEN_PAIRS: &[(&str, &str)] = &[
    ("Tone", "Tonje"),
    ("Ina", "Inga"),
    ("Åse", "Åsne"),
    ("Gro", "Guro"),
    ("Mari", "Marit"),
];

/// `Tor` (of the family `Tor`/`Thor`) and `Tore` are two people as well: `Tore`'s partner.
pub const TORE: (&str, &str) = ("Tor", "Tore");

/// Surnames outside any pair.
pub const SURNAMES: &[&str] = &[
    "Halvorsen",
    "Iversen",
    "Larsen",
    "Mathisen",
    "Berntsen",
    "Amundsen",
    "Gundersen",
    "Ellingsen",
    "Bjørnstad",
    "Hægeland",
    "Kvåle",
    "Sørli",
    "Mølster",
    "Grøtte",
    "Rørvik",
    "Tønnessen",
    "Hølås",
    "Skårdal",
    "Løvås",
    "Ræstad",
    "Krågeland",
    "Sæbø",
    "Nærland",
    "Ødven",
    "Østby",
    "Engebråten",
    "Haugland",
    "Kolstad",
    "Lyngstad",
    "Nordbø",
    "Rustad",
    "Vatne",
    "Ystebø",
    "Økland",
    "Fjellheim",
    "Gjerstad",
    "Hovland",
    "Karlsen",
    "Thorsen",
];

/// Surname plus-one pairs: two real surnames, the second the first with one letter added.
pub const SURNAME_PLUS_ONE: &[(&str, &str)] = &[
    ("Ness", "Nesse"),
    ("Eng", "Enge"),
    ("Sand", "Sande"),
    ("Hol", "Hole"),
    ("Lie", "Lien"),
    ("Hage", "Hagen"),
    ("Vik", "Vike"),
    ("Dahl", "Dahle"),
];

/// Street stems of the old crafts and trades, in compound form.
pub const STEMS: &[&str] = &[
    "Smie",
    "Garver",
    "Bøkker",
    "Repslager",
    "Kobberslager",
    "Hjulmaker",
    "Salmaker",
    "Skomaker",
    "Skredder",
    "Vever",
    "Farger",
    "Møller",
    "Brygger",
    "Kurvmaker",
    "Pottemaker",
    "Glassblåser",
    "Sølvsmed",
    "Gullsmed",
    "Urmaker",
    "Tinnstøper",
    "Bokbinder",
    "Tømmermann",
    "Tjærebrenner",
    "Kullbrenner",
    "Teglverk",
    "Hattemaker",
    "Buntmaker",
    "Knivsmed",
    "Snekker",
    "Dreier",
    "Steinhugger",
    "Lysstøper",
    "Såpekoker",
    "Rokkemaker",
    "Stampe",
    "Spinneri",
];

/// Street endings glued to a stem.
pub const ENDINGS: &[&str] = &[
    "veien", "gata", "bakken", "stien", "plassen", "tunet", "lia", "jordet", "løkka", "haugen",
    "svingen", "grenda", "moen",
];

/// Street prefixes.
pub const PREFIXES: &[&str] = &[
    "Øvre", "Nedre", "Søndre", "Nordre", "Store", "Lille", "Vestre", "Østre",
];

/// Craftspeople, artisans and early industrialists a street is named after, in the genitive:
/// given name (empty for one-word names) and surname.
pub const CRAFTSPEOPLE: &[(&str, &str)] = &[
    ("Jacob", "Aalls"),
    ("Peder", "Ankers"),
    ("Halvor", "Schous"),
    ("Knud", "Graahs"),
    ("Adam", "Hiorths"),
    ("Frida", "Hansens"),
    ("Hannah", "Ryggens"),
    ("Lars", "Kinsarviks"),
    ("Jacob", "Tostrups"),
    ("David", "Andersens"),
    ("Sam", "Eydes"),
    ("Peter", "Møllers"),
    ("Thorvald", "Meyers"),
    ("Magnus", "Dagestads"),
    ("Gerhard", "Munthes"),
    ("Kristian", "Birkelands"),
    ("Oluf", "Onsums"),
    ("", "Aalls"),
    ("", "Schous"),
    ("", "Hiorths"),
    ("", "Tostrups"),
];

/// Street types of person-named streets.
pub const PERSON_TYPES: &[&str] = &["vei", "gate", "plass", "allé"];

/// The mailing house's abbreviations of a street's first word (prefixes).
pub const PREFIX_ABBREVIATIONS: &[(&str, &str)] = &[
    ("Øvre", "Øvr."),
    ("Nedre", "Ndr."),
    ("Søndre", "Sdr."),
    ("Nordre", "Nrd."),
    ("Store", "St."),
    ("Lille", "Ll."),
    ("Vestre", "Vestr."),
    ("Østre", "Østr."),
];

/// The mailing house's contractions of a street's last word: an ending or a type and its short
/// form (`Smieveien` → `Smievn.`, `Aalls gate` → `Aalls gt.`). Ordered longest first.
pub const CONTRACTIONS: &[(&str, &str)] = &[
    ("plassen", "pl."),
    ("veien", "vn."),
    ("plass", "pl."),
    ("gata", "gt."),
    ("gate", "gt."),
    ("vei", "v."),
];

/// A browser translator's English for street words it knows (prefixes and types); compound
/// words it does not know are left as they are.
pub const ENGLISH: &[(&str, &str)] = &[
    ("Øvre", "Upper"),
    ("Nedre", "Lower"),
    ("Søndre", "Southern"),
    ("Nordre", "Northern"),
    ("Store", "Big"),
    ("Lille", "Little"),
    ("Vestre", "Western"),
    ("Østre", "Eastern"),
    ("vei", "road"),
    ("gate", "street"),
    ("plass", "square"),
    ("allé", "avenue"),
];

/// The Norwegian spelling alphabet's words for the house letters A–D (`C` written either way).
pub const SPELLING_ALPHABET: &[(char, &str)] = &[
    ('A', "Anna"),
    ('B', "Bernhard"),
    ('C', "Cæsar"),
    ('C', "Cesar"),
    ('D', "David"),
];

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

/// The inner-letter pairs of a sex (`Tor`/`Tore` among the men's).
pub fn pairs(sex: Sex) -> Vec<(&'static str, &'static str)> {
    match sex {
        Sex::Man => {
            let mut v = MEN_PAIRS.to_vec();
            v.push(TORE);
            v
        }
        Sex::Woman => WOMEN_PAIRS.to_vec(),
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
        for (a, b) in pairs(sex) {
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

/// The pair partner of a given name, if it has one.
pub fn given_partner(name: &str) -> Option<&'static str> {
    MEN_PAIRS
        .iter()
        .chain(WOMEN_PAIRS)
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
#[cfg(test)]
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

/// The mailing house's abbreviation of a street's first word: a prefix's from the table, a
/// person's given name as its initial with a dot.
pub fn abbreviation(word: &str) -> String {
    if let Some(&(_, short)) = PREFIX_ABBREVIATIONS.iter().find(|(w, _)| *w == word) {
        return short.to_string();
    }
    word.chars()
        .next()
        .map(|c| format!("{c}."))
        .unwrap_or_default()
}

/// The mailing house's contraction of a street's last word, if it has one.
pub fn contraction(word: &str) -> Option<String> {
    CONTRACTIONS.iter().find_map(|&(end, short)| {
        let stem = word.strip_suffix(end)?;
        Some(format!("{stem}{short}"))
    })
}

/// The browser translator's English for a street word, if it knows the word.
pub fn english(word: &str) -> Option<&'static str> {
    ENGLISH.iter().find(|(w, _)| *w == word).map(|&(_, e)| e)
}

/// The spelling alphabet's word for a house letter (upper case A–D).
pub fn spelling_word(letter: char) -> Option<&'static str> {
    SPELLING_ALPHABET
        .iter()
        .find(|(c, _)| *c == letter.to_ascii_uppercase())
        .map(|&(_, w)| w)
}
