//! Lookups: a lead's exact key first (in runs, so cache misses overlap), then the candidate
//! paths (the postcode's house and streets spelt alike, the city's and neighbouring
//! postcodes, the birth date, the national id).

use fst::raw::Node;
use memmap2::Mmap;

use super::cost::{agrees, allowed_edits, limit, name_cost, ocr_read, ocr_readings_back};
use super::key::{
    Folded, id_hash32, key_postcode, name_bits, push_decimal, push_postcode,
    with_sans_serif_letters_read, with_y_and_z_swapped,
};
use super::{Best, HOUSES_MOST, MAX_KEY, PersonIndex, PersonScratch, RUN, STREETS_MOST};

use crate::person::distance::osa_within;
use crate::person::normalise::{
    CANONICAL_SUFFIXES, SEP, STREET_PREFIXES, abbreviates, is_common_given_name, is_one_letter,
    lossy_equal, ocr_fold, other_ending, other_prefix, shortens_other_prefix, sounds_alike,
    street_key, suffix_spellings,
};
use crate::person::postcodes::{self, Postcodes, Town};
use crate::person::{CandidatePath, MatchKind, PersonMatch, PersonQuery, Strictness};

/// The most postcodes a town may have for a lead without a postcode to have its streets read
/// one by one at each (a few towns have more: Oslo 637, Trondheim 148, Bergen 134).
const SMALL_TOWN: usize = 64;

/// The postcodes a search of other postcodes may try: a town's, those one typing slip from
/// the lead's, and one more (the lead's own); or every postcode. Asked by range as the
/// street-house set is walked digit by digit and one by one as a street's postcodes are
/// listed, so a town of hundreds of postcodes is neither copied nor sorted per lead.
pub(super) struct PostcodeSet<'a> {
    table: &'a Postcodes,
    town: Option<Town>,
    /// The slips of the lead's postcode, ascending.
    slips: Vec<u16>,
    also: Option<u16>,
    every: bool,
}

impl<'a> PostcodeSet<'a> {
    /// The postcodes of `town`, those one slip from `slips_of`, and `also`.
    pub(super) fn new(
        table: &'a Postcodes,
        town: Option<Town>,
        slips_of: Option<u16>,
        also: Option<u16>,
    ) -> Self {
        PostcodeSet {
            table,
            town,
            slips: slips_of.map(postcodes::slips).unwrap_or_default(),
            also,
            every: false,
        }
    }

    /// Every postcode.
    #[cfg(test)]
    pub(super) fn every() -> Self {
        PostcodeSet {
            every: true,
            ..PostcodeSet::new(postcodes::norway(), None, None, None)
        }
    }

    /// Whether a postcode of the set is in `lo..lo + span`.
    fn any_in(&self, lo: u16, span: u16) -> bool {
        let hi = lo + span;
        let town = self.town.map_or(&[][..], |t| self.table.codes(t));
        let some_in = |codes: &[u16]| {
            let at = codes.partition_point(|&a| a < lo);
            codes.get(at).is_some_and(|&a| a < hi)
        };
        self.every
            || self.also.is_some_and(|a| (lo..hi).contains(&a))
            || some_in(town)
            || some_in(&self.slips)
    }

    /// The members of the set among `sorted` (ascending) into `out`, ascending. A common
    /// street name has hundreds of postcodes, a town mostly a few: only the part of `sorted`
    /// between the town's lowest and highest postcode is read for the town, and each list
    /// is intersected by seeking the shorter's members in the longer.
    pub(super) fn members_of(&self, sorted: &[u16], out: &mut Vec<u16>) {
        out.clear();
        if self.every {
            out.extend_from_slice(sorted);
            return;
        }
        if let Some(t) = self.town {
            let town = self.table.codes(t);
            if let (Some(&lo), Some(&hi)) = (town.first(), town.last()) {
                let from = sorted.partition_point(|&a| a < lo);
                let to = sorted.partition_point(|&a| a <= hi);
                let within = &sorted[from..to.max(from)];
                if within.len() <= town.len() {
                    let t = Some(t);
                    out.extend(
                        within
                            .iter()
                            .copied()
                            .filter(|&pc| self.table.town_of(pc) == t),
                    );
                } else {
                    intersect(town, within, out);
                }
            }
        }
        let from_town = out.len();
        intersect(&self.slips, sorted, out);
        out.extend(self.also.filter(|pc| sorted.binary_search(pc).is_ok()));
        if out.len() > from_town {
            out.sort_unstable();
            out.dedup();
        }
    }

    /// Whether `pc` is in the set.
    #[cfg(test)]
    pub(super) fn contains(&self, pc: u16) -> bool {
        self.every
            || self.also == Some(pc)
            || self.town.is_some_and(|t| self.table.town_of(pc) == Some(t))
            || self.slips.binary_search(&pc).is_ok()
    }
}

impl PersonIndex {
    /// The person whose address key is `key` (the first of namesakes), by the exact table
    /// if there is one, else by the fst.
    fn exact_get(&self, key: &[u8]) -> Option<usize> {
        match &self.exact {
            Some(table) => {
                let h = xxhash_rust::xxh3::xxh3_64(key);
                table.person(h, table.bucket(h))
            }
            None => self.address.get(key).map(|p| p as usize),
        }
        .filter(|&p| p < self.persons)
    }

    /// The register person `q` is, if the evidence suffices at `strictness`.
    pub fn find(&self, q: &PersonQuery, strictness: Strictness) -> Option<PersonMatch> {
        thread_local! {
            static SCRATCH: std::cell::RefCell<PersonScratch> =
                std::cell::RefCell::new(PersonScratch::default());
        }
        SCRATCH.with(|s| match s.try_borrow_mut() {
            Ok(mut scratch) => self.find_with(q, strictness, &mut scratch),
            Err(_) => self.find_with(q, strictness, &mut PersonScratch::default()),
        })
    }

    /// [`PersonIndex::find`] with caller-owned buffers.
    pub fn find_with(
        &self,
        q: &PersonQuery,
        strictness: Strictness,
        scratch: &mut PersonScratch,
    ) -> Option<PersonMatch> {
        let mut found = None;
        self.find_each(&[q], strictness, scratch, &mut |m| found = m);
        found
    }

