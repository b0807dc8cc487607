//! Phone-number normalisation: every written shape a dialer or list file uses, to one E.164
//! [`Number`], with a reason for every number that is not valid.
//!
//! # What "valid" means
//! A number is valid when Google's libphonenumber calls it valid (`parse` with the default
//! region, then `isValidNumber`): after the country code, its national significant number (NSN)
//! has a length and leading digits that the libphonenumber metadata lists for some number type
//! (fixed line, mobile, toll free, premium rate, shared cost, personal, VoIP, pager, UAN,
//! voicemail) of the country. For Norway (+47) that means the 8-digit ranges of the Norwegian
//! numbering plan (mobiles start with 4 or 9) and Svalbard's 79 range, plus the 5-digit `0xxxx`
//! UAN numbers; 12-digit M2M numbers and short codes are *not* valid, because libphonenumber
//! does not list them.
//!
//! # What is accepted
//! Digits, one leading `+` (after any separators), and separators: any whitespace (tab, no-break
//! space, ...), `-`, `.`, `/`, `(`, `)`, `[`, `]`, the Unicode dashes U+2010 to U+2015 and
//! U+2212, and the invisible U+00AD, U+200B, U+2060 and U+FEFF. Any other character (letters,
//! `#`, `*`, `;`, `tel:` URIs, extensions, full-width digits) is rejected with
//! [`NumberError::BadCharacter`]: in a call list such a character is a typing or export error,
//! and guessing (libphonenumber would read `9123456A` as a vanity number or drop the letter)
//! could wash the wrong number. Inputs longer than 250 characters are too long, as in
//! libphonenumber. Within that alphabet the decision and the E.164 are libphonenumber's, so
//! with default region NO: `+47 912 34 567`, `0047-91234567`, `91234567`, `(+47) 91234567`,
//! `47 91234567` and `4791234567` all give +47 91234567, `47123456` is the mobile
//! +47 47123456, and `+47 (0)91234567` is not valid (Norway has no trunk prefix, so the 0 is
//! a ninth digit).
//!
//! # How
//! - A hand-written fast path answers the common Norwegian shapes (`+47` and 8 digits; with
//!   default region NO also 8 digits, `47` and 8 digits, `0047` and 8 digits, with any ASCII
//!   separators) from a 10 000-entry table of 4-digit NSN prefixes derived from the NO and SJ
//!   entries of libphonenumber's `PhoneNumberMetadata.xml` (see [`no_prefix_is_valid`]).
//! - Everything else takes the slow path ([`engine`]): libphonenumber's parse and validation
//!   algorithm over the metadata shipped in the `phonenumber` crate (9.0.33). The crate's own
//!   `parse`/`is_valid` are not used on the way, because they differ from libphonenumber in
//!   ways that matter here: they strip a leading `47` from national numbers, so every
//!   Norwegian mobile written as `47xxxxxx` is rejected; they accept a number when only a
//!   prefix of it matches a pattern (`02345678` valid for NO); they strip the default
//!   region's trunk prefix from foreign numbers instead of the number's own (`+44 (0)20 ...`
//!   rejected with default NO); and they read letters as digits. The tests check the fast
//!   path against the slow path exhaustively for Norway, and both against the crate
//!   everywhere it is not known to be wrong.
//!
//! Numbers are personal data: nothing here logs, and no error message repeats the number.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use phonenumber::country;
use phonenumber::metadata::{DATABASE, Descriptor, Metadata};
use regex::{Regex, RegexBuilder};

/// An E.164 number held as its digits read as an integer (e.g. +4791234567 -> 4791234567).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Number(u64);

impl Number {
    /// The E.164 digits as an integer, country code first (+4791234567 -> 4791234567).
    pub fn e164(self) -> u64 {
        self.0
    }

    /// The country calling code (47 for +4791234567).
    pub fn country_code(self) -> u16 {
        self.split().0
    }

    /// The national significant number as an integer (91234567 for +4791234567); leading
    /// zeros of the NSN (Norwegian `0xxxx` numbers, Italian fixed lines) are lost here, so
    /// use [`Number::e164`] or the `Display` form as the key.
    pub fn national(self) -> u64 {
        self.split().1
    }

    /// Splits into country code and NSN. Country codes form a prefix-free set, so the first
    /// 1 to 3 digits that are an assigned code are the country code.
    fn split(self) -> (u16, u64) {
        let digits = self.0.checked_ilog10().map_or(1, |l| l + 1);
        let registry = registry();
        for len in 1..=3.min(digits.saturating_sub(1)) {
            let scale = 10u64.pow(digits - len);
            let code = self.0 / scale;
            if let Ok(code) = u16::try_from(code)
                && registry.by_code.contains_key(&code)
            {
                return (code, self.0 % scale);
            }
        }
        // Unreachable for numbers made by this module, which all carry an assigned code.
        (0, self.0)
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "+{}", self.0)
    }
}

/// A region (ISO 3166 alpha-2) used for numbers written without a country code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Region(country::Id);

impl Region {
    /// Norway, the first market.
    pub const NORWAY: Region = Region(country::Id::NO);

    /// The ISO 3166 alpha-2 code, e.g. "NO".
    pub fn as_str(&self) -> &str {
        self.0.as_ref()
    }

    /// The country calling code of the region (47 for NO).
    pub fn country_code(&self) -> u16 {
        registry()
            .region_slot(self.as_str())
            .map_or(0, |slot| slot.meta.country_code())
    }
}

impl FromStr for Region {
    type Err = NumberError;

    /// Parses an ISO 3166 alpha-2 code (case-insensitive); the region must have numbering
    /// metadata.
    fn from_str(s: &str) -> Result<Region, NumberError> {
        let code = s.trim().to_ascii_uppercase();
        let unknown = || NumberError::UnknownRegion {
            region: s.trim().chars().take(16).collect(),
        };
        let id = country::Id::from_str(&code).map_err(|_| unknown())?;
        match registry().region_slot(id.as_ref()) {
            Some(slot) if slot.rules().is_some() => Ok(Region(id)),
            _ => Err(unknown()),
        }
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a number (or a region) was rejected.
#[derive(thiserror::Error, Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    /// The field holds no digits.
    #[error("no number: the field is empty or holds only separators")]
    Empty,
    /// A character outside digits, a leading `+` and separators.
    #[error(
        "character {character:?} at position {position} is not allowed in a phone number: \
         use digits, an optional leading '+', and spaces, '-', '.', '/' or brackets"
    )]
    BadCharacter {
        /// The offending character.
        character: char,
        /// Its position in the field, counting characters from 1.
        position: usize,
    },
    /// The bytes are not UTF-8.
    #[error("the bytes from position {position} are not valid UTF-8: save the file as UTF-8")]
    NotUtf8 {
        /// Position of the first bad byte, counting bytes from 1.
        position: usize,
    },
    /// A `+` after the first digit.
    #[error("a '+' may only stand first, before the country code (as in +47 912 34 567)")]
    MisplacedPlus,
    /// Fewer digits than any number of the country.
    #[error("too few digits for a phone number: check for missing digits")]
    TooShort,
    /// More digits than any number of the country (or more than 250 characters).
    #[error(
        "too many digits for a phone number: check for extra digits or two numbers in one field"
    )]
    TooLong,
    /// No country uses the code after `+` or the international prefix.
    #[error("no country has the calling code after the '+' or '00': check the country code")]
    UnknownCountryCode,
    /// The digits parse, but are not a number in use in the country.
    #[error(
        "not a valid number for country code +{country_code}: no number range there has this \
         length and these first digits; check for wrong, missing or extra digits"
    )]
    NotValid {
        /// The country calling code the number was read with.
        country_code: u16,
    },
    /// A region code without numbering metadata.
    #[error("unknown region {region:?}: use an ISO 3166 alpha-2 code such as NO, SE or GB")]
    UnknownRegion {
        /// The code given (at most 16 characters of it).
        region: String,
    },
}

