//! Names: [`NameKey`] (first, last and middle names of a folded name), the common given
//! names, and how a given name sounds.

use super::{SEP, fold_into};

/// Common Norwegian given names, folded and sorted. At one address a lead whose given name
/// is one of these, and differs from the register's (also one of these), is taken to be
/// another member of the household rather than a typo: `Anne` is not `Anna`, `Arne` or
/// `Hanne`.
pub const COMMON_GIVEN_NAMES: &[&str] = &[
    "aage",
    "aase",
    "aashild",
    "aasmund",
    "aasne",
    "aasta",
    "ada",
    "adam",
    "adrian",
    "agnes",
    "agnete",
    "aina",
    "aksel",
    "albert",
    "alexander",
    "alf",
    "alfred",
    "alice",
    "alida",
    "aline",
    "alma",
    "amalie",
    "amanda",
    "amund",
    "anders",
    "andrea",
    "andreas",
    "andrine",
    "anette",
    "anine",
    "anita",
    "anja",
    "ann",
    "anna",
    "annbjoerg",
    "anne",
    "annette",
    "ansgar",
    "anton",
    "are",
    "arild",
    "arne",
    "arnfinn",
    "arnhild",
    "arnold",
    "arnt",
    "arve",
    "asbjoern",
    "asgeir",
    "aslak",
    "asle",
    "asta",
    "astri",
    "astrid",
    "atle",
    "aud",
    "audhild",
    "audun",
    "august",
    "aurora",
    "axel",
    "baard",
    "beate",
    "bendik",
    "benedicte",
    "benedikte",
    "bengt",
    "bent",
    "bente",
    "berit",
    "bernt",
    "birger",
    "birgit",
    "birgitte",
    "birk",
    "bjarne",
    "bjarte",
    "bjoerg",
    "bjoern",
    "bjoernar",
    "bodil",
    "boerge",
    "borghild",
    "borgny",
    "brage",
    "brede",
    "brit",
    "brita",
    "britt",
    "bror",
    "brynhild",
    "camilla",
    "carina",
    "carl",
    "caroline",
    "cathrine",
    "cecilie",
    "celine",
    "charlotte",
    "christer",
    "christian",
    "christina",
    "christine",
    "christoffer",
    "dag",
    "dagfrid",
    "dagny",
    "dagrun",
    "daniel",
    "daniela",
    "david",
    "didrik",
    "ebba",
    "edel",
    "edith",
    "edvard",
    "egil",
    "eigil",
    "eilert",
    "eili",
    "eilif",
    "einar",
    "eirik",
    "eirin",
    "eivind",
    "eldar",
    "eldbjoerg",
    "eldrid",
    "eli",
    "elias",
    "elin",
    "eline",
    "elisabeth",
    "elise",
    "ella",
    "ellen",
    "elling",
    "ellinor",
    "elna",
    "elsa",
    "else",
    "embla",
    "emil",
    "emilie",
    "emma",
    "endre",
    "erik",
    "erika",
    "erle",
    "erlend",
    "erling",
    "erna",
    "eskil",
    "espen",
    "ester",
    "eva",
    "evelyn",
    "even",
    "filip",
    "finn",
    "frank",
    "fredrik",
    "fredrikke",
    "frida",
    "fridtjof",
    "frode",
    "froeydis",
    "gard",
    "gaute",
    "geir",
    "georg",
    "gerd",
    "gerda",
    "gina",
    "gisle",
    "gjermund",
    "grete",
    "grethe",
    "gro",
    "gudmund",
    "gudrun",
    "gunhild",
    "gunn",
    "gunnar",
    "gunnhild",
    "gunvor",
    "guri",
    "guro",
    "gustav",
    "gyda",
    "haakon",
    "haavard",
    "haldor",
    "hallgeir",
    "hallvard",
    "halvard",
    "halvor",
    "hanna",
    "hanne",
    "hans",
    "harald",
    "hedda",
    "hedvig",
    "hege",
    "heidi",
    "helene",
    "helga",
    "helge",
    "helle",
    "helmer",
    "henning",
    "henny",
    "henrik",
    "henrikke",
    "herdis",
    "herman",
    "hilda",
    "hilde",
    "hildegunn",
    "hildur",
    "hjalmar",
    "hugo",
    "hulda",
    "ida",
    "idar",
    "idun",
    "ina",
    "inga",
    "inge",
    "ingebjoerg",
    "ingeborg",
    "inger",
    "ingolf",
    "ingrid",
    "ingunn",
    "ingvar",
    "ingvild",
    "irene",
    "iris",
    "isak",
    "iselin",
    "ivan",
    "ivar",
    "jakob",
    "jan",
    "janne",
    "jannicke",
    "jardar",
    "jarl",
    "jarle",
    "jeanette",
    "jenny",
    "jens",
    "jo",
    "joakim",
    "joergen",
    "johan",
    "johanne",
    "johannes",
    "john",
    "jon",
    "jonas",
    "jorid",
    "jorunn",
    "josefine",
    "jostein",
    "judith",
    "julie",
    "june",
    "kaare",
    "kai",
    "kaja",
    "karen",
    "kari",
    "karianne",
    "karin",
    "karina",
    "karl",
    "karla",
    "karoline",
    "kasper",
    "kathrine",
    "katrine",
    "kenneth",
    "kim",
    "kine",
    "kirsten",
    "kjell",
    "kjellaug",
    "kjersti",
    "kjetil",
    "klara",
    "knut",
    "kolbjoern",
    "konrad",
    "kristen",
    "kristian",
    "kristin",
    "kristine",
    "kristoffer",
    "kyrre",
    "laila",
    "lars",
    "lasse",
    "leif",
    "lena",
    "lene",
    "leon",
    "lill",
    "lilly",
    "linda",
    "line",
    "linn",
    "lisa",
    "lise",
    "liv",
    "live",
    "louise",
    "lucas",
    "ludvig",
    "lukas",
    "magnar",
    "magne",
    "magnhild",
    "magnus",
    "maja",
    "malin",
    "marcus",
    "maren",
    "margit",
    "margrete",
    "mari",
    "maria",
    "marianne",
    "marie",
    "marit",
    "marius",
    "markus",
    "marte",
    "martin",
    "martine",
    "martinus",
    "mathias",
    "mats",
    "merete",
    "mette",
    "mia",
    "mikkel",
    "mina",
    "mona",
    "monica",
    "morten",
    "nelly",
    "nikolai",
    "nils",
    "nina",
    "njaal",
    "noah",
    "nora",
    "norunn",
    "oda",
    "odd",
    "oddbjoern",
    "oddgeir",
    "oddmund",
    "oddny",
    "oddvar",
    "odin",
    "oeydis",
    "oeystein",
    "oeyvind",
    "ola",
    "olaug",
    "olav",
    "ole",
    "olga",
    "oline",
    "oliver",
    "olivia",
    "olve",
    "oskar",
    "ottar",
    "ove",
    "paal",
    "paul",
    "paula",
    "peder",
    "per",
    "pernille",
    "petra",
    "petter",
    "philip",
    "preben",
    "ragna",
    "ragnar",
    "ragnfrid",
    "ragnhild",
    "ragnvald",
    "rakel",
    "randi",
    "rasmus",
    "rebekka",
    "reidar",
    "reidun",
    "rigmor",
    "rita",
    "roald",
    "roar",
    "robert",
    "roger",
    "rolf",
    "ronja",
    "runar",
    "rune",
    "ruth",
    "sander",
    "sanna",
    "sara",
    "sebastian",
    "selma",
    "sigbjoern",
    "sigmund",
    "signe",
    "sigrid",
    "sigrunn",
    "sigurd",
    "sigve",
    "silje",
    "simen",
    "simon",
    "sindre",
    "siren",
    "siri",
    "sissel",
    "siv",
    "snorre",
    "soelvi",
    "sofia",
    "sofie",
    "solfrid",
    "solrun",
    "solvei",
    "solveig",
    "sondre",
    "staale",
    "stefan",
    "steffen",
    "stein",
    "steinar",
    "stian",
    "stig",
    "stine",
    "sturla",
    "sunniva",
    "susanne",
    "svanhild",
    "svein",
    "sveinung",
    "sverre",
    "sylvi",
    "sylvia",
    "synne",
    "synnoeve",
    "taran",
    "terje",
    "thale",
    "thea",
    "theo",
    "therese",
    "thomas",
    "thor",
    "thorbjoern",
    "tina",
    "tiril",
    "tobias",
    "tollef",
    "tom",
    "tomas",
    "tone",
    "tonje",
    "tor",
    "tora",
    "torbjoern",
    "tordis",
    "tore",
    "torfinn",
    "torgeir",
    "torhild",
    "torill",
    "torje",
    "torkel",
    "torleif",
    "tormod",
    "torstein",
    "torunn",
    "torvald",
    "tove",
    "trine",
    "tron",
    "trond",
    "trude",
    "trygve",
    "trym",
    "turid",
    "tuva",
    "ulf",
    "ulrik",
    "unni",
    "valborg",
    "vebjoern",
    "vegard",
    "vemund",
    "vera",
    "vetle",
    "vibeke",
    "vidar",
    "vigdis",
    "viggo",
    "viktor",
    "vilde",
    "vilja",
    "wenche",
    "werner",
    "wilhelm",
    "william",
    "ylva",
    "yngvar",
    "yngve",
    "yngvild",
];