    /// [`PersonIndex::find`] for each of `queries`, in order, appended to `out`. Answers as
    /// `find` does, faster: the exact-table and row reads of a run of leads overlap.
    pub fn find_all(
        &self,
        queries: &[&PersonQuery],
        strictness: Strictness,
        scratch: &mut PersonScratch,
        out: &mut Vec<Option<PersonMatch>>,
    ) {
        out.reserve(queries.len());
        self.find_each(queries, strictness, scratch, &mut |m| out.push(m));
    }

    /// Finds each lead, calling `emit` with its match in order (see [`Self::find_runs`]). A
    /// panic inside the fst crate on a malformed map is contained: the index is marked damaged
    /// ([`PersonIndex::damage`]) and the leads not yet answered get `None`, as every lead does
    /// in a damaged index; callers check the damage before they answer.
    fn find_each(
        &self,
        queries: &[&PersonQuery],
        strictness: Strictness,
        scratch: &mut PersonScratch,
        emit: &mut impl FnMut(Option<PersonMatch>),
    ) {
        let mut answered = 0;
        self.guarded(|| {
            self.find_runs(queries, strictness, scratch, &mut |m| {
                answered += 1;
                emit(m)
            })
        });
        for _ in answered..queries.len() {
            emit(None);
        }
    }

    /// Finds each lead, calling `emit` with its match in order, [`RUN`] leads at a time. Each
    /// pass over a run reads one thing for every lead (bucket bounds, then entries, then rows)
    /// without branching on what the others found, so the CPU overlaps their cache misses.
    fn find_runs(
        &self,
        queries: &[&PersonQuery],
        strictness: Strictness,
        scratch: &mut PersonScratch,
        emit: &mut impl FnMut(Option<PersonMatch>),
    ) {
        for run in queries.chunks(RUN) {
            let n = run.len();
            if scratch.leads.len() < n {
                scratch.leads.resize_with(n, Folded::default);
            }
            touch(run);
            let mut hashes = [0u64; RUN];
            let mut keyed = [false; RUN];
            // Whether the lead was read whole, or only its exact key built (a plain lead: the
            // rest is read only if the key finds no one).
            let mut read = [false; RUN];
            for (i, q) in run.iter().enumerate() {
                let lead = &mut scratch.leads[i];
                keyed[i] = lead.plain_key(q);
                if !keyed[i] {
                    lead.fill_query(q, false);
                    read[i] = true;
                    keyed[i] = lead.exact_key();
                }
                lead.birth = self.plausible_birth(lead.birth);
                if keyed[i] {
                    hashes[i] = xxhash_rust::xxh3::xxh3_64(&lead.key);
                }
            }
            let mut found = [None::<usize>; RUN];
            match &self.exact {
                Some(table) => {
                    let mut bounds = [(0u32, 0u32); RUN];
                    for i in 0..n {
                        if keyed[i] {
                            bounds[i] = table.bucket(hashes[i]);
                        }
                    }
                    for i in 0..n {
                        if keyed[i] {
                            found[i] = table.person(hashes[i], bounds[i]);
                        }
                    }
                }
                None => {
                    for i in 0..n {
                        if keyed[i] {
                            found[i] = self.exact_get(&scratch.leads[i].key);
                        }
                    }
                }
            }
            let mut births = [0u16; RUN];
            for i in 0..n {
                if let Some(p) = found[i].filter(|&p| p < self.persons) {
                    births[i] = self.birth(p);
                }
            }
            for i in 0..n {
                let exact = found[i]
                    .filter(|&p| p < self.persons && agrees(scratch.leads[i].birth, births[i]))
                    .map(|p| self.matched(MatchKind::Exact, 0, p, CandidatePath::Postcode));
                if exact.is_none() && !read[i] {
                    let lead = &mut scratch.leads[i];
                    lead.fill_query(run[i], true);
                    lead.birth = self.plausible_birth(lead.birth);
                }
                let lead = &scratch.leads[i];
                let m = match exact {
                    Some(m) => Some(m),
                    None => self
                        .find_slow(
                            lead,
                            strictness,
                            keyed[i],
                            &mut scratch.key,
                            &mut scratch.near,
                        )
                        .or_else(|| {
                            self.find_other_reading(
                                lead,
                                strictness,
                                &mut scratch.other,
                                &mut scratch.key,
                                &mut scratch.near,
                            )
                        })
                        .or_else(|| {
                            self.find_late_reading(
                                run[i],
                                strictness,
                                &mut scratch.other,
                                &mut scratch.key,
                                &mut scratch.near,
                            )
                        }),
                };
                emit(m);
            }
        }
    }

    /// A lead's birth day, or 0 (unknown) if it is later than the register's youngest
    /// person's and the day after: then it is no birth date (a sign-up date in the birth
    /// column), no evidence for or against anyone.
    pub(super) fn plausible_birth(&self, day: u16) -> u16 {
        if day > self.latest_birth.saturating_add(1) {
            0
        } else {
            day
        }
    }

    /// A lead that names two houses (`44-46`) or two persons (`Hilde og Geir`), found by
    /// neither first reading: the last house, then the second person, each on the general
    /// path. `other` is a buffer.
    fn find_other_reading(
        &self,
        lead: &Folded,
        strictness: Strictness,
        other: &mut Folded,
        key: &mut Vec<u8>,
        near: &mut Vec<(u32, bool, Vec<u8>)>,
    ) -> Option<PersonMatch> {
        if let Some(last) = lead.other_number {
            other.clone_from(lead);
            other.number = Some(last);
            other.other_number = None;
            if let Some(m) = self.find_slow(other, strictness, false, key, near) {
                return Some(m);
            }
        }
        if lead.name.other_first.is_empty() {
            return None;
        }
        other.clone_from(lead);
        other.other_number = None;
        std::mem::swap(&mut other.name.first, &mut other.name.other_first);
        other.name.other_first.clear();
        other.name.middles.clear();
        other.name.first_abbreviated = false;
        self.find_slow(other, strictness, false, key, near)
    }

