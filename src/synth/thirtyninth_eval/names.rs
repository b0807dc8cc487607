//! Word lists of the thirty-ninth set: Norwegian given names (plain names, and spelling
//! families that are one name to a clerk such as `Thomas`/`Tomas`), surnames rich in `ø` (and
//! `æ å`) with near forms one letter off (`Løkken` for `Løken`), the nicknames borrowers set as
//! their display name on the library's web page, the library's branches and branch codes, and
//! streets on a theme of Norwegian birds (`Svalelia`, `Øvre Trostveien`) and of invented local
//! librarians and writers, some with two given names (`Hans Jacob Sparres vei`).

/// Men's given names outside any spelling family.
pub const MEN_PLAIN: &[&str] = &[
    "Arne", "Bjørn", "Dagfinn", "Eirik", "Geir", "Helge", "Jostein", "Knut", "Lasse", "Morten",
    "Njål", "Odd", "Pål", "Rune", "Steinar", "Yngve", "Vegard", "Øivind", "Ørjan", "Audun",
    "Gunnar", "Hallvard", "Sindre", "Ulrik",
];

/// Women's given names outside any spelling family.
pub const WOMEN_PLAIN: &[&str] = &[
    "Astrid", "Berit", "Dagny", "Eva", "Grete", "Hanne", "Ingrid", "Kjersti", "Lene", "Marit",
    "Nina", "Oddny", "Reidun", "Siri", "Torill", "Vigdis", "Wenche", "Åse", "Øydis", "Borghild",
    "Gunvor", "Heidi", "Sølvi", "Ragnhild",
];

/// Men's spelling families: one name to a clerk (the five pairs first).
pub const MEN_FAMILIES: &[&[&str]] = &[
    &["Thomas", "Tomas"],
    &["Carl", "Karl"],
    &["Kristoffer", "Christoffer"],
    &["Tor", "Thor"],
    &["Christian", "Kristian"],
    &["Henrik", "Hendrik"],
    &["Mads", "Mats"],
    &["Rolf", "Rolv"],
    &["Teodor", "Theodor"],
];

/// Women's spelling families: one name to a clerk (the pair first).
pub const WOMEN_FAMILIES: &[&[&str]] = &[
    &["Kristine", "Christine"],
    &["Karoline", "Caroline"],
    &["Monika", "Monica"],
    &["Terese", "Therese"],
    &["Linnea", "Linea"],
];

/// Surnames of the register: most with `ø` (the old library system's code page loses it), some
/// with `æ` or `å`, a few plain.
pub const SURNAMES: &[&str] = &[
    "Bjørkli",
    "Børresen",
    "Dønnestad",
    "Flø",
    "Gjøvåg",
    "Hølaas",
    "Kjølstad",
    "Løken",
    "Mølmann",
    "Nøstdal",
    "Røed",
    "Sødal",
    "Tønnesen",
    "Vøllo",
    "Øverland",
    "Ødegård",
    "Brøste",
    "Skjønberg",
    "Grønvold",
    "Sæbø",
    "Hæreid",
    "Kværne",
    "Bråten",
    "Håland",
    "Ålvik",
    "Lægreid",
    "Pedersen",
    "Berg",
    "Moen",
    "Dahl",
    "Solberg",
    "Larsen",
    "Eide",
    "Kristiansen",
];

/// Near forms of surnames, one letter off on their keys and names of nobody in the lists: a
/// real family at the other entrance spells its name so (`Løkken` beside `Løken`).
pub const NEAR_SURNAMES: &[(&str, &str)] = &[
    ("Bjørkli", "Bjørkeli"),
    ("Børresen", "Børesen"),
    ("Dønnestad", "Dønestad"),
    ("Løken", "Løkken"),
    ("Mølmann", "Mølman"),
    ("Nøstdal", "Nøsdal"),
    ("Sødal", "Sødahl"),
    ("Tønnesen", "Tønnessen"),
    ("Grønvold", "Grønvoll"),
    ("Skjønberg", "Skjønnberg"),
    ("Pedersen", "Petersen"),
    ("Larsen", "Larssen"),
    ("Solberg", "Solbjerg"),
    ("Moen", "Moan"),
    ("Dahl", "Dal"),
    ("Berg", "Berge"),
    ("Bråten", "Bråthen"),
    ("Kjølstad", "Kjelstad"),
];