/// Titles a list may write before a name, and the greetings a mail merge leaves there (`Hei
/// Kari`, `Kjære, Malene`), folded: they are dropped when a given name and a surname follow.
/// Sorted (binary search).
pub(super) const TITLES: &[&str] = &[
    "adv",
    "advokat",
    "dear",
    "dir",
    "direktoer",
    "doktor",
    "dr",
    "fr",
    "frk",
    "froeken",
    "fru",
    "hallo",
    "hei",
    "hej",
    "hello",
    "herr",
    "hi",
    "hr",
    "ing",
    "kjaere",
    "lege",
    "lektor",
    "miss",
    "mr",
    "mrs",
    "ms",
    "pastor",
    "prof",
    "professor",
    "rektor",
    "sivilingenioer",
    "siving",
    "tannlege",
];

/// Per first letter (`a`–`z`), a bit for each length of a title that starts with it: a test
/// that rules out most words before [`TITLES`] is searched.
const TITLE_SHAPES: [u32; 26] = {
    let mut shapes = [0u32; 26];
    let mut i = 0;
    while i < TITLES.len() {
        let t = TITLES[i].as_bytes();
        if t[0].is_ascii_lowercase() && t.len() < 32 {
            shapes[(t[0] - b'a') as usize] |= 1 << t.len();
        }
        i += 1;
    }
    shapes
};

/// Whether a folded word is one of [`TITLES`].
pub(super) fn is_title(word: &str) -> bool {
    let shape_known = match word.as_bytes().first() {
        Some(&f) if f.is_ascii_lowercase() && word.len() < 32 => {
            TITLE_SHAPES[usize::from(f - b'a')] & (1 << word.len()) != 0
        }
        _ => false,
    };
    shape_known && TITLES.binary_search(&word).is_ok()
}

/// Words that introduce a maiden or former surname after the surname (`Hansen f. Olsen`,
/// `Hansen født Olsen`, `Hansen née Olsen`, `Hansen tidl. Olsen`), folded.
const MAIDEN_MARKERS: &[&str] = &[
    "f",
    "fd",
    "fdt",
    "fodt",
    "foedt",
    "geb",
    "nee",
    "tidl",
    "tidligere",
];

