//! Norway's postcodes and their post towns, for finding a lead's persons from its city when
//! its postcode is missing, misread or wrong.
//!
//! The table is Bring's postcode register as bundled in `data/postcodes/NO.tsv` (its README
//! names the source and date), compiled into the binary. A *town* is a post town (poststed):
//! the place name the register gives each postcode (`OSLO` for 637 postcodes, `BERGEN` for
//! 134, `KRISTIANSAND S`, …). The register has no municipality column; a post town stands
//! for the municipality's built-up area, which is where street names are unique.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::normalise::fold;

/// The bundled register: `postcode<TAB>town` per line after a header.
const REGISTER: &str = include_str!("../../data/postcodes/NO.tsv");

/// A post town's number in [`Postcodes`].
pub type Town = u16;

/// Norway's postcodes and post towns.
#[derive(Debug)]
pub struct Postcodes {
    /// The town of each postcode 0000–9999 (`NONE` for unused postcodes).
    town_of: Vec<Town>,
    /// Town names as the register writes them, by town number.
    names: Vec<String>,
    /// The postcodes of each town, ascending.
    codes: Vec<Vec<u16>>,
    /// Folded town name (and the name without a trailing one-letter part: `kristiansand` for
    /// `KRISTIANSAND S`) to town.
    by_name: HashMap<String, Town>,
    /// The keys of `by_name`, sorted: the towns a name cut short may be.
    sorted_names: Vec<(String, Town)>,
    /// The keys of `by_name` with each `i` written `l` ([`misread`]), to the one town that
    /// reads so (`None`: two towns do).
    by_misread: HashMap<String, Option<Town>>,
}

/// A folded town name with each `i` and `1` written `l`: what text recognition's confusion
/// of a sans-serif `I`, `l` and `1` leaves the same.
fn misread(folded: &str) -> String {
    folded.replace(['i', '1'], "l")
}

const NONE: Town = Town::MAX;

/// Towns' older names, as older customers and old lists still write them, with the post town
/// the register names today: the spellings before the 1877 and 1925–1930 reforms
/// (`Christiania`, `Trondhjem`, `Laurvig`, `Tromsøe`), older and medieval names (`Nidaros`,
/// `Bjørgvin`, `Tunsberg`), and towns renamed (`Fredrikshald`, `Victoriahavn`,
/// `Østerrisør`, `Fredriksvern`).
const FORMER_NAMES: [(&str, &str); 28] = [
    ("Christiania", "OSLO"),
    ("Kristiania", "OSLO"),
    ("Trondhjem", "TRONDHEIM"),
    ("Throndhjem", "TRONDHEIM"),
    ("Nidaros", "TRONDHEIM"),
    ("Fredrikshald", "HALDEN"),
    ("Frederikshald", "HALDEN"),
    ("Christianssand", "KRISTIANSAND S"),
    ("Christiansand", "KRISTIANSAND S"),
    ("Kristianssand", "KRISTIANSAND S"),
    ("Christianssund", "KRISTIANSUND N"),
    ("Christiansund", "KRISTIANSUND N"),
    ("Kristianssund", "KRISTIANSUND N"),
    ("Laurvig", "LARVIK"),
    ("Laurvik", "LARVIK"),
    ("Porsgrund", "PORSGRUNN"),
    ("Ekersund", "EGERSUND"),
    ("Østerrisør", "RISØR"),
    ("Østerrisøer", "RISØR"),
    ("Victoriahavn", "NARVIK"),
    ("Bjørgvin", "BERGEN"),
    ("Tunsberg", "TØNSBERG"),
    ("Tromsøe", "TROMSØ"),
    ("Kragerøe", "KRAGERØ"),
    ("Fredriksstad", "FREDRIKSTAD"),
    ("Frederiksstad", "FREDRIKSTAD"),
    ("Fredriksvern", "STAVERN"),
    ("Frederiksværn", "STAVERN"),
];

/// The fewest letters of a town's name, cut short, that name it ([`Postcodes::town_named`]).
pub const CUT_TOWN: usize = 5;

