//! `vask loadgen` against the real server: the overload mode reports what issue 14.11 asks of
//! it (the offered load, the share shed with `RESOURCE_EXHAUSTED` and a retry hint, the p99 of
//! the admitted requests, the server's memory), and the adds and explain modes drive the
//! journal and Explain (issue 14.4).

mod common;

use common::{KEY, Server, copy_sample, vask, write_config};

/// Runs `vask loadgen` with `args` against `server` and returns its report.
fn loadgen(server: &Server, args: &[&str]) -> String {
    let pid = server.child.id().to_string();
    let o = vask()
        .args(["loadgen", "--server", &server.url(), "--key", KEY])
        .args(["--server-pid", &pid])
        .args(args)
        .output()
        .expect("vask loadgen");
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        o.status.success(),
        "{out}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    out
}

/// The value of `name=` in a report.
fn field(report: &str, name: &str) -> f64 {
    let key = format!("{name}=");
    report
        .split_whitespace()
        .find_map(|w| w.strip_prefix(&key))
        .unwrap_or_else(|| panic!("no {name} in {report}"))
        .parse()
        .unwrap_or_else(|_| panic!("{name} is not a number in {report}"))
}

#[test]
fn overload_mode_reports_the_share_shed_with_its_code_and_the_admitted_p99() {
    let dir = tempfile::tempdir().expect("tempdir");
    let catalog = copy_sample(dir.path());
    let config = write_config(
        dir.path(),
        &catalog,
        "[limits]\nmax_in_flight = 1\nrequest_timeout_seconds = 30\n",
    );
    let server = Server::start(&config);
    // Twenty times the limit, person washes of 200 leads, each client on its own connection (on
    // one HTTP/2 connection the requests queue in the client often enough that the server
    // sees no more than two at a time).
    let report = loadgen(
        &server,
        &[
            "--mode",
            "overload",
            "--batch",
            "200",
            "--concurrency",
            "20",
            "--connections",
            "20",
            "--seconds",
            "2",
        ],
    );
    let (offered, admitted, shed) = (
        field(&report, "offered_requests"),
        field(&report, "admitted"),
        field(&report, "shed"),
    );
    assert!(admitted > 0.0 && shed > 0.0, "{report}");
    assert_eq!(offered, admitted + shed + field(&report, "other_errors"));
    assert_eq!(field(&report, "other_errors"), 0.0, "{report}");
    assert!(report.contains("shed_code=RESOURCE_EXHAUSTED"), "{report}");
    // Everything shed here is shed for the requests in flight, each with a retry hint.
    assert_eq!(field(&report, "shed_in_flight"), shed, "{report}");
    assert_eq!(field(&report, "shed_without_retry_after_ms"), 0.0);
    assert!(report.contains("latency_us p50="), "{report}");
    assert!(field(&report, "server_peak_rss_mib") > 0.0, "{report}");
    assert!(field(&report, "server_rss_start_mib") > 0.0, "{report}");
}

#[test]
fn overload_mode_names_a_key_over_its_rate() {
    let dir = tempfile::tempdir().expect("tempdir");
    let catalog = copy_sample(dir.path());
    let config = write_config(dir.path(), &catalog, "[limits]\nkey_rate_per_second = 5\n");
    let server = Server::start(&config);
    let report = loadgen(
        &server,
        &[
            "--mode",
            "overload",
            "--batch",
            "10",
            "--concurrency",
            "4",
            "--seconds",
            "2",
        ],
    );
    assert!(field(&report, "shed_rate") > 0.0, "{report}");
    assert_eq!(field(&report, "shed_without_retry_after_ms"), 0.0);
}

#[test]
fn adds_and_explain_modes_write_the_journal_and_read_a_numbers_history() {
    let dir = tempfile::tempdir().expect("tempdir");
    let catalog = copy_sample(dir.path());
    let config = write_config(dir.path(), &catalog, "");
    let server = Server::start(&config);
    let number = "+4791110000";
    let adds = loadgen(
        &server,
        &[
            "--mode",
            "adds",
            "--number",
            number,
            "--text-bytes",
            "100",
            "--concurrency",
            "2",
            "--seconds",
            "1",
        ],
    );
    let added = field(&adds, "numbers");
    assert!(added > 0.0, "{adds}");
    assert_eq!(field(&adds, "errors"), 0.0, "{adds}");
    assert_eq!(field(&adds, "journal_text_bytes"), added * 208.0, "{adds}");
    let explain = loadgen(
        &server,
        &[
            "--mode",
            "explain",
            "--number",
            number,
            "--concurrency",
            "2",
            "--seconds",
            "1",
        ],
    );
    assert!(field(&explain, "numbers") > 0.0, "{explain}");
    assert_eq!(field(&explain, "errors"), 0.0, "{explain}");
    // Explain shows the newest 100 entries of the number's history (every add was one).
    assert_eq!(
        field(&explain, "history_entries_per_explain"),
        added.min(100.0),
        "{adds}{explain}"
    );
    // Without --number, the synthetic leads in turn (most of them on no list).
    let spread = loadgen(
        &server,
        &["--mode", "explain", "--concurrency", "1", "--seconds", "1"],
    );
    assert_eq!(field(&spread, "errors"), 0.0, "{spread}");
}