/// The men's names of [`COMMON_GIVEN_NAMES`], sorted; the others are women's, but for
/// [`EITHER_SEX`].
pub(super) const MEN_GIVEN_NAMES: &[&str] = &[
    "aage",
    "aasmund",
    "adam",
    "adrian",
    "aksel",
    "albert",
    "alexander",
    "alf",
    "alfred",
    "amund",
    "anders",
    "andreas",
    "ansgar",
    "anton",
    "are",
    "arild",
    "arne",
    "arnfinn",
    "arnold",
    "arnt",
    "arve",
    "asbjoern",
    "asgeir",
    "aslak",
    "asle",
    "atle",
    "audun",
    "august",
    "axel",
    "baard",
    "bendik",
    "bengt",
    "bent",
    "bernt",
    "birger",
    "birk",
    "bjarne",
    "bjarte",
    "bjoern",
    "bjoernar",
    "boerge",
    "brage",
    "brede",
    "bror",
    "carl",
    "christer",
    "christian",
    "christoffer",
    "dag",
    "daniel",
    "david",
    "didrik",
    "edvard",
    "egil",
    "eigil",
    "eilert",
    "eilif",
    "einar",
    "eirik",
    "eivind",
    "eldar",
    "elias",
    "elling",
    "emil",
    "endre",
    "erik",
    "erlend",
    "erling",
    "eskil",
    "espen",
    "even",
    "filip",
    "finn",
    "frank",
    "fredrik",
    "fridtjof",
    "frode",
    "gard",
    "gaute",
    "geir",
    "georg",
    "gisle",
    "gjermund",
    "gudmund",
    "gunnar",
    "gustav",
    "haakon",
    "haavard",
    "haldor",
    "hallgeir",
    "hallvard",
    "halvard",
    "halvor",
    "hans",
    "harald",
    "helge",
    "helmer",
    "henning",
    "henrik",
    "herman",
    "hjalmar",
    "hugo",
    "idar",
    "inge",
    "ingolf",
    "ingvar",
    "isak",
    "ivan",
    "ivar",
    "jakob",
    "jan",
    "jardar",
    "jarl",
    "jarle",
    "jens",
    "joakim",
    "joergen",
    "johan",
    "johannes",
    "john",
    "jon",
    "jonas",
    "jostein",
    "kaare",
    "kai",
    "karl",
    "kasper",
    "kenneth",
    "kjell",
    "kjetil",
    "knut",
    "kolbjoern",
    "konrad",
    "kristen",
    "kristian",
    "kristoffer",
    "kyrre",
    "lars",
    "lasse",
    "leif",
    "leon",
    "lucas",
    "ludvig",
    "lukas",
    "magnar",
    "magne",
    "magnus",
    "marcus",
    "marius",
    "markus",
    "martin",
    "martinus",
    "mathias",
    "mats",
    "mikkel",
    "morten",
    "nikolai",
    "nils",
    "njaal",
    "noah",
    "odd",
    "oddbjoern",
    "oddgeir",
    "oddmund",
    "oddvar",
    "odin",
    "oeystein",
    "oeyvind",
    "ola",
    "olav",
    "ole",
    "oliver",
    "olve",
    "oskar",
    "ottar",
    "ove",
    "paal",
    "paul",
    "peder",
    "per",
    "petter",
    "philip",
    "preben",
    "ragnar",
    "ragnvald",
    "rasmus",
    "reidar",
    "roald",
    "roar",
    "robert",
    "roger",
    "rolf",
    "runar",
    "rune",
    "sander",
    "sebastian",
    "sigbjoern",
    "sigmund",
    "sigurd",
    "sigve",
    "simen",
    "simon",
    "sindre",
    "snorre",
    "sondre",
    "staale",
    "stefan",
    "steffen",
    "stein",
    "steinar",
    "stian",
    "stig",
    "sturla",
    "svein",
    "sveinung",
    "sverre",
    "terje",
    "theo",
    "thomas",
    "thor",
    "thorbjoern",
    "tobias",
    "tollef",
    "tom",
    "tomas",
    "tor",
    "torbjoern",
    "tore",
    "torfinn",
    "torgeir",
    "torje",
    "torkel",
    "torleif",
    "tormod",
    "torstein",
    "torvald",
    "tron",
    "trond",
    "trygve",
    "trym",
    "ulf",
    "ulrik",
    "vebjoern",
    "vegard",
    "vemund",
    "vetle",
    "vidar",
    "viggo",
    "viktor",
    "werner",
    "wilhelm",
    "william",
    "yngvar",
    "yngve",
];

/// Names of [`COMMON_GIVEN_NAMES`] given to both men and women in Norway.
pub(super) const EITHER_SEX: &[&str] = &["jo", "kim"];

/// The sex a given name tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameSex {
    /// A man's name (`Terje`, `Geir`).
    Man,
    /// A woman's name (`Terese`, `Guri`).
    Woman,
}

/// The sex a folded given name tells: that of a name of [`COMMON_GIVEN_NAMES`] it is or
/// sounds as ([`sound_key`]: `Terese` as Therese, `Marthe` as Marte); `None` for a name of
/// either sex, an unknown one, or a sound that names of both sexes share.
pub fn given_name_sex(folded: &[u8]) -> Option<NameSex> {
    // The sex of a name of the list.
    fn listed(name: &[u8]) -> Option<NameSex> {
        let find = |list: &[&str]| list.binary_search_by(|n| n.as_bytes().cmp(name)).is_ok();
        if find(EITHER_SEX) {
            None
        } else if find(MEN_GIVEN_NAMES) {
            Some(NameSex::Man)
        } else {
            Some(NameSex::Woman)
        }
    }
    static BY_SOUND: std::sync::LazyLock<std::collections::HashMap<Vec<u8>, Option<NameSex>>> =
        std::sync::LazyLock::new(|| {
            let mut by_sound = std::collections::HashMap::new();
            for name in COMMON_GIVEN_NAMES {
                let mut key = Vec::new();
                sound_key(name.as_bytes(), &mut key);
                let sex = listed(name.as_bytes());
                // Names of both sexes (or of either) with one sound tell none.
                by_sound
                    .entry(key)
                    .and_modify(|s: &mut Option<NameSex>| {
                        if *s != sex {
                            *s = None;
                        }
                    })
                    .or_insert(sex);
            }
            by_sound
        });
    if is_common_given_name(folded) {
        return listed(folded);
    }
    let mut key = Vec::new();
    sound_key(folded, &mut key);
    BY_SOUND.get(&key).copied().flatten()
}

/// Whether a folded given name is in [`COMMON_GIVEN_NAMES`].
pub fn is_common_given_name(folded: &[u8]) -> bool {
    COMMON_GIVEN_NAMES
        .binary_search_by(|n| n.as_bytes().cmp(folded))
        .is_ok()
}

/// A person's name as matched: folded tokens split into first, last and middle names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameKey {
    /// First given name (the first token of the given names).
    pub first: String,
    /// Last surname token (the family name).
    pub last: String,
    /// Every token between them, in order, joined by single spaces (empty if none).
    pub middles: String,
    /// The first given name was written abbreviated with a full stop (`Chr.`, `Elis.`): a
    /// prefix of the name, not a name.
    pub first_abbreviated: bool,
    /// The first given name is hyphenated (`Nils-Rune`): one name, whose second part is the
    /// first middle name here, not a middle name of its own.
    pub first_hyphenated: bool,
    /// A couple in the given-name field (`Hilde og Geir`, `Hilde & Geir`, `Hilde/Geir`): the
    /// first given name of the second person (the names are the first's); empty if none.
    pub other_first: String,
    /// How many of the middle names (the last ones) were written in the surname field: the
    /// first part of a double surname (`Bråten Rustad`), a *mellomnavn* that lists add or
    /// drop, where a middle given name that differs is more often another person.
    pub surname_middles: usize,
}

impl NameKey {
    /// Builds the key from given names and surname as written anywhere (register or lead).
    /// With only one field given, its first token is the first name and its last the surname.
    /// A single field written `Surname, Given` is read in that order.
    pub fn new(given_names: &str, surname: &str) -> NameKey {
        let mut key = NameKey::default();
        key.set(given_names, surname, &mut String::new());
        key
    }

