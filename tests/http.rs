//! The real server over HTTP/JSON: every endpoint against the sample data, the same verdicts
//! and refusals as gRPC (statuses, JSON error codes), the streamed CSV upload (trailers,
//! errors mid-stream, a client that sends its whole file before it reads), metrics after
//! washes over both protocols, the served OpenAPI document, reflection v1alpha, TLS.

mod common;

use std::io::{Read, Write};
use std::time::Duration;

use common::*;
use serde_json::{Value, json};

fn sample_server(extra: &str) -> (tempfile::TempDir, Server) {
    let dir = tempfile::tempdir().expect("tempdir");
    let catalog = copy_sample(dir.path());
    let config = write_config(dir.path(), &catalog, extra);
    let server = Server::start(&config);
    (dir, server)
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(60))
        .build()
        .expect("client")
}

fn wash_body(numbers: &[&str]) -> Value {
    json!({
        "client_id": "acme-energy",
        "campaign": {"purpose": "sales", "product_category": "power", "campaign_id": "t"},
        "source_reference": "integration test list",
        "numbers": numbers,
        "echo_normalised": true,
    })
}

async fn post(server: &Server, path: &str, key: &str, body: &Value) -> (u16, Value) {
    let mut r = client()
        .post(format!("{}{path}", server.http_url()))
        .json(body);
    if !key.is_empty() {
        r = r.bearer_auth(key);
    }
    let r = r.send().await.expect("send");
    let status = r.status().as_u16();
    (status, r.json().await.expect("json body"))
}

async fn get(server: &Server, path: &str, key: &str) -> (u16, Value) {
    let r = client()
        .get(format!("{}{path}", server.http_url()))
        .bearer_auth(key)
        .send()
        .await
        .expect("send");
    let status = r.status().as_u16();
    (status, r.json().await.expect("json body"))
}

#[tokio::test(flavor = "multi_thread")]
async fn json_wash_gives_the_verdicts_of_grpc_with_reason_names_and_a_recorded_wash() {
    let (_dir, server) = sample_server("");
    let numbers = [
        "91234567",
        "+47 912 34 568",
        "0047 91234569",
        "91234570",
        "92345678",
        "0047 93456789",
        "41234567",
        "12345",
    ];
    let (status, r) = post(&server, "/v1/wash", KEY, &wash_body(&numbers)).await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(r["verdicts"], json!([8, 16, 8, 32, 2, 4, 0, 1]));
    assert_eq!(r["reasons"][0], json!(["national_register"]));
    assert_eq!(r["reasons"][1], json!(["exempt_customer"]));
    assert_eq!(r["reasons"][6], json!([]));
    assert_eq!(r["normalised"][0], json!(4791234567u64));
    assert_eq!(r["normalised"][7], json!(0));
    assert_eq!(
        (r["allowed"].as_u64(), r["blocked"].as_u64()),
        (Some(3), Some(5))
    );
    assert!(
        r["counts"]
            .as_array()
            .expect("counts")
            .contains(&json!({"reason": "national_register", "count": 2}))
    );

    // The same list over gRPC: the same verdicts.
    let grpc = server
        .wash_client(KEY)
        .await
        .wash(wash_request("acme-energy", &numbers))
        .await
        .expect("grpc wash")
        .into_inner();
    assert_eq!(json!(grpc.verdicts), r["verdicts"]);

    // The wash is in the audit trail, for its own centre only.
    let id = r["wash_id"].as_str().expect("wash id");
    let (status, rec) = get(&server, &format!("/v1/washes/{id}"), KEY).await;
    assert_eq!(status, 200, "{rec}");
    assert_eq!(rec["record"]["via"], "http");
    assert_eq!(rec["record"]["numbers"], 8);
    assert_eq!(rec["record"]["source_reference"], "integration test list");
    let (status, e) = get(&server, &format!("/v1/washes/{id}"), OTHER_KEY).await;
    assert_eq!((status, e["code"].as_str()), (404, Some("not_found")));

    // E.164 integers and persons.
    let mut body = wash_body(&[]);
    body["e164"] = json!([4791234567u64, 4741234567u64]);
    body["persons"] = json!([{}, {"given_names": "Kari", "surname": "Nordmann", "street": "Storgata 12 B", "postcode": "0150", "city": "Oslo"}]);
    let (status, r) = post(&server, "/v1/wash", KEY, &body).await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(r["verdicts"], json!([8, 8 | 128]));
}