    /// A lead found by no other reading, read as what text recognition makes of a sans-serif
    /// font (`OIav NiIsen`, `LARVlK`: its `I`s and `l`s read back where their words tell
    /// which they are) or as typed on a German keyboard (`Lzngstad`: `y` and `z` swapped), and
    /// looked up again. Tried last, and only for a lead that shows such letters, so a lead
    /// found as written is never read this way.
    fn find_late_reading(
        &self,
        q: &PersonQuery,
        strictness: Strictness,
        other: &mut Folded,
        key: &mut Vec<u8>,
        near: &mut Vec<(u32, bool, Vec<u8>)>,
    ) -> Option<PersonMatch> {
        [with_sans_serif_letters_read, with_y_and_z_swapped]
            .into_iter()
            .find_map(|reading| {
                let read = reading(q)?;
                other.fill_query(&read, false);
                other.birth = self.plausible_birth(other.birth);
                self.find_slow(other, strictness, false, key, near)
            })
    }

    /// The general path, for a lead whose exact key (if `exact_tried`) found nothing.
    /// Candidates come from, in turn: the lead's postcode (its house, then the postcode's
    /// streets that are spelt alike or abbreviated alike), other postcodes of the lead's city
    /// or next to its postcode that have the lead's house, and the persons born on the lead's
    /// birth day.
    fn find_slow(
        &self,
        lead: &Folded,
        strictness: Strictness,
        exact_tried: bool,
        key: &mut Vec<u8>,
        near: &mut Vec<(u32, bool, Vec<u8>)>,
    ) -> Option<PersonMatch> {
        let lead_id = match (&self.id_key, &lead.national_id) {
            (Some(id_key), Some(id)) => Some(id_hash32(id, id_key)),
            _ => None,
        };
        if let Some(hash) = lead_id
            && let Some(p) = self.find_national_id(lead.birth, hash)
        {
            return Some(self.matched(MatchKind::NationalId, 0, p, CandidatePath::NationalId));
        }
        if !lead.name.is_complete() {
            return None;
        }
        let max = strictness.max_cost();
        let mut best: Best = None;
        // A postcode read with letters for digits, or without its leading zero, costs 1.
        let repaired = u32::from(lead.postcode_repaired);
        // Whether the register has the lead's street at the lead's postcode: then the street
        // is taken to be spelt right when other postcodes are tried.
        let mut street_at_postcode = false;
        let mut house_at_postcode = false;
        if lead.has_address() && repaired <= max {
            let pc = lead.postcode.unwrap_or(0);
            // The exact key first: one lookup for the common case.
            if !exact_tried && repaired == 0 {
                lead.address_key(key);
                if let Some(p) = self.exact_get(key)
                    && self.birth_agrees(lead.birth, p)
                {
                    return Some(self.matched(MatchKind::Exact, 0, p, CandidatePath::Postcode));
                }
            }
            let at_postcode = Scan {
                postcode: pc,
                street: lead.street.as_bytes(),
                base: repaired,
                lossy_paid: false,
                path: CandidatePath::Postcode,
            };
            let known_there = self.scan_house(lead, &at_postcode, max, key, &mut best);
            house_at_postcode = known_there.is_some_and(|k| k.1);
            if max > repaired && best.is_none_or(|b| b.0 > repaired) {
                let known = known_there.map(|k| k.0).unwrap_or_else(|| {
                    key.clear();
                    push_postcode(pc, key);
                    key.extend_from_slice(lead.street.as_bytes());
                    self.streets.contains(&*key)
                });
                street_at_postcode = known;
                if !known {
                    self.scan_similar_streets(lead, pc, repaired, max, key, near, &mut best);
                }
            }
        }
        // Another postcode of the lead's city, or next to its postcode: only when nothing at
        // the lead's own postcode came close, and the register has no such house there (if it
        // has, the lead's address is right and the lead is someone else who lives there). A
        // street that runs through several postcodes may be at the lead's postcode without
        // the lead's house: its house is then sought at the others.
        if max > 0 && best.is_none() && !lead.street.is_empty() && !house_at_postcode {
            self.scan_city(lead, max, street_at_postcode, key, near, &mut best);
        }
        // A move: only when nothing at the lead's address came close (a birth-day scan costs
        // a few fst walks; a move can only win with the exact name, at cost 1).
        if max > 1 && lead.birth != 0 && best.is_none() {
            self.scan_birth(lead, max, lead_id, key, &mut best);
        }
        let (cost, p, path) = best?;
        // A national id on the lead that differs from the register person's: another person
        // (a namesake born the same day), whatever else agrees.
        if let Some(hash) = lead_id
            && self.id_hash_of(p).is_some_and(|stored| stored != hash)
        {
            return None;
        }
        let kind = if cost == 0 {
            MatchKind::Exact
        } else {
            MatchKind::Fuzzy
        };
        Some(self.matched(kind, cost, p, path))
    }

    /// Whether the register has `street` (a street key) at some postcode of the lead's town:
    /// the town its city names, or else its postcode's.
    fn street_in_lead_town(&self, lead: &Folded, street: &[u8]) -> bool {
        let table = postcodes::norway();
        let Some(town) = table
            .town_named(&lead.city)
            .or_else(|| lead.postcode.and_then(|pc| table.town_of(pc)))
        else {
            return false;
        };
        let allowed = PostcodeSet::new(table, Some(town), None, None);
        let mut found = false;
        self.houses_near(street, None, 0, &allowed, None, &mut |_, _, _| {
            found = true;
            false
        });
        found
    }

    fn matched(&self, kind: MatchKind, cost: u32, p: usize, path: CandidatePath) -> PersonMatch {
        PersonMatch {
            kind,
            payload: self.payload(p),
            person: p as u32,
            cost,
            path,
        }
    }

    fn birth_agrees(&self, lead: u16, p: usize) -> bool {
        agrees(lead, self.birth(p))
    }

    fn find_national_id(&self, birth: u16, hash: u32) -> Option<usize> {
        if birth == 0 || !self.id_hashes {
            return None;
        }
        self.born_on(birth)
            .find(|&(p, id, _)| p < self.persons && id == hash)
            .map(|(p, _, _)| p)
    }