    /// [`NameKey::new`] into `self`, reusing its buffers and `folded` (a work buffer): no
    /// allocation once they have grown.
    pub fn set(&mut self, given_names: &str, surname: &str, folded: &mut String) {
        // A name written in a form's boxes, a letter each (`K J Æ R N E S`), is one word.
        let (given_joined, surname_joined) = (joined_letters(given_names), joined_letters(surname));
        let given_names = given_joined.as_deref().unwrap_or(given_names);
        let surname = surname_joined.as_deref().unwrap_or(surname);
        // A generation suffix (`Brekke d.y.`, `Hansen jr.`), an occupation (`Røed adv.`) or
        // a number (`Lunde (1)`) after the name is not a name; a number after the given names
        // (`Oskar #57`) neither.
        let after_name = |field| without_occupation(without_generation(without_number(field)));
        let (given_names, surname) = if surname.trim().is_empty() {
            (after_name(given_names), surname)
        } else if given_names.trim().is_empty() {
            (given_names, after_name(surname))
        } else {
            // With the given names in their own field, a note after the surname (`Sørli,
            // katt: Pusur`, `Løken - Trofast`) is not a name either.
            (
                without_number(given_names),
                after_name(without_note(surname)),
            )
        };
        // A call name beside the given names (`Kris (Kristoffer)`, `Ingeborg "Inga"`): read
        // without it, and what it names as the other reading of the first name.
        let called = if surname.trim().is_empty() {
            None
        } else {
            call_name(given_names)
        };
        let given_names = called.as_ref().map_or(given_names, |(g, _)| g.as_str());
        let (given_names, surname, other) = if !surname.trim().is_empty()
            && !given_names
                .bytes()
                .chain(surname.bytes())
                .any(|b| matches!(b, b',' | b'/' | b'(' | b'&' | b'+'))
        {
            // The common case: both fields, no punctuation that reorders or cuts them.
            let (given_names, other) = split_couple(given_names);
            (given_names, surname, other)
        } else {
            split_fields(given_names, surname)
        };
        // Both fields folded into one buffer, tokens found without collecting them.
        folded.clear();
        fold_into(given_names, folded);
        let given_end = folded.len();
        folded.push(' ');
        fold_into(surname, folded);
        if folded.len() <= given_end + 1 || folded[given_end + 1..].contains(' ') {
            // (A marker needs a surname before it and a name after it: a surname field of
            // one word has none.)
            drop_former_surname(folded, given_end);
        }
        // A courtesy or academic title before the name (`Fru Kari`, `Dr. Per`) is not a name.
        let mut given_end = given_end;
        while let Some((word, rest)) = folded.split_once(' ')
            && is_title(word)
            && rest.contains(' ')
        {
            let cut = word.len() + 1;
            folded.drain(..cut);
            given_end = given_end.saturating_sub(cut);
        }
        self.first.clear();
        self.last.clear();
        self.middles.clear();
        self.other_first.clear();
        self.surname_middles = 0;
        self.first_abbreviated = first_abbreviated(given_names);
        self.first_hyphenated = NameKey::is_hyphenated(given_names);
        // Folded text is tokens joined by single spaces; either field may be empty.
        let n = folded.split_ascii_whitespace().count();
        // The tokens before `given_end` came from the given-name field.
        let given_tokens = folded
            .get(..given_end)
            .unwrap_or(folded)
            .split_ascii_whitespace()
            .count();
        for (i, t) in folded.split_ascii_whitespace().enumerate() {
            if n == 1 {
                // One token: it is whichever field it came from.
                if given_end > 0 {
                    self.first.push_str(t);
                } else {
                    self.last.push_str(t);
                }
            } else if i == 0 {
                self.first.push_str(t);
            } else if i + 1 == n {
                self.last.push_str(t);
            } else {
                if !self.middles.is_empty() {
                    self.middles.push(' ');
                }
                self.middles.push_str(t);
                if i >= given_tokens {
                    self.surname_middles += 1;
                }
            }
        }
        if let Some(other) = other.or(called.as_ref().and_then(|&(_, name)| name)) {
            folded.clear();
            fold_into(other, folded);
            self.other_first
                .push_str(folded.split(' ').next().unwrap_or_default());
        }
    }

    /// Whether the first of the given names is hyphenated (`Nils-Rune`).
    pub fn is_hyphenated(given_names: &str) -> bool {
        given_names.contains('-')
            && given_names
                .split_whitespace()
                .next()
                .is_some_and(|w| w.trim_matches('-').contains('-'))
    }

    /// The middle names, in order.
    pub fn middles(&self) -> impl Iterator<Item = &str> {
        self.middles.split(' ').filter(|t| !t.is_empty())
    }

    /// Whether both the first and the last name are known (what matching needs).
    pub fn is_complete(&self) -> bool {
        !self.first.is_empty() && !self.last.is_empty()
    }
}

/// Generation suffixes, lower case: what a CRM writes after a name to tell a father from a
/// son of one name (*den yngre*, *den eldre*, junior, senior). The register writes none.
const GENERATION_SUFFIXES: &[&str] = &[
    "den yngre",
    "den eldre",
    "junior",
    "senior",
    "d. y.",
    "d. e.",
    "d.y.",
    "d.e.",
    "jun.",
    "sen.",
    "d.y",
    "d.e",
    "jr.",
    "sr.",
    "jr",
    "sr",
];

/// A name field without a generation suffix after the name (`Brekke d.y.`, `Hansen jr.`,
/// `Olsen, sr`); the field as it is if it ends in none or has no letter before it.
fn without_generation(field: &str) -> &str {
    let t = field.trim_end();
    let bytes = t.as_bytes();
    for suffix in GENERATION_SUFFIXES {
        let Some(at) = bytes.len().checked_sub(suffix.len()) else {
            continue;
        };
        // The suffix is a word of its own: a space or a comma before it (both ASCII, so
        // `at` is a character boundary).
        if at == 0
            || !matches!(bytes[at - 1], b' ' | b',' | b'\t')
            || !bytes[at..].eq_ignore_ascii_case(suffix.as_bytes())
        {
            continue;
        }
        let rest = t[..at].trim_end_matches(|c: char| c.is_whitespace() || c == ',');
        if rest.chars().any(char::is_alphabetic) {
            return rest;
        }
    }
    field
}

/// The field without a number written after the name, which no name has: a counter a CRM's
/// merge of duplicate customers wrote (`Rønning_2`, `Lunde (1)`, `Lunde(3)`), a match squad
/// list's shirt number (`Oskar Einar #57`, `Tomas Åge (16)`, `Thomas#7`): one to three
/// digits after an underscore or a `#` (`# 7`), or in brackets (`(#7)` too). The field as it
/// is if there is none, or nothing of a name is left.
fn without_number(field: &str) -> &str {
    let t = field.trim_end();
    let (body, closed) = match t.strip_suffix(')') {
        Some(inner) => (inner, true),
        None => (t, false),
    };
    let digits = body.len() - body.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=3).contains(&digits) {
        return field;
    }
    let before = &body[..body.len() - digits];
    let (before, hashed) = match before.trim_end().strip_suffix('#') {
        Some(before) => (before, true),
        None => (before, false),
    };
    let opened = if closed {
        before.strip_suffix('(')
    } else if hashed {
        Some(before)
    } else {
        before.strip_suffix('_')
    };
    opened.map_or(field, |rest| name_left(rest.trim_end(), field))
}

