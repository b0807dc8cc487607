//! Word lists of the thirty-second set: Norwegian given names (plain names, a few with an
//! acute accent, and spelling families that are one name to a clerk, such as
//! `Thomas`/`Tomas`), surnames rich in `æ ø å` (with the ASCII twin surnames and the surnames
//! sharing their first letters that the look-alikes use), streets on a theme of forestry,
//! timber floating and sawmills, and of forest owners, sawmill owners and floaters.

/// Men's given names outside any family (`André` and `René` carry an acute accent).
pub const MEN_PLAIN: &[&str] = &[
    "Arne",
    "Bjørn",
    "Einar",
    "Geir",
    "Halvor",
    "Håkon",
    "Ingvar",
    "Jon",
    "Leif",
    "Morten",
    "Odd",
    "Per",
    "Roar",
    "Steinar",
    "Terje",
    "Torbjørn",
    "Vegard",
    "Audun",
    "Bendik",
    "Eivind",
    "Frode",
    "Gisle",
    "Jarle",
    "Njål",
    "Ottar",
    "Sindre",
    "Tormod",
    "Ørjan",
    "Åsmund",
    "André",
    "René",
];

/// Women's given names outside any family (`Renée` and `Désirée` carry an acute accent).
pub const WOMEN_PLAIN: &[&str] = &[
    "Astrid",
    "Berit",
    "Dagny",
    "Eli",
    "Frida",
    "Gunhild",
    "Hege",
    "Ingrid",
    "Johanne",
    "Kjersti",
    "Marit",
    "Randi",
    "Solveig",
    "Turid",
    "Wenche",
    "Åshild",
    "Aud",
    "Grethe",
    "Sigrun",
    "Torunn",
    "Vigdis",
    "Oddny",
    "Tonje",
    "Gro",
    "Bodil",
    "Renée",
    "Désirée",
];

/// Men's spelling families: one name to a clerk (the five pairs first).
pub const MEN_FAMILIES: &[&[&str]] = &[
    &["Thomas", "Tomas"],
    &["Carl", "Karl"],
    &["Kristoffer", "Christoffer"],
    &["Tor", "Thor"],
    &["Christian", "Kristian"],
    &["Oskar", "Oscar"],
    &["Fredrik", "Frederik"],
    &["Henrik", "Hendrik"],
    &["Markus", "Marcus"],
    &["Niklas", "Nicklas"],
];

/// Women's spelling families: one name to a clerk.
pub const WOMEN_FAMILIES: &[&[&str]] = &[
    &["Kristine", "Christine"],
    &["Karoline", "Caroline"],
    &["Monika", "Monica"],
    &["Rebekka", "Rebecca"],
    &["Viktoria", "Victoria"],
];

/// Surnames of the register.
pub const SURNAMES: &[&str] = &[
    "Sæther",
    "Røed",
    "Bjørnstad",
    "Nærland",
    "Sjøvold",
    "Frøland",
    "Kjøs",
    "Gråberg",
    "Åsheim",
    "Håland",
    "Bråten",
    "Lærum",
    "Fjærli",
    "Grøtting",
    "Strøm",
    "Løvås",
    "Trælnes",
    "Kværner",
    "Mjøen",
    "Søfteland",
    "Tønnessen",
    "Gjøvåg",
    "Skårdal",
    "Hølland",
    "Ørbeck",
    "Stålesen",
    "Brøske",
    "Lømo",
    "Haugland",
    "Berge",
    "Moe",
    "Holm",
    "Vik",
    "Nygaard",
    "Tveit",
    "Aasen",
    "Rustad",
    "Dybvik",
];

/// Surnames outside the register that begin with the letters a register surname has before
/// its first `æ ø å` (`Grimsrud` for `Grøtting`'s `Gr`): the lodger look-alike's.
pub const PREFIX_PARTNERS: &[&str] = &[
    "Bjerke",
    "Sjursen",
    "Fredheim",
    "Kjelsberg",
    "Grimsrud",
    "Brandvold",
    "Fjeld",
    "Stenberg",
    "Tronstad",
    "Kvalheim",
    "Mjelde",
    "Gjerde",
    "Skogli",
    "Strand",
];