#[tokio::test(flavor = "multi_thread")]
async fn refusals_are_json_with_the_status_of_their_grpc_code() {
    let (_dir, server) = sample_server("[limits]\nmax_batch = 5\nmax_message_bytes = 4096\n");
    let url = server.http_url();
    // No key, a wrong key.
    let r = client()
        .post(format!("{url}/v1/wash"))
        .json(&wash_body(&["91234567"]))
        .send()
        .await
        .expect("send");
    assert_eq!(r.status(), 401);
    assert_eq!(r.headers()["www-authenticate"], "Bearer");
    let e: Value = r.json().await.expect("json");
    assert_eq!(e["code"], "unauthenticated");
    let (status, e) = post(&server, "/v1/wash", "nope", &wash_body(&["1"])).await;
    assert_eq!((status, e["code"].as_str()), (401, Some("unauthenticated")));
    // A client of another centre.
    let mut body = wash_body(&["91234567"]);
    body["client_id"] = json!("other-client");
    let (status, e) = post(&server, "/v1/wash", KEY, &body).await;
    assert_eq!(
        (status, e["code"].as_str()),
        (403, Some("permission_denied")),
        "{e}"
    );
    // A bad field, named.
    let mut body = wash_body(&["91234567"]);
    body["campaign"]["purpose"] = json!("PURPOSE_SALES");
    let (status, e) = post(&server, "/v1/wash", KEY, &body).await;
    assert_eq!(
        (status, e["code"].as_str()),
        (400, Some("invalid_argument"))
    );
    assert!(
        e["message"]
            .as_str()
            .expect("message")
            .starts_with("campaign.purpose"),
        "{e}"
    );
    let mut body = wash_body(&["91234567"]);
    body["at"] = json!("2020-01-01T10:00:00Z");
    let (status, e) = post(&server, "/v1/wash", KEY, &body).await;
    assert_eq!(
        (status, e["code"].as_str()),
        (400, Some("invalid_argument")),
        "{e}"
    );
    let mut body = wash_body(&["91234567"]);
    body["unknown"] = json!(1);
    let (status, e) = post(&server, "/v1/wash", KEY, &body).await;
    assert_eq!(
        (status, e["code"].as_str()),
        (400, Some("invalid_argument")),
        "{e}"
    );
    let mut body = wash_body(&[]);
    body["persons"] = json!([{"surname": "Nordmann", "birth_date": "17.05.75"}]);
    let (status, e) = post(&server, "/v1/wash", KEY, &body).await;
    assert_eq!(status, 400);
    assert!(
        e["message"]
            .as_str()
            .expect("message")
            .starts_with("persons[0].birth_date"),
        "{e}"
    );
    // Over limits.max_batch, over limits.max_message_bytes.
    let (status, e) = post(&server, "/v1/wash", KEY, &wash_body(&["1"; 6])).await;
    assert_eq!(
        (status, e["code"].as_str()),
        (413, Some("resource_exhausted")),
        "{e}"
    );
    let big = "9".repeat(5000);
    let (status, e) = post(&server, "/v1/wash", KEY, &wash_body(&[big.as_str()])).await;
    assert_eq!(
        (status, e["code"].as_str()),
        (413, Some("resource_exhausted")),
        "{e}"
    );
    // No such endpoint; no such country.
    let (status, e) = get(&server, "/v2/nothing", KEY).await;
    assert_eq!((status, e["code"].as_str()), (404, Some("not_found")));
    let (status, e) = get(&server, "/v1/call-window?country=XX", KEY).await;
    assert_eq!((status, e["code"].as_str()), (404, Some("not_found")));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stale_snapshot_is_412_and_not_ready() {
    let dir = tempfile::tempdir().expect("tempdir");
    let catalog = copy_sample(dir.path());
    let text = std::fs::read_to_string(&catalog).expect("catalog");
    std::fs::write(
        &catalog,
        text.replace(
            r#"snapshot_date = "build-date""#,
            r#"snapshot_date = "2020-01-01""#,
        ),
    )
    .expect("write");
    let server = Server::start(&write_config(dir.path(), &catalog, ""));
    let (status, e) = post(&server, "/v1/wash", KEY, &wash_body(&["91234567"])).await;
    assert_eq!(
        (status, e["code"].as_str()),
        (412, Some("failed_precondition"))
    );
    assert!(
        e["message"]
            .as_str()
            .expect("message")
            .contains("2020-01-01"),
        "{e}"
    );
    let r = client()
        .get(format!("{}/readyz", server.http_url()))
        .send()
        .await
        .expect("readyz");
    assert_eq!(r.status(), 503);
    let r = client()
        .get(format!("{}/healthz", server.http_url()))
        .send()
        .await
        .expect("healthz");
    assert_eq!(r.status(), 200);
    let (status, s) = get(&server, "/v1/status", KEY).await;
    assert_eq!((status, s["snapshot_stale"].as_bool()), (200, Some(true)));
}

#[tokio::test(flavor = "multi_thread")]
async fn explain_reservations_call_window_status_and_health() {
    let (_dir, server) = sample_server("");
    let (status, e) = get(
        &server,
        "/v1/explain?client=acme-energy&purpose=sales&category=power&number=91234568",
        KEY,
    )
    .await;
    assert_eq!(status, 200, "{e}");
    assert_eq!(
        (e["verdict"].as_u64(), e["allowed"].as_bool()),
        (Some(16), Some(true))
    );
    assert_eq!(e["normalised"], "+4791234568");
    let lists: Vec<&str> = e["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .filter_map(|h| h["list"].as_str())
        .collect();
    assert!(
        lists.contains(&"national_register") && lists.contains(&"customers"),
        "{lists:?}"
    );
    assert!(e["audit_id"].as_str().is_some_and(|a| a.starts_with('x')));
    // A person, in a body rather than a URL.
    let person = json!({"client_id": "acme-energy", "purpose": "sales", "given_names": "Kari",
        "surname": "Nordmann", "street": "Storgata 12 B", "postcode": "0150", "city": "Oslo"});
    let (status, e) = post(&server, "/v1/explain", KEY, &person).await;
    assert_eq!(status, 200, "{e}");
    assert!(
        e["reasons"]
            .as_array()
            .expect("reasons")
            .contains(&json!("person_match")),
        "{e}"
    );

    // An opt-out takes effect at once; a removal needs an admin key and a reason.
    let add = json!({"centre": true, "number": "41234567", "actor": "agent-17", "reason": "asked not to be called"});
    let (status, r) = post(&server, "/v1/reservations", KEY, &add).await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(r["normalised"], "+4741234567");
    assert!(r["seq"].as_u64().is_some_and(|s| s > 0));
    let (_, w) = post(&server, "/v1/wash", KEY, &wash_body(&["41234567"])).await;
    assert_eq!(w["verdicts"], json!([2]));
    let del = |key: &'static str, body: Value| {
        let url = format!("{}/v1/reservations", server.http_url());
        async move {
            let r = client()
                .delete(url)
                .bearer_auth(key)
                .json(&body)
                .send()
                .await
                .expect("send");
            (r.status().as_u16(), r.json::<Value>().await.expect("json"))
        }
    };
    let (status, e) = del(KEY, add.clone()).await;
    assert_eq!(
        (status, e["code"].as_str()),
        (403, Some("permission_denied"))
    );
    let (status, e) = del(
        ADMIN_KEY,
        json!({"centre": true, "number": "41234567", "actor": "x"}),
    )
    .await;
    assert_eq!(
        (status, e["code"].as_str()),
        (400, Some("invalid_argument"))
    );
    let (status, _) = del(ADMIN_KEY, add).await;
    assert_eq!(status, 200);
    let (_, w) = post(&server, "/v1/wash", KEY, &wash_body(&["41234567"])).await;
    assert_eq!(w["verdicts"], json!([0]));

    // Many at once: each entry gets its own result.
    let many = json!([
        {"client_id": "acme-energy", "number": "41234568", "actor": "ivr"},
        {"client_id": "other-client", "number": "41234569", "actor": "ivr"},
        {"centre": true, "number": "not a number", "actor": "ivr"},
    ]);
    let (status, r) = post(&server, "/v1/reservations", KEY, &many).await;
    assert_eq!(status, 200, "{r}");
    let results = r["results"].as_array().expect("results");
    assert_eq!(results[0]["normalised"], "+4741234568");
    assert_eq!(results[1]["error_code"], "permission_denied");
    assert_eq!(results[2]["error_code"], "invalid_argument");

    let (status, w) = get(
        &server,
        "/v1/call-window?country=NO&at=2026-12-25T10:00:00Z",
        KEY,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        (w["open"].as_bool(), w["reason"].as_str()),
        (Some(false), Some("holiday"))
    );
    assert_eq!(w["time_zone"], "Europe/Oslo");
    let (_, w) = get(
        &server,
        "/v1/call-window?number=%2B4791234567&at=2026-12-01T10:00:00Z",
        KEY,
    )
    .await;
    assert_eq!(
        (w["open"].as_bool(), w["country"].as_str()),
        (Some(true), Some("NO"))
    );

    let (status, s) = get(&server, "/v1/status", KEY).await;
    assert_eq!(status, 200);
    assert!(
        s["version"].as_str().is_some_and(|v| v.contains("commit")),
        "{s}"
    );
    let owners: Vec<&str> = s["lists"]
        .as_array()
        .expect("lists")
        .iter()
        .filter_map(|l| l["owner"].as_str())
        .collect();
    assert!(
        owners.contains(&"acme-energy") && !owners.contains(&"other-client"),
        "{owners:?}"
    );
    let (status, s) = get(&server, "/v1/status", OTHER_KEY).await;
    assert_eq!(status, 200);
    assert!(
        s["lists"]
            .as_array()
            .expect("lists")
            .iter()
            .all(|l| l["owner"] != "acme-energy")
    );
    for path in ["/healthz", "/readyz"] {
        let r = client()
            .get(format!("{}{path}", server.http_url()))
            .send()
            .await
            .expect("send");
        assert_eq!(r.status(), 200, "{path}");
    }
}

/// A response read by hand: status, headers, body (chunked decoded), trailers, and whether
/// the chunked body ended properly.
struct Raw {
    status: u16,
    headers: String,
    body: Vec<u8>,
    trailers: String,
    complete: bool,
}

/// Sends `body` as a whole (as most HTTP/1.1 clients do: nothing is read until it is sent),
/// then reads the answer to its end.
fn raw_post(addr: &str, path: &str, extra_headers: &str, body: &[u8]) -> Raw {
    let mut s = std::net::TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(120)))
        .expect("timeout");
    let head = format!(
        "POST {path} HTTP/1.1\r\nhost: {addr}\r\nauthorization: Bearer {KEY}\r\ncontent-type: text/csv\r\ncontent-length: {}\r\nconnection: close\r\n{extra_headers}\r\n",
        body.len()
    );
    // Written from another thread: the server may answer before the body is all sent.
    let mut w = s.try_clone().expect("clone");
    let all = [head.as_bytes(), body].concat();
    let writer = std::thread::spawn(move || {
        let _ = w.write_all(&all);
    });
    let mut answer = Vec::new();
    let _ = s.read_to_end(&mut answer);
    writer.join().expect("writer");
    let split = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("end of headers");
    let headers = String::from_utf8_lossy(&answer[..split]).to_lowercase();
    let status = headers[9..12].parse().expect("status");
    let mut rest = &answer[split + 4..];
    if !headers.contains("transfer-encoding: chunked") {
        return Raw {
            status,
            headers,
            body: rest.to_vec(),
            trailers: String::new(),
            complete: true,
        };
    }
    let mut body = Vec::new();
    loop {
        let Some(eol) = rest.windows(2).position(|w| w == b"\r\n") else {
            return Raw {
                status,
                headers,
                body,
                trailers: String::new(),
                complete: false,
            };
        };
        let size =
            usize::from_str_radix(std::str::from_utf8(&rest[..eol]).expect("size").trim(), 16)
                .expect("hex");
        rest = &rest[eol + 2..];
        if size == 0 {
            let trailers = String::from_utf8_lossy(rest).into_owned();
            return Raw {
                status,
                headers,
                body,
                trailers,
                complete: true,
            };
        }
        if rest.len() < size + 2 {
            return Raw {
                status,
                headers,
                body,
                trailers: String::new(),
                complete: false,
            };
        }
        body.extend_from_slice(&rest[..size]);
        rest = &rest[size + 2..];
    }
}

