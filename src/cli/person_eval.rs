//! `vask person-eval`: precision and recall of person matching per strictness, and recall per
//! corruption kind and false-match rate per look-alike kind, on the labelled evaluation sets
//! (the first, `vask::synth::eval`, written with the matcher; the second, independent one,
//! `vask::synth::blind_eval`; the third, `vask::synth::holdout_eval`; the fourth,
//! `vask::synth::fourth_eval`; the fifth, `vask::synth::fifth_eval`; the sixth,
//! `vask::synth::sixth_eval`; the seventh, `vask::synth::seventh_eval`; the eighth,
//! `vask::synth::eighth_eval`; the ninth, `vask::synth::ninth_eval`; the tenth,
//! `vask::synth::tenth_eval`; the eleventh, `vask::synth::eleventh_eval`; the twelfth,
//! `vask::synth::twelfth_eval`; the thirteenth, held out,
//! `vask::synth::thirteenth_eval`; the fourteenth to twenty-sixth, each measured once held
//! out and then tuned on, `vask::synth::fourteenth_eval` … `vask::synth::twentysixth_eval`;
//! the twenty-seventh, written blind, measured once held out, then tuned on,
//! `vask::synth::twentyseventh_eval`; the twenty-eighth, written blind, measured once held
//! out, then tuned on, `vask::synth::twentyeighth_eval`; the twenty-ninth, written blind,
//! measured once held out, then tuned on, `vask::synth::twentyninth_eval`; the thirtieth, written
//! blind, measured once held out, then tuned on, `vask::synth::thirtieth_eval`; the thirty-first,
//! written blind, measured once held out, then tuned on, `vask::synth::thirtyfirst_eval`; the
//! thirty-second, written blind, measured once held out, then tuned on,
//! `vask::synth::thirtysecond_eval`; the thirty-third, written blind, measured once held out,
//! then tuned on, `vask::synth::thirtythird_eval`; the thirty-fourth, written blind, measured
//! once held out, then tuned on, `vask::synth::thirtyfourth_eval`; the thirty-fifth, written
//! blind, measured once held out, then tuned on, `vask::synth::thirtyfifth_eval`; the
//! thirty-sixth, written blind, measured once held out, then tuned on,
//! `vask::synth::thirtysixth_eval`; the thirty-seventh, written blind, measured once held
//! out, then tuned on, `vask::synth::thirtyseventh_eval`; the thirty-eighth, written blind,
//! measured once held out, then tuned on, `vask::synth::thirtyeighth_eval`; the thirty-ninth,
//! held out,
//! `vask::synth::thirtyninth_eval`).

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use vask::person::{IdHashKey, PersonQuery, PersonRecord, Strictness};
use vask::synth::eval::{EvalIndex, EvalReport, LabelledLead, Population, evaluate};
use vask::synth::{
    blind_eval, eighteenth_eval, eighth_eval, eleventh_eval, fifteenth_eval, fifth_eval,
    fourteenth_eval, fourth_eval, holdout_eval, nineteenth_eval, ninth_eval, seventeenth_eval,
    seventh_eval, sixteenth_eval, sixth_eval, tenth_eval, thirteenth_eval, thirtieth_eval,
    thirtyeighth_eval, thirtyfifth_eval, thirtyfirst_eval, thirtyfourth_eval, thirtyninth_eval,
    thirtysecond_eval, thirtyseventh_eval, thirtysixth_eval, thirtythird_eval, twelfth_eval,
    twentieth_eval, twentyeighth_eval, twentyfifth_eval, twentyfirst_eval, twentyfourth_eval,
    twentyninth_eval, twentysecond_eval, twentyseventh_eval, twentysixth_eval, twentythird_eval,
};

