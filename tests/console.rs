//! The web console in a real browser (headless Chromium over WebDriver) against the real
//! server (`vask serve` with the demo configuration and its demo users): signing in, washing
//! a file and reading its counts, adding an opt-out and seeing the number blocked, finding
//! the wash in the proof-of-wash trail, an agent refused a removal, failed sign-ins limited.
//!
//! `VASK_SCREENSHOTS=docs/screenshots cargo test --test console` also saves a screenshot of
//! each page (the README shows them).

#[path = "common/browser.rs"]
mod browser;
mod common;

use browser::Browser;
use common::Server;

/// Lead file: national register, existing customer (exempt), client list, centre list,
/// invalid.
const LEADS: &str = "name_ref,telefon\nA-1,91234567\nA-2,+47 912 34 568\nA-3,0047 93456789\nA-4,92345678\nA-5,not a number\n";

async fn demo() -> (tempfile::TempDir, Server) {
    let dir = tempfile::tempdir().expect("tempdir");
    let server = Server::demo(&dir.path().join("state"));
    (dir, server)
}

/// The audit trail's file, to check what was recorded (and that no number is in it).
fn trail(dir: &tempfile::TempDir) -> String {
    std::fs::read_to_string(dir.path().join("state/audit/audit.log")).expect("audit trail")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_officer_washes_a_file_sees_its_counts_and_finds_it_in_the_trail() {
    let (dir, server) = demo().await;
    let base = server.http_url();
    // The nightly job has run once: the overview shows how it ended.
    let out = common::vask()
        .args(["rebuild", "--state"])
        .arg(dir.path().join("state"))
        .output()
        .expect("vask rebuild");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let b = Browser::start("en-GB").await;

    b.goto(&format!("{base}/")).await;
    assert_eq!(b.path().await, "/console/login", "/ leads to the console");
    b.screenshot("01-sign-in").await;
    b.sign_in(&base, "officer", "vask-demo-officer").await;
    assert_eq!(b.path().await, "/console/");
    // (Card titles are shown in capitals: compare without case.)
    let body = b.wait_for_text("Lists").await.to_lowercase();
    for text in [
        "Serving generation",
        "National register snapshot",
        "too old from",
        "Washes today",
        "acme-energy",
        "Source reference",
    ] {
        let text = text.to_lowercase();
        assert!(body.contains(&text), "overview lacks {text:?}: {body}");
    }
    assert_eq!(b.text("[data-testid=washes-today]").await, "0");
    assert_eq!(b.text("[data-testid=rebuild]").await, "published");
    // By keyboard: the first Tab reaches the skip link, the next the menu.
    b.tab().await;
    assert_eq!(b.focused().await, "Skip to content");
    b.tab().await;
    b.tab().await;
    assert_eq!(b.focused().await, "Overview");
    b.screenshot("02-overview").await;

    // Wash a lead file.
    let leads = dir.path().join("leads.csv");
    std::fs::write(&leads, LEADS).expect("leads");
    b.goto(&format!("{base}/console/wash")).await;
    b.select("#client", "acme-energy").await;
    b.select("#purpose", "sales").await;
    b.fill("#category", "power").await;
    b.fill("#campaign", "winter-2026").await;
    b.fill("#source_reference", "Example Directory AS, 2026-11")
        .await;
    b.fill("#file", leads.to_str().expect("path")).await;
    b.screenshot("03-wash").await;
    b.click("#wash-form button[type=submit]").await;
    b.wait_for_text("Download washed CSV").await;
    assert_eq!(b.text("[data-testid=rows]").await, "5");
    assert_eq!(b.text("[data-testid=allowed]").await, "1");
    assert_eq!(b.text("[data-testid=blocked]").await, "4");
    for (reason, n) in [
        ("national_register", "1"),
        ("exempt_customer", "1"),
        ("client_list", "1"),
        ("centre_list", "1"),
        ("invalid_number", "1"),
    ] {
        assert_eq!(
            b.text(&format!("[data-testid=count-{reason}]")).await,
            n,
            "{reason}"
        );
    }
    let wash_id = b.text("[data-testid=wash-id]").await;
    assert!(wash_id.starts_with('w'), "{wash_id}");
    b.screenshot("04-wash-result").await;

    // The washed file, downloaded with the session (once: then it leaves the temp area).
    let href = format!(
        "{}washed.csv",
        b.path().await.trim_end_matches('/').to_owned() + "/"
    );
    let washed = b
        .client
        .execute(
            "return fetch(arguments[0]).then(r => r.text())",
            vec![serde_json::json!(href)],
        )
        .await
        .expect("download");
    let washed = washed.as_str().unwrap_or("").to_owned();
    assert!(
        washed.starts_with("name_ref,telefon,vask_verdict,vask_reasons,vask_e164"),
        "{washed}"
    );
    assert!(
        washed.contains("A-2,+47 912 34 568,allowed,exempt_customer,+4791234568"),
        "{washed}"
    );
    assert!(
        washed.contains("A-4,92345678,blocked,centre_list,+4792345678"),
        "{washed}"
    );
    let again = b
        .client
        .execute(
            "return fetch(arguments[0]).then(r => r.status)",
            vec![serde_json::json!(href)],
        )
        .await
        .expect("second download");
    assert_eq!(
        again,
        serde_json::json!(410),
        "a washed file is downloaded once"
    );

    // The wash in the proof-of-wash trail, by client and campaign; the chain verifies.
    b.goto(&format!(
        "{base}/console/proofs?client=acme-energy&campaign=winter"
    ))
    .await;
    let row = b.text(&format!("tr[data-wash-id='{wash_id}']")).await;
    assert!(
        row.contains("Example Directory AS, 2026-11") && row.contains("officer"),
        "{row}"
    );
    b.goto(&format!("{base}/console/proofs?client=nordic-telecom"))
        .await;
    assert!(!b.body().await.contains(&wash_id), "filtered by client");
    b.goto(&format!("{base}/console/proofs?client=acme-energy"))
        .await;
    b.click("form.inline-form button").await;
    b.wait_for_text("The audit trail is intact").await;
    b.screenshot("05-proof-of-wash").await;
    let csv = b
        .client
        .execute(
            "return fetch('/console/proofs.csv?client=acme-energy').then(r => r.text())",
            vec![],
        )
        .await
        .expect("export");
    let csv = csv.as_str().unwrap_or("");
    assert!(
        csv.starts_with("seq,wash_id,") && csv.contains(&wash_id),
        "{csv}"
    );

    // The overview counts the wash; calling hours; Norwegian.
    b.goto(&format!("{base}/console/")).await;
    assert_eq!(b.text("[data-testid=washes-today]").await, "1");
    b.goto(&format!("{base}/console/hours")).await;
    let hours = b.body().await;
    assert!(
        hours.contains("Calling now") && hours.contains("Europe/Oslo"),
        "{hours}"
    );
    assert!(
        hours.contains("17 May") || hours.contains("Constitution"),
        "{hours}"
    );
    b.screenshot("06-calling-hours").await;
    b.click("a[hreflang=nb]").await;
    b.wait_for_text("Ringing nå").await;
    b.goto(&format!("{base}/console/")).await;
    b.wait_for_text("Lister").await;
    b.screenshot("07-oversikt-norsk").await;
    b.close().await;

    // Every action is in the trail with the user's id, and the wash as a console wash.
    let t = trail(&dir);
    for needle in [
        "\"kind\":\"console\"",
        "\"action\":\"login\"",
        "\"user\":\"officer\"",
        "\"action\":\"download_washed\"",
        "\"action\":\"export_proofs\"",
        "\"action\":\"verify_trail\"",
        "\"via\":\"console\"",
        "\"key_id\":\"officer\"",
    ] {
        assert!(t.contains(needle), "trail lacks {needle}");
    }
}

/// Looks `number` up for acme-energy's power sales; returns the verdict shown.
async fn look_up(b: &Browser, base: &str, number: &str) -> String {
    b.goto(&format!("{base}/console/lookup")).await;
    b.fill("#number", number).await;
    b.select("#client", "acme-energy").await;
    b.fill("#category", "power").await;
    b.click("main form button[type=submit]").await;
    b.text("[data-testid=verdict]").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_adds_an_opt_out_sees_it_blocked_and_is_refused_a_removal() {
    let (dir, server) = demo().await;
    let base = server.http_url();
    let b = Browser::start("en-GB").await;
    b.sign_in(&base, "agent", "vask-demo-agent").await;
    assert_eq!(
        b.path().await,
        "/console/lookup",
        "an agent starts at the look-up"
    );
    let menu = b.text("header nav").await;
    assert!(
        !menu.contains("Proof of wash") && !menu.contains("Wash\n"),
        "{menu}"
    );

    assert_eq!(look_up(&b, &base, "922 22 222").await, "Allowed");

    b.goto(&format!("{base}/console/opt-outs")).await;
    b.fill("#add-number", "+47 922 22 222").await;
    b.select("#add-list", "centre").await;
    b.fill("#add-reason", "asked not to be called").await;
    b.click("form[action='/console/opt-outs/add'] button").await;
    let body = b.wait_for_text("Opt-out recorded").await;
    assert!(
        body.contains("+479•••••22") && body.contains("agent"),
        "{body}"
    );
    b.screenshot("08-opt-outs").await;

    // A form without its CSRF token is refused, and nothing is recorded.
    let refused = b
        .client
        .execute(
            "return fetch('/console/opt-outs/add', {method: 'POST', headers: \
             {'Content-Type': 'application/x-www-form-urlencoded'}, \
             body: 'number=92222223&list=centre'}).then(r => r.status)",
            vec![],
        )
        .await
        .expect("post");
    assert_eq!(refused, serde_json::json!(403));

    assert_eq!(look_up(&b, &base, "92222222").await, "Blocked");
    let body = b.body().await;
    assert!(body.contains("On the centre's do-not-call list"), "{body}");
    assert!(body.contains("asked not to be called"), "history: {body}");
    b.screenshot("09-look-up").await;

    // A removal is the library's decision: an agent is not an admin.
    b.goto(&format!("{base}/console/opt-outs")).await;
    b.fill("#rm-number", "92222222").await;
    b.select("#rm-list", "centre").await;
    b.fill("#rm-reason", "entered by mistake").await;
    b.click("form[action='/console/opt-outs/remove'] button")
        .await;
    let body = b.wait_for_text("needs an admin").await;
    assert!(body.contains("removing a reservation"), "{body}");
    assert_eq!(
        look_up(&b, &base, "92222222").await,
        "Blocked",
        "still blocked"
    );

    // Pages the role does not open.
    b.goto(&format!("{base}/console/proofs")).await;
    b.wait_for_text("Your role does not open this page").await;
    b.goto(&format!("{base}/console/wash")).await;
    b.wait_for_text("Your role does not open this page").await;

    // The admin may remove it, with a reason.
    b.goto(&format!("{base}/console/lookup")).await;
    b.click("form.who button").await;
    b.wait_for_text("You are signed out").await;
    b.sign_in(&base, "admin", "vask-demo-admin").await;
    b.goto(&format!("{base}/console/opt-outs")).await;
    b.fill("#rm-number", "92222222").await;
    b.select("#rm-list", "centre").await;
    b.fill("#rm-reason", "entered by mistake").await;
    b.click("form[action='/console/opt-outs/remove'] button")
        .await;
    b.wait_for_text("Reservation removed").await;
    b.close().await;

    let t = trail(&dir);
    assert!(t.contains("\"action\":\"add_reservation\"") && t.contains("\"user\":\"agent\""));
    assert!(
        t.contains("\"outcome\":\"permission_denied\""),
        "the refusal is recorded"
    );
    assert!(t.contains("\"action\":\"remove_reservation\"") && t.contains("\"user\":\"admin\""));
    assert!(t.contains("\"target\":\"number:"), "numbers by keyed hash");
    assert!(!t.contains("92222222"), "never a number in clear");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_disabled_user_is_signed_out_and_failed_sign_ins_are_limited() {
    let (dir, server) = demo().await;
    let base = server.http_url();
    let b = Browser::start("nb-NO").await;
    b.goto(&format!("{base}/console/login")).await;
    assert!(
        b.body().await.contains("Logg inn"),
        "Norwegian from Accept-Language"
    );

    // `vask user disable` from the command line ends a session at its next request.
    b.sign_in(&base, "agent", "vask-demo-agent").await;
    b.wait_for_text("Slå opp et nummer").await;
    let out = common::vask()
        .args(["user", "--state"])
        .arg(dir.path().join("state"))
        .args(["disable", "agent"])
        .output()
        .expect("vask user disable");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    b.goto(&format!("{base}/console/lookup")).await;
    assert_eq!(b.path().await, "/console/login");

    // Five wrong passwords, then even the right one is refused for a while.
    for _ in 0..5 {
        b.goto(&format!("{base}/console/login")).await;
        b.fill("#username", "officer").await;
        b.fill("#password", "wrong password\n").await;
        b.wait_for_text("Feil brukernavn eller passord").await;
    }
    b.goto(&format!("{base}/console/login")).await;
    b.fill("#username", "officer").await;
    b.fill("#password", "vask-demo-officer\n").await;
    b.wait_for_text("For mange mislykkede innlogginger").await;
    b.close().await;
    let t = trail(&dir);
    assert!(t.contains("\"action\":\"login_failed\"") && t.contains("\"action\":\"user_disable\""));
    assert!(!t.contains("wrong password"), "never a password");
    drop(server);
}
