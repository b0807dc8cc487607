//! Word lists of the thirtieth set: Norwegian given names (plain names, many of them in
//! *prefix groups* that begin alike but are other names, such as `Tormod`/`Torgeir`, and
//! spelling families that are one name to a clerk, such as `Thomas`/`Tomas`), surnames rich in
//! `æ ø å`, streets on a theme of weather and sky (sun, moon, stars, fog, frost, gales, the
//! northern lights) and of meteorologists and aurora researchers, the consonant skeletons an
//! SMS shorthand makes of the street prefixes, and the Norwegian names of the letters.

/// Men's given names outside any family.
pub const MEN_PLAIN: &[&str] = &[
    "Tormod",
    "Torgeir",
    "Torbjørn",
    "Sigurd",
    "Sigmund",
    "Halvor",
    "Halvard",
    "Einar",
    "Eindride",
    "Odd",
    "Oddvar",
    "Arne",
    "Arnfinn",
    "Stein",
    "Steinar",
    "Jonas",
    "Martin",
    "Kjell",
    "Geir",
    "Geirmund",
    "Håkon",
    "Øystein",
    "Åsmund",
    "Leif",
    "Bjarne",
    "Ørjan",
    "Espen",
    "Vebjørn",
];

/// Women's given names outside any family.
pub const WOMEN_PLAIN: &[&str] = &[
    "Ingrid",
    "Inger",
    "Ingeborg",
    "Ingunn",
    "Marit",
    "Martine",
    "Solveig",
    "Solfrid",
    "Gunhild",
    "Gunvor",
    "Randi",
    "Ranveig",
    "Torunn",
    "Tordis",
    "Hilde",
    "Hildegunn",
    "Sigrid",
    "Sigrun",
    "Liv",
    "Astrid",
    "Bodil",
    "Dagny",
    "Eldrid",
    "Frøydis",
    "Gro",
    "Hjørdis",
    "Kjersti",
    "Aud",
    "Åshild",
    "Vigdis",
    "Ylva",
];

/// Men's spelling families: one name to a clerk.
pub const MEN_FAMILIES: &[&[&str]] = &[
    &["Tomas", "Thomas"],
    &["Karl", "Carl"],
    &["Kristoffer", "Christoffer"],
    &["Tor", "Thor"],
    &["Kristian", "Christian"],
    &["Torstein", "Thorstein"],
    &["Kjetil", "Ketil"],
    &["Jon", "John"],
    &["Markus", "Marcus"],
    &["Oskar", "Oscar"],
];

/// Women's spelling families: one name to a clerk.
pub const WOMEN_FAMILIES: &[&[&str]] = &[
    &["Kristine", "Christine"],
    &["Karoline", "Caroline"],
    &["Katarina", "Katharina", "Catharina"],
    &["Sofie", "Sophie"],
    &["Anette", "Annette"],
    &["Mariann", "Marianne"],
    &["Cecilie", "Sesilie"],
];

/// Surnames.
pub const SURNAMES: &[&str] = &[
    "Sørbø",
    "Hætta",
    "Bjørkås",
    "Lægreid",
    "Kjærnes",
    "Grøtte",
    "Mæhlum",
    "Stølen",
    "Tønnessen",
    "Dæhli",
    "Løvås",
    "Sæbø",
    "Hølleland",
    "Vågsether",
    "Bråten",
    "Næss",
    "Rød",
    "Strøm",
    "Haugland",
    "Vestbø",
    "Øyen",
    "Åsheim",
    "Kvåle",
    "Furuseth",
    "Engebretsen",
    "Lillebø",
    "Tveiten",
    "Rustad",
    "Sandvik",
    "Myklebust",
    "Nordbø",
    "Halvorsen",
    "Eide",
    "Midtbø",
    "Dybdahl",
    "Ruud",
    "Aasland",
    "Nilsen",
    "Bakkerud",
    "Holmås",
    "Grøndahl",
    "Skaar",
    "Thorsen",
    "Fjæreide",
];

/// Street stems of weather and sky, in compound form.
pub const STEMS: &[&str] = &[
    "Sol",
    "Måne",
    "Stjerne",
    "Regnbue",
    "Sky",
    "Tåke",
    "Skodde",
    "Dugg",
    "Rim",
    "Frost",
    "Hagl",
    "Sludd",
    "Snøfokk",
    "Torden",
    "Lyn",
    "Kuling",
    "Bris",
    "Storm",
    "Vind",
    "Regn",
    "Solgang",
    "Nordlys",
    "Morgenrøde",
    "Karlsvogn",
    "Komet",
    "Planet",
    "Barometer",
    "Vindrose",
    "Solstreif",
    "Skybrudd",
    "Himmel",
    "Vindkast",
    "Nordavind",
    "Sønnavind",
    "Måneskinn",
    "Solskinn",
    "Stjerneskudd",
];

/// Street endings glued to a stem.
pub const ENDINGS: &[&str] = &[
    "veien", "gata", "stien", "lia", "haugen", "åsen", "bakken", "løkka", "tunet", "kroken",
    "jordet", "svingen",
];

/// Street prefixes.
pub const PREFIXES: &[&str] = &[
    "Øvre", "Nedre", "Søndre", "Nordre", "Store", "Lille", "Vestre", "Østre",
];