    /// Scores every person at the lead's house on `scan.street` at `scan.postcode` (all
    /// houses if the lead has no number), adding `scan.base` to each cost. Returns whether the
    /// register has the street at the postcode and whether it has the house, if the scan got
    /// as far as to know.
    fn scan_house(
        &self,
        lead: &Folded,
        scan: &Scan<'_>,
        max: u32,
        key: &mut Vec<u8>,
        best: &mut Best,
    ) -> Option<(bool, bool)> {
        lead.house_prefix(scan.postcode, scan.street, key);
        let base = if lead.number.is_none() {
            key.pop();
            scan.base + 1
        } else {
            scan.base
        };
        if base > max {
            return None;
        }
        // `postcode street SEP`: the street is known if some key has it; the house if some
        // key has the whole prefix.
        let street_prefix = 4 + scan.street.len() + 1;
        let prefix_len = key.len();
        let same_lead = |p: usize| lead.birth != 0 && lead.birth == self.birth(p);
        let found = self.each_with_prefix(key, &mut |k, p| {
            if p >= self.persons || !self.birth_agrees(lead.birth, p) {
                return true;
            }
            let mut fields = k.split(|&b| b == SEP).skip(2);
            let (Some(letter), Some(last), Some(first), Some(middles)) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                return true;
            };
            let letter_cost = match (lead.letter, letter.first()) {
                (None, None) => 0,
                (Some(a), Some(&b)) if a == b => 0,
                // Another letter is another house (`22 B` and `22 C` are two entrances with
                // their own flats): the same person only if the birth dates agree.
                (Some(_), Some(_)) if same_lead(p) => 2,
                (Some(_), Some(_)) => 3,
                _ => 1,
            };
            let Some(limit) = limit(best, max) else {
                return false;
            };
            let fixed = base + letter_cost;
            if fixed > limit {
                return true;
            }
            if let Some(c) = name_cost(
                &lead.name,
                last,
                first,
                middles,
                limit - fixed,
                same_lead(p),
                scan.lossy_paid,
            ) {
                let total = fixed + c;
                if best.is_none_or(|b| total < b.0) {
                    *best = Some((total, p, scan.path));
                }
            }
            true
        });
        Some((found >= street_prefix, found == prefix_len))
    }

    /// Scores the lead at the streets of postcode `pc` spelt like the lead's (one or two
    /// edits, a typo inside the street-type suffix, æ/ø/å written as a bare vowel, OCR
    /// confusions) or abbreviated like it (`H. Raanes vei`, `Ø. Svanegata`, `Svanegata` for
    /// `Øvre Svanegata`), each at the cost of its difference plus `base`.
    #[allow(clippy::too_many_arguments)]
    fn scan_similar_streets(
        &self,
        lead: &Folded,
        pc: u16,
        base: u32,
        max: u32,
        key: &mut Vec<u8>,
        near: &mut Vec<(u32, bool, Vec<u8>)>,
        best: &mut Best,
    ) {
        let want = lead.street.as_bytes();
        // The lead's street as written, for typos inside a street-type suffix (`Heggeegen`).
        let raw: Vec<u8> = lead.street_folded.bytes().filter(|&b| b != b' ').collect();
        // Leading tokens of at most three letters, or a word's conventional abbreviation,
        // may abbreviate words of the street (`H. Raanes vei`, `Wilh. Thrane plass`); each
        // split is tried, none (`Svanegata` for `Øvre Svanegata`) too.
        let tokens: Vec<&str> = lead.street_folded.split(' ').collect();
        let splits = initial_splits(&tokens, true);
        // A middle word written as its initial (`Peter C. Asbjørnsens vei` for Peter Christen
        // Asbjørnsens vei): the words before it, the initial, and the key of the words after.
        let middle_initials: Vec<(String, u8, String)> = (1..tokens.len().saturating_sub(1))
            .filter(|&k| tokens[k].len() == 1 && tokens[k].bytes().all(|b| b.is_ascii_alphabetic()))
            .map(|k| {
                (
                    tokens[..k].concat(),
                    tokens[k].as_bytes()[0],
                    street_key(&tokens[k + 1..].join(" ")),
                )
            })
            .collect();
        // A street prefix put after the name, short or in full, as a street index sorts it
        // (`Bjelletunet L.`, `Kjernebakken, Ø.`, `Geitostmyra Nordr.`): the last token, and
        // the key of the tokens before it.
        let trailing = match tokens.split_last() {
            Some((last, before)) if !before.is_empty() && last.len() <= 6 => {
                Some((last.as_bytes(), street_key(&before.join(" "))))
            }
            _ => None,
        };
        let prefix_after = |street: &[u8]| {
            trailing.as_ref().is_some_and(|(short, rest)| {
                street.strip_suffix(rest.as_bytes()).is_some_and(|head| {
                    STREET_PREFIXES.contains(&std::str::from_utf8(head).unwrap_or_default())
                        && is_short_for(short, head)
                })
            })
        };
        // A street named after a person without the person's given names, as people say it
        // (`Tveiten vei` for Nils Tveiten vei): the lead's words, two or more, end the key.
        // Not if the register has the lead's street as written in the lead's town: then it
        // is a street of its own (`Vogts vei` beside `Johan Vogts vei`, named after another
        // person of the surname). Asked once, and only of a street that would be read so.
        let mut known_in_town = None;
        let mut names_dropped = |street: &[u8]| {
            tokens.len() >= 2
                && street.len() >= want.len() + 3
                && street.ends_with(want)
                && !*known_in_town.get_or_insert_with(|| self.street_in_lead_town(lead, want))
        };
        let mut ocr_want = Vec::new();
        ocr_fold(want, &mut ocr_want);
        near.clear();
        let mut expanded = Vec::with_capacity(32);
        for (street, street_ocr) in self.street_table().streets(pc) {
            let allow = allowed_edits(street.len()).min(max);
            let mut d = osa_within(want, street, allow);
            if d.is_none()
                && let Some(canon) = CANONICAL_SUFFIXES.iter().find(|c| {
                    c.as_bytes().last() == street.last() && street.ends_with(c.as_bytes())
                })
            {
                let stem = &street[..street.len() - canon.len()];
                for spelling in suffix_spellings(canon) {
                    expanded.clear();
                    expanded.extend_from_slice(stem);
                    expanded.extend_from_slice(spelling.as_bytes());
                    if let Some(e) = osa_within(&raw, &expanded, allow) {
                        d = Some(d.map_or(e, |d: u32| d.min(e)));
                    }
                }
            }
            let lossy = lossy_equal(want, street);
            if lossy {
                d = Some(1);
            }
            // An abbreviation costs 1 however many letters it leaves out (`Ndr` for Nedre is
            // two edits).
            if d.is_none_or(|d| d > 1)
                && splits
                    .iter()
                    .any(|(k, rest)| abbreviates(&tokens[..*k], rest.as_bytes(), street))
            {
                d = Some(1);
            }
            if d.is_none_or(|d| d > 1) && (prefix_after(street) || names_dropped(street)) {
                d = Some(1);
            }
            if d.is_none_or(|d| d > 1)
                && middle_initials.iter().any(|(before, initial, after)| {
                    street.len() > before.len() + after.len() + 1
                        && street.starts_with(before.as_bytes())
                        && street.ends_with(after.as_bytes())
                        && street.get(before.len()) == Some(initial)
                })
            {
                d = Some(1);
            }
            // A street cut short by a fixed-width field (`Store Lensmannv`): at least eight
            // letters of it, the start of the register's street.
            if d.is_none_or(|d| d > 1)
                && raw.len() >= 8
                && street.len() > raw.len()
                && street.starts_with(&raw)
            {
                d = Some(1);
            }
            if d.is_none_or(|d| d > 1) && (street_ocr == ocr_want || ocr_read(want, street)) {
                // OCR (`Srniegrenda`, `Kiisklia`): one confusion, however many edits it takes.
                d = Some(1);
            }
            if let Some(d) = d.filter(|&d| d > 0)
                && !other_prefix(want, street)
                && !other_ending(want, street)
                && !initial_unexplained(&lead.street_folded, street)
                && !another_persons_street(lead, want, street)
            {
                near.push((d, lossy, street.to_vec()));
            }
        }
        for (d, lossy, street) in near.iter() {
            let scan = Scan {
                postcode: pc,
                street,
                base: base + d,
                lossy_paid: *lossy,
                path: CandidatePath::Postcode,
            };
            self.scan_house(lead, &scan, max, key, best);
        }
    }

    /// Scores the lead at the other postcodes that have its house (its street, or one spelt
    /// within the street's edit allowance unless `spelt_right`, and its number): those of the
    /// town its city names ([`CandidatePath::City`]), or else of the town of its postcode, and,
    /// unless `spelt_right`, those one typing slip from its postcode
    /// ([`CandidatePath::Street`]); at cost 1 for the postcode that differs or is missing, plus
    /// the street's edits.
    #[allow(clippy::too_many_arguments)]
    // Out of line, as `scan_birth`: a profile then shows each candidate path's cost.
    #[inline(never)]
    fn scan_city(
        &self,
        lead: &Folded,
        max: u32,
        spelt_right: bool,
        key: &mut Vec<u8>,
        near: &mut Vec<(u32, bool, Vec<u8>)>,
        best: &mut Best,
    ) {
        let table = postcodes::norway();
        let named = table.town_named(&lead.city);
        let own = lead.postcode.and_then(|pc| table.town_of(pc));
        let (town, path): (Option<Town>, CandidatePath) = match (named, own) {
            (Some(t), _) => (Some(t), CandidatePath::City),
            (None, t) => (t, CandidatePath::Street),
        };
        if town.is_none() && lead.postcode.is_none() {
            return;
        }
        let budget = if spelt_right {
            0
        } else {
            allowed_edits(lead.street.len()).min(max - 1)
        };
        let mut number = Vec::new();
        if let Some(n) = lead.number {
            push_decimal(n, &mut number);
        }
        // The postcodes worth trying: the town's, and those one slip from the lead's. A
        // street the register has at the lead's postcode is sought only in the town: a slip
        // into another town that has a street of that name too is no likelier than a move.
        // Nor is a slip into another town where the lead's town is its postcode's: two
        // fields that agree are not one typo (a namesake one postcode digit away).
        let agreeing = named.is_some() && named == own;
        let slips_of = lead
            .postcode
            .filter(|_| (!spelt_right || town.is_none()) && !agreeing);
        let allowed = PostcodeSet::new(
            table,
            town,
            slips_of,
            lead.postcode
                .filter(|_| lead.postcode_repaired || !spelt_right),
        );
        let mut found: Vec<(u32, u16, Vec<u8>)> = Vec::new();
        // The street as written first (one path down the set); streets spelt alike only if
        // that finds no house (a walk with an edit budget visits far more of the set).
        for (round, budget) in [0, budget].into_iter().enumerate() {
            if round == 1 && (budget == 0 || !found.is_empty()) {
                break;
            }
            self.houses_near(
                lead.street.as_bytes(),
                lead.number.map(|_| number.as_slice()),
                budget,
                &allowed,
                lead.postcode.filter(|_| !lead.postcode_repaired),
                &mut |d, pc, street| {
                    let want = lead.street.as_bytes();
                    if !other_prefix(want, street)
                        && !other_ending(want, street)
                        && !initial_unexplained(&lead.street_folded, street)
                        && !another_persons_street(lead, want, street)
                    {
                        found.push((d, pc, street.to_vec()));
                    }
                    found.len() < HOUSES_MOST
                },
            );
        }
        // A street a scanner misread and no postcode (a phone book has none): one confusion
        // read back (`Bornlia` for Bomlia, `Jembaneplassen`, `Gjestgiverp1assen`), at the
        // cost of an edit, where a town has too many postcodes to read each one's streets.
        if found.is_empty() && lead.postcode.is_none() && !spelt_right && max > 1 {
            for read in ocr_readings_back(lead.street.as_bytes()) {
                self.houses_near(
                    &read,
                    lead.number.map(|_| number.as_slice()),
                    0,
                    &allowed,
                    None,
                    &mut |_, pc, street| {
                        found.push((1, pc, street.to_vec()));
                        found.len() < HOUSES_MOST
                    },
                );
            }
        }
        for (d, pc, street) in &found {
            let scan = Scan {
                postcode: *pc,
                street,
                base: 1 + d,
                lossy_paid: lossy_equal(lead.street.as_bytes(), street),
                path,
            };
            self.scan_house(lead, &scan, max, key, best);
        }
        // The street written otherwise than by a typo (abbreviated, OCR, æ/ø/å lost), and
        // not known at the lead's postcode, at a postcode of the town the lead names: one slip from the lead's postcode, or, without
        // one, any of a town of at most `SMALL_TOWN` postcodes. Each postcode's streets are
        // read as at the lead's own postcode.
        if found.is_empty()
            && !spelt_right
            && max > 1
            && let Some(t) = named
        {
            let codes: Vec<u16> = match lead.postcode {
                Some(lp) => postcodes::slips(lp)
                    .into_iter()
                    .filter(|&pc| pc != lp && table.town_of(pc) == Some(t))
                    .collect(),
                None if table.codes(t).len() <= SMALL_TOWN => table.codes(t).to_vec(),
                None => Vec::new(),
            };
            for pc in codes {
                self.scan_similar_streets(lead, pc, 1, max, key, near, best);
            }
            // A street written with initials (`H. Skrams gate`, `Sto. Seljeåsen`) and a
            // postcode missing, misread or wrong: the streets the initials abbreviate at
            // every postcode of the town, however many it has.
            if best.is_none() {
                self.scan_abbreviated_in_town(lead, t, max, key, best);
            }
        }
    }

    /// Scores the lead at every street of `town` that its street's initials abbreviate
    /// ([`abbreviates`]: `h skrams gt` for `hansskramsgt`), at cost 2: the postcode and the
    /// abbreviation. Only the first letters and the end of each street are compared, so a
    /// town of hundreds of postcodes costs a pass over its streets' names.
    fn scan_abbreviated_in_town(
        &self,
        lead: &Folded,
        town: Town,
        max: u32,
        key: &mut Vec<u8>,
        best: &mut Best,
    ) {
        if max < 2 {
            return;
        }
        let tokens: Vec<&str> = lead.street_folded.split(' ').collect();
        // Without the reading with no initials (`k` = 0, the first).
        let splits: Vec<(usize, String)> =
            initial_splits(&tokens, false).into_iter().skip(1).collect();
        if splits.is_empty() {
            return;
        }
        let want = lead.street.as_bytes();
        let table = self.street_table();
        let mut near: Vec<(u16, Vec<u8>)> = Vec::new();
        for &pc in postcodes::norway().codes(town) {
            for (street, _) in table.streets(pc) {
                if splits
                    .iter()
                    .any(|(k, rest)| abbreviates(&tokens[..*k], rest.as_bytes(), street))
                    && !other_prefix(want, street)
                    && !another_persons_street(lead, want, street)
                {
                    near.push((pc, street.to_vec()));
                }
            }
        }
        for (pc, street) in &near {
            let scan = Scan {
                postcode: *pc,
                street,
                base: 2,
                lossy_paid: false,
                path: CandidatePath::City,
            };
            self.scan_house(lead, &scan, max, key, best);
        }
    }

    /// Calls `visit(edits, postcode, street)` for every street within `budget` edits of
    /// `street` (optimal string alignment) at each postcode where the register has the house
    /// `number` on it (any house without a number), until `visit` returns false: a walk of the
    /// street-house set that leaves a branch as soon as no key below it can be close enough.
    /// `read`: a postcode where `street` as written was read already (the lead's own); it
    /// is not visited at 0 edits.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn houses_near(
        &self,
        street: &[u8],
        number: Option<&[u8]>,
        budget: u32,
        allowed: &PostcodeSet<'_>,
        read: Option<u16>,
        visit: &mut impl FnMut(u32, u16, &[u8]) -> bool,
    ) {
        let fst = self.houses.as_fst();
        let n = street.len();
        if n == 0 || n > MAX_KEY / 4 {
            return;
        }
        // rows[d * (n + 1)..]: the alignment row of the first d bytes of the path.
        let mut rows: Vec<u32> = (0..=n as u32).collect();
        let mut path: Vec<u8> = Vec::with_capacity(n + budget as usize + 1);
        let mut ends: Vec<(u32, Vec<u8>, fst::raw::CompiledAddr)> = Vec::new();
        struct Walk<'a> {
            want: &'a [u8],
            budget: u32,
            rows: &'a mut Vec<u32>,
            path: &'a mut Vec<u8>,
            ends: &'a mut Vec<(u32, Vec<u8>, fst::raw::CompiledAddr)>,
        }
        fn walk(fst: &fst::raw::Fst<Mmap>, node: Node<'_>, w: &mut Walk<'_>) {
            let n = w.want.len();
            let depth = w.path.len();
            for t in node.transitions() {
                if w.ends.len() >= STREETS_MOST {
                    return;
                }
                if t.inp == SEP {
                    // The last cell is in the band only if the path is within `budget` of
                    // the street's length.
                    if depth.abs_diff(n) > w.budget as usize {
                        continue;
                    }
                    let d = w.rows[depth * (n + 1) + n];
                    if d <= w.budget {
                        w.ends.push((d, w.path.clone(), t.addr));
                    }
                    continue;
                }
                if depth + 1 > n + w.budget as usize {
                    continue;
                }
                // Only the band of cells within `budget` of the diagonal is computed: a cell
                // off it is more than `budget` (a cell is at least its distance from the
                // diagonal), and values are capped at `budget + 1`, which decides the same.
                let b = w.budget as usize;
                let cap = w.budget + 1;
                let prev = depth * (n + 1);
                w.rows.resize((depth + 2) * (n + 1), 0);
                let cur = (depth + 1) * (n + 1);
                let (lo, hi) = ((depth + 1).saturating_sub(b).max(1), (depth + 1 + b).min(n));
                let mut row_min = cap;
                if depth < b {
                    w.rows[cur] = depth as u32 + 1;
                    row_min = w.rows[cur];
                } else {
                    w.rows[cur + lo - 1] = cap;
                }
                // The cell right of the previous row's band, read below.
                if depth + b < n {
                    w.rows[prev + depth + b + 1] = cap;
                }
                for j in lo..=hi {
                    let cost = u32::from(t.inp != w.want[j - 1]);
                    let mut v = (w.rows[prev + j] + 1)
                        .min(w.rows[cur + j - 1] + 1)
                        .min(w.rows[prev + j - 1] + cost);
                    if depth >= 1
                        && j >= 2
                        && t.inp == w.want[j - 2]
                        && w.path[depth - 1] == w.want[j - 1]
                    {
                        v = v.min(w.rows[(depth - 1) * (n + 1) + j - 2] + 1);
                    }
                    let v = v.min(cap);
                    w.rows[cur + j] = v;
                    row_min = row_min.min(v);
                }
                if row_min > w.budget {
                    continue;
                }
                w.path.push(t.inp);
                walk(fst, fst.node(t.addr), w);
                w.path.pop();
            }
        }
        let mut w = Walk {
            want: street,
            budget,
            rows: &mut rows,
            path: &mut path,
            ends: &mut ends,
        };
        if budget == 0 {
            // The street as written: its postcodes from the street table, and one path down
            // the set to each house (a walk below the street visits every postcode of a
            // common street name).
            // Postcodes descending, as the walk below visits them.
            if street.contains(&SEP) {
                return;
            }
            let mut codes = Vec::new();
            allowed.members_of(self.street_table().postcodes_of(street), &mut codes);
            codes.retain(|&pc| Some(pc) != read);
            if codes.is_empty() {
                return;
            }
            let Some(below) = follow(fst, fst.root(), street).and_then(|n| follow(fst, n, &[SEP]))
            else {
                return;
            };
            // Postcodes descending share their leading digits with the one before: the
            // nodes after each of its digits are kept and only the rest followed.
            let mut nodes = [below; 5];
            let mut prev = [0u8; 4];
            let mut known = 0;
            for &pc in codes.iter().rev() {
                let digits =
                    [pc / 1000 % 10, pc / 100 % 10, pc / 10 % 10, pc % 10].map(|d| b'0' + d as u8);
                let shared = digits.iter().zip(&prev).take_while(|(a, b)| a == b).count();
                known = known.min(shared);
                while known < 4 {
                    let Some(next) = follow(fst, nodes[known], &digits[known..=known]) else {
                        break;
                    };
                    known += 1;
                    nodes[known] = next;
                }
                prev = digits;
                if known < 4 {
                    continue;
                }
                let house = follow(fst, nodes[4], number.unwrap_or_default());
                let has = house.is_some_and(|n| number.is_none() || n.is_final());
                if has && !visit(0, pc, street) {
                    return;
                }
            }
            return;
        }
        walk(fst, fst.root(), &mut w);
        // Below `street SEP`: four postcode digits, then the house number.
        for (d, name, addr) in &ends {
            let mut stack = vec![(fst.node(*addr), 0u16, 0u8)];
            while let Some((node, pc, digits)) = stack.pop() {
                if digits == 4 {
                    let has = match number {
                        None => true,
                        Some(num) => {
                            let mut at = node;
                            let mut ok = true;
                            for &b in num {
                                match at.find_input(b) {
                                    Some(i) => at = fst.node(at.transition(i).addr),
                                    None => {
                                        ok = false;
                                        break;
                                    }
                                }
                            }
                            ok && at.is_final()
                        }
                    };
                    if has && !(*d == 0 && read == Some(pc)) && !visit(*d, pc, name) {
                        return;
                    }
                    continue;
                }
                for t in node.transitions() {
                    if t.inp.is_ascii_digit() {
                        let pc = pc * 10 + u16::from(t.inp - b'0');
                        // Only prefixes of allowed postcodes: `pc` covers [lo, lo + span).
                        let span = 10u16.pow(3 - u32::from(digits));
                        if allowed.any_in(pc * span, span) {
                            stack.push((fst.node(t.addr), pc, digits + 1));
                        }
                    }
                }
            }
        }
    }

    /// The keyed hash of person `p`'s national id, if the register gave one.
    fn id_hash_of(&self, p: usize) -> Option<u32> {
        if !self.id_hashes {
            return None;
        }
        let day = self.birth(p);
        if day == 0 {
            return None;
        }
        self.born_on(day)
            .find(|&(q, _, _)| q == p)
            .and_then(|(_, id, _)| (id != 0).then_some(id))
    }

    /// The persons born on the lead's birth day one of whose names agrees with the lead's (by
    /// a twelve-bit hash each, in either order); `lead_id`, the keyed hash of the lead's
    /// national id, rules out anyone with another id. A move with typos in both names is not
    /// found, which keeps this path to a few address-key lookups.
    #[inline(never)]
    fn scan_birth(
        &self,
        lead: &Folded,
        max: u32,
        lead_id: Option<u32>,
        key: &mut Vec<u8>,
        best: &mut Best,
    ) {
        let (l, f) = (
            name_bits(lead.name.last.as_bytes()),
            name_bits(lead.name.first.as_bytes()),
        );
        for (p, id, sig) in self.born_on(lead.birth) {
            let (sl, sf) = ((sig >> 12) as u16, (sig & 0xFFF) as u16);
            if p >= self.persons || !(sl == l || sf == f || sl == f || sf == l) {
                continue;
            }
            if id != 0 && lead_id.is_some_and(|h| h != id) {
                continue;
            }
            // Another address (or none on the lead) costs 1.
            let Some(limit) = limit(best, max).filter(|&l| l >= 1) else {
                return;
            };
            if !self.key_of(p, key) {
                continue;
            }
            let mut fields = key.split(|&b| b == SEP).skip(3);
            let (Some(last), Some(first), Some(middles)) =
                (fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            // In another town, a surname with `e` for the person's `æ` or the other way is a
            // name of its own (`Meland` and `Mæland`, `Ness` and `Næss`): only the address
            // could tell it a lossy spelling, and it is another.
            if e_ae_twins(lead.name.last.as_bytes(), last) && !in_leads_town(lead, key) {
                continue;
            }
            if let Some(c) = name_cost(&lead.name, last, first, middles, limit - 1, false, false) {
                let total = c + 1;
                if best.is_none_or(|b| total < b.0) {
                    *best = Some((total, p, CandidatePath::BirthDate));
                }
            }
        }
    }
}