/// Arguments of `vask person-eval`.
#[derive(Debug, Args)]
pub struct PersonEvalArgs {
    /// Reserved persons in each generated register.
    #[arg(long, default_value_t = 100_000)]
    persons: u64,
    /// Labelled leads per set (about half reserved and corrupted, half look-alikes).
    #[arg(long, default_value_t = 50_000)]
    leads: usize,
    /// Random seed.
    #[arg(long, default_value_t = 2026)]
    seed: u64,
    /// Which labelled set: `first` (vask's own generator), `second` (the independent one),
    /// `third` (the third, written blind), `fourth` (the fourth, written blind), `fifth` (the
    /// fifth, written blind), `sixth` (written blind, tuned on), `seventh` (written blind,
    /// tuned on), `eighth`, `ninth`, `tenth`, `eleventh` and `twelfth` (each written blind,
    /// tuned on),
    /// `thirteenth` (held out, written blind, never tuned on), `fourteenth`, `fifteenth`,
    /// `sixteenth`, `seventeenth`, `eighteenth`, `nineteenth`, `twentieth`, `twentyfirst`,
    /// `twentysecond`, `twentythird`, `twentyfourth`, `twentyfifth` and `twentysixth` (each
    /// written blind, measured once held out, then tuned on;
    /// docs/person-evaluation-<n>-set.md), `twentyseventh` (written blind, measured once held
    /// out, then tuned on; docs/person-evaluation-twentyseventh-set.md), `twentyeighth` (written
    /// blind, measured once held out, then tuned on; docs/person-evaluation-twentyeighth-set.md),
    /// `twentyninth` (written blind, measured once held out, then tuned on;
    /// docs/person-evaluation-twentyninth-set.md), `thirtieth` (written blind, measured once held
    /// out, then tuned on; docs/person-evaluation-thirtieth-set.md), `thirtyfirst` (written
    /// blind, measured once held out, then tuned on; docs/person-evaluation-thirtyfirst-set.md),
    /// `thirtysecond` (written blind, measured once held out, then tuned on;
    /// docs/person-evaluation-thirtysecond-set.md), `thirtythird` (written blind, measured once
    /// held out, then tuned on; docs/person-evaluation-thirtythird-set.md), `thirtyfourth` (written
    /// blind, measured once held out, then tuned on; docs/person-evaluation-thirtyfourth-set.md),
    /// `thirtyfifth` (written blind, measured once held out, then tuned on;
    /// docs/person-evaluation-thirtyfifth-set.md), `thirtysixth` (written blind, measured once
    /// held out, then tuned on; docs/person-evaluation-thirtysixth-set.md), `thirtyseventh` (written
    /// blind, measured once held out, then tuned on; docs/person-evaluation-thirtyseventh-set.md),
    /// `thirtyeighth` (written blind, measured once held out, then tuned on;
    /// docs/person-evaluation-thirtyeighth-set.md),
    /// `thirtyninth` (held out, written blind, never tuned on;
    /// docs/person-evaluation-thirtyninth-set.md), `both` (first and second) or `all` (the
    /// thirty-nine). The third set's generator
    /// checks every lead against the whole register, so it takes minutes at the issue's size (200 000 persons,
    /// 20 000 leads) where the others take seconds; it is therefore not in the default.
    #[arg(long, value_enum, default_value_t = EvalSet::Both)]
    set: EvalSet,
    /// For the independent sets, print up to this many wrong outcomes per kind at the default
    /// strictness: the lead, and the register row it is (a miss) or it matched (a false
    /// match). The data is synthetic; this is for whoever works on the matcher.
    #[arg(long, default_value_t = 0)]
    show_wrong: usize,
}