/// The surname field without a note written after the surname, after a comma or a dash with
/// a space beside it: a pet clinic's owner field (`Sørli, katten Pusur`, `Dahl, eier av Fido`,
/// `Løken - Trofast`), a CRM's remark (`Hansen, Kari`). A double surname is written with a
/// hyphen and no space (`Hansen-Olsen`); `Hansen, gift Olsen` (*gift*: married) names the
/// surname after the comma and is read by [`drop_former_surname`]. The field as it is if it
/// has no such mark or no name before it.
fn without_note(field: &str) -> &str {
    let dash = |c: char| matches!(c, '-' | '\u{2013}' | '\u{2014}');
    let bytes = field.as_bytes();
    let spaced_dash = field.char_indices().find(|&(at, c)| {
        dash(c)
            && ((at > 0 && bytes[at - 1].is_ascii_whitespace())
                || bytes
                    .get(at + c.len_utf8())
                    .is_some_and(u8::is_ascii_whitespace))
    });
    let comma = field.find(',').filter(|&at| {
        let after = field[at + 1..].trim_start();
        !after
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("gift"))
    });
    let Some(cut) = [comma, spaced_dash.map(|(at, _)| at)]
        .into_iter()
        .flatten()
        .min()
    else {
        return field;
    };
    name_left(field[..cut].trim_end(), field)
}

/// Whether a field has a hyphen with a space beside it (`Løken - Trofast`): a note after
/// the name, which [`without_note`] cuts. The plain name key's check, on bytes: a field it
/// reads has no other dash and no other space.
fn has_spaced_hyphen(field: &[u8]) -> bool {
    field.iter().enumerate().any(|(at, &b)| {
        b == b'-' && ((at > 0 && field[at - 1] == b' ') || field.get(at + 1) == Some(&b' '))
    })
}

/// `rest`, a name field without what followed the name, if a name is left in it; else the
/// field as it was.
fn name_left<'a>(rest: &'a str, field: &'a str) -> &'a str {
    if rest.chars().any(char::is_alphabetic) {
        rest
    } else {
        field
    }
}

/// Occupations as an old telephone directory prints them after the name (`Røed adv.`,
/// `Myklebust, lærer`, `LØVÅS PENS.`), and the business register's `ENK` after a sole
/// proprietor's name, folded, the abbreviations without their dot. None is a Norwegian
/// surname; those that are ([`OCCUPATIONS_ALSO_SURNAMES`]) are read as an occupation only
/// where written as one.
const DIRECTORY_OCCUPATIONS: &[&str] = &[
    "adjunkt",
    "adv",
    "advokat",
    "arkitekt",
    "bibliotekar",
    "bussjaafoer",
    "dir",
    "direktoer",
    "disponent",
    "dr",
    "drosjeeier",
    "ekspeditoer",
    "elektriker",
    // A sole proprietorship's firm name is its owner's (`Lunde ENK`, `Bøe (ENK)`): a lead
    // bought from the business register.
    "enk",
    "farmasoeyt",
    "formann",
    "frisoer",
    "gaardbruker",
    "gbr",
    "hjelpepleier",
    "hjemmevaerende",
    "husmor",
    "ing",
    "ingenioer",
    "jordmor",
    "kapt",
    "kaptein",
    "kjm",
    "kjoepmann",
    "konsulent",
    "kontorist",
    "laerer",
    "lege",
    "lektor",
    "lensmann",
    "mekaniker",
    "montoer",
    "overlaerer",
    "overlege",
    "pens",
    "pensjonist",
    "politibetjent",
    "rektor",
    "revisor",
    "roerlegger",
    "sekretaer",
    "selger",
    "sivilingenioer",
    "sjaafoer",
    "snekker",
    "sogneprest",
    "stud",
    "student",
    "styrmann",
    "sykepleier",
    "tannlege",
    "toemrer",
    "ufoer",
    "vaktmester",
    "veterinaer",
];

/// Occupations that are Norwegian surnames too (`Bonde`, `Smed`, `Fisker`), folded: an
/// occupation only after a comma (`Holm, bonde`) or in small letters after a capitalised
/// name (`Larsen bonde`), never as the last of two capitalised surnames (`Hansen Bonde`).
const OCCUPATIONS_ALSO_SURNAMES: &[&str] = &[
    "baker",
    "bonde",
    "fisker",
    "fotograf",
    "journalist",
    "kunstner",
    "maler",
    "murer",
    "musiker",
    "prest",
    "skipper",
    "skomaker",
    "skredder",
    "smed",
    "slakter",
];

/// A name field without an occupation after the name ([`DIRECTORY_OCCUPATIONS`]: `Røed
/// adv.`, `Myklebust, lærer`, `Holm, bonde`); the field as it is if its last word is none or
/// no name comes before it.
fn without_occupation(field: &str) -> &str {
    let t = field.trim_end().trim_end_matches('.');
    let Some(at) = t.rfind([' ', ',', '\t']) else {
        return field;
    };
    let written = &t[at + 1..];
    let word = super::fold(written);
    let occupation = DIRECTORY_OCCUPATIONS.contains(&word.as_str())
        || (OCCUPATIONS_ALSO_SURNAMES.contains(&word.as_str()) && {
            let after_comma = t[..=at].trim_end().ends_with(',');
            let small_after_capital = written.starts_with(char::is_lowercase)
                && t[..at].trim_end().starts_with(char::is_uppercase);
            after_comma || small_after_capital
        });
    if !occupation {
        return field;
    }
    name_left(
        t[..at].trim_end_matches(|c: char| c.is_whitespace() || c == ','),
        field,
    )
}

/// A name field written a letter at a time, as a scanned form's boxes give it (`K J Æ R N E
/// S`, `T O N E`): three or more single letters separated by spaces, joined into one word.
/// `None` for any other field (a first word of two letters or more ends the check).
fn joined_letters(field: &str) -> Option<String> {
    // Most fields: a second character that is no space ends the check at once (first on
    // the bytes, for a field that starts with two ASCII letters).
    let b = field.as_bytes();
    let indent = b.iter().take_while(|&&c| c == b' ').count();
    if let [c0, c1, ..] = b[indent..]
        && c0.is_ascii_alphabetic()
        && c1.is_ascii_alphabetic()
    {
        return None;
    }
    let mut start = field.trim_start().chars();
    start.next()?;
    if !start.next().is_some_and(char::is_whitespace) {
        return None;
    }
    let mut letters = 0;
    for word in field.split_whitespace() {
        let mut chars = word.chars();
        if !(chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()) {
            return None;
        }
        letters += 1;
    }
    (letters >= 3).then(|| field.split_whitespace().collect())
}