/// Whether two surnames (folded) differ only where one has `e` and the other `æ` (`ae`).
fn e_ae_twins(a: &[u8], b: &[u8]) -> bool {
    fn without_ae(s: &[u8]) -> impl Iterator<Item = &u8> {
        s.iter()
            .enumerate()
            .filter(|&(i, &c)| !(c == b'a' && s.get(i + 1) == Some(&b'e')))
            .map(|(_, c)| c)
    }
    a != b && without_ae(a).eq(without_ae(b))
}

/// Whether the address key `key` (its postcode first) is in the lead's town: its postcode's
/// or the one it names.
fn in_leads_town(lead: &Folded, key: &[u8]) -> bool {
    let table = postcodes::norway();
    let town = key_postcode(key).and_then(|pc| table.town_of(pc));
    town.is_some()
        && (lead.postcode.and_then(|pc| table.town_of(pc)) == town
            || table.town_named(&lead.city) == town)
}

/// Whether the lead's street (`folded`, its words) begins with a lone initial that `street`
/// (a register street's key) does not begin with: `J. Vogts vei` is a street named after
/// another person of the surname (`Johan Vogts vei`), not `Vogts vei` with a slip. So does
/// a street prefix written short that is not `street`'s (`Sø. Mispelsvingen` is Søndre's,
/// not Store Mispelsvingen).
fn initial_unexplained(folded: &str, street: &[u8]) -> bool {
    let mut words = folded.split(' ');
    let (Some(first), Some(_)) = (words.next(), words.next()) else {
        return false;
    };
    let first = first.as_bytes();
    (is_one_letter(first) && !street.starts_with(first))
        || (first.len() <= 3 && shortens_other_prefix(first, street))
}