/// The labelled evaluation sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum EvalSet {
    First,
    Second,
    Third,
    Fourth,
    Fifth,
    Sixth,
    Seventh,
    Eighth,
    Ninth,
    /// Written blind, measured once held out, then tuned on.
    Tenth,
    /// Written blind, measured once held out, then tuned on.
    Eleventh,
    /// Written blind, measured once held out, then tuned on.
    Twelfth,
    /// Held out, written blind, never tuned on.
    Thirteenth,
    /// Written blind, measured once held out, then tuned on.
    Fourteenth,
    /// Written blind, measured once held out, then tuned on.
    Fifteenth,
    /// Written blind, measured once held out, then tuned on.
    Sixteenth,
    /// Written blind, measured once held out, then tuned on.
    Seventeenth,
    /// Written blind, measured once held out, then tuned on.
    Eighteenth,
    /// Written blind, measured once held out, then tuned on.
    Nineteenth,
    /// Written blind, measured once held out, then tuned on.
    Twentieth,
    /// Written blind, measured once held out, then tuned on.
    Twentyfirst,
    /// Written blind, measured once held out, then tuned on.
    Twentysecond,
    /// Written blind, measured once held out, then tuned on.
    Twentythird,
    /// Written blind, measured once held out, then tuned on.
    Twentyfourth,
    /// Written blind, measured once held out, then tuned on.
    Twentyfifth,
    /// Written blind, measured once held out, then tuned on.
    Twentysixth,
    /// Written blind, measured once held out, then tuned on;
    /// docs/person-evaluation-twentyseventh-set.md
    Twentyseventh,
    /// Written blind, measured once held out, then tuned on;
    /// docs/person-evaluation-twentyeighth-set.md
    Twentyeighth,
    /// Written blind, measured once held out, then tuned on;
    /// docs/person-evaluation-twentyninth-set.md
    Twentyninth,
    /// Written blind, measured once held out, then tuned on;
    /// docs/person-evaluation-thirtieth-set.md
    Thirtieth,
    /// Written blind, measured once held out, then tuned on;
    /// docs/person-evaluation-thirtyfirst-set.md
    Thirtyfirst,
    /// Written blind, measured once held out, then tuned on;
    /// docs/person-evaluation-thirtysecond-set.md
    Thirtysecond,
    /// Written blind, measured once held out, then tuned on;
    /// docs/person-evaluation-thirtythird-set.md
    Thirtythird,
    /// Written blind, measured once held out, then tuned on;
    /// docs/person-evaluation-thirtyfourth-set.md
    Thirtyfourth,
    /// Written blind, measured once held out, then tuned on;
    /// docs/person-evaluation-thirtyfifth-set.md
    Thirtyfifth,
    /// Written blind, measured once held out, then tuned on;
    /// docs/person-evaluation-thirtysixth-set.md
    Thirtysixth,
    /// Written blind, measured once held out, then tuned on;
    /// docs/person-evaluation-thirtyseventh-set.md
    Thirtyseventh,
    /// Written blind, measured once held out, then tuned on;
    /// docs/person-evaluation-thirtyeighth-set.md
    Thirtyeighth,
    /// Held out, written blind, never tuned on; docs/person-evaluation-thirtyninth-set.md
    Thirtyninth,
    Both,
    All,
}