impl NumberError {
    /// A short stable machine code for the reason, e.g. "too_short".
    pub fn code(&self) -> &'static str {
        match self {
            NumberError::Empty => "empty",
            NumberError::BadCharacter { .. } => "bad_character",
            NumberError::NotUtf8 { .. } => "not_utf8",
            NumberError::MisplacedPlus => "misplaced_plus",
            NumberError::TooShort => "too_short",
            NumberError::TooLong => "too_long",
            NumberError::UnknownCountryCode => "unknown_country_code",
            NumberError::NotValid { .. } => "not_valid",
            NumberError::UnknownRegion { .. } => "unknown_region",
        }
    }
}

/// Normalises numbers for one default region. Cheap to clone, Send + Sync.
#[derive(Clone, Copy, Debug)]
pub struct Normaliser {
    region: Region,
    /// The default region is Norway, so national Norwegian shapes may take the fast path.
    norway: bool,
}

impl Normaliser {
    /// A normaliser that reads numbers without a country code as numbers of `default_region`.
    pub fn new(default_region: Region) -> Normaliser {
        Normaliser {
            region: default_region,
            norway: default_region == Region::NORWAY,
        }
    }

    /// The default region.
    pub fn region(&self) -> Region {
        self.region
    }

    /// Parses any common written shape into a valid E.164 number.
    pub fn normalise(&self, raw: &str) -> Result<Number, NumberError> {
        match fast::normalise(raw.as_bytes(), self.norway) {
            Some(result) => result,
            None => engine::normalise(self.region.as_str(), raw),
        }
    }

    /// Same for raw bytes (CSV fields may not be UTF-8); non-UTF-8 is an error, not a panic.
    pub fn normalise_bytes(&self, raw: &[u8]) -> Result<Number, NumberError> {
        if let Some(result) = fast::normalise(raw, self.norway) {
            return result;
        }
        let text = std::str::from_utf8(raw).map_err(|e| NumberError::NotUtf8 {
            position: e.valid_up_to() + 1,
        })?;
        engine::normalise(self.region.as_str(), text)
    }

    /// Checks a number a dialer already sent as an E.164 integer (fast for NO, slow path
    /// otherwise). The integer must include the country code: 91234567 is read as +91 234567.
    pub fn validate_e164(&self, e164: u64) -> Result<Number, NumberError> {
        if let Some(result) = fast::validate_e164(e164) {
            return result;
        }
        engine::normalise(self.region.as_str(), &format!("+{e164}"))
    }
}

/// Whether an 8-digit NSN under +47 starting with the 4-digit `prefix` (0..=9999, leading
/// zeros implied) is valid, derived from libphonenumber's metadata 9.0.33 for NO (leading
/// digits `[02-689]|7[0-8]`) and SJ (leading digits `79`). Every 8-digit pattern there is
/// decided by its first four digits:
/// - fixed line: `2[1-4]`, `3[1-3578]`, `5[1-35-7]`, `6[1-46-9]`, `7[0-8]`, and Svalbard `79`;
/// - mobile: `[49]`;
/// - toll free `80[01]`, premium rate `82[09]`, VoIP `85[0-5]`, personal `880`;
/// - shared cost `810(0[0-6]|[2-8]\d)`, UAN `810(0[7-9]|1\d)` and `815`, voicemail `81[23]`
///   (so `8100`, `8101`, `8102` to `8108` are valid and `8109` is not).
///
/// NO's other valid numbers are the 5-digit UAN `0[235-9]xxx`, left to the slow path.
pub const fn no_prefix_is_valid(prefix: u16) -> bool {
    let (d1, d2, d3, d4) = (
        prefix / 1000,
        prefix / 100 % 10,
        prefix / 10 % 10,
        prefix % 10,
    );
    match d1 {
        2 => matches!(d2, 1..=4),
        3 => matches!(d2, 1 | 2 | 3 | 5 | 7 | 8),
        4 | 7 | 9 => true,
        5 => matches!(d2, 1 | 2 | 3 | 5 | 6 | 7),
        6 => matches!(d2, 1..=4 | 6..=9),
        8 => match d2 {
            0 => d3 <= 1,
            1 => match d3 {
                0 => d4 != 9,
                2 | 3 | 5 => true,
                _ => false,
            },
            2 => d3 == 0 || d3 == 9,
            5 => d3 <= 5,
            8 => d3 == 0,
            _ => false,
        },
        _ => false,
    }
}

/// The hand-written Norwegian fast path.
mod fast {
    use super::{Number, NumberError, no_prefix_is_valid};

    /// +47 followed by 8 digits: 4_700_000_000 to 4_799_999_999.
    pub(super) const NO_BASE: u64 = 47 * 100_000_000;
    const NSN_SPAN: u64 = 100_000_000;

    /// One bit per 4-digit prefix of an 8-digit +47 NSN.
    static NO_TABLE: [u64; 157] = build_table();

    const fn build_table() -> [u64; 157] {
        let mut table = [0u64; 157];
        let mut prefix = 0u16;
        while prefix < 10_000 {
            if no_prefix_is_valid(prefix) {
                table[prefix as usize / 64] |= 1 << (prefix % 64);
            }
            prefix += 1;
        }
        table
    }

    /// Separators the fast path skips: a subset of the slow path's, all ASCII.
    const fn is_separator(b: u8) -> bool {
        matches!(b, b' ' | b'\t' | b'-' | b'.' | b'/' | b'(' | b')')
    }

    /// Decides an 8-digit +47 NSN (leading zeros implied by the range).
    #[inline]
    fn decide(nsn: u64) -> Result<Number, NumberError> {
        let prefix = (nsn / 10_000) as usize;
        if NO_TABLE[prefix / 64] >> (prefix % 64) & 1 == 1 {
            Ok(Number(NO_BASE + nsn))
        } else {
            Err(NumberError::NotValid { country_code: 47 })
        }
    }

    /// Answers the common Norwegian shapes, or `None` when the slow path must decide.
    /// `national` allows the shapes without `+` (default region NO).
    #[inline]
    pub(super) fn normalise(raw: &[u8], national: bool) -> Option<Result<Number, NumberError>> {
        let mut i = 0;
        while i < raw.len() && is_separator(raw[i]) {
            i += 1;
        }
        let plus = i < raw.len() && raw[i] == b'+';
        if plus {
            i += 1;
        }
        let (mut value, mut count) = (0u64, 0u32);
        while i < raw.len() {
            let b = raw[i];
            let digit = b.wrapping_sub(b'0');
            if digit < 10 {
                if count == 12 {
                    return None;
                }
                value = value * 10 + u64::from(digit);
                count += 1;
            } else if !is_separator(b) {
                return None;
            }
            i += 1;
        }
        let after_47 = value.checked_sub(NO_BASE).filter(|nsn| *nsn < NSN_SPAN);
        match (plus, national, count) {
            // +47 91234567
            (true, _, 10) => after_47.map(decide),
            // 91234567 (not 00xxxxxx, which starts with the international prefix)
            (false, true, 8) if value >= 1_000_000 => Some(decide(value)),
            // 4791234567: libphonenumber strips a leading 47 when 10 digits remain, as
            // 8 is the longest Norwegian length; 0047 91234567: international prefix.
            (false, true, 10 | 12) => after_47.map(decide),
            _ => None,
        }
    }