/// Whether `street` (a register street's key) is the lead's street `want` (its key) named
/// after another person of the surname: the same key after the first word, and two given
/// names there that are not one slip apart (`Oline Vigs vei` beside `Ole Vigs vei`, `Henny
/// Raanes vei` beside `Hans Raanes vei`), as two members of a household are two persons
/// ([`is_common_given_name`]). A given name the lead writes with a full stop and the other
/// begins with is that one cut short (`Odd. Brekkes gate` for Oddvar, `Ola.` for Olaug).
fn another_persons_street(lead: &Folded, want: &[u8], street: &[u8]) -> bool {
    let mut words = lead.street_folded.split(' ');
    let (Some(given), Some(_)) = (words.next(), words.next()) else {
        return false;
    };
    let Some(rest) = want.strip_prefix(given.as_bytes()) else {
        return false;
    };
    let Some(other) = street.strip_suffix(rest) else {
        return false;
    };
    let cut_short = || {
        other.starts_with(given.as_bytes())
            && lead
                .clean_street
                .split_whitespace()
                .next()
                .is_some_and(|w| w.ends_with('.'))
    };
    other != given.as_bytes()
        && is_common_given_name(given.as_bytes())
        && is_common_given_name(other)
        && !sounds_alike(given.as_bytes(), other)
        && osa_within(given.as_bytes(), other, 1).is_none()
        && !cut_short()
}