/// Nicknames borrowers set as their display name on the library's web page (*Min side*);
/// names of nobody in the lists.
pub const NICKNAMES: &[&str] = &[
    "Bitten", "Lillemor", "Totto", "Pelle", "Nisse", "Tusse", "Mimmi", "Bamse",
];

/// The library's branches as the circulation system names a borrower's home branch.
pub const BRANCHES: &[&str] = &[
    "hovedbiblioteket",
    "bokbussen",
    "filial Sentrum",
    "filial Nord",
    "filial Sør",
    "filial Øst",
    "filial Vest",
    "skolebiblioteket",
];

/// The circulation system's home-branch codes (none is four characters that read as a
/// postcode).
pub const BRANCH_CODES: &[&str] = &[
    "HB", "BB", "F03", "FIL2", "FIL 4", "Filial 1", "HOVED", "BOKBUSS", "SKOLE",
];

/// Street stems of Norwegian birds, in compound form.
pub const STEMS: &[&str] = &[
    "Trost",
    "Meise",
    "Spurve",
    "Svale",
    "Lerke",
    "Hegre",
    "Ørne",
    "Falke",
    "Jerpe",
    "Rype",
    "Gjøk",
    "Stær",
    "Kråke",
    "Skjære",
    "Ugle",
    "Sisik",
    "Rødstrupe",
    "Løvsanger",
    "Hakkespett",
    "Linerle",
    "Bokfinke",
    "Måke",
    "Tjeld",
    "Ærfugl",
    "Vipe",
    "Fossekall",
    "Orrfugl",
    "Gråtrost",
];

/// Street endings glued to a stem.
pub const ENDINGS: &[&str] = &[
    "veien", "stien", "bakken", "lia", "tunet", "haugen", "åsen", "kroken", "enga", "jordet",
    "svingen", "grenda",
];

/// Street prefixes (the eight).
pub const PREFIXES: &[&str] = &[
    "Øvre", "Nedre", "Søndre", "Nordre", "Store", "Lille", "Vestre", "Østre",
];

/// The bookmobile route list's two-letter cuts, without a dot (index as [`PREFIXES`]): each
/// fits its own prefix only.
pub const PREFIX_TWO: &[&str] = &["Øv", "Ne", "Sø", "No", "St", "Li", "Ve", "Øs"];

/// The route list's initials, without a dot, where the column is still too narrow (index as
/// [`PREFIXES`]): `Ø` fits Øvre and Østre, `N` Nedre and Nordre, `S` Søndre and Store.
pub const PREFIX_ONE: &[&str] = &["Ø", "N", "S", "N", "S", "L", "V", "Ø"];

/// Invented local librarians and writers a street is named after: given names (one or two)
/// and the surname in the genitive.
pub const PATRONS: &[(&str, &str)] = &[
    ("Anna", "Tveitens"),
    ("Birger", "Hovlands"),
    ("Dorothea", "Schous"),
    ("Einar", "Skaugs"),
    ("Fredrikke", "Aases"),
    ("Halvdan", "Koehts"),
    ("Hedvig", "Lies"),
    ("Hans Jacob", "Sparres"),
    ("Marie Louise", "Storms"),
    ("Ole Johan", "Brekkes"),
    ("Sigrid", "Wolds"),
    ("Thora Marie", "Juels"),
    ("Jens", "Wessels"),
    ("Haldis", "Moréns"),
];

/// Street types of patrons' streets.
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

/// The spelling family a given name belongs to, if any.
pub fn family_of(name: &str) -> Option<&'static [&'static str]> {
    MEN_FAMILIES
        .iter()
        .chain(WOMEN_FAMILIES)
        .copied()
        .find(|f| f.iter().any(|n| n.to_lowercase() == name.to_lowercase()))
}

/// Whether two given names are one name to a clerk (equal or of one family).
pub fn same_given(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
        || family_of(a).is_some_and(|f| f.iter().any(|n| n.to_lowercase() == b.to_lowercase()))
}

/// A stem glued to an ending, three like consonants written as two as Norwegian spelling
/// does.
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
