//! The corruption kinds and look-alike kinds, with their shares.

use super::*;

/// A way a lead list damages a reserved person's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Corruption {
    PostcodeTypo,
    PostcodeMisread,
    PostcodeMissing,
    FlatNumber,
    StreetInitial,
    StreetPrefix,
    GivenVariant,
    Ocr,
    TranslitTwo,
    Whitespace,
    Two,
    NameTypo,
    StreetTypo,
    StreetSuffix,
    StreetSpacing,
    MiddleDropped,
    CalledByMiddle,
    FullNameOneField,
    NamesSwapped,
    DoubleSurname,
    GivenHyphenation,
    LetterDroppedOrAttached,
    Mojibake,
    Moved,
    NidFormatted,
    PostcodeCityOneField,
    CareOfPunctuation,
}

/// Corruption kinds with their shares of the reserved leads, in per mille, in the order of
/// [`CORRUPTION_KINDS`].
pub(super) const CORRUPTION_SHARES: [(Corruption, u32); 27] = [
    (Corruption::PostcodeTypo, 60),
    (Corruption::PostcodeMisread, 50),
    (Corruption::PostcodeMissing, 50),
    (Corruption::FlatNumber, 60),
    (Corruption::StreetInitial, 50),
    (Corruption::StreetPrefix, 50),
    (Corruption::GivenVariant, 60),
    (Corruption::Ocr, 50),
    (Corruption::TranslitTwo, 50),
    (Corruption::Whitespace, 50),
    (Corruption::Two, 70),
    (Corruption::NameTypo, 40),
    (Corruption::StreetTypo, 30),
    (Corruption::StreetSuffix, 30),
    (Corruption::StreetSpacing, 20),
    (Corruption::MiddleDropped, 30),
    (Corruption::CalledByMiddle, 20),
    (Corruption::FullNameOneField, 25),
    (Corruption::NamesSwapped, 15),
    (Corruption::DoubleSurname, 20),
    (Corruption::GivenHyphenation, 15),
    (Corruption::LetterDroppedOrAttached, 30),
    (Corruption::Mojibake, 30),
    (Corruption::Moved, 30),
    (Corruption::NidFormatted, 20),
    (Corruption::PostcodeCityOneField, 20),
    (Corruption::CareOfPunctuation, 25),
];

/// The corruptions the issue names singly, from which `two_corruptions` draws its first.
pub(super) const TWO_FIRST: [Corruption; 10] = [
    Corruption::PostcodeTypo,
    Corruption::PostcodeMisread,
    Corruption::PostcodeMissing,
    Corruption::FlatNumber,
    Corruption::StreetInitial,
    Corruption::StreetPrefix,
    Corruption::GivenVariant,
    Corruption::Ocr,
    Corruption::TranslitTwo,
    Corruption::Whitespace,
];

/// What `two_corruptions` draws its second from, besides [`TWO_FIRST`].
pub(super) const TWO_SECOND_EXTRA: [Corruption; 5] = [
    Corruption::NameTypo,
    Corruption::StreetSuffix,
    Corruption::MiddleDropped,
    Corruption::LetterDroppedOrAttached,
    Corruption::Mojibake,
];

/// Damage a look-alike's own data may carry too (the lists are as messy for them).
pub(super) const LIGHT: [Corruption; 10] = [
    Corruption::PostcodeMissing,
    Corruption::PostcodeMisread,
    Corruption::Whitespace,
    Corruption::FlatNumber,
    Corruption::StreetPrefix,
    Corruption::StreetInitial,
    Corruption::TranslitTwo,
    Corruption::StreetSuffix,
    Corruption::MiddleDropped,
    Corruption::Mojibake,
];

impl Corruption {
    pub(super) fn name(self) -> &'static str {
        let i = CORRUPTION_SHARES
            .iter()
            .position(|(c, _)| *c == self)
            .unwrap_or(0);
        CORRUPTION_KINDS[i]
    }

    /// Corruptions that cannot be combined in one lead (they damage the same thing).
    pub(super) fn conflicts(self, other: Corruption) -> bool {
        use Corruption::*;
        let group = |c: Corruption| match c {
            PostcodeTypo | PostcodeMisread | PostcodeMissing | PostcodeCityOneField => 1,
            TranslitTwo | Mojibake => 2,
            StreetInitial | StreetPrefix | StreetTypo | StreetSpacing => 3,
            GivenVariant | MiddleDropped | CalledByMiddle | GivenHyphenation => 4,
            _ => 0,
        };
        self == other || (group(self) != 0 && group(self) == group(other))
    }
}

/// A kind of person who is not reserved but resembles one who is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LookAlike {
    HouseholdOther,
    HouseholdNamesakeDob,
    HouseholdNearNameDob,
    Twin,
    CohabitantSameGiven,
    NamesakeElsewhere,
    NamesakeSameTown,
    NeighbourSameName,
    NeighbourSameSurname,
    NearNameElsewhere,
    NearNameNeighbour,
    HouseholdNamesakeNid,
    SameHouseOtherLetter,
}

/// Look-alike kinds with their shares of the look-alike leads, in per mille, in the order of
/// [`LOOKALIKE_KINDS`].
pub(super) const LOOKALIKE_SHARES: [(LookAlike, u32); 13] = [
    (LookAlike::HouseholdOther, 120),
    (LookAlike::HouseholdNamesakeDob, 80),
    (LookAlike::HouseholdNearNameDob, 60),
    (LookAlike::Twin, 60),
    (LookAlike::CohabitantSameGiven, 70),
    (LookAlike::NamesakeElsewhere, 120),
    (LookAlike::NamesakeSameTown, 90),
    (LookAlike::NeighbourSameName, 90),
    (LookAlike::NeighbourSameSurname, 70),
    (LookAlike::NearNameElsewhere, 90),
    (LookAlike::NearNameNeighbour, 60),
    (LookAlike::HouseholdNamesakeNid, 50),
    (LookAlike::SameHouseOtherLetter, 40),
];