    /// Answers E.164 integers under +47 with 8 digits, or `None`.
    #[inline]
    pub(super) fn validate_e164(e164: u64) -> Option<Result<Number, NumberError>> {
        e164.checked_sub(NO_BASE)
            .filter(|nsn| *nsn < NSN_SPAN)
            .map(decide)
    }
}

/// The numbering rules of one metadata entry (a region, or a non-geographic country code),
/// compiled from the crate's metadata with libphonenumber's matching semantics: patterns
/// match the whole NSN, prefixes match at the start.
struct Rules {
    country_code: u16,
    /// International (IDD) prefix, anchored at the start.
    idd: Option<Regex>,
    /// National prefix for parsing (falls back to the national prefix), anchored at the start.
    national_prefix: Option<Regex>,
    /// Replacement for the national prefix match, in `${1}` syntax.
    transform: Option<String>,
    /// Leading digits that pick this region among those sharing its country code.
    leading_digits: Option<Regex>,
    /// The general pattern, anchored at both ends.
    general: Regex,
    /// Possible NSN lengths over all types, ascending.
    lengths: Vec<usize>,
    /// Lengths possible only for local dialling, not among `lengths`.
    local_lengths: Vec<usize>,
    /// Number types (fixed line, mobile, ...): anchored pattern and possible lengths.
    types: Vec<(Regex, Vec<usize>)>,
}

/// How a number's length compares to the lengths of a region (libphonenumber's
/// `testNumberLength` for an unknown type).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Length {
    Possible,
    LocalOnly,
    TooShort,
    TooLong,
    Invalid,
}

impl Rules {
    fn build(meta: &Metadata) -> Option<Rules> {
        fn compile(source: &str, whole: bool) -> Option<Regex> {
            let anchored = if whole {
                format!("^(?:{source})$")
            } else {
                format!("^(?:{source})")
            };
            RegexBuilder::new(&anchored)
                .ignore_whitespace(true)
                .build()
                .ok()
        }
        fn lengths(values: &[u16]) -> Vec<usize> {
            values.iter().map(|l| usize::from(*l)).collect()
        }
        let d = meta.descriptors();
        let kinds: [Option<&Descriptor>; 10] = [
            d.fixed_line(),
            d.mobile(),
            d.toll_free(),
            d.premium_rate(),
            d.shared_cost(),
            d.personal_number(),
            d.voip(),
            d.pager(),
            d.uan(),
            d.voicemail(),
        ];
        let mut types = Vec::new();
        let (mut all, mut local) = (Vec::new(), Vec::new());
        for desc in kinds.into_iter().flatten() {
            types.push((
                compile(desc.national_number().as_str(), true)?,
                lengths(desc.possible_length()),
            ));
            all.extend(lengths(desc.possible_length()));
            local.extend(lengths(desc.possible_local_length()));
        }
        all.sort_unstable();
        all.dedup();
        local.sort_unstable();
        local.dedup();
        local.retain(|l| !all.contains(l));
        let national_prefix = match (meta.national_prefix_for_parsing(), meta.national_prefix()) {
            (Some(re), _) => Some(compile(re.as_str(), false)?),
            (None, Some(prefix)) if !prefix.is_empty() => {
                Some(compile(&regex::escape(prefix), false)?)
            }
            _ => None,
        };
        Some(Rules {
            country_code: meta.country_code(),
            idd: match meta.international_prefix() {
                Some(re) => Some(compile(re.as_str(), false)?),
                None => None,
            },
            national_prefix,
            transform: meta
                .national_prefix_transform_rule()
                .filter(|t| !t.is_empty())
                .map(dollar_braces),
            leading_digits: match meta.leading_digits() {
                Some(re) => Some(compile(re.as_str(), false)?),
                None => None,
            },
            general: compile(d.general().national_number().as_str(), true)?,
            lengths: all,
            local_lengths: local,
            types,
        })
    }

    fn test_length(&self, len: usize) -> Length {
        let (Some(&min), Some(&max)) = (self.lengths.first(), self.lengths.last()) else {
            return Length::Invalid;
        };
        if self.local_lengths.contains(&len) {
            Length::LocalOnly
        } else if len == min {
            Length::Possible
        } else if len < min {
            Length::TooShort
        } else if len > max {
            Length::TooLong
        } else if self.lengths.contains(&len) {
            Length::Possible
        } else {
            Length::Invalid
        }
    }

    /// Whether the NSN is of some number type (libphonenumber: type is not UNKNOWN).
    fn has_type(&self, nsn: &str) -> bool {
        let len = nsn.len();
        self.lengths.contains(&len)
            && self.general.is_match(nsn)
            && self.types.iter().any(|(re, lengths)| {
                (lengths.is_empty() || lengths.contains(&len)) && re.is_match(nsn)
            })
    }

    /// Strips the national (trunk) prefix if the metadata says it is one
    /// (libphonenumber's `maybeStripNationalPrefixAndCarrierCode`).
    fn strip_national_prefix(&self, number: &str) -> Option<String> {
        let prefix = self.national_prefix.as_ref()?;
        if number.is_empty() {
            return None;
        }
        let caps = prefix.captures(number)?;
        let viable = self.general.is_match(number);
        let last_group = caps.get(caps.len() - 1);
        match (&self.transform, last_group) {
            (Some(transform), Some(_)) => {
                let transformed = prefix.replacen(number, 1, transform.as_str()).into_owned();
                (!viable || self.general.is_match(&transformed)).then_some(transformed)
            }
            _ => {
                let rest = &number[caps.get(0).map_or(0, |m| m.end())..];
                (!viable || self.general.is_match(rest)).then(|| rest.to_owned())
            }
        }
    }
}