/// The members of both ascending lists, appended to `out` ascending: each of the shorter's
/// sought in the longer.
fn intersect(a: &[u16], b: &[u16], out: &mut Vec<u16>) {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    out.extend(
        short
            .iter()
            .copied()
            .filter(|pc| long.binary_search(pc).is_ok()),
    );
}

/// The node reached from `node` by `bytes`, if the set has that path.
fn follow<'f>(fst: &'f fst::raw::Fst<Mmap>, node: Node<'f>, bytes: &[u8]) -> Option<Node<'f>> {
    bytes.iter().try_fold(node, |n, &b| {
        n.find_input(b).map(|i| fst.node(n.transition(i).addr))
    })
}

/// A street's folded tokens read as initials and the rest (`h raanes vei`): for each count
/// `k` of leading tokens that may be initials ([`is_initials`], or with `long` also
/// [`is_abbreviation`]; never the last token), from none up, `k` and the street key of the
/// tokens after them.
fn initial_splits(tokens: &[&str], long: bool) -> Vec<(usize, String)> {
    let initials = tokens
        .iter()
        .take(tokens.len().saturating_sub(1))
        .take_while(|t| is_initials(t) || (long && is_abbreviation(t)))
        .count();
    (0..=initials)
        .map(|k| (k, street_key(&tokens[k..].join(" "))))
        .collect()
}