impl Postcodes {
    /// Parses a register in the bundled format; lines that are not `dddd<TAB>name` are skipped
    /// (the bundled file has none; a unit test checks the count).
    pub fn parse(text: &str) -> Postcodes {
        let mut p = Postcodes {
            town_of: vec![NONE; 10_000],
            names: Vec::new(),
            codes: Vec::new(),
            by_name: HashMap::new(),
            sorted_names: Vec::new(),
            by_misread: HashMap::new(),
        };
        let mut by_exact: HashMap<String, Town> = HashMap::new();
        for line in text.lines() {
            let Some((code, name)) = line.split_once('\t') else {
                continue;
            };
            let (Some(pc), name) = (super::normalise::postcode_key(code), name.trim()) else {
                continue;
            };
            if name.is_empty() {
                continue;
            }
            let town = match by_exact.get(name) {
                Some(&t) => t,
                None => {
                    let Ok(t) = Town::try_from(p.names.len()) else {
                        continue;
                    };
                    by_exact.insert(name.to_owned(), t);
                    p.names.push(name.to_owned());
                    p.codes.push(Vec::new());
                    t
                }
            };
            p.town_of[usize::from(pc)] = town;
            p.codes[usize::from(town)].push(pc);
        }
        for (t, name) in p.names.iter().enumerate() {
            let folded = fold(name);
            let short = match folded.rsplit_once(' ') {
                Some((head, tail)) if tail.len() == 1 => Some(head.to_owned()),
                _ => None,
            };
            p.by_name.entry(folded).or_insert(t as Town);
            if let Some(s) = short {
                p.by_name.entry(s).or_insert(t as Town);
            }
        }
        for c in &mut p.codes {
            c.sort_unstable();
        }
        p.sorted_names = p.by_name.iter().map(|(n, &t)| (n.clone(), t)).collect();
        p.sorted_names.sort_unstable();
        for (n, &t) in &p.by_name {
            p.by_misread
                .entry(misread(n))
                .and_modify(|one| *one = one.filter(|&o| o == t))
                .or_insert(Some(t));
        }
        // After the names a cut-short or misread town is sought among: a former name is
        // matched whole. A register that names such a town itself keeps it.
        for (former, today) in FORMER_NAMES {
            if let Some(&t) = by_exact.get(today) {
                p.by_name.entry(fold(former)).or_insert(t);
            }
        }
        p
    }

    /// The town of a postcode, if the register has the postcode.
    pub fn town_of(&self, postcode: u16) -> Option<Town> {
        self.town_of
            .get(usize::from(postcode))
            .copied()
            .filter(|&t| t != NONE)
    }

    /// The town a city names as the register spells it, but for case, spaces and
    /// punctuation (`Oslo`, `KRISTIANSAND`, `Tromsø`; not `tromso`).
    pub fn town_named_exactly(&self, city: &str) -> Option<Town> {
        self.by_name.get(&fold(city)).copied()
    }

    /// The town a city as written names (`Oslo`, `KRISTIANSAND`, `Tromsø`, `tromso`, or a
    /// former name, `Christiania`, [`FORMER_NAMES`]), or the one town whose name it begins,
    /// cut short by a fixed-width column (`Steinkje`, `Hauge I Dala`; at least [`CUT_TOWN`]
    /// letters), or with an old postal district's number (`OSLO 12`).
    pub fn town_named(&self, city: &str) -> Option<Town> {
        let folded = fold(city);
        if folded.is_empty() {
            return None;
        }
        // A name cut short is read before a lossy spelling: `KROKSTAD`, a dialer's field
        // width, is Krokstadelva rather than Kråkstad with å written as it sounds.
        self.by_name
            .get(&folded)
            .copied()
            .or_else(|| self.town_cut_short(&folded))
            .or_else(|| {
                // Ø written as a bare o: `tromso`.
                self.by_name
                    .iter()
                    .find(|(n, _)| super::normalise::lossy_equal(folded.as_bytes(), n.as_bytes()))
                    .map(|(_, &t)| t)
            })
            .or_else(|| self.town_misread(&folded))
            .or_else(|| {
                // An old postal district's number after the town (`OSLO 12`, `Oslo 5`), from
                // before four-digit postcodes.
                let (town, district) = folded.rsplit_once(' ')?;
                let old_district = (1..=2).contains(&district.len())
                    && district.bytes().all(|b| b.is_ascii_digit());
                if !old_district {
                    return None;
                }
                self.by_name.get(town).copied()
            })
            .or_else(|| self.town_in_words(city, &folded))
    }