/// Runs `vask person-eval`.
pub fn run(args: PersonEvalArgs) -> Result<()> {
    let sets: &[EvalSet] = match args.set {
        EvalSet::All => &[
            EvalSet::First,
            EvalSet::Second,
            EvalSet::Third,
            EvalSet::Fourth,
            EvalSet::Fifth,
            EvalSet::Sixth,
            EvalSet::Seventh,
            EvalSet::Eighth,
            EvalSet::Ninth,
            EvalSet::Tenth,
            EvalSet::Eleventh,
            EvalSet::Twelfth,
            EvalSet::Thirteenth,
            EvalSet::Fourteenth,
            EvalSet::Fifteenth,
            EvalSet::Sixteenth,
            EvalSet::Seventeenth,
            EvalSet::Eighteenth,
            EvalSet::Nineteenth,
            EvalSet::Twentieth,
            EvalSet::Twentyfirst,
            EvalSet::Twentysecond,
            EvalSet::Twentythird,
            EvalSet::Twentyfourth,
            EvalSet::Twentyfifth,
            EvalSet::Twentysixth,
            EvalSet::Twentyseventh,
            EvalSet::Twentyeighth,
            EvalSet::Twentyninth,
            EvalSet::Thirtieth,
            EvalSet::Thirtyfirst,
            EvalSet::Thirtysecond,
            EvalSet::Thirtythird,
            EvalSet::Thirtyfourth,
            EvalSet::Thirtyfifth,
            EvalSet::Thirtysixth,
            EvalSet::Thirtyseventh,
            EvalSet::Thirtyeighth,
            EvalSet::Thirtyninth,
        ],
        EvalSet::Both => &[EvalSet::First, EvalSet::Second],
        EvalSet::First => &[EvalSet::First],
        EvalSet::Second => &[EvalSet::Second],
        EvalSet::Third => &[EvalSet::Third],
        EvalSet::Fourth => &[EvalSet::Fourth],
        EvalSet::Fifth => &[EvalSet::Fifth],
        EvalSet::Sixth => &[EvalSet::Sixth],
        EvalSet::Seventh => &[EvalSet::Seventh],
        EvalSet::Eighth => &[EvalSet::Eighth],
        EvalSet::Ninth => &[EvalSet::Ninth],
        EvalSet::Tenth => &[EvalSet::Tenth],
        EvalSet::Eleventh => &[EvalSet::Eleventh],
        EvalSet::Twelfth => &[EvalSet::Twelfth],
        EvalSet::Thirteenth => &[EvalSet::Thirteenth],
        EvalSet::Fourteenth => &[EvalSet::Fourteenth],
        EvalSet::Fifteenth => &[EvalSet::Fifteenth],
        EvalSet::Sixteenth => &[EvalSet::Sixteenth],
        EvalSet::Seventeenth => &[EvalSet::Seventeenth],
        EvalSet::Eighteenth => &[EvalSet::Eighteenth],
        EvalSet::Nineteenth => &[EvalSet::Nineteenth],
        EvalSet::Twentieth => &[EvalSet::Twentieth],
        EvalSet::Twentyfirst => &[EvalSet::Twentyfirst],
        EvalSet::Twentysecond => &[EvalSet::Twentysecond],
        EvalSet::Twentythird => &[EvalSet::Twentythird],
        EvalSet::Twentyfourth => &[EvalSet::Twentyfourth],
        EvalSet::Twentyfifth => &[EvalSet::Twentyfifth],
        EvalSet::Twentysixth => &[EvalSet::Twentysixth],
        EvalSet::Twentyseventh => &[EvalSet::Twentyseventh],
        EvalSet::Twentyeighth => &[EvalSet::Twentyeighth],
        EvalSet::Twentyninth => &[EvalSet::Twentyninth],
        EvalSet::Thirtieth => &[EvalSet::Thirtieth],
        EvalSet::Thirtyfirst => &[EvalSet::Thirtyfirst],
        EvalSet::Thirtysecond => &[EvalSet::Thirtysecond],
        EvalSet::Thirtythird => &[EvalSet::Thirtythird],
        EvalSet::Thirtyfourth => &[EvalSet::Thirtyfourth],
        EvalSet::Thirtyfifth => &[EvalSet::Thirtyfifth],
        EvalSet::Thirtysixth => &[EvalSet::Thirtysixth],
        EvalSet::Thirtyseventh => &[EvalSet::Thirtyseventh],
        EvalSet::Thirtyeighth => &[EvalSet::Thirtyeighth],
        EvalSet::Thirtyninth => &[EvalSet::Thirtyninth],
    };
    let persons = usize::try_from(args.persons).context("--persons")?;
    for &set in sets {
        match set {
            EvalSet::First => {
                let pop = Population::with_reserved(args.seed, args.persons);
                println!("## First set (vask's own generator, docs/person-evaluation.md)\n");
                measure(
                    |dir, key| EvalIndex::build(&pop, dir, Some(key), |_| {}),
                    &pop.leads(args.leads, args.seed + 1),
                    &[],
                    None,
                )?;
            }
            EvalSet::Second => {
                let set = blind_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Second set (independent generator, docs/person-evaluation-second-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    &blind_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Third => {
                let set = holdout_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Third set (written blind, tuned on; docs/person-evaluation-third-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    holdout_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Fourth => {
                let set = fourth_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Fourth set (written blind, tuned on; docs/person-evaluation-fourth-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    fourth_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Fifth => {
                let set = fifth_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Fifth set (written blind, tuned on; docs/person-evaluation-fifth-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    fifth_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Sixth => {
                let set = sixth_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Sixth set (written blind, tuned on; docs/person-evaluation-sixth-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    sixth_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Seventh => {
                let set = seventh_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Seventh set (written blind, tuned on; docs/person-evaluation-seventh-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    seventh_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Eighth => {
                let set = eighth_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Eighth set (written blind, tuned on; docs/person-evaluation-eighth-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    eighth_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Ninth => {
                let set = ninth_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Ninth set (written blind, tuned on; docs/person-evaluation-ninth-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    ninth_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Tenth => {
                let set = tenth_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Tenth set (written blind, tuned on; docs/person-evaluation-tenth-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    tenth_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Eleventh => {
                let set = eleventh_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Eleventh set (written blind, tuned on; docs/person-evaluation-eleventh-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    eleventh_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Twelfth => {
                let set = twelfth_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Twelfth set (written blind, tuned on; docs/person-evaluation-twelfth-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    twelfth_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Thirteenth => {
                let set = thirteenth_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Thirteenth set (held out, written blind, docs/person-evaluation-thirteenth-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    thirteenth_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Fourteenth => {
                let set = fourteenth_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Fourteenth set (written blind, measured once held out, then tuned on; docs/person-evaluation-fourteenth-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    fourteenth_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Fifteenth => {
                let set = fifteenth_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Fifteenth set (written blind, measured once held out, then tuned on; docs/person-evaluation-fifteenth-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    fifteenth_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Sixteenth => {
                let set = sixteenth_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Sixteenth set (written blind, measured once held out, then tuned on; docs/person-evaluation-sixteenth-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    sixteenth_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Seventeenth => {
                let set = seventeenth_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Seventeenth set (written blind, measured once held out, then tuned on; docs/person-evaluation-seventeenth-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    seventeenth_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Eighteenth => {
                let set = eighteenth_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Eighteenth set (written blind, measured once held out, then tuned on; docs/person-evaluation-eighteenth-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    eighteenth_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Nineteenth => {
                let set = nineteenth_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Nineteenth set (written blind, measured once held out, then tuned on; docs/person-evaluation-nineteenth-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    nineteenth_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Twentieth => {
                let set = twentieth_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Twentieth set (written blind, measured once held out, then tuned on; docs/person-evaluation-twentieth-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    twentieth_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Twentyfirst => {
                let set = twentyfirst_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Twenty-first set (written blind, measured once held out, then tuned on; docs/person-evaluation-twentyfirst-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    twentyfirst_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Twentysecond => {
                let set = twentysecond_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Twenty-second set (written blind, measured once held out, then tuned on; docs/person-evaluation-twentysecond-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    twentysecond_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Twentythird => {
                let set = twentythird_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Twenty-third set (written blind, measured once held out, then tuned on; docs/person-evaluation-twentythird-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    twentythird_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Twentyfourth => {
                let set = twentyfourth_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Twenty-fourth set (written blind, measured once held out, then tuned on; docs/person-evaluation-twentyfourth-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    twentyfourth_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Twentyfifth => {
                let set = twentyfifth_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Twenty-fifth set (written blind, measured once held out, then tuned on; docs/person-evaluation-twentyfifth-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    twentyfifth_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Twentysixth => {
                let set = twentysixth_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Twenty-sixth set (written blind, measured once held out, then tuned on; docs/person-evaluation-twentysixth-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    twentysixth_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Twentyseventh => {
                let set = twentyseventh_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Twenty-seventh set (written blind, measured once held out, then tuned on; docs/person-evaluation-twentyseventh-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    twentyseventh_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Twentyeighth => {
                let set = twentyeighth_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Twenty-eighth set (written blind, measured once held out, then tuned on; docs/person-evaluation-twentyeighth-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    twentyeighth_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Twentyninth => {
                let set = twentyninth_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Twenty-ninth set (written blind, measured once held out, then tuned on; docs/person-evaluation-twentyninth-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    twentyninth_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Thirtieth => {
                let set = thirtieth_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Thirtieth set (written blind, measured once held out, then tuned on; docs/person-evaluation-thirtieth-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    thirtieth_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Thirtyfirst => {
                let set = thirtyfirst_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Thirty-first set (written blind, measured once held out, then tuned on; docs/person-evaluation-thirtyfirst-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    thirtyfirst_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Thirtysecond => {
                let set = thirtysecond_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Thirty-second set (written blind, measured once held out, then tuned on; docs/person-evaluation-thirtysecond-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    thirtysecond_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Thirtythird => {
                let set = thirtythird_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Thirty-third set (written blind, measured once held out, then tuned on; docs/person-evaluation-thirtythird-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    thirtythird_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Thirtyfourth => {
                let set = thirtyfourth_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Thirty-fourth set (written blind, measured once held out, then tuned on; docs/person-evaluation-thirtyfourth-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    thirtyfourth_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Thirtyfifth => {
                let set = thirtyfifth_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Thirty-fifth set (written blind, measured once held out, then tuned on; docs/person-evaluation-thirtyfifth-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    thirtyfifth_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Thirtysixth => {
                let set = thirtysixth_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Thirty-sixth set (written blind, measured once held out, then tuned on; docs/person-evaluation-thirtysixth-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    thirtysixth_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Thirtyseventh => {
                let set = thirtyseventh_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Thirty-seventh set (written blind, measured once held out, then tuned on; docs/person-evaluation-thirtyseventh-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    thirtyseventh_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Thirtyeighth => {
                let set = thirtyeighth_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Thirty-eighth set (written blind, measured once held out, then tuned on; docs/person-evaluation-thirtyeighth-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    thirtyeighth_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Thirtyninth => {
                let set = thirtyninth_eval::generate(args.seed, persons, args.leads);
                measure_independent(
                    "Thirty-ninth set (held out, written blind, never tuned on; docs/person-evaluation-thirtyninth-set.md)",
                    &set.register,
                    labelled(set.leads.iter().map(|l| (&l.query, l.truth, l.kind))),
                    thirtyninth_eval::ISSUE_KINDS,
                    &args,
                )?;
            }
            EvalSet::Both | EvalSet::All => {}
        }
    }
    Ok(())
}

/// Measures an independent set under `heading`: its register (each record's id its position)
/// and labelled leads (saying so when the generator gave fewer than asked for); up to
/// `--show-wrong` wrong outcomes per kind are printed.
fn measure_independent(
    heading: &str,
    register: &[PersonRecord],
    leads: Vec<LabelledLead>,
    issue_kinds: &[&str],
    args: &PersonEvalArgs,
) -> Result<()> {
    println!("## {heading}\n");
    if leads.len() < args.leads {
        println!(
            "{} of {} leads generated (the register is too small to give every kind a fair lead)\n",
            leads.len(),
            args.leads
        );
    }
    measure(
        |dir, key| build_register(register, dir, key),
        &leads,
        issue_kinds,
        Some((register, args.show_wrong)),
    )
}

/// The leads of an independent set (truth = index into its register) as the evaluation takes
/// them.
fn labelled<'a>(
    leads: impl Iterator<Item = (&'a PersonQuery, Option<usize>, &'a str)>,
) -> Vec<LabelledLead> {
    leads
        .map(|(query, truth, kind)| LabelledLead {
            query: query.clone(),
            reserved_id: truth.and_then(|t| u32::try_from(t).ok()),
            corruption: kind.to_owned(),
        })
        .collect()
}

/// The index of an independent set's register, each record's id its position.
fn build_register(
    register: &[PersonRecord],
    dir: &std::path::Path,
    key: IdHashKey,
) -> Result<EvalIndex, vask::person::PersonError> {
    let records = register
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some((u32::try_from(i).ok()?, r)));
    let (index, refused) = EvalIndex::build_records(records, dir, Some(key))?;
    if refused > 0 {
        println!("{refused} register records refused by the index (their leads count as misses)");
    }
    Ok(index)
}

/// Builds a set's index in a scratch directory and prints its tables.
fn measure(
    build: impl FnOnce(&std::path::Path, IdHashKey) -> Result<EvalIndex, vask::person::PersonError>,
    leads: &[LabelledLead],
    issue_kinds: &[&str],
    show_wrong: Option<(&[PersonRecord], usize)>,
) -> Result<()> {
    let key = IdHashKey::new(b"person-eval id-hash key (made up)").context("key")?;
    let dir = tempfile_dir()?;
    let result = (|| -> Result<()> {
        let index = build(&dir, key)?;
        let n = index.index.len();
        println!(
            "{n} reserved persons ({:.1} bytes/person on disk); {} labelled leads\n",
            index.index.size_bytes() as f64 / n.max(1) as f64,
            leads.len()
        );
        println!("| strictness | precision | recall | true pos | false pos | false neg |");
        println!("|---|---|---|---|---|---|");
        let mut normal = None;
        for s in Strictness::ALL {
            let r = evaluate(&index, leads, s);
            println!(
                "| {s}{} | {:.4} | {:.4} | {} | {} | {} |",
                if s == Strictness::default() {
                    " (default)"
                } else {
                    ""
                },
                r.precision,
                r.recall,
                r.tp,
                r.fp,
                r.fn_
            );
            if s == Strictness::default() {
                normal = Some(r);
            }
        }
        if let Some(r) = normal {
            print_kinds(&r, issue_kinds);
            if let Some((register, n)) = show_wrong.filter(|&(_, n)| n > 0) {
                print_wrong(&r, leads, register, n);
            }
        }
        Ok(())
    })();
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// The per-kind table at one strictness; kinds the issue lists are marked `(issue)`.
fn print_kinds(r: &EvalReport, issue_kinds: &[&str]) {
    println!(
        "\nAt strictness {}, per kind of lead (recall for reserved leads, false-match rate for look-alikes):\n",
        r.strictness
    );
    println!("| kind | leads | recall | false-match rate |");
    println!("|---|---|---|---|");
    for row in r.kinds() {
        let mark = if issue_kinds.contains(&row.kind.as_str()) {
            " (issue)"
        } else {
            ""
        };
        if row.look_alike {
            println!(
                "| {}{mark} | {} | | {:.4} |",
                row.kind,
                row.leads,
                row.rate()
            );
        } else {
            println!(
                "| {}{mark} | {} | {:.4} | |",
                row.kind,
                row.leads,
                row.rate()
            );
        }
    }
    println!();
}

/// Up to `n` wrong outcomes per kind: the lead and the register row it is or it matched.
fn print_wrong(r: &EvalReport, leads: &[LabelledLead], register: &[PersonRecord], n: usize) {
    let mut shown: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    let row = |id: u32| register.get(id as usize);
    for &(position, matched) in &r.wrong_leads {
        let Some(lead) = leads.get(position) else {
            continue;
        };
        let count = shown.entry(lead.corruption.as_str()).or_default();
        if *count >= n {
            continue;
        }
        *count += 1;
        println!(
            "### {} (lead {position})\nlead: {:?}",
            lead.corruption, lead.query
        );
        match (lead.reserved_id, matched) {
            (Some(id), _) => println!("missed: {:?}\n", row(id)),
            (None, Some(id)) => println!("matched: {:?}\n", row(id)),
            (None, None) => println!(),
        }
    }
}

/// A fresh scratch directory for the index.
fn tempfile_dir() -> Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!(
        "vask-person-eval-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos())
    ));
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    Ok(dir)
}
