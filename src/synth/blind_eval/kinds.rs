//! The kinds of lead the set holds: each corruption and look-alike model with its stable name
//! and its share, the slots `two_corruptions` draws from, and the benign formatting a
//! look-alike may get too.

macro_rules! kinds {
    ($($variant:ident = $name:literal, $corruption:literal, $weight:literal;)*) => {
        /// A corruption or look-alike model; the weight is its share (per mille, roughly) of its
        /// half of the leads.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(super) enum Kind { $($variant),* }
        impl Kind {
            pub(super) const ALL: &'static [Kind] = &[$(Kind::$variant),*];
            pub(super) fn name(self) -> &'static str { match self { $(Kind::$variant => $name),* } }
            pub(super) fn is_corruption(self) -> bool { match self { $(Kind::$variant => $corruption),* } }
            pub(super) fn weight(self) -> u32 { match self { $(Kind::$variant => $weight),* } }
        }
    };
}

kinds! {
    // The kinds the issue names (heavier, so each recall is measured on ~450 leads).
    PostcodeWrongSameCity = "postcode_wrong_same_city", true, 45;
    PostcodeTypoCityRight = "postcode_typo_city_right", true, 45;
    PostcodeOcr = "postcode_ocr", true, 45;
    PostcodeMissingCityGiven = "postcode_missing_city_given", true, 45;
    FlatNumberInStreet = "flat_number_in_street", true, 45;
    StreetInitialAbbreviated = "street_initial_abbreviated", true, 45;
    StreetPrefixAbbreviated = "street_prefix_abbreviated", true, 45;
    GivenNameSpellingVariant = "given_name_spelling_variant", true, 45;
    OcrConfusion = "ocr_confusion", true, 45;
    TransliterationTwoFields = "transliteration_two_fields", true, 45;
    WhitespaceNbspDoubleSpace = "whitespace_nbsp_double_space", true, 45;
    TwoCorruptions = "two_corruptions", true, 45;
    // Other damage real lead data has.
    Unchanged = "unchanged", true, 10;
    TruncatedField = "truncated_field", true, 18;
    FullNameOneField = "full_name_one_field", true, 18;
    MiddleNameDropped = "middle_name_dropped", true, 18;
    MiddleNameInitial = "middle_name_initial", true, 18;
    GivenBySecondName = "given_by_second_name", true, 18;
    GivenNameHyphenation = "given_name_hyphenation", true, 18;
    DoubleSurnamePartial = "double_surname_partial", true, 18;
    HouseLetterMissing = "house_letter_missing", true, 18;
    HouseLetterGlued = "house_letter_glued", true, 18;
    NumberInStreetField = "number_in_street_field", true, 18;
    StreetSuffixAbbreviated = "street_suffix_abbreviated", true, 18;
    StreetCompoundSplit = "street_compound_split", true, 18;
    GivenNameTypo = "given_name_typo", true, 18;
    SurnameTypo = "surname_typo", true, 18;
    SurnameSpellingVariant = "surname_spelling_variant", true, 18;
    MovedBirthDateGiven = "moved_birth_date_given", true, 18;
    CaseMess = "case_mess", true, 18;
    NordicDigraphs = "nordic_digraphs", true, 18;
    AccentsDropped = "accents_dropped", true, 18;
    NamesSwapped = "names_swapped", true, 18;
    LeadingTrailingJunk = "leading_trailing_junk", true, 18;
    PostcodeLeadingZeroLost = "postcode_leading_zero_lost", true, 18;
    PostcodeCityOneField = "postcode_city_one_field", true, 18;
    // Look-alikes: not reserved, must not match.
    HouseholdMember = "household_member", false, 150;
    HouseholdSoundAlike = "household_sound_alike", false, 110;
    HouseholdSameFirstName = "household_same_first_name", false, 60;
    HouseholdSameNameOtherBirthDate = "household_same_name_other_birth_date", false, 50;
    NamesakeElsewhere = "namesake_elsewhere", false, 110;
    NamesakeSameTown = "namesake_same_town", false, 90;
    NamesakeSameBirthDateOtherId = "namesake_same_birth_date_other_id", false, 60;
    NeighbourOtherNumber = "neighbour_other_number", false, 80;
    NeighbourOtherLetter = "neighbour_other_letter", false, 60;
    NeighbourSameNameOtherNumber = "neighbour_same_name_other_number", false, 60;
    NearNameGiven = "near_name_given", false, 90;
    NearNameSurname = "near_name_surname", false, 90;
}

/// The kinds `two_corruptions` combines, by the part of the lead they damage; two are drawn
/// from two different slots.
pub(super) const SLOTS: [&[Kind]; 4] = [
    &[
        Kind::GivenNameSpellingVariant,
        Kind::GivenNameTypo,
        Kind::SurnameTypo,
        Kind::MiddleNameDropped,
        Kind::MiddleNameInitial,
        Kind::DoubleSurnamePartial,
        Kind::SurnameSpellingVariant,
    ],
    &[
        Kind::StreetSuffixAbbreviated,
        Kind::StreetPrefixAbbreviated,
        Kind::StreetInitialAbbreviated,
        Kind::StreetCompoundSplit,
        Kind::HouseLetterMissing,
        Kind::HouseLetterGlued,
        Kind::FlatNumberInStreet,
        Kind::NumberInStreetField,
    ],
    &[
        Kind::PostcodeWrongSameCity,
        Kind::PostcodeTypoCityRight,
        Kind::PostcodeOcr,
        Kind::PostcodeMissingCityGiven,
        Kind::PostcodeLeadingZeroLost,
    ],
    &[
        Kind::CaseMess,
        Kind::NordicDigraphs,
        Kind::LeadingTrailingJunk,
        Kind::WhitespaceNbspDoubleSpace,
    ],
];

/// Formatting a look-alike may get too (30 % of them), so that clean text is no cue.
pub(super) const BENIGN: [Kind; 5] = [
    Kind::CaseMess,
    Kind::NordicDigraphs,
    Kind::StreetSuffixAbbreviated,
    Kind::NumberInStreetField,
    Kind::HouseLetterGlued,
];