/// Java-style `$1` group references to the regex crate's `${1}`.
fn dollar_braces(rule: &str) -> String {
    let mut out = String::with_capacity(rule.len() + 4);
    let mut chars = rule.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('$', Some(d)) if d.is_ascii_digit() => {
                out.push_str("${");
                out.push(*d);
                out.push('}');
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// One metadata entry with its rules, compiled on first use.
struct Slot {
    meta: &'static Metadata,
    rules: OnceLock<Option<Rules>>,
}

impl Slot {
    fn rules(&self) -> Option<&Rules> {
        self.rules.get_or_init(|| Rules::build(self.meta)).as_ref()
    }
}

/// Every metadata entry, by region and by country code (main region first, as in
/// libphonenumber).
struct Registry {
    slots: Vec<Slot>,
    by_region: HashMap<&'static str, usize>,
    by_code: HashMap<u16, Vec<usize>>,
}

impl Registry {
    fn load() -> Registry {
        let database = &*DATABASE;
        let mut registry = Registry {
            slots: Vec::new(),
            by_region: HashMap::new(),
            by_code: HashMap::new(),
        };
        for code in 1..1000u16 {
            let Some(regions) = database.region(&code) else {
                continue;
            };
            let mut indexes = Vec::new();
            for region in regions {
                let meta = if region == "001" {
                    database.by_code(&code).and_then(|m| m.into_iter().next())
                } else {
                    database.by_id(region)
                };
                let Some(meta) = meta else { continue };
                let index = if region == "001" {
                    None
                } else {
                    registry.by_region.get(meta.id()).copied()
                };
                let index = index.unwrap_or_else(|| {
                    registry.slots.push(Slot {
                        meta,
                        rules: OnceLock::new(),
                    });
                    let index = registry.slots.len() - 1;
                    if region != "001" {
                        registry.by_region.insert(meta.id(), index);
                    }
                    index
                });
                indexes.push(index);
            }
            if !indexes.is_empty() {
                registry.by_code.insert(code, indexes);
            }
        }
        registry
    }

    fn region_slot(&self, region: &str) -> Option<&Slot> {
        self.by_region.get(region).map(|i| &self.slots[*i])
    }

    /// The rules of the main region of a country code.
    fn main_rules(&self, code: u16) -> Option<&Rules> {
        let first = *self.by_code.get(&code)?.first()?;
        self.slots[first].rules()
    }

    /// The region a number belongs to (libphonenumber's `getRegionCodeForNumber`).
    fn rules_for_number(&self, code: u16, nsn: &str) -> Option<&Rules> {
        let slots = self.by_code.get(&code)?;
        if let [only] = slots.as_slice() {
            return self.slots[*only].rules();
        }
        for index in slots {
            let rules = self.slots[*index].rules()?;
            let matches = match &rules.leading_digits {
                Some(leading) => leading.is_match(nsn),
                None => rules.has_type(nsn),
            };
            if matches {
                return Some(rules);
            }
        }
        None
    }
}

fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(Registry::load)
}

/// The slow path: libphonenumber's parse (`PhoneNumberUtil.parseHelper`) and `isValidNumber`
/// for the accepted alphabet, over the crate's metadata.
pub(crate) mod engine {
    use super::{Length, NumberError, Registry, Rules, registry};
    use crate::number::Number;

    /// libphonenumber's `MAX_INPUT_STRING_LENGTH`.
    const MAX_INPUT_CHARS: usize = 250;
    /// libphonenumber's `MIN_LENGTH_FOR_NSN` and `MAX_LENGTH_FOR_NSN`.
    const MIN_NSN: usize = 2;
    const MAX_NSN: usize = 17;

    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Token {
        Digit(u8),
        Plus,
        Separator,
    }

    fn token(c: char) -> Option<Token> {
        match c {
            '0'..='9' => Some(Token::Digit(c as u8)),
            '+' => Some(Token::Plus),
            '-' | '.' | '/' | '(' | ')' | '[' | ']' => Some(Token::Separator),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => Some(Token::Separator),
            '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' => Some(Token::Separator),
            c if c.is_whitespace() => Some(Token::Separator),
            _ => None,
        }
    }

    /// Normalises `raw` for the default region `region` (an id with metadata).
    pub(crate) fn normalise(region: &str, raw: &str) -> Result<Number, NumberError> {
        let registry = registry();
        let default = registry
            .region_slot(region)
            .and_then(|slot| slot.rules())
            .ok_or_else(|| NumberError::UnknownRegion {
                region: region.to_owned(),
            })?;
        let (code, nsn) = parse(registry, default, raw)?;
        let Some(rules) = registry.rules_for_number(code, &nsn) else {
            return Err(invalid(registry.main_rules(code), code, nsn.len()));
        };
        if !rules.has_type(&nsn) {
            return Err(invalid(Some(rules), code, nsn.len()));
        }
        let scale = 10u64.checked_pow(nsn.len() as u32);
        let national: Option<u64> = nsn.parse().ok();
        scale
            .and_then(|s| u64::from(code).checked_mul(s))
            .zip(national)
            .and_then(|(head, tail)| head.checked_add(tail))
            .map(Number)
            .ok_or(NumberError::TooLong)
    }

    /// The reason an NSN of `len` digits is not valid.
    fn invalid(rules: Option<&Rules>, country_code: u16, len: usize) -> NumberError {
        match rules.map(|r| r.test_length(len)) {
            Some(Length::TooShort) => NumberError::TooShort,
            Some(Length::TooLong) => NumberError::TooLong,
            _ => NumberError::NotValid { country_code },
        }
    }

    /// Reads the country code and NSN from `raw`.
    pub(super) fn parse(
        registry: &Registry,
        default: &Rules,
        raw: &str,
    ) -> Result<(u16, String), NumberError> {
        let mut tokens = Vec::with_capacity(raw.len());
        for (i, c) in raw.chars().enumerate() {
            if i == MAX_INPUT_CHARS {
                return Err(NumberError::TooLong);
            }
            match token(c) {
                Some(t) => tokens.push(t),
                None => {
                    return Err(NumberError::BadCharacter {
                        character: c,
                        position: i + 1,
                    });
                }
            }
        }
        // extractPossibleNumber: from the first '+' or digit to the last digit.
        let start = tokens.iter().position(|t| *t != Token::Separator);
        let end = tokens.iter().rposition(|t| matches!(t, Token::Digit(_)));
        let (Some(start), Some(end)) = (start, end) else {
            return Err(NumberError::Empty);
        };
        let number = &tokens[start..=end];
        let digits: String = number
            .iter()
            .filter_map(|t| match t {
                Token::Digit(d) => Some(char::from(*d)),
                _ => None,
            })
            .collect();
        // isViablePhoneNumber: exactly two digits, or pluses, then three or more digits
        // among separators.
        let pluses = number.iter().take_while(|t| **t == Token::Plus).count();
        let two_digits = number.len() == 2 && pluses == 0 && digits.len() == 2;
        if !two_digits {
            if number[pluses..].contains(&Token::Plus) {
                return Err(NumberError::MisplacedPlus);
            }
            if digits.len() < 3 {
                return Err(NumberError::TooShort);
            }
        }
        let extracted = if pluses > 0 {
            match from_plus(registry, &digits) {
                Err(NumberError::UnknownCountryCode) => {
                    match without_plus(registry, default, &digits)? {
                        Some(found) => found,
                        None => return Err(NumberError::UnknownCountryCode),
                    }
                }
                other => other?,
            }
        } else {
            without_plus(registry, default, &digits)?.unwrap_or((0, digits.clone()))
        };
        let (code, rules, mut nsn) = match extracted {
            (0, _) => (default.country_code, Some(default), digits),
            (code, national) => (code, registry.main_rules(code), national),
        };
        if nsn.len() < MIN_NSN {
            return Err(NumberError::TooShort);
        }
        if let Some(rules) = rules
            && let Some(stripped) = rules.strip_national_prefix(&nsn)
            && !matches!(
                rules.test_length(stripped.len()),
                Length::TooShort | Length::LocalOnly | Length::Invalid
            )
        {
            nsn = stripped;
        }
        if nsn.len() < MIN_NSN {
            return Err(NumberError::TooShort);
        }
        if nsn.len() > MAX_NSN {
            return Err(NumberError::TooLong);
        }
        Ok((code, nsn))
    }

    /// The country code after a leading '+' (no international prefix check, as in Java).
    fn from_plus(registry: &Registry, digits: &str) -> Result<(u16, String), NumberError> {
        country_code(registry, digits)
    }

    /// The country code after an international prefix, or from the default country code
    /// written without '+'; `None` when the number is national (libphonenumber's
    /// `maybeExtractCountryCode` returning 0).
    fn without_plus(
        registry: &Registry,
        default: &Rules,
        digits: &str,
    ) -> Result<Option<(u16, String)>, NumberError> {
        if let Some(idd) = &default.idd
            && let Some(m) = idd.find(digits)
            && !digits[m.end()..].starts_with('0')
        {
            return country_code(registry, &digits[m.end()..]).map(Some);
        }
        let code = default.country_code.to_string();
        if let Some(potential) = digits.strip_prefix(code.as_str()) {
            let potential = default
                .strip_national_prefix(potential)
                .unwrap_or_else(|| potential.to_owned());
            if (!default.general.is_match(digits) && default.general.is_match(&potential))
                || default.test_length(digits.len()) == Length::TooLong
            {
                return Ok(Some((default.country_code, potential)));
            }
        }
        Ok(None)
    }

    /// Splits a country code (1 to 3 digits) off the digits after '+' or the IDD.
    fn country_code(registry: &Registry, digits: &str) -> Result<(u16, String), NumberError> {
        if digits.len() <= MIN_NSN {
            return Err(NumberError::TooShort);
        }
        if digits.starts_with('0') {
            return Err(NumberError::UnknownCountryCode);
        }
        for len in 1..=3.min(digits.len()) {
            if let Ok(code) = digits[..len].parse::<u16>()
                && registry.by_code.contains_key(&code)
            {
                return Ok((code, digits[len..].to_owned()));
            }
        }
        Err(NumberError::UnknownCountryCode)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use phonenumber::metadata::DATABASE;
    use phonenumber::{Mode, Type};
    use proptest::prelude::*;

    fn norm(region: &str, raw: &str) -> Result<Number, NumberError> {
        Normaliser::new(region.parse().unwrap()).normalise(raw)
    }

    /// Answers of Google's libphonenumber 9.0.33 (the Python port `phonenumbers`, same
    /// metadata as the crate): `parse(input, region)` then `isValidNumber`; `None` is
    /// invalid or a parse error. The first block is hand-picked shapes, including every
    /// known crate error; the rest was generated at random (odd separators on purpose).
    const GOOGLE: &[(&str, &str, Option<u64>)] = &[
        ("NO", "+47 912 34 567", Some(4791234567)),
        ("NO", "0047-91234567", Some(4791234567)),
        ("NO", "91234567", Some(4791234567)),
        ("NO", "+47 (0)91234567", None),
        ("NO", "(+47) 91234567", Some(4791234567)),
        ("NO", "47 91234567", Some(4791234567)),
        ("NO", "4791234567", Some(4791234567)),
        ("NO", "47123456", Some(4747123456)),
        ("NO", "02345678", None),
        ("NO", "+47 02345", Some(4702345)),
        ("NO", "02345", Some(4702345)),
        ("NO", "+47 11234567", None),
        ("NO", "+47 810 91 234", None),
        ("NO", "+47 810 81 234", Some(4781081234)),
        ("NO", "79123456", Some(4779123456)),
        ("NO", "+44 (0)20 7946 0958", Some(442079460958)),
        ("NO", "0044 20 7946 0958", Some(442079460958)),
        ("NO", "+46 (0)70-123 45 67", Some(46701234567)),
        ("NO", "+1 (201) 555-0123", Some(12015550123)),
        ("NO", "+358 40 1234567", Some(358401234567)),
        ("NO", "+47 (0)2 610339", None),
        ("NO", "+47 064/07060/", None),
        ("NO", "+47 0211-1", Some(4702111)),
        ("SE", "070-123 45 67", Some(46701234567)),
        ("SE", "+46 70 123 45 67", Some(46701234567)),
        ("SE", "0046 8 123 456 78", Some(46812345678)),
        ("SE", "468123492", Some(46468123492)),
        ("SE", "+47 (0)40-612343", None),
        ("SE", "08-123 456 78", Some(46812345678)),
        ("DK", "32 12 34 56", Some(4532123456)),
        ("DK", "+45 32 12 34 56", Some(4532123456)),
        ("DK", "0045 20 12 34 56", Some(4520123456)),
        ("FI", "040 1234567", Some(358401234567)),
        ("FI", "+358 (0)40 123 4567", Some(358401234567)),
        ("FI", "358401234567", Some(358401234567)),
        ("FI", "00358 9 1234567", Some(35891234567)),
        ("NL", "06 12345678", Some(31612345678)),
        ("NL", "+31 (0)6 1234 5678", Some(31612345678)),
        ("NL", "020-123 4567", Some(31201234567)),
        ("NL", "0031 20 123 4567", Some(31201234567)),
        ("GB", "07400 123456", Some(447400123456)),
        ("GB", "+44 (0)7400 123456", Some(447400123456)),
        ("GB", "020 7946 0958", Some(442079460958)),
        ("GB", "00 44 20 7946 0958", Some(442079460958)),
        ("DE", "030 123456", Some(4930123456)),
        ("DE", "+49 (0)30 123456", Some(4930123456)),
        ("DE", "01512 3456789", Some(4915123456789)),
        ("DE", "0049 151 23456789", Some(4915123456789)),
        ("US", "(201) 555-0123", Some(12015550123)),
        ("US", "+1 201-555-0123", Some(12015550123)),
        ("US", "1-800-213-8893", Some(18002138893)),
        ("US", "011 47 91234567", Some(4791234567)),
        ("US", "201.555.0123", Some(12015550123)),
        ("US", "+31 101234567", Some(31101234567)),
        ("NO", "+478-12-57685", Some(4781257685)),
        ("SE", "+462012345-68", Some(46201234568)),
        ("SE", "+4990012345626", None),
        ("NO", "+1 (1)20-155 50123", Some(12015550123)),
        ("NO", "+4705914495", None),
        ("NO", "+49 (0)4822228.850/2710", Some(4948222288502710)),
        ("NO", "4707366711", None),
        ("NO", "+358 (0)613157-90", Some(35861315790)),
        ("NO", "+31 (0)9061223", Some(319061223)),
        ("NO", "0047 32383823", Some(4732383823)),
        ("NO", "4794636467", Some(4794636467)),
        ("NO", "+49 70012345387-", Some(4970012345387)),
        ("NO", "95231", None),
        ("NO", "42505", None),
        ("SE", "+47 (0)8.8097851", None),
        ("SE", "+47 (0)85012345", None),
        ("SE", "+47 (0)2-12345-58.", None),
        ("SE", "460013/04 59.5", None),
        ("SE", "4623-187/0/", Some(4646231870)),
        ("SE", "2 02.6.52-", Some(46202652)),
        ("SE", "0047 37913.061", Some(4737913061)),
        ("SE", "0047 80012/350", Some(4780012350)),
        ("SE", "04557 8", None),
        ("SE", "4777734840 21 4", None),
        ("DK", "45584977", Some(4545584977)),
        ("DK", "456-4/726-1", Some(4545647261)),
        ("DK", "455.92536", Some(4545592536)),
        ("DK", "456 784.17", Some(4545678417)),
        ("DK", "453571-7 5", Some(4545357175)),
        ("DK", "45321/23456", Some(4532123456)),
        ("DK", "64.33756 1-", Some(4564337561)),
        ("DK", "+45 9-0552010/", Some(4590552010)),
        ("DK", "0045 296", None),
        ("DK", "71965/52", None),
        ("FI", "358795/", Some(358358795)),
        ("FI", "358248541", Some(358358248541)),
        ("FI", "+358 (0)738029.47794", None),
        ("FI", "3580 46 392", Some(358358046392)),
        ("FI", "358204047", Some(358358204047)),
        ("FI", "00358 0867/2/7986", Some(35886727986)),
        ("FI", "+358 (0)13726-6-80/4", Some(358137266804)),
        ("FI", "08.8480-184", Some(35888480184)),
        ("FI", "+358 (0)957662.5 00991/", None),
        ("FI", "+358 49 79 7-706 68489", None),
        ("NL", "318-0/21546", Some(31318021546)),
        ("NL", "317817620", Some(31317817620)),
        ("NL", "6507-4777824-", None),
        ("NL", "318/0209-39", Some(31318020939)),
        ("NL", "318001281", Some(31318001281)),
        ("NL", "0800 17 19", Some(318001719)),
        ("NL", "061-130.301.4/", Some(31611303014)),
        ("NL", "31851.234.567/", Some(31851234567)),
        ("NL", "0031 41 0-1.768", None),
        ("NL", "8452", None),
        ("GB", "01.2 12976-877", Some(441212976877)),
        ("GB", "+44 (0)901236086 1", Some(449012360861)),
        ("GB", "447479 2805/85", Some(447479280585)),
        ("GB", "44551-235107 14.", None),
        ("GB", "0044 58 263693-7", None),
        ("DE", "49534-37229618", Some(494953437229618)),
        ("DE", "4954-667 57235", Some(49495466757235)),
        ("DE", "491-85 44 50-240-0", Some(494918544502400)),
        ("DE", "+49 (0)06313.761 37474", None),
        ("DE", "49277/085.", Some(4949277085)),
        ("DE", "+49 (0)17-7991093490", Some(49177991093490)),
        ("DE", "9-0/01231 609", Some(499001231609)),
        ("DE", "+49 (0)9187547303", Some(499187547303)),
        ("DE", "38 094.58965259/6", None),
        ("DE", "01850.012342", None),
        ("US", "+47 (0)212/345 6", None),
        ("US", "+47 (0)561 9921", None),
        ("US", "+47 (0)32208-97", None),
        ("US", "+47 10.8 852576", None),
        ("US", "+47 (0)8121234-", None),
        ("US", "18002138893", Some(18002138893)),
        ("US", "0111 2.0 1555 01.20", Some(12015550120)),
        ("US", "80.023 73998", Some(18002373998)),
        ("US", "+1 20-1 555082/", None),
        ("US", "1814886 8055/6.7.4", None),
    ];

    #[test]
    fn agrees_with_google_libphonenumber() {
        for &(region, input, expected) in GOOGLE {
            let ours = norm(region, input).ok().map(Number::e164);
            assert_eq!(ours, expected, "region {region}, input {input:?}");
        }
    }

    #[test]
    fn norwegian_shapes_give_the_same_number() {
        for raw in [
            "+47 912 34 567",
            "0047-91234567",
            "91234567",
            "912 34 567",
            "(+47) 91234567",
            "+47-912.34.567",
            "47 91234567",
            "4791234567",
            "  +4791234567 ",
            "+47\u{a0}912\u{a0}34\u{a0}567",
            "+47 (912) 34-567",
        ] {
            assert_eq!(norm("NO", raw), Ok(Number(4791234567)), "{raw:?}");
            assert_eq!(
                Normaliser::new(Region::NORWAY).normalise_bytes(raw.as_bytes()),
                Ok(Number(4791234567)),
                "{raw:?}"
            );
        }
        // A mobile starting with 47 is not read as country code 47 plus 6 digits.
        assert_eq!(norm("NO", "47123456"), Ok(Number(4747123456)));
        // Norway has no trunk prefix, so "(0)" adds a ninth digit.
        assert_eq!(norm("NO", "+47 (0)91234567"), Err(NumberError::TooLong));
        // The 5-digit UAN numbers keep their leading zero.
        assert_eq!(
            norm("NO", "02345").map(|n| n.to_string()),
            Ok("+4702345".into())
        );
    }

    #[test]
    fn trunk_prefix_of_the_number_s_own_country_is_dropped() {
        assert_eq!(norm("NO", "+44 (0)20 7946 0958"), Ok(Number(442079460958)));
        assert_eq!(norm("NO", "+46 (0)70-123 45 67"), Ok(Number(46701234567)));
        assert_eq!(norm("SE", "070-123 45 67"), Ok(Number(46701234567)));
        assert_eq!(norm("DE", "+49 (0)30 123456"), Ok(Number(4930123456)));
        assert_eq!(norm("US", "1-800-213-8893"), Ok(Number(18002138893)));
        assert_eq!(norm("US", "011 47 91234567"), Ok(Number(4791234567)));
    }

    #[test]
    fn each_reason_has_its_error_and_code() {
        let cases: [(&str, NumberError, &str); 10] = [
            ("", NumberError::Empty, "empty"),
            (" - ( ) ", NumberError::Empty, "empty"),
            (
                "9123456A",
                NumberError::BadCharacter {
                    character: 'A',
                    position: 8,
                },
                "bad_character",
            ),
            (
                "tel:+4791234567",
                NumberError::BadCharacter {
                    character: 't',
                    position: 1,
                },
                "bad_character",
            ),
            ("912+34567", NumberError::MisplacedPlus, "misplaced_plus"),
            ("+47 1", NumberError::TooShort, "too_short"),
            ("+47 912 34 567 89", NumberError::TooLong, "too_long"),
            (
                "+999 12345678",
                NumberError::UnknownCountryCode,
                "unknown_country_code",
            ),
            (
                "+47 112 34 567",
                NumberError::NotValid { country_code: 47 },
                "not_valid",
            ),
            (
                "02345678",
                NumberError::NotValid { country_code: 47 },
                "not_valid",
            ),
        ];
        for (raw, error, code) in cases {
            let got = norm("NO", raw);
            assert_eq!(got, Err(error), "{raw:?}");
            assert_eq!(got.unwrap_err().code(), code, "{raw:?}");
        }
        let long = "1".repeat(251);
        assert_eq!(norm("NO", &long), Err(NumberError::TooLong));
    }

    #[test]
    fn non_utf8_bytes_are_an_error() {
        let normaliser = Normaliser::new(Region::NORWAY);
        let got = normaliser.normalise_bytes(b"+47 912\xff34567");
        assert_eq!(got, Err(NumberError::NotUtf8 { position: 8 }));
        assert_eq!(got.unwrap_err().code(), "not_utf8");
        assert_eq!(
            normaliser.normalise_bytes(b"\xc3"),
            Err(NumberError::NotUtf8 { position: 1 })
        );
    }

    #[test]
    fn messages_never_repeat_the_number() {
        for raw in [
            "+47 912 34 56",
            "+47 112 34 567",
            "+47 912 34 567 89",
            "+999 12345678",
            "912+34567",
            "9123456A",
            "02345678",
        ] {
            let message = norm("NO", raw).unwrap_err().to_string();
            let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
            assert!(
                !message.contains(&digits[..4]),
                "{message:?} repeats {raw:?}"
            );
        }
    }

    #[test]
    fn codes_are_distinct_snake_case() {
        let errors = [
            NumberError::Empty,
            NumberError::BadCharacter {
                character: 'x',
                position: 1,
            },
            NumberError::NotUtf8 { position: 1 },
            NumberError::MisplacedPlus,
            NumberError::TooShort,
            NumberError::TooLong,
            NumberError::UnknownCountryCode,
            NumberError::NotValid { country_code: 47 },
            NumberError::UnknownRegion {
                region: "XX".into(),
            },
        ];
        let mut codes: Vec<&str> = errors.iter().map(NumberError::code).collect();
        assert!(codes.iter().all(|c| {
            c.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        }));
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), errors.len());
    }

    #[test]
    fn regions_parse_case_insensitively() {
        assert_eq!("no".parse::<Region>(), Ok(Region::NORWAY));
        assert_eq!(" No ".parse::<Region>(), Ok(Region::NORWAY));
        let sweden: Region = "se".parse().unwrap();
        assert_eq!((sweden.as_str(), sweden.country_code()), ("SE", 46));
        assert_eq!(Region::NORWAY.country_code(), 47);
        assert_eq!("us".parse::<Region>().map(|r| r.country_code()), Ok(1));
        assert_eq!(
            "gb".parse::<Region>().map(|r| r.to_string()),
            Ok("GB".into())
        );
        for bad in ["XX", "", "NOR", "001", "zz"] {
            let error = bad.parse::<Region>().unwrap_err();
            assert_eq!(error.code(), "unknown_region", "{bad:?}");
            assert!(error.to_string().contains("ISO 3166"), "{error}");
        }
    }

    #[test]
    fn number_parts() {
        let n = norm("NO", "+47 912 34 567").unwrap();
        assert_eq!(
            (n.e164(), n.country_code(), n.national()),
            (4791234567, 47, 91234567)
        );
        assert_eq!(n.to_string(), "+4791234567");
        let n = norm("FI", "040 1234567").unwrap();
        assert_eq!((n.country_code(), n.national()), (358, 401234567));
        let n = norm("US", "(201) 555-0123").unwrap();
        assert_eq!(
            (n.country_code(), n.national(), n.to_string().as_str()),
            (1, 2015550123, "+12015550123")
        );
        let n = norm("NO", "+44 20 7946 0958").unwrap();
        assert_eq!((n.country_code(), n.national()), (44, 2079460958));
    }

    #[test]
    fn validate_e164_checks_integers() {
        let normaliser = Normaliser::new(Region::NORWAY);
        assert_eq!(normaliser.validate_e164(4791234567), Ok(Number(4791234567)));
        assert_eq!(normaliser.validate_e164(4779123456), Ok(Number(4779123456)));
        assert_eq!(
            normaliser.validate_e164(4711234567),
            Err(NumberError::NotValid { country_code: 47 })
        );
        assert_eq!(
            normaliser.validate_e164(4781091234),
            Err(NumberError::NotValid { country_code: 47 })
        );
        assert_eq!(normaliser.validate_e164(4702345), Ok(Number(4702345)));
        assert_eq!(
            normaliser.validate_e164(46701234567),
            Ok(Number(46701234567))
        );
        assert_eq!(
            normaliser.validate_e164(442079460958),
            Ok(Number(442079460958))
        );
        assert!(normaliser.validate_e164(91234567).is_err());
        assert!(normaliser.validate_e164(0).is_err());
        assert!(normaliser.validate_e164(u64::MAX).is_err());
    }

    /// The fast path must give exactly the slow path's answer for every 4-digit prefix of a
    /// Norwegian number, in every shape it answers, and must answer those shapes.
    #[test]
    fn fast_path_matches_slow_path_for_every_norwegian_prefix() {
        for prefix in 0..10_000u64 {
            for suffix in [0, 5_091, 9_999] {
                let nsn = prefix * 10_000 + suffix;
                let e164 = fast::NO_BASE + nsn;
                let slow = engine::normalise("NO", &format!("+{e164}"));
                assert_eq!(fast::validate_e164(e164), Some(slow.clone()), "{e164}");
                let shapes = [
                    (format!("+47 {nsn:08}"), false),
                    (format!("0047-{nsn:08}"), true),
                    (format!("47{nsn:08}"), true),
                    (format!("{nsn:08}"), true),
                ];
                for (raw, national) in shapes {
                    let slow = engine::normalise("NO", &raw);
                    match fast::normalise(raw.as_bytes(), national) {
                        Some(fast) => assert_eq!(fast, slow, "{raw:?}"),
                        // 00xxxxxx starts with the international prefix: slow path.
                        None => assert!(raw.starts_with("00") && nsn < 1_000_000, "{raw:?}"),
                    }
                }
            }
        }
    }

    /// Where the `phonenumber` crate (0.3.10) differs from libphonenumber. Each class is
    /// pinned by a test below with Google's answer; the property test allows a difference
    /// from the crate only when it falls in one of these classes.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum CrateBug {
        /// `is_valid` true while `number_type` is Unknown: the crate accepts an NSN when a
        /// prefix of it matches a pattern (+47 02345678 valid for the 5-digit UAN).
        ValidWithoutType,
        /// Without '+', the crate decides differently whether the leading digits are the
        /// default country code (NO 47123456 read as +47 123456; SE 468123492 as +46 8123492).
        CountryCodeWithoutPlus,
        /// The crate strips the default region's trunk prefix, not the number's own, from a
        /// foreign number (SE "+47 (0)40 61 23 43" read as +47 40612343; US "+31 101234567"
        /// read as +31 01234567).
        DefaultTrunkPrefix,
        /// The crate handles leading zeros of the NSN differently: it keeps the number's own
        /// trunk prefix after '+' (NO "+44 (0)20 7946 0958" read as +44 020...), or drops a
        /// leading zero that is part of the NSN.
        LeadingZeros,
        /// The crate fails to parse input libphonenumber reads (NO "+478-12-57685" as an
        /// invalid country code, SE "+462012345-68" as no number, unbalanced brackets).
        ParseError,
        /// The crate calls a number valid whose length its type does not allow
        /// (DE "+49 900 12345626").
        LengthNotChecked,
    }

    fn crate_parse(region: &str, raw: &str) -> Option<phonenumber::PhoneNumber> {
        phonenumber::parse(Some(region.parse().ok()?), raw).ok()
    }

    fn crate_e164(n: &phonenumber::PhoneNumber) -> u64 {
        let text = n.format().mode(Mode::E164).to_string();
        text.trim_start_matches('+').parse().unwrap_or(0)
    }

    fn crate_nsn(n: &phonenumber::PhoneNumber) -> String {
        let zeros = "0".repeat(usize::from(n.national().zeros()));
        format!("{zeros}{}", n.national().value())
    }

    /// Compares with the crate: `Ok(None)` when they agree, `Ok(Some(bug))` when they
    /// differ in a known class, `Err` otherwise.
    fn versus_crate(region: &str, raw: &str) -> Result<Option<CrateBug>, String> {
        let ours = norm(region, raw).ok().map(Number::e164);
        let theirs = crate_parse(region, raw);
        let theirs_valid = theirs.as_ref().filter(|n| n.is_valid()).map(crate_e164);
        if ours == theirs_valid {
            return Ok(None);
        }
        let unknown = || format!("region {region}, {raw:?}: ours {ours:?}, crate {theirs_valid:?}");
        let Some(theirs) = theirs else {
            return if ours.is_some() {
                Ok(Some(CrateBug::ParseError))
            } else {
                Err(unknown())
            };
        };
        if theirs.is_valid() && theirs.number_type(&DATABASE) == Type::Unknown {
            return Ok(Some(CrateBug::ValidWithoutType));
        }
        let registry = registry();
        let default = registry
            .region_slot(region)
            .and_then(Slot::rules)
            .ok_or_else(unknown)?;
        let Ok((code, nsn)) = engine::parse(registry, default, raw) else {
            return Err(unknown());
        };
        if code != theirs.code().value() {
            return Err(unknown());
        }
        let digits = raw.chars().filter(char::is_ascii_digit).count();
        let has_plus = raw.contains('+');
        let ours_from_number = !has_plus && nsn.len() + code.to_string().len() <= digits;
        let theirs_from_number = theirs.code().source() == phonenumber::country::Source::Number;
        if !has_plus && code == default.country_code && ours_from_number != theirs_from_number {
            return Ok(Some(CrateBug::CountryCodeWithoutPlus));
        }
        let theirs_nsn = crate_nsn(&theirs);
        let default_trunk = DATABASE.by_id(region).and_then(|m| m.national_prefix());
        if code != default.country_code
            && default_trunk.and_then(|t| nsn.strip_prefix(t)) == Some(theirs_nsn.as_str())
        {
            return Ok(Some(CrateBug::DefaultTrunkPrefix));
        }
        let own_trunk = DATABASE
            .by_code(&code)
            .and_then(|m| m.into_iter().next())
            .and_then(|m| m.national_prefix())
            .unwrap_or("0");
        if nsn != theirs_nsn
            && (nsn.trim_start_matches('0') == theirs_nsn.trim_start_matches('0')
                || theirs_nsn.strip_prefix(own_trunk) == Some(nsn.as_str()))
        {
            return Ok(Some(CrateBug::LeadingZeros));
        }
        if nsn == theirs_nsn && ours.is_none() && theirs.number_type(&DATABASE) != Type::Unknown {
            return Ok(Some(CrateBug::LengthNotChecked));
        }
        Err(unknown())
    }

    #[test]
    fn known_crate_errors_are_classified() {
        let cases = [
            ("NO", "02345678", CrateBug::ValidWithoutType),
            ("NO", "+47 (0)2 610339", CrateBug::ValidWithoutType),
            ("NO", "47123456", CrateBug::CountryCodeWithoutPlus),
            ("SE", "468123492", CrateBug::CountryCodeWithoutPlus),
            ("NO", "+44 (0)20 7946 0958", CrateBug::LeadingZeros),
            ("NO", "+46 (0)70-123 45 67", CrateBug::LeadingZeros),
            ("SE", "+47 (0)40-612343", CrateBug::DefaultTrunkPrefix),
            ("US", "+31 101234567", CrateBug::DefaultTrunkPrefix),
            ("NO", "+478-12-57685", CrateBug::ParseError),
            ("SE", "+462012345-68", CrateBug::ParseError),
            ("SE", "+4990012345626", CrateBug::LengthNotChecked),
        ];
        for (region, raw, bug) in cases {
            // Google's answer is in GOOGLE; here the crate must really differ from it.
            assert!(
                GOOGLE.iter().any(|(r, i, _)| (*r, *i) == (region, raw)),
                "{raw:?}"
            );
            assert_eq!(versus_crate(region, raw), Ok(Some(bug)), "{region} {raw:?}");
        }
        // The crate reads letters as digits; we reject them.
        let n = crate_parse("NO", "9123456A").unwrap();
        assert!(n.is_valid());
        assert_eq!(norm("NO", "9123456A").unwrap_err().code(), "bad_character");
    }

    const REGIONS: [&str; 8] = ["NO", "SE", "DK", "FI", "NL", "GB", "DE", "US"];
    const SEPARATORS: [&str; 12] = [
        " ", "-", ".", "/", "(", ")", " ", "[", "]", "\u{a0}", "\u{2013}", "  ",
    ];

    /// Example national numbers of every type of a region, from the metadata.
    fn examples(region: &str) -> Vec<String> {
        let Some(meta) = DATABASE.by_id(region) else {
            return vec!["12345678".into()];
        };
        let d = meta.descriptors();
        [
            d.fixed_line(),
            d.mobile(),
            d.toll_free(),
            d.premium_rate(),
            d.shared_cost(),
            d.personal_number(),
            d.voip(),
            d.uan(),
            d.voicemail(),
        ]
        .into_iter()
        .flatten()
        .filter_map(|desc| desc.example().map(str::to_owned))
        .collect()
    }

    /// A realistic written number: a region's example number with its tail replaced by
    /// random digits (sometimes a digit short or long, sometimes all random), in one of the
    /// shapes lists use, with random separators.
    fn written_number() -> impl Strategy<Value = (String, String)> {
        (
            0..REGIONS.len(),
            0..10u8,
            any::<prop::sample::Index>(),
            0..6usize,
            prop::collection::vec(0..10u8, 16),
            0..10u8,
            0..9u8,
            prop::collection::vec(prop::option::weighted(0.25, 0..SEPARATORS.len()), 24),
            0..4u8,
        )
            .prop_map(|(r, d, example, keep, tail, length, shape, seps, idd)| {
                let region = REGIONS[r];
                let default = match d {
                    0..=6 => region,
                    7 | 8 => "NO",
                    _ => REGIONS[(r + 3) % REGIONS.len()],
                };
                let meta = DATABASE.by_id(region);
                let code = meta.map_or(0, |m| m.country_code());
                let trunk = meta.and_then(|m| m.national_prefix()).unwrap_or("");
                let examples = examples(region);
                let mut nsn: Vec<u8> = if length == 9 {
                    tail[..1 + usize::from(tail[0])]
                        .iter()
                        .map(|d| b'0' + d)
                        .collect()
                } else {
                    let base = examples[example.index(examples.len())].as_bytes();
                    let kept = base.len().saturating_sub(keep);
                    let mut v = base[..kept].to_vec();
                    v.extend(tail.iter().take(base.len() - kept).map(|d| b'0' + d));
                    match length {
                        0 => {
                            v.pop();
                        }
                        1 => v.push(b'0' + tail[15]),
                        _ => {}
                    }
                    v
                };
                if nsn.is_empty() {
                    nsn.push(b'5');
                }
                let mut sep = seps.into_iter();
                let spaced: String = nsn.iter().fold(String::new(), |mut s, &b| {
                    s.push(char::from(b));
                    if let Some(Some(i)) = sep.next() {
                        s.push_str(SEPARATORS[i]);
                    }
                    s
                });
                let idd = ["00", "011", "00", "00"][usize::from(idd)];
                let text = match shape {
                    0 => format!("+{code} {spaced}"),
                    1 => format!("{idd}{code} {spaced}"),
                    2 => format!("{trunk}{spaced}"),
                    3 => spaced,
                    4 => format!("{code}{spaced}"),
                    5 => {
                        format!("+{code} ({})", if trunk.is_empty() { "0" } else { trunk })
                            + &spaced
                    }
                    6 => format!("(+{code}) {spaced}"),
                    7 => format!("{trunk}-{spaced}"),
                    _ => format!("+{code}{spaced}"),
                };
                (default.to_owned(), text)
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        /// On realistic input our answer is the crate's, except in the known classes.
        #[test]
        fn agrees_with_the_crate_except_known_bugs((region, raw) in written_number()) {
            prop_assert!(versus_crate(&region, &raw).is_ok(), "{:?}", versus_crate(&region, &raw));
        }

        /// The fast path gives the slow path's answer on any digits it accepts.
        #[test]
        fn fast_path_matches_slow_path(
            digits in "[0-9]{6,13}",
            prefix in prop::sample::select(vec!["", "+", "+47", "0047", "47", " +47 ", "(+47)"]),
            sep in prop::sample::select(vec!["", " ", "-", ".", "/", "(", ")", "\t"]),
        ) {
            let raw = format!("{prefix}{}{sep}{}", &digits[..3], &digits[3..]);
            for national in [false, true] {
                if let Some(fast) = fast::normalise(raw.as_bytes(), national) {
                    let region = if national { "NO" } else { "SE" };
                    prop_assert_eq!(fast, engine::normalise(region, &raw), "{:?}", raw);
                }
            }
        }

        /// Never panics, on any bytes.
        #[test]
        fn any_bytes_are_safe(bytes in prop::collection::vec(any::<u8>(), 0..40)) {
            let _ = Normaliser::new(Region::NORWAY).normalise_bytes(&bytes);
        }

        /// Any E.164 integer: validate_e164 is normalise of "+digits".
        #[test]
        fn validate_e164_is_normalise_with_plus(e164 in prop_oneof![4_700_000_000..4_800_000_000u64, 1..100_000_000_000_000u64]) {
            let normaliser = Normaliser::new(Region::NORWAY);
            prop_assert_eq!(normaliser.validate_e164(e164), normaliser.normalise(&format!("+{e164}")));
        }
    }
}