/// Appends the name part of an exact key, `last SEP first SEP middles` as [`NameKey`] reads
/// them, for a name that needs no reading: both fields letters (ASCII, æ, ø, å, ä, ö) with
/// spaces and hyphens between words, the given names neither a title first nor a couple, the
/// surname without a word that marks a former surname. `false` (and `out` and `folded` left
/// as they are part-way) for any other name: [`NameKey::set`] reads it.
pub fn plain_name_key(given: &str, surname: &str, folded: &mut String, out: &mut Vec<u8>) -> bool {
    folded.clear();
    if joined_letters(given).is_some() || joined_letters(surname).is_some() {
        return false;
    }
    if !super::fold_name_letters(given, folded) {
        return false;
    }
    let given_end = folded.len();
    folded.push(' ');
    if !super::fold_name_letters(surname, folded) {
        return false;
    }
    if given_end == 0 || folded.len() == given_end + 1 || has_spaced_hyphen(surname.as_bytes()) {
        // (A dash with a space beside it marks a note after the surname: `without_note`.)
        return false;
    }
    let (given, surname) = (&folded[..given_end], &folded[given_end + 1..]);
    let space = |&b: &u8| b == b' ';
    let first_end = given.bytes().position(|b| b == b' ').unwrap_or(given.len());
    let last_start = surname
        .as_bytes()
        .iter()
        .rposition(space)
        .map_or(0, |s| s + 1);
    let word_og = |w: &[u8]| w == b"og";
    if is_title(&given[..first_end])
        || given.as_bytes().split(space).any(word_og)
        || (last_start > 0
            && (surname
                .split(' ')
                .any(|w| w == "gift" || MAIDEN_MARKERS.contains(&w))
                // A generation suffix without a dot (`Hansen jr`, `Dahl den yngre`).
                || matches!(
                    &surname[last_start..],
                    "jr" | "sr" | "junior" | "senior" | "yngre" | "eldre"
                )
                // An occupation after the name (`Larsen snekker`), read by the slow path.
                || DIRECTORY_OCCUPATIONS.contains(&&surname[last_start..])
                || OCCUPATIONS_ALSO_SURNAMES.contains(&&surname[last_start..])))
    {
        return false;
    }
    out.extend_from_slice(&surname.as_bytes()[last_start..]);
    out.push(SEP);
    out.extend_from_slice(&given.as_bytes()[..first_end]);
    out.push(SEP);
    // The middles: the given names after the first, then the surnames before the last.
    let given_rest = given.get(first_end + 1..).unwrap_or_default();
    let surname_rest = surname
        .get(..last_start.saturating_sub(1))
        .unwrap_or_default();
    out.extend_from_slice(given_rest.as_bytes());
    if !given_rest.is_empty() && !surname_rest.is_empty() {
        out.push(b' ');
    }
    out.extend_from_slice(surname_rest.as_bytes());
    true
}

/// The given names, the surname and a couple's second person of a name whose fields need
/// reading: `Surname, Given` in one field, the surname first in capitals, a former surname
/// after a slash or in brackets, a couple in the given-name field.
fn split_fields<'a>(given_names: &'a str, surname: &'a str) -> (&'a str, &'a str, Option<&'a str>) {
    let (mut given_names, mut surname) = (given_names, surname);
    while surname.trim().is_empty()
        && let Some((s, g)) = given_names.split_once(',')
    {
        (given_names, surname) = (g, s);
    }
    if surname.trim().is_empty()
        && let Some((s, g)) =
            card_chip_name(given_names).or_else(|| split_capitals_first(given_names))
    {
        (given_names, surname) = (g, s);
    }
    // What comes before `mark`, if anything does.
    fn before(field: &str, mark: char) -> &str {
        match field.split_once(mark) {
            Some((before, _)) if !before.trim().is_empty() => before,
            _ => field,
        }
    }
    // Two surnames with a slash (`Hansen/Olsen`): the first is the name, the other a former
    // one. A former surname in brackets after the names (`Hansen (Olsen)`, `Kari (f.
    // Olsen)`): not the name.
    let surname = before(before(surname, '/'), '(');
    let (given_names, other) = split_couple(given_names);
    let given_names = if surname.trim().is_empty() {
        given_names
    } else {
        before(given_names, '(')
    };
    (given_names, surname, other)
}

/// Cuts a maiden or former surname introduced by a [`MAIDEN_MARKERS`] word from `folded`
/// (the given names, a space at `given_end`, then the surname): the marker must follow the
/// surname (a word of the surname field, or the second word of a full name written in the
/// given-name field) and have a name after it, so that a middle initial `F.` stays.
///
/// The other way round, `Hansen, gift Olsen` (*gift*: married) gives the name after the word.
fn drop_former_surname(folded: &mut String, given_end: usize) {
    let surname_given = folded.len() > given_end + 1;
    let mut at = 0;
    for (i, t) in folded.split(' ').enumerate() {
        let start = at;
        at += t.len() + 1;
        let after_surname = if surname_given {
            start > given_end + 1
        } else {
            i >= 2
        };
        if !after_surname || at >= folded.len() {
            continue;
        }
        if MAIDEN_MARKERS.contains(&t) {
            folded.truncate(start.saturating_sub(1));
            return;
        }
        if t == "gift" {
            // The surname before the word goes: from the surname's start (or the second word
            // of a full name) to the word.
            let from = if surname_given {
                given_end + 1
            } else {
                folded.find(' ').map_or(0, |s| s + 1)
            };
            folded.replace_range(from..at, "");
            return;
        }
    }
}

/// A cardholder name as a payment card's chip holds it (ISO/IEC 7813: `SURNAME/GIVEN NAMES`
/// in capitals, perhaps a title after the given names: `DYRNES/FROYDIS`, `FLOTTEN/BARD
/// HAVARD`, `HANSEN/OLA MR`), from a payment terminal or a card-on-file export: the surname
/// and the given names. Only in capitals, and with one word before the slash, so that a
/// couple (`Kari/Ola`) stays a couple.
fn card_chip_name(name: &str) -> Option<(&str, &str)> {
    let (surname, given) = name.split_once('/')?;
    let (surname, given) = (surname.trim(), given.trim());
    if surname.is_empty()
        || given.is_empty()
        || surname.contains(char::is_whitespace)
        || given.contains('/')
        || name.chars().any(char::is_lowercase)
    {
        return None;
    }
    let given = given
        .rsplit_once([' ', '.'])
        .filter(|(_, title)| matches!(*title, "MR" | "MRS" | "MS" | "MISS" | "DR"))
        .map_or(given, |(g, _)| g.trim_end());
    Some((surname, given))
}

