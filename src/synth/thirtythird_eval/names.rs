//! Word lists of the thirty-third set: Norwegian given names (plain names, spelling families
//! that are one name to a clerk such as `Thomas`/`Tomas`, and sound twins such as
//! `Morten`/`Martin` that are two names), surnames rich in `æ ø å` and in the old `aa`,
//! nicknames of an alumni register, and streets on a theme of schools, learning and old school
//! subjects, and of teachers and educators.

/// Men's given names outside any spelling family (the sound twins among them).
pub const MEN_PLAIN: &[&str] = &[
    "Asbjørn", "Dag", "Eilif", "Finn", "Gunnar", "Harald", "Ivar", "Jostein", "Kåre", "Lars",
    "Magne", "Nils", "Olav", "Rolf", "Sverre", "Trygve", "Ulf", "Vidar", "Øystein", "Aksel",
    "Edvard", "Gaute", "Johannes", "Kjell", "Ragnar", "Sigurd", "Torleif", "Haakon", "Morten",
    "Martin", "Stein", "Stian", "Bjørn", "Bjarne",
];

/// Women's given names outside any spelling family (the sound twins among them).
pub const WOMEN_PLAIN: &[&str] = &[
    "Anne",
    "Bente",
    "Borghild",
    "Eldbjørg",
    "Gerd",
    "Ingeborg",
    "Jorunn",
    "Kari",
    "Liv",
    "Magnhild",
    "Solfrid",
    "Sissel",
    "Unni",
    "Vibeke",
    "Aase",
    "Torill",
    "Synnøve",
    "Gudrun",
    "Gunvor",
    "Ellen",
    "Tone",
    "Tina",
    "Marit",
    "Merete",
    "Berit",
    "Birte",
    "Hilde",
    "Hulda",
    "Siri",
    "Sara",
];

/// Men's spelling families: one name to a clerk (the five pairs first).
pub const MEN_FAMILIES: &[&[&str]] = &[
    &["Thomas", "Tomas"],
    &["Carl", "Karl"],
    &["Kristoffer", "Christoffer"],
    &["Tor", "Thor"],
    &["Christian", "Kristian"],
    &["Jakob", "Jacob"],
    &["Mathias", "Matias"],
    &["Filip", "Philip"],
    &["Ludvig", "Ludwig"],
    &["Teodor", "Theodor"],
    &["Gustav", "Gustaf"],
];

/// Women's spelling families: one name to a clerk (the pair first).
pub const WOMEN_FAMILIES: &[&[&str]] = &[
    &["Kristine", "Christine"],
    &["Cecilie", "Sesilie"],
    &["Camilla", "Kamilla"],
    &["Katrine", "Kathrine"],
    &["Elisabeth", "Elisabet"],
];

/// Sound twins: two real given names of one sex with the same consonant skeleton (one
/// Norphone-like key), that parents give to twins; two people, never one.
pub const SOUND_TWINS: &[(&str, &str)] = &[
    ("Morten", "Martin"),
    ("Stein", "Stian"),
    ("Bjørn", "Bjarne"),
    ("Tone", "Tina"),
    ("Marit", "Merete"),
    ("Berit", "Birte"),
    ("Hilde", "Hulda"),
    ("Siri", "Sara"),
];

/// Surnames of the register: most with `æ ø å`, some with the old `aa`.
pub const SURNAMES: &[&str] = &[
    "Skjæveland",
    "Rønning",
    "Grønli",
    "Lægreid",
    "Sørlie",
    "Mørkved",
    "Fjøsne",
    "Bærheim",
    "Kjølås",
    "Strømsnes",
    "Løkkeberg",
    "Dæhlen",
    "Øverby",
    "Åkre",
    "Nøkleby",
    "Sæbø",
    "Hågensen",
    "Kråkenes",
    "Vågsholm",
    "Brænd",
    "Fosså",
    "Ødegård",
    "Bøhmer",
    "Tjøstheim",
    "Aamodt",
    "Kvaale",
    "Haavik",
    "Aarseth",
    "Lunde",
    "Hovland",
    "Berntsen",
    "Skog",
    "Eide",
    "Nesheim",
    "Tangen",
    "Myklebust",
];

/// Nicknames an alumni register writes in quotes after a given name; none is a name of the
/// lists.
pub const NICKNAMES: &[&str] = &[
    "Bamse",
    "Tuppen",
    "Pusen",
    "Gubben",
    "Snuppa",
    "Kluten",
    "Tassen",
    "Professoren",
    "Lillefot",
];