    /// The town a city names in words around it, as people write it: the municipality
    /// (`Vennesla kommune`), after a preposition (`i Elverum`, `på Hamar`), or cut in the
    /// middle with a full stop, the old way (`Tr.heim`, `Kr.sand S`, `L.hammer`: the one town
    /// whose name begins and ends so).
    fn town_in_words(&self, city: &str, folded: &str) -> Option<Town> {
        if let Some(town) = folded.strip_suffix(" kommune") {
            return self.town_named(town);
        }
        if let Some(town) = ["i ", "paa ", "pa "]
            .iter()
            .find_map(|p| folded.strip_prefix(p))
        {
            return self.town_named(town);
        }
        let (head, tail) = city.split_once('.')?;
        let (head, tail) = (fold(head), fold(tail));
        if !(1..=3).contains(&head.len())
            || !head.bytes().all(|b| b.is_ascii_lowercase())
            || tail.len() < 3
        {
            return None;
        }
        the_one_town(
            self.by_name
                .iter()
                .filter(|(n, _)| {
                    n.len() > head.len() + tail.len() && n.starts_with(&head) && n.ends_with(&tail)
                })
                .map(|(_, &t)| t),
        )
    }

    /// The one town whose folded name is `folded` with `i`s, `l`s and `1`s confused, as text
    /// recognition reads a sans-serif `I`, `l` and `1` (`OsIo`, `LARVlK`, `lNDERØY`,
    /// `KVERNA1AND`); two such towns: neither.
    fn town_misread(&self, folded: &str) -> Option<Town> {
        if !folded.contains(['i', 'l', '1']) {
            return None;
        }
        self.by_misread.get(&misread(folded)).copied().flatten()
    }

    /// The one town whose folded name begins with `folded`, if it has [`CUT_TOWN`] letters or
    /// more (two towns that begin alike: neither).
    fn town_cut_short(&self, folded: &str) -> Option<Town> {
        if folded.len() < CUT_TOWN {
            return None;
        }
        let from = self
            .sorted_names
            .partition_point(|(n, _)| n.as_str() < folded);
        the_one_town(
            self.sorted_names[from..]
                .iter()
                .take_while(|(n, _)| n.starts_with(folded))
                .map(|&(_, t)| t),
        )
    }

    /// The town's name as the register writes it.
    pub fn name(&self, town: Town) -> &str {
        self.names.get(usize::from(town)).map_or("", String::as_str)
    }

    /// The town's postcodes, ascending.
    pub fn codes(&self, town: Town) -> &[u16] {
        self.codes.get(usize::from(town)).map_or(&[], Vec::as_slice)
    }

    /// Number of towns.
    pub fn towns(&self) -> usize {
        self.names.len()
    }
}

/// The town every one of `towns` is (names of one town may come more than once), if there is
/// any; two towns: neither.
fn the_one_town(mut towns: impl Iterator<Item = Town>) -> Option<Town> {
    let first = towns.next()?;
    towns.all(|t| t == first).then_some(first)
}

/// The bundled register, parsed on first use.
pub fn norway() -> &'static Postcodes {
    static TABLE: OnceLock<Postcodes> = OnceLock::new();
    TABLE.get_or_init(|| Postcodes::parse(REGISTER))
}

/// Whether two postcodes differ by one typing slip: one digit changed, or two adjacent
/// digits swapped.
pub fn one_slip(a: u16, b: u16) -> bool {
    let d = |x: u16| [x / 1000 % 10, x / 100 % 10, x / 10 % 10, x % 10];
    let (a, b) = (d(a), d(b));
    let mut diff = [0usize; 4];
    let mut n = 0;
    for i in 0..4 {
        if a[i] != b[i] {
            diff[n] = i;
            n += 1;
        }
    }
    match n {
        1 => true,
        2 => diff[1] == diff[0] + 1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]],
        _ => false,
    }
}