/// Whether `name` is a cardholder name as a payment card's chip holds it (`SURNAME/GIVEN` in
/// capitals, one word before the slash: `LOMO/BJARTE`).
pub fn is_card_chip_name(name: &str) -> bool {
    card_chip_name(name).is_some()
}

/// A full name written surname first, the surname in capitals (`NYGÅRD Tomas Andreas`,
/// `TVEIT-SÆTHER Marte`): the surname and the given names, if the words in capitals are
/// followed by words that are not.
fn split_capitals_first(name: &str) -> Option<(&str, &str)> {
    let capitals = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    };
    let name = name.trim();
    let mut surname_end = 0;
    let mut rest = name;
    while let Some(w) = rest.split_whitespace().next()
        && capitals(w)
    {
        surname_end = name.len() - rest.len() + w.len();
        rest = rest[w.len()..].trim_start();
    }
    (surname_end > 0
        && !rest.is_empty()
        && rest
            .split_whitespace()
            .all(|w| w.chars().any(char::is_lowercase)))
    .then(|| (&name[..surname_end], rest))
}

/// A call name written beside the given names in brackets or quotes (`Kristoffer (Kris)`,
/// `Kris (Kristoffer)`, `Fred (Fredrik) Trond`, `Ingeborg "Inga"`, `Anne «Annemor»`): the given
/// names without it, and the name it gives if it is one word of two letters or more. `None`
/// if the field has no bracket or quote, or nothing outside it.
fn call_name(given: &str) -> Option<(String, Option<&str>)> {
    let (open, o) = given
        .char_indices()
        .find(|&(_, c)| matches!(c, '(' | '"' | '“' | '«'))?;
    let inside = &given[open + o.len_utf8()..];
    let closes = |c: char| match o {
        '(' => c == ')',
        '«' => c == '»',
        _ => matches!(c, '"' | '”' | '“'),
    };
    let (content, after) = match inside.char_indices().find(|&(_, c)| closes(c)) {
        Some((close, c)) => (&inside[..close], &inside[close + c.len_utf8()..]),
        None => (inside, ""),
    };
    let rest = format!("{} {}", &given[..open], after);
    if !rest.chars().any(char::is_alphabetic) {
        return None;
    }
    let content = content.trim();
    let name = (content.chars().count() >= 2 && content.chars().all(char::is_alphabetic))
        .then_some(content);
    Some((rest, name))
}

/// A couple in the given-name field (`Hilde og Geir`, `Hilde & Geir`, `Hilde/Geir`, `Hilde +
/// Geir`): the first person's given names and the second's, if there are two.
fn split_couple(given: &str) -> (&str, Option<&str>) {
    let b = given.as_bytes();
    let at = b
        .iter()
        .position(|&c| matches!(c, b'&' | b'/' | b'+'))
        .map(|i| (i, i + 1))
        .or_else(|| {
            b.windows(4)
                .position(|w| w[0] == b' ' && w[1..3].eq_ignore_ascii_case(b"og") && w[3] == b' ')
                .map(|i| (i, i + 4))
        });
    match at {
        Some((end, start))
            if !given[..end].trim().is_empty() && !given[start..].trim().is_empty() =>
        {
            (&given[..end], Some(&given[start..]))
        }
        _ => (given, None),
    }
}

/// Whether the first given name (after any title that has a word after it) is written as an
/// abbreviation: two to seven letters and a full stop (`Chr.`, `Kr.`, `Fr.`, `Thorbj.`).
fn first_abbreviated(given_names: &str) -> bool {
    if !given_names.contains('.') {
        return false;
    }
    let mut words = given_names
        .split(|c: char| c.is_whitespace() || c == ',' || c == '-')
        .filter(|w| !w.is_empty())
        .peekable();
    while let Some(w) = words.next() {
        let bare = w.trim_end_matches('.');
        if words.peek().is_some() && is_title(&bare.to_lowercase()) {
            continue;
        }
        return w.strip_suffix('.').is_some_and(|w| {
            (2..=7).contains(&w.chars().count()) && w.chars().all(char::is_alphabetic)
        });
    }
    false
}

impl std::fmt::Display for NameKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.first)?;
        for m in self.middles() {
            write!(f, " {m}")?;
        }
        write!(f, " {}", self.last)
    }
}

/// A key of how a given name sounds, made for Scandinavian spellings (after the Norphone idea:
/// spellings of one sound made one), so that spelling variants of one name agree: `th`→`t`
/// (Thomas/Tomas, Thor/Tor), `ch`, `ck`, `c`, `q`→`k` (Christian/Kristian, Carl/Karl), `ph`→`f`,
/// `w`→`v`, `z`→`s`, `x`→`ks`, `y` after a vowel → `i` (Kay/Kai), a silent `h` after or
/// before a consonant (John/Jon), and
/// doubled letters single (Christoffer/Kristofer). Vowels are kept, so Ola/Ole, Anne/Anna and
/// Tor/Tore stay apart. `name` is folded; the key is written into `out`.
pub fn sound_key(name: &[u8], out: &mut Vec<u8>) {
    out.clear();
    let is_vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let mut i = 0;
    while i < name.len() {
        let c = name[i];
        let next = name.get(i + 1).copied();
        let (emit, step): (&[u8], usize) = match (c, next) {
            (b'c', Some(b'h' | b'k')) => (b"k", 2),
            (b'c', Some(b'e' | b'i' | b'y')) => (b"s", 1),
            (b'c' | b'q', _) => (b"k", 1),
            (b'p', Some(b'h')) => (b"f", 2),
            (b't', Some(b'h')) => (b"t", 2),
            (b'w', _) => (b"v", 1),
            (b'z', _) => (b"s", 1),
            // `y` after a vowel is the diphthong's `i` (Kay/Kai, Eyvind/Eivind, Layla/Laila).
            (b'y', _) if out.last().is_some_and(|&p| is_vowel(p) && p != b'y') => (b"i", 1),
            (b'x', _) => (b"ks", 1),
            // A silent h: after a consonant, or before one (`John`, `Hjalmar`).
            (b'h', n) if out.last().is_some_and(|&p| !is_vowel(p)) || !n.is_some_and(is_vowel) => {
                (b"", 1)
            }
            _ => (std::slice::from_ref(&name[i]), 1),
        };
        for &e in emit {
            if out.last() != Some(&e) {
                out.push(e);
            }
        }
        i += step;
    }
}