/// Street stems of schools, learning and old school subjects, in compound form.
pub const STEMS: &[&str] = &[
    "Skole",
    "Tavle",
    "Kritt",
    "Lærer",
    "Pult",
    "Regne",
    "Lese",
    "Skrive",
    "Elev",
    "Rektor",
    "Kateter",
    "Sløyd",
    "Husstell",
    "Turn",
    "Forming",
    "Lesebok",
    "Pennal",
    "Linjal",
    "Globus",
    "Ransel",
    "Klasse",
    "Eksamen",
    "Seminar",
    "Pensum",
    "Flid",
    "Orden",
    "Friminutt",
    "Skolegård",
    "Skolestue",
    "Allmue",
    "Regnestav",
    "Blekk",
    "Kart",
    "Latin",
    "Katekisme",
    "Bokstav",
];

/// Street endings glued to a stem.
pub const ENDINGS: &[&str] = &[
    "veien", "gata", "stien", "bakken", "tunet", "lia", "haugen", "jordet", "kroken", "plassen",
    "lunden", "myra",
];

/// Street prefixes.
pub const PREFIXES: &[&str] = &[
    "Øvre", "Nedre", "Søndre", "Nordre", "Store", "Lille", "Vestre", "Østre",
];

/// Each prefix cut to its first three letters and a dot, as a dialer's agent screen shortens
/// it (index as [`PREFIXES`]).
pub const PREFIX_SHORT: &[&str] = &[
    "Øvr.", "Ned.", "Søn.", "Nor.", "Sto.", "Lil.", "Ves.", "Øst.",
];

/// Teachers and educators a street is named after: a given name (or a title, see
/// [`TITLED`]) and the surname in the genitive. Partly historical (Hartvig Nissen, Nordahl
/// Rolfsen, Ole Vig, Anna Sethne, Helga Eng), partly invented. Five surnames come twice with
/// two given names of one initial (`Hans` and `Henny Raanes`, `Ole` and `Oline Vigs`): the
/// same-initial streets of the look-alikes.
pub const EDUCATORS: &[(&str, &str)] = &[
    ("Hartvig", "Nissens"),
    ("Nordahl", "Rolfsens"),
    ("Ole", "Vigs"),
    ("Oline", "Vigs"),
    ("Anna", "Sethnes"),
    ("Helga", "Engs"),
    ("Hans", "Raanes"),
    ("Henny", "Raanes"),
    ("Kristen", "Tavlås'"),
    ("Karen", "Tavlås'"),
    ("Marte", "Krittviks"),
    ("Mathias", "Krittviks"),
    ("Sigrid", "Regnestads"),
    ("Sivert", "Regnestads"),
    ("Torvald", "Lesunds"),
    ("Rektor", "Steens"),
    ("Overlærer", "Bruuns"),
];

/// Indices into [`EDUCATORS`] whose first word is a title, not a given name.
pub const TITLED: &[usize] = &[15, 16];

/// Street types of educator streets.
pub const PERSON_TYPES: &[&str] = &["vei", "gate", "plass", "sti"];

/// Old-style short forms of post towns (`Kr.sand S` for Kristiansand S), as `NO.tsv` writes
/// the town.
pub const TOWN_SHORT: &[(&str, &[&str])] = &[
    ("KRISTIANSAND S", &["Kr.sand S", "KR.SAND S", "Kr.Sand S"]),
    ("KRISTIANSUND N", &["Kr.sund N", "KR.SUND N"]),
    ("FREDRIKSTAD", &["Fr.stad", "FR.STAD"]),
    ("TRONDHEIM", &["Tr.heim", "TR.HEIM"]),
    ("LILLEHAMMER", &["L.hammer", "Lilleh."]),
    ("LILLESTRØM", &["L.strøm", "Lillestr."]),
    ("SANDEFJORD", &["Sandefj.", "SANDEFJ."]),
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

/// The sound twin of a given name, if it has one.
pub fn sound_twin(name: &str) -> Option<&'static str> {
    SOUND_TWINS.iter().find_map(|&(a, b)| {
        if a == name {
            Some(b)
        } else if b == name {
            Some(a)
        } else {
            None
        }
    })
}

/// The other educator of the same surname and the same initial (`Henny Raanes` for `Hans
/// Raanes`), if any.
pub fn initial_twin(who: usize) -> Option<usize> {
    let (g, s) = *EDUCATORS.get(who)?;
    if TITLED.contains(&who) {
        return None;
    }
    (0..EDUCATORS.len()).find(|&i| {
        i != who
            && !TITLED.contains(&i)
            && EDUCATORS[i].1 == s
            && EDUCATORS[i].0.chars().next() == g.chars().next()
    })
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