/// The consonant skeletons an SMS shorthand makes of the prefixes: the first letter kept, the
/// vowels after it dropped, a doubled consonant written once (`Ndr` is both Nedre's and a
/// shortened Nordre's reading to a clerk).
pub const SKELETONS: &[(&str, &str)] = &[
    ("Øvre", "Øvr"),
    ("Nedre", "Ndr"),
    ("Søndre", "Sndr"),
    ("Nordre", "Nrdr"),
    ("Store", "Str"),
    ("Lille", "Ll"),
    ("Vestre", "Vstr"),
    ("Østre", "Østr"),
];

/// Meteorologists, aurora researchers and a few others a street is named after, in the
/// genitive: given name (empty for surname-only streets) and surname. Three surnames come
/// more than once (`Vilhelm Bjerknes'`, `Jacob Bjerknes'`, `Bjerknes'`; `Christopher
/// Hansteens`, `Aasta Hansteens`; `Harald Sverdrups`, `Otto Sverdrups`), never with one
/// initial.
pub const SKY_PEOPLE: &[(&str, &str)] = &[
    ("Vilhelm", "Bjerknes'"),
    ("Jacob", "Bjerknes'"),
    ("", "Bjerknes'"),
    ("Halvor", "Solbergs"),
    ("Henrik", "Mohns"),
    ("Kristian", "Birkelands"),
    ("Carl", "Størmers"),
    ("Lars", "Vegards"),
    ("Sophus", "Tromholts"),
    ("Christopher", "Hansteens"),
    ("Aasta", "Hansteens"),
    ("Harald", "Sverdrups"),
    ("Otto", "Sverdrups"),
    ("Sem", "Sælands"),
    ("Ragnar", "Fjørtofts"),
    ("Arnt", "Eliassens"),
    ("Svein", "Rosselands"),
    ("Theodor", "Hesselbergs"),
];

/// Street types of person-named streets.
pub const PERSON_TYPES: &[&str] = &["vei", "gate", "plass", "allé"];

/// The Norwegian names of the letters, as a caller reads an initial aloud (`hå` for H).
pub const LETTER_NAMES: &[(char, &str)] = &[
    ('a', "a"),
    ('b', "be"),
    ('c', "se"),
    ('d', "de"),
    ('e', "e"),
    ('f', "eff"),
    ('g', "ge"),
    ('h', "hå"),
    ('i', "i"),
    ('j', "je"),
    ('k', "kå"),
    ('l', "ell"),
    ('m', "emm"),
    ('n', "enn"),
    ('o', "o"),
    ('p', "pe"),
    ('r', "ærr"),
    ('s', "ess"),
    ('t', "te"),
    ('u', "u"),
    ('v', "ve"),
    ('w', "dobbeltve"),
    ('y', "y"),
    ('æ', "æ"),
    ('ø', "ø"),
    ('å', "å"),
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

/// Every given name of a sex.
pub fn given_of(sex: Sex) -> Vec<&'static str> {
    let mut v = plain(sex).to_vec();
    for f in families(sex) {
        v.extend_from_slice(f);
    }
    v
}

/// Every given name of the lists (both sexes).
pub fn all_given() -> Vec<&'static str> {
    let mut v = given_of(Sex::Man);
    v.extend(given_of(Sex::Woman));
    v
}

/// Every surname of the lists.
pub fn all_surnames() -> Vec<&'static str> {
    SURNAMES.to_vec()
}

/// The spelling family a given name belongs to, if any.
pub fn family_of(name: &str) -> Option<&'static [&'static str]> {
    MEN_FAMILIES
        .iter()
        .chain(WOMEN_FAMILIES)
        .copied()
        .find(|f| f.iter().any(|n| n.eq_ignore_ascii_case(name)))
}

/// Whether two given names are one name to a clerk (equal or of one family).
pub fn same_given(a: &str, b: &str) -> bool {
    a == b || family_of(a).is_some_and(|f| f.contains(&b))
}

/// The SMS skeleton of a prefix, if it is one.
pub fn skeleton(prefix: &str) -> Option<&'static str> {
    SKELETONS
        .iter()
        .find(|(p, _)| *p == prefix)
        .map(|&(_, s)| s)
}

/// The Norwegian name of a letter (case ignored).
pub fn letter_name(c: char) -> Option<&'static str> {
    let c = c.to_lowercase().next()?;
    LETTER_NAMES.iter().find(|(l, _)| *l == c).map(|&(_, n)| n)
}

/// The other streets named after a person of the same surname (indices into
/// [`SKY_PEOPLE`]); the tests check that twins never share an initial.
#[cfg(test)]
pub fn surname_twins(who: usize) -> Vec<usize> {
    let s = SKY_PEOPLE[who].1;
    (0..SKY_PEOPLE.len())
        .filter(|&i| i != who && SKY_PEOPLE[i].1 == s)
        .collect()
}

/// A stem glued to an ending, three like consonants written as two as Norwegian spelling
/// does (`Dugg` and `gata` give `Duggata`, `Snøfokk` and `kroken` give `Snøfokkroken`).
pub fn compound(stem: &str, ending: &str) -> String {
    let s: Vec<char> = stem.chars().collect();
    let n = s.len();
    match ending.chars().next() {
        Some(e) if n >= 2 && s[n - 1] == s[n - 2] && s[n - 1] == e => {
            format!("{stem}{}", &ending[e.len_utf8()..])
        }
        _ => format!("{stem}{ending}"),
    }
}

/// Whether two given names of one sex begin alike (their keys share the first three letters
/// or more) and are not one name: a near name, another person.
pub fn starts_alike(a: &str, b: &str) -> bool {
    let (x, y) = (a.to_lowercase(), b.to_lowercase());
    let p: usize = x.chars().zip(y.chars()).take_while(|(c, d)| c == d).count();
    p >= 3 && !same_given(a, b)
}