/// Spellings of one given name that [`sound_key`]'s rules leave apart because their vowels
/// (or a first `j`/`y`) differ, by their sound key: the key they share (Mohamed/Muhammad,
/// Aisha/Ayesha, Yusuf/Youssef, Leila/Layla, Jasmin/Yasmin); and the Swedish and Danish forms
/// of Norwegian names, as a call centre across the border writes them (Knud/Knut,
/// Torsten/Torstein, Kjeld/Kjell, Niels/Nils, Håkan/Håkon, Kerstin/Kjersti,
/// Ingeborg/Ingebjørg, Göran/Jøran). Sorted by the first.
pub(super) const SOUND_VARIANTS: &[(&[u8], &[u8])] = &[
    (b"abdala", b"abdula"),
    (b"abdulraman", b"abdiraman"),
    (b"abduraman", b"abdiraman"),
    (b"aiesa", b"aisa"),
    (b"aika", b"aisa"),
    (b"aiska", b"aisa"),
    (b"amad", b"amed"),
    (b"amet", b"amed"),
    (b"bengt", b"bent"),
    (b"birgita", b"birgite"),
    (b"ebrahim", b"ibrahim"),
    (b"eilif", b"eiliv"),
    (b"eirik", b"erik"),
    (b"goeran", b"joeran"),
    (b"hadija", b"kadija"),
    (b"hakan", b"hakon"),
    (b"husain", b"husein"),
    (b"ibrahem", b"ibrahim"),
    (b"ingeborg", b"ingebjoerg"),
    (b"jasmin", b"yasmin"),
    (b"jasmine", b"yasmine"),
    (b"jusuf", b"yusuf"),
    (b"kadidja", b"kadija"),
    (b"karem", b"karim"),
    (b"kerstin", b"kjersti"),
    (b"kjeld", b"kjel"),
    (b"kjerstin", b"kjersti"),
    (b"knud", b"knut"),
    (b"laila", b"leila"),
    (b"mariam", b"maryam"),
    (b"mikael", b"mikel"),
    (b"mohamad", b"muhamad"),
    (b"mohamed", b"muhamad"),
    (b"mostafa", b"mustafa"),
    (b"moustafa", b"mustafa"),
    (b"muhamed", b"muhamad"),
    (b"niels", b"nils"),
    (b"nur", b"nour"),
    (b"oeivind", b"eivind"),
    (b"oivind", b"eivind"),
    (b"otman", b"osman"),
    (b"samer", b"samir"),
    (b"seinab", b"sainab"),
    (b"solvei", b"solveig"),
    (b"solvej", b"solveig"),
    (b"sten", b"stein"),
    (b"sven", b"svein"),
    (b"torsten", b"torstein"),
    (b"umar", b"omar"),
    (b"usman", b"osman"),
    (b"yousef", b"yusuf"),
];

/// [`sound_key`], then the spellings of one name in [`SOUND_VARIANTS`] made one.
fn variant_key(name: &[u8], out: &mut Vec<u8>) {
    sound_key(name, out);
    if let Ok(i) = SOUND_VARIANTS.binary_search_by(|(k, _)| (*k).cmp(out.as_slice())) {
        out.clear();
        out.extend_from_slice(SOUND_VARIANTS[i].1);
    }
}

/// A surname's key: [`sound_key`] with two more spellings made one that given names must keep
/// apart: `ae` before a consonant as `e` (Sæter/Sether/Seter) and `ie` before a consonant as
/// `i` (Nielsen/Nilsen/Nilssen).
fn surname_key(name: &[u8], out: &mut Vec<u8>) {
    sound_key(name, out);
    let is_vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let mut w = 0;
    let mut r = 0;
    while r < out.len() {
        let c = out[r];
        let pair_before_consonant = matches!(
            (c, out.get(r + 1), out.get(r + 2)),
            (b'a' | b'i', Some(b'e'), Some(&n)) if !is_vowel(n)
        );
        if pair_before_consonant {
            out[w] = if c == b'a' { b'e' } else { b'i' };
            r += 2;
        } else {
            out[w] = c;
            r += 1;
        }
        w += 1;
    }
    out.truncate(w);
}

/// Given names one doubled letter apart that are two names, not two spellings of one
/// (`Per`/`Peer`, `Ane`/`Anne`, `Ole`/`Olle`): [`sound_key`] makes them one, so a housemate
/// named the other would read as the person. Folded, the shorter first, sorted by it.
/// (Spellings of one name stay one: `Britt`/`Brit`, `Annette`/`Anette`, `Ellinor`/`Elinor`.)
const NAMES_ONE_LETTER_DOUBLED: &[(&[u8], &[u8])] = &[
    (b"ane", b"anne"),
    (b"eli", b"elli"),
    (b"ina", b"inna"),
    (b"mina", b"minna"),
    (b"ole", b"olle"),
    (b"per", b"peer"),
    (b"sven", b"svenn"),
];

/// Whether two folded given names are two names one doubled letter apart
/// ([`NAMES_ONE_LETTER_DOUBLED`]).
pub fn other_name_one_letter_doubled(a: &[u8], b: &[u8]) -> bool {
    let pair = if a.len() <= b.len() { (a, b) } else { (b, a) };
    NAMES_ONE_LETTER_DOUBLED
        .binary_search_by(|(short, _)| (*short).cmp(pair.0))
        .is_ok_and(|i| NAMES_ONE_LETTER_DOUBLED[i].1 == pair.1)
}

/// Whether two folded given names are spellings of one name ([`sound_key`] agrees, or they
/// are spellings of one name whose vowels differ, such as Mohamed and Muhammad).
pub fn sounds_alike(a: &[u8], b: &[u8]) -> bool {
    keys_agree(a, b, variant_key)
}

/// Whether two folded surnames are spellings of one surname (their surname keys agree:
/// Sæter/Sether, Nielsen/Nilssen, Thorsen/Torsen).
pub fn surnames_sound_alike(a: &[u8], b: &[u8]) -> bool {
    keys_agree(a, b, surname_key)
}

/// Whether `key` makes one key of `a` and `b`.
fn keys_agree(a: &[u8], b: &[u8], key: fn(&[u8], &mut Vec<u8>)) -> bool {
    // Spellings of one name differ by a few letters: most pairs are ruled out before any key
    // is made.
    if a.len() > 40 || b.len() > 40 || a.len().abs_diff(b.len()) > 3 || a == b {
        return a == b;
    }
    thread_local! {
        static KEYS: std::cell::RefCell<(Vec<u8>, Vec<u8>)> =
            const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
    }
    KEYS.with(|k| match k.try_borrow_mut() {
        Ok(mut k) => {
            let (ka, kb) = &mut *k;
            key(a, ka);
            key(b, kb);
            ka == kb
        }
        Err(_) => {
            let (mut ka, mut kb) = (Vec::new(), Vec::new());
            key(a, &mut ka);
            key(b, &mut kb);
            ka == kb
        }
    })
}