/// The postcodes one typing slip from `pc` ([`one_slip`]), ascending.
pub fn slips(pc: u16) -> Vec<u16> {
    let digits = [pc / 1000 % 10, pc / 100 % 10, pc / 10 % 10, pc % 10];
    let weight = [1000u16, 100, 10, 1];
    let mut out = Vec::with_capacity(39);
    for i in 0..4 {
        for v in 0..10u16 {
            if v != digits[i] {
                out.push(pc - digits[i] * weight[i] + v * weight[i]);
            }
        }
    }
    for i in 0..3 {
        if digits[i] != digits[i + 1] {
            out.push(
                pc - digits[i] * weight[i] - digits[i + 1] * weight[i + 1]
                    + digits[i + 1] * weight[i]
                    + digits[i] * weight[i + 1],
            );
        }
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_register_is_read_whole() {
        let p = norway();
        let codes: usize = (0..p.towns()).map(|t| p.codes(t as Town).len()).sum();
        assert_eq!(codes, 5132);
        let oslo = p.town_named("Oslo").unwrap();
        assert_eq!(p.name(oslo), "OSLO");
        assert_eq!(p.town_of(150), Some(oslo));
        assert_eq!(p.codes(oslo).len(), 637);
        let krs = p.town_named("Kristiansand").unwrap();
        assert_eq!(p.name(krs), "KRISTIANSAND S");
        assert_eq!(p.town_named("TROMSØ"), p.town_named("tromso"));
        assert!(p.town_named("tromso").is_some());
        assert_eq!(p.town_named(""), None);
        assert_eq!(p.town_named("Atlantis"), None);
        // A recognised `1` for an `l`.
        assert_eq!(p.town_named("KVERNA1AND"), p.town_named("Kvernaland"));
        assert!(p.town_named("Kvernaland").is_some());
        // Cut short by a fixed-width column: the one town the letters begin.
        assert_eq!(p.town_named("steinkje"), p.town_named("Steinkjer"));
        assert_eq!(p.town_named("HELLESYL"), p.town_named("Hellesylt"));
        assert!(p.town_named("Hellesylt").is_some());
        // A name cut short before a lossy spelling: Krokstadelva, not Kråkstad by ear.
        assert_eq!(p.town_named("KROKSTAD"), p.town_named("Krokstadelva"));
        assert_ne!(p.town_named("KROKSTAD"), p.town_named("Kråkstad"));
        // Too short, or the start of two towns' names: none.
        assert_eq!(p.town_named("Stei"), None);
        assert_ne!(p.town_named("Kristiansand"), p.town_named("Kristiansund"));
        assert_eq!(p.town_named("kristians"), None);
        assert_eq!(p.town_of(9999), None);
    }

    /// A town's former name names the town; each former name's town is in the register.
    #[test]
    fn former_town_names_name_todays_town() {
        let p = norway();
        for (former, today) in FORMER_NAMES {
            let town = p.town_named_exactly(today);
            assert!(town.is_some(), "{today} is no post town");
            assert_eq!(p.town_named(former), town, "{former}");
        }
        assert_eq!(p.town_named("CHRISTIANIA"), p.town_named("Oslo"));
        assert_eq!(p.town_named("Trondhjem"), p.town_named("Trondheim"));
        assert_ne!(
            p.town_named("Christianssand"),
            p.town_named("Christianssund")
        );
    }

    #[test]
    fn towns_named_in_words_around_them() {
        let p = norway();
        let town = |name| p.town_named_exactly(name);
        assert!(town("TRONDHEIM").is_some());
        for (written, today) in [
            ("Vennesla kommune", "VENNESLA"),
            ("STAVANGER KOMMUNE", "STAVANGER"),
            ("i Elverum", "ELVERUM"),
            ("på Hamar", "HAMAR"),
            ("paa Hamar", "HAMAR"),
            ("i Sande I Vestfold", "SANDE I VESTFOLD"),
            ("Tr.heim", "TRONDHEIM"),
            ("TR.HEIM", "TRONDHEIM"),
            ("Kr.sand S", "KRISTIANSAND S"),
            ("Kr.sund N", "KRISTIANSUND N"),
            ("Fr.stad", "FREDRIKSTAD"),
            ("L.hammer", "LILLEHAMMER"),
        ] {
            assert_eq!(p.town_named(written), town(today), "{written}");
        }
        // Words that name no town, and a cut that two towns fit, name none.
        assert_eq!(p.town_named("i morgen"), None);
        assert_eq!(p.town_named("Oslo kommune sentrum"), None);
        assert_eq!(p.town_named("S.vik"), None);
    }

    #[test]
    fn typing_slips() {
        assert!(one_slip(150, 151));
        assert!(one_slip(5003, 5030));
        assert!(one_slip(1234, 2134));
        assert!(!one_slip(150, 150));
        assert!(!one_slip(1234, 4321));
        assert!(!one_slip(1234, 1243 + 10));
        for pc in [0u16, 150, 5003, 9999, 1212] {
            let want: Vec<u16> = (0..10_000).filter(|&x| one_slip(pc, x)).collect();
            assert_eq!(slips(pc), want, "{pc}");
        }
    }
}
