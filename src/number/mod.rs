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
//! - Everything else takes the slow path (`engine.rs`): libphonenumber's parse and validation
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
//!
//! # Where the code is
//! - this file: [`Number`], [`Region`], [`NumberError`] and the [`Normaliser`] that picks a path;
//! - `fast.rs`: the Norwegian fast path and its prefix table;
//! - `engine.rs`: libphonenumber's rules compiled from the metadata, and its parse and
//!   validation;
//! - `tests.rs`: the golden table of Google's answers, the exhaustive fast-path check and the
//!   comparison with the `phonenumber` crate.

pub(crate) mod engine;
mod fast;
#[cfg(test)]
mod tests;

use std::fmt;
use std::str::FromStr;

use phonenumber::country;

use engine::registry;
pub use fast::no_prefix_is_valid;

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

    /// The region (ISO 3166 alpha-2) the number belongs to by the numbering metadata, as
    /// libphonenumber decides it (+1 212… is US, +1 416… is CA, +47 79… is SJ); `None` for a
    /// non-geographic number.
    pub fn region(self) -> Option<&'static str> {
        let (code, nsn) = self.split();
        // The common case without the metadata's patterns: Norway's 8-digit numbers are
        // Svalbard's (SJ) in the 79 range and mainland Norway's otherwise (checked against the
        // metadata for every prefix in the tests).
        if code == 47 && (10_000_000..100_000_000).contains(&nsn) {
            return Some(if nsn / 1_000_000 == 79 { "SJ" } else { "NO" });
        }
        let digits = self.0.to_string();
        let nsn = digits.get(code.to_string().len()..)?;
        registry().region_for_number(code, nsn)
    }

    /// A number already known to be valid E.164 (from a [`Normaliser`] or a generation).
    pub fn from_valid_e164(e164: u64) -> Number {
        Number(e164)
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
