//! The slow path: libphonenumber's parse (`PhoneNumberUtil.parseHelper`) and `isValidNumber`
//! for the accepted alphabet, over the metadata shipped in the `phonenumber` crate, compiled
//! into [`Rules`] per region on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

use phonenumber::metadata::{DATABASE, Descriptor, Metadata};
use regex::{Regex, RegexBuilder};

use super::{Number, NumberError};

/// The numbering rules of one metadata entry (a region, or a non-geographic country code),
/// compiled from the crate's metadata with libphonenumber's matching semantics: patterns
/// match the whole NSN, prefixes match at the start.
pub(super) struct Rules {
    pub(super) country_code: u16,
    /// International (IDD) prefix, anchored at the start.
    pub(super) idd: Option<Regex>,
    /// National prefix for parsing (falls back to the national prefix), anchored at the start.
    pub(super) national_prefix: Option<Regex>,
    /// Replacement for the national prefix match, in `${1}` syntax.
    pub(super) transform: Option<String>,
    /// Leading digits that pick this region among those sharing its country code.
    pub(super) leading_digits: Option<Regex>,
    /// The general pattern, anchored at both ends.
    pub(super) general: Regex,
    /// Possible NSN lengths over all types, ascending.
    pub(super) lengths: Vec<usize>,
    /// Lengths possible only for local dialling, not among `lengths`.
    pub(super) local_lengths: Vec<usize>,
    /// Number types (fixed line, mobile, ...): anchored pattern and possible lengths.
    pub(super) types: Vec<(Regex, Vec<usize>)>,
}

/// How a number's length compares to the lengths of a region (libphonenumber's
/// `testNumberLength` for an unknown type).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Length {
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
pub(super) fn dollar_braces(rule: &str) -> String {
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
pub(super) struct Slot {
    pub(super) meta: &'static Metadata,
    pub(super) rules: OnceLock<Option<Rules>>,
}

impl Slot {
    pub(super) fn rules(&self) -> Option<&Rules> {
        self.rules.get_or_init(|| Rules::build(self.meta)).as_ref()
    }
}

/// Every metadata entry, by region and by country code (main region first, as in
/// libphonenumber).
pub(super) struct Registry {
    pub(super) slots: Vec<Slot>,
    pub(super) by_region: HashMap<&'static str, usize>,
    pub(super) by_code: HashMap<u16, Vec<usize>>,
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

    pub(super) fn region_slot(&self, region: &str) -> Option<&Slot> {
        self.by_region.get(region).map(|i| &self.slots[*i])
    }

    /// The rules of the main region of a country code.
    fn main_rules(&self, code: u16) -> Option<&Rules> {
        let first = *self.by_code.get(&code)?.first()?;
        self.slots[first].rules()
    }

    /// The region (ISO 3166 alpha-2) a number belongs to, as libphonenumber's
    /// `getRegionCodeForNumber` decides it: the only region of its country code, or the one
    /// whose leading digits (or, without them, number types) match its NSN. `None` for a
    /// non-geographic number (`+800`, say).
    pub(super) fn region_for_number(&self, code: u16, nsn: &str) -> Option<&'static str> {
        let slots = self.by_code.get(&code)?;
        let id = if let [only] = slots.as_slice() {
            self.slots[*only].meta.id()
        } else {
            slots.iter().find_map(|&index| {
                let rules = self.slots[index].rules()?;
                let matches = match &rules.leading_digits {
                    Some(leading) => leading.is_match(nsn),
                    None => rules.has_type(nsn),
                };
                matches.then(|| self.slots[index].meta.id())
            })?
        };
        (id != "001").then_some(id)
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

pub(super) fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(Registry::load)
}

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