fn trailer<'a>(r: &'a Raw, name: &str) -> Option<&'a str> {
    r.trailers.lines().find_map(|l| {
        let (n, v) = l.split_once(':')?;
        n.trim().eq_ignore_ascii_case(name).then_some(v.trim())
    })
}

const CSV_QUERY: &str = "/v1/wash?client=acme-energy&purpose=sales&category=power&source_reference=leads%20from%20a%20test";

#[tokio::test(flavor = "multi_thread")]
async fn a_lead_file_streams_back_with_verdict_columns_and_a_summary() {
    let (_dir, server) = sample_server("");
    let csv = "id;telefon;fornavn;etternavn;adresse;postnummer;poststed\n1;91234567;;;;;\n2;;Kari;Nordmann;Storgata 12 B;0150;Oslo\n3;abc;;;;;\n4;41234567;;;;;\n";
    let r = raw_post(
        &server.http_addr,
        CSV_QUERY,
        "te: trailers\r\n",
        csv.as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    assert!(r.headers.contains("content-type: text/csv"));
    let text = String::from_utf8(r.body.clone()).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "id,telefon,fornavn,etternavn,adresse,postnummer,poststed,vask_verdict,vask_reasons,vask_e164"
    );
    assert_eq!(
        lines[1],
        "1,91234567,,,,,,blocked,national_register,+4791234567"
    );
    assert!(
        lines[2].ends_with(",blocked,national_register|person_match,"),
        "{}",
        lines[2]
    );
    assert_eq!(lines[3], "3,abc,,,,,,blocked,invalid_number,");
    assert_eq!(lines[4], "4,41234567,,,,,,allowed,,+4741234567");
    assert_eq!(trailer(&r, "x-vask-status"), Some("ok"), "{}", r.trailers);
    assert_eq!(trailer(&r, "x-vask-rows"), Some("4"));
    assert_eq!(trailer(&r, "x-vask-allowed"), Some("1"));
    let id = trailer(&r, "x-vask-wash-id").expect("wash id").to_owned();
    let (status, rec) = get(&server, &format!("/v1/washes/{id}"), KEY).await;
    assert_eq!(status, 200);
    assert_eq!(
        (
            rec["record"]["numbers"].as_u64(),
            rec["record"]["source_reference"].as_str()
        ),
        (Some(4), Some("leads from a test"))
    );

    // Refusals before the answer begins are JSON errors.
    let r = raw_post(
        &server.http_addr,
        &CSV_QUERY.replace("acme-energy", "other-client"),
        "",
        csv.as_bytes(),
    );
    assert_eq!(r.status, 403);
    let r = raw_post(
        &server.http_addr,
        &format!("{CSV_QUERY}&number_column=mobile_no"),
        "",
        csv.as_bytes(),
    );
    assert_eq!(r.status, 400);
    let e: Value = serde_json::from_slice(&r.body).expect("json");
    assert!(
        e["message"]
            .as_str()
            .expect("message")
            .contains("mobile_no"),
        "{e}"
    );

    // A failure after the answer began: in the trailers for a client that takes them, else
    // the transfer is cut off, so that a truncated file is never taken for a whole one.
    let mut bad = String::from("number,fornavn,etternavn,birth_date\n");
    for i in 0..100_000 {
        bad.push_str(&format!("4791{i:06},,,\n"));
    }
    bad.push_str("4741234567,Kari,Nordmann,17.05.75\n");
    let r = raw_post(
        &server.http_addr,
        CSV_QUERY,
        "te: trailers\r\n",
        bad.as_bytes(),
    );
    assert_eq!(r.status, 200);
    assert_eq!(
        trailer(&r, "x-vask-status"),
        Some("error"),
        "{}",
        r.trailers
    );
    assert!(
        trailer(&r, "x-vask-error").is_some_and(|e| e.contains("birth_date")),
        "{}",
        r.trailers
    );
    let r = raw_post(&server.http_addr, CSV_QUERY, "", bad.as_bytes());
    assert!(
        !r.complete,
        "an aborted wash must not end like a whole file"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_large_lead_file_sent_before_anything_is_read_does_not_deadlock() {
    let (_dir, server) = sample_server("");
    // ~3 MB in, ~9 MB out: more than the socket buffers hold both ways.
    let rows = 250_000u64;
    let mut csv = String::from("number\n");
    for i in 0..rows {
        csv.push_str(&format!("+479{:07}\n", i));
    }
    let r = raw_post(
        &server.http_addr,
        CSV_QUERY,
        "te: trailers\r\n",
        csv.as_bytes(),
    );
    assert_eq!(r.status, 200);
    assert!(r.complete);
    assert_eq!(
        trailer(&r, "x-vask-rows"),
        Some(rows.to_string().as_str()),
        "{}",
        r.trailers
    );
    assert_eq!(
        r.body.iter().filter(|&&b| b == b'\n').count() as u64,
        rows + 1
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn metrics_move_after_washes_over_both_protocols() {
    let (_dir, server) = sample_server("");
    let scrape = || async {
        client()
            .get(format!("{}/metrics", server.http_url()))
            .send()
            .await
            .expect("scrape")
            .text()
            .await
            .expect("text")
    };
    let value = |text: &str, series: &str| -> f64 {
        text.lines()
            .find_map(|l| l.strip_prefix(series).and_then(|v| v.trim().parse().ok()))
            .unwrap_or(0.0)
    };
    let before = scrape().await;
    let (status, _) = post(
        &server,
        "/v1/wash",
        KEY,
        &wash_body(&["91234567", "41234567"]),
    )
    .await;
    assert_eq!(status, 200);
    server
        .wash_client(KEY)
        .await
        .wash(wash_request("acme-energy", &["91234567"]))
        .await
        .expect("grpc wash");
    let add = json!({"centre": true, "number": "41234599", "actor": "agent"});
    assert_eq!(post(&server, "/v1/reservations", KEY, &add).await.0, 200);
    let after = scrape().await;
    for (series, moved) in [
        (r#"vask_washes_total{client="acme-energy",via="http"}"#, 1.0),
        (r#"vask_washes_total{client="acme-energy",via="grpc"}"#, 1.0),
        (
            r#"vask_wash_numbers_total{client="acme-energy",verdict="allowed"}"#,
            1.0,
        ),
        (
            r#"vask_wash_numbers_total{client="acme-energy",verdict="blocked"}"#,
            2.0,
        ),
        (
            r#"vask_wash_reasons_total{client="acme-energy",reason="national_register"}"#,
            2.0,
        ),
        (r#"vask_journal_appends_total{result="ok"}"#, 1.0),
        ("vask_audit_appends_total", 2.0),
        ("vask_journal_fsync_seconds_count", 1.0),
    ] {
        assert_eq!(
            value(&after, series) - value(&before, series),
            moved,
            "{series}\n{after}"
        );
    }
    for series in [
        r#"vask_request_duration_seconds_count{protocol="http",endpoint="/v1/wash",status="200"}"#,
        r#"vask_request_duration_seconds_count{protocol="grpc",endpoint="/vask.v1.WashService/Wash",status="ok"}"#,
        "vask_generation_age_seconds",
        "vask_national_snapshot_stale_in_seconds",
        "vask_live_operations",
        r#"vask_requests_shed_total{protocol="http",reason="rate"}"#,
        "vask_audit_append_failures_total",
    ] {
        assert!(
            after.lines().any(|l| l.starts_with(series)),
            "{series} missing:\n{after}"
        );
    }
    assert!(
        after.contains("vask_generation_info{generation_id=\"g"),
        "{after}"
    );
    assert!(value(&after, "vask_national_snapshot_stale_in_seconds") > 0.0);
    assert!(!after.contains("4791234567"), "a number in the metrics");
    // Every metric the example alert rules use exists.
    let rules = std::fs::read_to_string(repo().join("contrib/prometheus/vask-alerts.yml"))
        .expect("contrib/prometheus/vask-alerts.yml");
    for word in rules.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
        if let Some(name) = word.strip_prefix("vask_") {
            let name = format!("vask_{name}");
            assert!(
                after.contains(&name) || name.starts_with("vask_rebuild"),
                "{name} (in the alert rules) is not exported"
            );
        }
    }

    // The rebuild's duration and result, from what `vask rebuild` leaves in the store.
    let o = rebuild(&server.config, &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = scrape().await;
    assert_eq!(value(&text, "vask_rebuild_last_success"), 1.0, "{text}");
    assert!(value(&text, "vask_rebuild_last_duration_seconds") > 0.0);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_served_openapi_document_is_the_checked_in_one() {
    let (_dir, server) = sample_server("");
    let served = client()
        .get(format!("{}/v1/openapi.json", server.http_url()))
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("text");
    let checked_in =
        std::fs::read_to_string(repo().join("docs/openapi.json")).expect("docs/openapi.json");
    assert_eq!(served, checked_in);
    let doc: Value = serde_json::from_str(&served).expect("json");
    assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")));
}

#[tokio::test(flavor = "multi_thread")]
async fn reflection_answers_v1alpha_clients_too() {
    use tonic_reflection::pb::v1alpha::ServerReflectionRequest;
    use tonic_reflection::pb::v1alpha::server_reflection_client::ServerReflectionClient;
    use tonic_reflection::pb::v1alpha::server_reflection_request::MessageRequest;
    use tonic_reflection::pb::v1alpha::server_reflection_response::MessageResponse;
    let (_dir, server) = sample_server("");
    let mut client = ServerReflectionClient::new(server.channel().await);
    let request = ServerReflectionRequest {
        host: String::new(),
        message_request: Some(MessageRequest::ListServices(String::new())),
    };
    let mut answers = client
        .server_reflection_info(tokio_stream::iter([request]))
        .await
        .expect("v1alpha reflection")
        .into_inner();
    let answer = answers
        .message()
        .await
        .expect("answer")
        .expect("one answer");
    let Some(MessageResponse::ListServicesResponse(list)) = answer.message_response else {
        panic!("not a service list: {answer:?}");
    };
    let names: Vec<String> = list.service.into_iter().map(|s| s.name).collect();
    assert!(
        names.iter().any(|n| n == "vask.v1.WashService"),
        "{names:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_http_listener_serves_tls_with_the_configured_certificate() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio_rustls::rustls;
    let dir = tempfile::tempdir().expect("tempdir");
    let cert = rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).expect("cert");
    std::fs::write(dir.path().join("cert.pem"), cert.cert.pem()).expect("write");
    std::fs::write(dir.path().join("key.pem"), cert.signing_key.serialize_pem()).expect("write");
    let catalog = copy_sample(dir.path());
    let config = write_config(
        dir.path(),
        &catalog,
        "[tls]\ncert = \"cert.pem\"\nkey = \"key.pem\"\n",
    );
    let server = Server::start(&config);

    let mut roots = rustls::RootCertStore::empty();
    roots.add(cert.cert.der().clone()).expect("root");
    let tls = rustls::ClientConfig::builder_with_provider(std::sync::Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("versions")
    .with_root_certificates(roots)
    .with_no_client_auth();
    let connector = tokio_rustls::TlsConnector::from(std::sync::Arc::new(tls));
    let tcp = tokio::net::TcpStream::connect(&server.http_addr)
        .await
        .expect("connect");
    let name = rustls::pki_types::ServerName::try_from("localhost").expect("name");
    let mut stream = connector.connect(name, tcp).await.expect("TLS handshake");
    stream
        .write_all(format!("GET /v1/status HTTP/1.1\r\nhost: localhost\r\nauthorization: Bearer {KEY}\r\nconnection: close\r\n\r\n").as_bytes())
        .await
        .expect("write");
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("\"generation_id\""), "{answer}");
    // Plain HTTP is not served on a TLS listener.
    let plain = client()
        .get(format!("{}/healthz", server.http_url()))
        .send()
        .await;
    assert!(plain.is_err() || plain.is_ok_and(|r| r.status() != 200));
}

#[tokio::test(flavor = "multi_thread")]
async fn sigterm_stops_both_listeners_and_the_process_exits_cleanly() {
    let (_dir, mut server) = sample_server("");
    let (status, _) = post(&server, "/v1/wash", KEY, &wash_body(&["91234567"])).await;
    assert_eq!(status, 200);
    let pid = server.child.id().to_string();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill -TERM");
    assert!(killed.success());
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let exit = loop {
        if let Some(s) = server.child.try_wait().expect("wait") {
            break s;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "vask serve did not stop on SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(exit.success(), "{exit:?}");
    assert!(std::net::TcpStream::connect(&server.http_addr).is_err());
    assert!(std::net::TcpStream::connect(&server.addr).is_err());
}

#[test]
fn an_upload_that_stops_sending_is_ended_after_the_idle_limit() {
    let (_dir, server) = sample_server("[limits]\nstream_idle_seconds = 1\n");
    let mut s = std::net::TcpStream::connect(&server.http_addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    let part = "number\n91234567\n";
    write!(
        s,
        "POST {CSV_QUERY} HTTP/1.1\r\nhost: x\r\nauthorization: Bearer {KEY}\r\ncontent-type: text/csv\r\nte: trailers\r\ncontent-length: 100000\r\n\r\n{part}"
    )
    .expect("write");
    // Then nothing more: the server ends the wash and says why in the trailers.
    let mut answer = Vec::new();
    let mut buf = [0u8; 4096];
    // (The trailer field itself, not its declaration in the `trailer` header.)
    while !String::from_utf8_lossy(&answer).contains("\r\nx-vask-status: ") {
        match s.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => answer.extend_from_slice(&buf[..n]),
        }
    }
    std::thread::sleep(Duration::from_millis(200));
    if let Ok(n) = s.read(&mut buf) {
        answer.extend_from_slice(&buf[..n]);
    }
    let text = String::from_utf8_lossy(&answer);
    assert!(text.starts_with("HTTP/1.1 200"), "{text}");
    assert!(
        text.contains("x-vask-status: error") && text.contains("sent nothing"),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn shed_requests_get_a_json_429_with_retry_after_and_are_counted() {
    let (_dir, server) = sample_server("[limits]\nkey_rate_per_second = 1\n");
    let mut shed = None;
    for _ in 0..5 {
        let r = client()
            .post(format!("{}/v1/wash", server.http_url()))
            .bearer_auth(KEY)
            .json(&wash_body(&["91234567"]))
            .send()
            .await
            .expect("send");
        if r.status() == 429 {
            shed = Some(r);
            break;
        }
    }
    let r = shed.expect("a key over its rate is shed");
    let retry: u64 = r.headers()["retry-after"]
        .to_str()
        .expect("text")
        .parse()
        .expect("seconds");
    assert!(retry >= 1);
    let e: Value = r.json().await.expect("json");
    assert_eq!(e["code"], "resource_exhausted");
    // Health and metrics are never shed.
    for _ in 0..5 {
        let r = client()
            .get(format!("{}/readyz", server.http_url()))
            .send()
            .await
            .expect("readyz");
        assert_eq!(r.status(), 200);
    }
    let metrics = client()
        .get(format!("{}/metrics", server.http_url()))
        .send()
        .await
        .expect("scrape")
        .text()
        .await
        .expect("text");
    let shed_count = metrics
        .lines()
        .find_map(|l| l.strip_prefix(r#"vask_requests_shed_total{protocol="http",reason="rate"} "#))
        .and_then(|v| v.trim().parse::<f64>().ok())
        .unwrap_or(0.0);
    assert!(shed_count >= 1.0, "{metrics}");
}