/// Street stems of forestry, timber floating and sawmills, in compound form.
pub const STEMS: &[&str] = &[
    "Tømmer",
    "Fløter",
    "Sag",
    "Lense",
    "Bark",
    "Stokk",
    "Flåte",
    "Høvel",
    "Planke",
    "Spon",
    "Kubbe",
    "Skog",
    "Gran",
    "Furu",
    "Hogst",
    "Øks",
    "Dam",
    "Renne",
    "Flom",
    "Tjære",
    "Ved",
    "Skogvokter",
    "Sagbruk",
    "Sagmester",
    "Lunne",
    "Velte",
    "Stabel",
    "Stubbe",
    "Kvist",
    "Stamme",
    "Vannsag",
    "Oppgangssag",
    "Høvleri",
    "Fløterhake",
    "Tømmerkjører",
    "Milebrenner",
];

/// Street endings glued to a stem.
pub const ENDINGS: &[&str] = &[
    "veien", "gata", "stien", "bakken", "svingen", "tunet", "lia", "grenda", "løkka", "haugen",
    "vika", "åsen",
];

/// Street prefixes.
pub const PREFIXES: &[&str] = &[
    "Øvre", "Nedre", "Søndre", "Nordre", "Store", "Lille", "Vestre", "Østre",
];

/// How an old housing co-operative member list contracts each prefix (index as
/// [`PREFIXES`]): the letters of the word in order, ended by a dot.
pub const PREFIX_CONTRACTIONS: &[&[&str]] = &[
    &["Ø.", "Øvr."],
    &["N.", "Ndr."],
    &["S.", "Sdr."],
    &["Nr.", "Nrd."],
    &["St.", "Sto."],
    &["L.", "Ll."],
    &["V.", "Vr.", "Vestr."],
    &["Ø.", "Østr."],
];

/// Forest owners, sawmill owners and floaters a street is named after, in the genitive: given
/// name (empty for a surname-only street) and surname. Partly historical (the Anker family,
/// Haaken Mathiesen), partly invented. One surname comes three times (`Peder Ankers`, `Bernt
/// Ankers`, `Ankers`), never with one initial.
pub const FOREST_PEOPLE: &[(&str, &str)] = &[
    ("Peder", "Ankers"),
    ("Bernt", "Ankers"),
    ("", "Ankers"),
    ("Haaken", "Mathiesens"),
    ("Hans", "Raanes"),
    ("Ragnhild", "Tømmerås'"),
    ("Ole", "Fløtermos"),
    ("Marte", "Sagens"),
    ("Iver", "Lensbys"),
    ("Kristen", "Barkveds"),
    ("Gudbrand", "Stokkelands"),
    ("Sigrid", "Vedums"),
    ("Torstein", "Kvisles"),
    ("Embret", "Skogstads"),
];

/// Street types of person-named streets.
pub const PERSON_TYPES: &[&str] = &["vei", "gate", "plass", "sti"];

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

/// Every surname of the lists (the register's and the lodgers').
pub fn all_surnames() -> Vec<&'static str> {
    SURNAMES.iter().chain(PREFIX_PARTNERS).copied().collect()
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

/// The letters of a surname before its first `æ ø å` (`Gr` for `Grøtting`), if at least two.
pub fn before_aeoeaa(surname: &str) -> Option<&str> {
    let i = surname.find(|c: char| "æøåÆØÅ".contains(c))?;
    (surname[..i].chars().count() >= 2).then(|| &surname[..i])
}

/// A lodger's surname that begins like `surname` before its first `æ ø å`.
pub fn prefix_partner(surname: &str) -> Option<&'static str> {
    let p = before_aeoeaa(surname)?.to_lowercase();
    PREFIX_PARTNERS
        .iter()
        .copied()
        .find(|s| s.to_lowercase().starts_with(&p))
}

/// A surname's ASCII twin: `æ` as `e`, `ø` as `o`, `å` as `a` (`Bråten` → `Braten`,
/// `Sæther` → `Sether`), a surname of its own that emigrants and old records carry.
pub fn ascii_twin(surname: &str) -> Option<String> {
    if !surname.chars().any(|c| "æøåÆØÅ".contains(c)) {
        return None;
    }
    Some(
        surname
            .chars()
            .map(|c| match c {
                'æ' => 'e',
                'Æ' => 'E',
                'ø' => 'o',
                'Ø' => 'O',
                'å' => 'a',
                'Å' => 'A',
                c => c,
            })
            .collect(),
    )
}

/// The other streets named after a person of the same surname (indices into
/// [`FOREST_PEOPLE`]); the tests check that twins never share an initial.
#[cfg(test)]
pub fn surname_twins(who: usize) -> Vec<usize> {
    let s = FOREST_PEOPLE[who].1;
    (0..FOREST_PEOPLE.len())
        .filter(|&i| i != who && FOREST_PEOPLE[i].1 == s)
        .collect()
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
