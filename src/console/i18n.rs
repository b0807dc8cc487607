//! The console's two languages, Norwegian (bokmål) and English: which one a request gets
//! (the `vask_lang` cookie the switch sets, else the browser's `Accept-Language`), and every
//! text a page shows, as one table so that a missing translation is a failing test.

use std::collections::BTreeMap;
use std::sync::OnceLock;

/// A language of the console.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Norwegian bokmål.
    Nb,
    /// English.
    En,
}

impl Lang {
    /// The code in `lang` attributes, cookies and the switch.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::En => "en",
        }
    }

    /// A code as the switch sends it.
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "nb" | "no" | "nn" | "nb-no" | "nn-no" | "no-no" => Some(Lang::Nb),
            "en" => Some(Lang::En),
            s if s.starts_with("en-") => Some(Lang::En),
            _ => None,
        }
    }

    /// The first language of an `Accept-Language` header vask speaks (by quality); English
    /// when none.
    pub fn from_accept_language(header: &str) -> Lang {
        let mut best: Option<(f32, Lang)> = None;
        for part in header.split(',') {
            let mut it = part.split(';');
            let tag = it.next().unwrap_or("").trim();
            let q = it
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or("");
            if let Some(lang) = Lang::parse(primary)
                && best.is_none_or(|(bq, _)| q > bq)
            {
                best = Some((q, lang));
            }
        }
        best.map_or(Lang::En, |(_, l)| l)
    }

    /// Every text in this language, by key.
    pub fn texts(self) -> &'static BTreeMap<&'static str, &'static str> {
        static NB: OnceLock<BTreeMap<&str, &str>> = OnceLock::new();
        static EN: OnceLock<BTreeMap<&str, &str>> = OnceLock::new();
        match self {
            Lang::Nb => NB.get_or_init(|| MESSAGES.iter().map(|m| (m.0, m.2)).collect()),
            Lang::En => EN.get_or_init(|| MESSAGES.iter().map(|m| (m.0, m.1)).collect()),
        }
    }

    /// The text of `key` (the key itself if there is none, so a gap shows and is tested).
    pub fn t(self, key: &str) -> &'static str {
        self.texts()
            .get(key)
            .copied()
            .unwrap_or_else(|| MESSAGES.iter().find(|m| m.0 == key).map_or("?", |m| m.0))
    }
}