/// Whether `short` is `word` or a short form of it: its first letter, then letters of it in
/// order (`nordr`, `l`, `oe` for `nordre`, `lille`, `oestre`).
fn is_short_for(short: &[u8], word: &[u8]) -> bool {
    let mut rest = word.iter();
    short.first() == word.first() && short.iter().all(|c| rest.any(|w| w == c))
}

/// Whether a street's token may be a word's initials: at most three letters (`H`, `Chr`,
/// `Ndr`; æ, ø and å, folded to two, count as one: `Søn`, `Øst`), or four without a vowel
/// (`Vstr` for Vestre, `Nrdr` for Nordre).
fn is_initials(t: &str) -> bool {
    let b = t.as_bytes();
    let folded_pairs = b
        .windows(2)
        .filter(|w| matches!(w, [b'a', b'e'] | [b'o', b'e'] | [b'a', b'a']))
        .count();
    b.iter().all(u8::is_ascii_alphabetic)
        && (b.len() - folded_pairs <= 3
            || (b.len() == 4
                && !b
                    .iter()
                    .any(|c| b"aeiouy".contains(&c.to_ascii_lowercase()))))
}

/// Whether a street's token may be a word in its conventional abbreviation, which ends on a
/// consonant before the next vowel (`Wilh.`, `Fredr.`, `Johs.` for Wilhelm, Fredrik,
/// Johannes; a title, `Sorenskr.`, `Sognepr.`) or is a short name in full (`Carl` of `Carl
/// Abr. Pihls allé`): four to eight letters ending on a consonant.
fn is_abbreviation(t: &str) -> bool {
    let b = t.as_bytes();
    (4..=8).contains(&b.len())
        && b.iter().all(u8::is_ascii_alphabetic)
        && b.last().is_some_and(|c| !b"aeiouy".contains(c))
}

/// Where [`PersonIndex::scan_house`] looks and what it adds to each cost.
struct Scan<'a> {
    postcode: u16,
    street: &'a [u8],
    base: u32,
    /// A lossy spelling of æ/ø/å was already paid for (in the street): names spelt the same
    /// way cost nothing more.
    lossy_paid: bool,
    path: CandidatePath,
}

/// Reads the first byte of every string of a run of leads, so that the cache misses of the
/// whole run are in flight at once before the leads are folded one after the other (a batch
/// of leads decoded from a request no longer fits in the core's cache; this halved the time
/// of exact leads whose strings were not cached, `cargo bench --bench person`).
fn touch(run: &[&PersonQuery]) {
    let mut x = 0u8;
    for q in run {
        for s in [
            &q.given_names,
            &q.surname,
            &q.street,
            &q.house_number,
            &q.postcode,
        ] {
            x ^= s.as_bytes().first().copied().unwrap_or(0);
        }
    }
    std::hint::black_box(x);
}