/// Key, English, Norwegian.
const MESSAGES: &[(&str, &str, &str)] = &[
    // Frame
    ("console", "console", "konsoll"),
    ("skip_to_content", "Skip to content", "Hopp til innholdet"),
    ("main_menu", "Main menu", "Hovedmeny"),
    ("language", "Language", "Språk"),
    ("sign_out", "Sign out", "Logg ut"),
    (
        "footer",
        "Proof of every wash is kept in a hash-chained audit trail.",
        "Bevis for hver vask føres i en hashkjedet revisjonslogg.",
    ),
    (
        "back_to_start",
        "Back to the start page",
        "Tilbake til startsiden",
    ),
    ("optional", "optional", "valgfritt"),
    // Pages
    ("page_login", "Sign in", "Logg inn"),
    ("page_overview", "Overview", "Oversikt"),
    ("page_wash", "Wash a lead file", "Vask en ringeliste"),
    ("page_wash_job", "Wash result", "Resultat av vasken"),
    ("page_wash_running", "Washing…", "Vasker …"),
    ("page_lookup", "Look up a number", "Slå opp et nummer"),
    ("page_optouts", "Opt-outs", "Reservasjoner"),
    ("page_proofs", "Proof of wash", "Bevis for vask"),
    ("page_hours", "Calling hours", "Ringetider"),
    ("page_error", "Something went wrong", "Noe gikk galt"),
    ("nav_overview", "Overview", "Oversikt"),
    ("nav_wash", "Wash", "Vask"),
    ("nav_lookup", "Look up", "Oppslag"),
    ("nav_optouts", "Opt-outs", "Reservasjoner"),
    ("nav_proofs", "Proof of wash", "Vaskebevis"),
    ("nav_hours", "Calling hours", "Ringetider"),
    // Login
    (
        "login_lead",
        "Sign in with your vask account.",
        "Logg inn med din vask-konto.",
    ),
    ("username", "Username", "Brukernavn"),
    ("password", "Password", "Passord"),
    ("sign_in", "Sign in", "Logg inn"),
    (
        "login_failed",
        "Wrong username or password.",
        "Feil brukernavn eller passord.",
    ),
    (
        "login_throttled",
        "Too many failed sign-ins. Wait a few minutes and try again.",
        "For mange mislykkede innlogginger. Vent noen minutter og prøv igjen.",
    ),
    (
        "login_no_role",
        "Your roles may not be used from this network.",
        "Rollene dine kan ikke brukes fra dette nettverket.",
    ),
    (
        "session_ended",
        "Your session has ended. Sign in again.",
        "Økten er avsluttet. Logg inn på nytt.",
    ),
    ("signed_out", "You are signed out.", "Du er logget ut."),
    (
        "csrf_failed",
        "The form had expired. Reload the page and try again.",
        "Skjemaet var utløpt. Last siden på nytt og prøv igjen.",
    ),
    (
        "forbidden",
        "Your role does not open this page.",
        "Rollen din gir ikke tilgang til denne siden.",
    ),
    ("not_found", "Not found.", "Fant ikke siden."),
    // Overview
    (
        "serving_generation",
        "Serving generation",
        "Generasjon i bruk",
    ),
    ("built", "built", "bygget"),
    (
        "national_snapshot",
        "National register snapshot",
        "Utdrag fra Reservasjonsregisteret",
    ),
    ("stale", "stale", "for gammelt"),
    ("fresh", "fresh", "ferskt"),
    ("days_old", "days old", "dager gammelt"),
    ("stale_from", "too old from", "for gammelt fra"),
    ("numbers_lc", "numbers", "numre"),
    ("persons_lc", "persons", "personer"),
    ("washes_today", "Washes today", "Vask i dag"),
    (
        "live_optouts_lc",
        "live opt-outs since the rebuild",
        "reservasjoner siden siste bygging",
    ),
    ("last_rebuild", "Last rebuild", "Siste bygging"),
    ("published", "published", "publisert"),
    ("failed", "failed", "feilet"),
    (
        "built_at_start",
        "no `vask rebuild` run yet; built at start",
        "ingen `vask rebuild` kjørt ennå; bygget ved oppstart",
    ),
    (
        "generations_kept",
        "generations kept",
        "generasjoner tatt vare på",
    ),
    ("reload", "Reload generation", "Last inn generasjon på nytt"),
    ("reload_done", "Serving generation", "Generasjon i bruk:"),
    ("reload_same", "unchanged", "uendret"),
    ("lists", "Lists", "Lister"),
    ("list", "List", "Liste"),
    ("owner", "Owner", "Eier"),
    ("category", "Product category", "Produktkategori"),
    ("numbers", "Numbers", "Numre"),
    ("source_reference", "Source reference", "Kildereferanse"),
    (
        "list_centre_dnc",
        "Centre's do-not-call list",
        "Sentrets sperreliste",
    ),
    (
        "list_client_dnc",
        "Client's do-not-call list",
        "Oppdragsgivers sperreliste",
    ),
    ("list_customers", "Customers", "Kunder"),
    (
        "list_express",
        "Express requests",
        "Uttrykkelige forespørsler",
    ),
    (
        "list_national_register",
        "National register",
        "Reservasjonsregisteret",
    ),
    // Wash
    (
        "wash_lead",
        "Upload a CSV file with a header and a phone-number column (and, if you have them, name and address columns). vask adds a verdict to every row and records the proof of wash.",
        "Last opp en CSV-fil med overskriftsrad og en kolonne med telefonnummer (og gjerne navn og adresse). vask legger en vurdering til hver rad og fører bevis for vasken.",
    ),
    ("client", "Client", "Oppdragsgiver"),
    ("purpose", "Purpose", "Formål"),
    ("purpose_sales", "Sales", "Salg"),
    (
        "purpose_market_research",
        "Market research",
        "Markedsundersøkelse",
    ),
    ("purpose_fundraising", "Fundraising", "Innsamling"),
    ("campaign", "Campaign", "Kampanje"),
    (
        "source_reference_hint",
        "Where the list came from, e.g. Example Directory AS, 2026-11",
        "Hvor listen kommer fra, f.eks. Eksempelkatalogen AS, 2026-11",
    ),
    (
        "check_calling_window",
        "Also flag numbers that may not be called now (calling hours)",
        "Merk også numre som ikke kan ringes nå (ringetider)",
    ),
    (
        "lead_file",
        "Lead file (CSV, gzip accepted)",
        "Ringeliste (CSV, gzip godtas)",
    ),
    (
        "lead_file_hint",
        "The number column is found by its header (phone, telefon, mobil, number, …).",
        "Nummerkolonnen finnes ut fra overskriften (phone, telefon, mobil, number, …).",
    ),
    ("wash_button", "Upload and wash", "Last opp og vask"),
    ("rows", "Rows", "Rader"),
    ("rows_washed", "rows washed", "rader vasket"),
    ("allowed", "Allowed", "Tillatt"),
    ("blocked", "Blocked", "Sperret"),
    ("by_reason", "By reason", "Etter årsak"),
    ("reason", "Reason", "Årsak"),
    ("proof_of_wash", "Proof of wash", "Bevis for vask"),
    ("wash_id", "Wash id", "Vaske-id"),
    ("generation", "Generation", "Generasjon"),
    (
        "input_sha256",
        "SHA-256 of the normalised list",
        "SHA-256 av den normaliserte listen",
    ),
    (
        "download_washed",
        "Download washed CSV",
        "Last ned vasket CSV",
    ),
    ("download_proof", "Download proof record", "Last ned bevis"),
    (
        "washed_gone",
        "The washed file was downloaded or has expired.",
        "Den vaskede filen er lastet ned eller utløpt.",
    ),
    ("wash_another", "Wash another file", "Vask en fil til"),
    (
        "wash_busy",
        "Too many washes are waiting for their download; download or wait for one to expire.",
        "For mange vasker venter på nedlasting; last ned eller vent til en utløper.",
    ),
    (
        "upload_too_large",
        "The file is larger than the console accepts",
        "Filen er større enn konsollet godtar",
    ),
    ("no_file", "Choose a lead file.", "Velg en ringeliste."),
    (
        "upload_failed",
        "The upload failed; try again.",
        "Opplastingen mislyktes; prøv igjen.",
    ),
    // Reasons
    ("reason_invalid_number", "Invalid number", "Ugyldig nummer"),
    (
        "reason_centre_list",
        "On the centre's do-not-call list",
        "På sentrets sperreliste",
    ),
    (
        "reason_client_list",
        "On the client's do-not-call list",
        "På oppdragsgivers sperreliste",
    ),
    (
        "reason_national_register",
        "Reserved in the national register",
        "Reservert i Reservasjonsregisteret",
    ),
    (
        "reason_exempt_customer",
        "Exempt: existing customer",
        "Unntak: eksisterende kunde",
    ),
    (
        "reason_exempt_express",
        "Exempt: asked to be called",
        "Unntak: har bedt om å bli ringt",
    ),
    (
        "reason_outside_calling_window",
        "Outside calling hours now",
        "Utenfor ringetid nå",
    ),
    (
        "reason_person_match",
        "Person matched a reserved person",
        "Personen samsvarer med en reservert person",
    ),
    (
        "reason_person_fuzzy",
        "Person matched approximately",
        "Personen samsvarer omtrentlig",
    ),
    // Look up
    ("number", "Phone number", "Telefonnummer"),
    ("look_up", "Look up", "Slå opp"),
    ("audit_id", "audit id", "revisjons-id"),
    ("on_lists", "On lists", "På lister"),
    (
        "on_no_list",
        "The number is on no list this centre may see.",
        "Nummeret står ikke på noen liste dette sentret kan se.",
    ),
    ("since", "Since", "Fra"),
    ("until", "Until", "Til"),
    ("via", "Via", "Via"),
    ("detail", "Detail", "Detalj"),
    ("history", "History", "Historikk"),
    (
        "live_changes",
        "Changes since the last rebuild (in effect now)",
        "Endringer siden siste bygging (gjelder nå)",
    ),
    (
        "no_history",
        "No changes recorded for this number.",
        "Ingen endringer registrert for dette nummeret.",
    ),
    (
        "history_omitted",
        "older changes are not shown (the newest 100 are).",
        "eldre endringer vises ikke (de 100 nyeste gjør det).",
    ),
    ("when", "When", "Når"),
    ("change", "Change", "Endring"),
    ("source", "Source", "Kilde"),
    ("by", "By", "Av"),
    ("added", "added", "lagt til"),
    ("removed", "removed", "fjernet"),
    // Opt-outs
    ("add_optout", "Add an opt-out", "Legg til reservasjon"),
    (
        "add_optout_hint",
        "The person asked not to be called. It takes effect at once for every wash.",
        "Personen har bedt om ikke å bli ringt. Det gjelder straks for all vask.",
    ),
    ("note", "Note", "Merknad"),
    ("add_optout_button", "Add opt-out", "Legg til reservasjon"),
    (
        "optout_added",
        "Opt-out recorded: the number is blocked from now on.",
        "Reservasjonen er registrert: nummeret er sperret fra nå av.",
    ),
    (
        "remove_reservation",
        "Remove a reservation",
        "Fjern en reservasjon",
    ),
    (
        "remove_hint",
        "Administrators only; a reason is required and recorded.",
        "Bare administratorer; årsak kreves og registreres.",
    ),
    ("reason_required", "Reason (required)", "Årsak (påkrevd)"),
    ("remove_button", "Remove reservation", "Fjern reservasjonen"),
    (
        "reservation_removed",
        "Reservation removed.",
        "Reservasjonen er fjernet.",
    ),
    ("recent_changes", "Recent changes", "Siste endringer"),
    (
        "no_changes",
        "No opt-outs or removals yet.",
        "Ingen reservasjoner eller fjerninger ennå.",
    ),
    ("centre_list_of", "Centre's list", "Sentrets liste"),
    ("client_list_of", "Client's list", "Oppdragsgivers liste"),
    // Proofs
    ("all_clients", "All clients", "Alle oppdragsgivere"),
    ("from_day", "From", "Fra"),
    ("to_day", "To", "Til"),
    ("filter", "Filter", "Filtrer"),
    ("export_csv", "Export CSV", "Eksporter CSV"),
    ("verify_chain", "Verify the chain", "Kontroller kjeden"),
    (
        "verify_hint",
        "Checks every record of the trail against its keyed hash chain.",
        "Kontrollerer hver post i loggen mot den nøklede hashkjeden.",
    ),
    (
        "verify_ok",
        "The audit trail is intact: records checked, chain unbroken:",
        "Revisjonsloggen er intakt: poster kontrollert, kjeden er hel:",
    ),
    (
        "verify_failed",
        "The audit trail does NOT verify:",
        "Revisjonsloggen kan IKKE bekreftes:",
    ),
    ("washes_lc", "washes", "vasker"),
    ("no_washes", "No washes match.", "Ingen vasker passer."),
    ("proof_record", "Proof record", "Bevis"),
    (
        "bad_date",
        "Dates are written YYYY-MM-DD.",
        "Datoer skrives ÅÅÅÅ-MM-DD.",
    ),
    // Hours
    ("country", "Country", "Land"),
    ("year", "Year", "År"),
    ("show", "Show", "Vis"),
    ("calling_now", "Calling now", "Ringing nå"),
    ("open", "allowed", "tillatt"),
    ("closed", "not allowed", "ikke tillatt"),
    ("local_time", "Local time", "Lokal tid"),
    ("closes_at", "Closes at", "Stenger"),
    ("next_open", "Opens next at", "Åpner neste gang"),
    ("closed_days", "Closed days", "Stengte dager"),
    (
        "closed_days_hint",
        "Public holidays and days equal to them; every Saturday and Sunday is closed too.",
        "Helligdager og dager som er likestilt med dem; alle lørdager og søndager er også stengt.",
    ),
    ("date", "Date", "Dato"),
    ("weekday", "Weekday", "Ukedag"),
    ("closed_weekend", "weekend", "helg"),
    ("closed_before", "before calling hours", "før ringetiden"),
    ("closed_after", "after calling hours", "etter ringetiden"),
    ("wd_mon", "Monday", "mandag"),
    ("wd_tue", "Tuesday", "tirsdag"),
    ("wd_wed", "Wednesday", "onsdag"),
    ("wd_thu", "Thursday", "torsdag"),
    ("wd_fri", "Friday", "fredag"),
    ("wd_sat", "Saturday", "lørdag"),
    ("wd_sun", "Sunday", "søndag"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_once_and_every_template_key_is_translated() {
        let mut keys = std::collections::BTreeSet::new();
        for (k, en, nb) in MESSAGES {
            assert!(keys.insert(*k), "{k} twice");
            assert!(!en.is_empty() && !nb.is_empty(), "{k} untranslated");
        }
        for (name, text) in super::super::view::TEMPLATES {
            for part in text.split("t.").skip(1) {
                let key: String = part
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                    .collect();
                if key.is_empty() || key == "html" {
                    continue;
                }
                assert!(keys.contains(key.as_str()), "{name}: t.{key} has no text");
            }
        }
    }

    #[test]
    fn accept_language_picks_the_best_spoken_language() {
        assert_eq!(
            Lang::from_accept_language("nb-NO,nb;q=0.9,en;q=0.8"),
            Lang::Nb
        );
        assert_eq!(
            Lang::from_accept_language("de-DE,en;q=0.5,no;q=0.4"),
            Lang::En
        );
        assert_eq!(Lang::from_accept_language("nn"), Lang::Nb);
        assert_eq!(Lang::from_accept_language("fr"), Lang::En);
        assert_eq!(Lang::Nb.t("sign_in"), "Logg inn");
    }
}
