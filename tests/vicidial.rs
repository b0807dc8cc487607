//! The README's VICIdial recipe, run against the real server: `contrib/vicidial/vask-wash.pl`
//! washes a lead file before loading (streamed CSV) and a list's numbers (JSON batches), and
//! `contrib/vicidial/vask-dnc.pl` passes an agent's DNC disposition on as a reservation, from
//! the command line and as a Dispo Call URL CGI script. The scripts need Perl's core modules
//! HTTP::Tiny and JSON::PP (Debian: package `perl`); as root the test installs it, otherwise
//! it fails with the command to run.

mod common;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use common::*;

fn perl_ready() {
    let has = || {
        Command::new("perl")
            .args(["-MHTTP::Tiny", "-MJSON::PP", "-MGetopt::Long", "-e1"])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if has() {
        return;
    }
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    assert!(
        root,
        "the VICIdial recipe's test needs perl with HTTP::Tiny and JSON::PP: run `apt-get install -y perl`"
    );
    let installed = Command::new("sh")
        .args([
            "-c",
            "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq perl",
        ])
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        installed && has(),
        "`apt-get install -y perl` failed; install it and rerun"
    );
}

fn script(name: &str) -> PathBuf {
    repo().join("contrib/vicidial").join(name)
}

fn perl(server: &Server, name: &str) -> Command {
    let mut c = Command::new("perl");
    c.arg(script(name))
        .env("VASK_URL", server.http_url())
        .env("VASK_KEY", KEY)
        .env("VASK_CLIENT", "acme-energy")
        .env("VASK_CATEGORY", "power")
        .env(
            "VASK_SOURCE_REFERENCE",
            "Leads bought from Example Directory AS, 2026-11",
        )
        .env_remove("GATEWAY_INTERFACE");
    c
}

#[test]
fn the_vicidial_recipe_washes_lists_and_passes_on_dispositions() {
    perl_ready();
    let dir = tempfile::tempdir().expect("tempdir");
    let catalog = copy_sample(dir.path());
    let server = Server::start(&write_config(dir.path(), &catalog, ""));

    // Before loading: the lead file, split into the rows to load and the rows not to.
    let leads = dir.path().join("leads.csv");
    std::fs::write(
        &leads,
        "vendor_lead_code,phone_number,first_name,last_name\nA1,91234567,Ola,Test\nA2,41234567,Kari,Test\nA3,93456789,Per,Test\nA4,not a number,Eva,Test\n",
    )
    .expect("write");
    let o = perl(&server, "vask-wash.pl")
        .args(["--file"])
        .arg(&leads)
        .args(["--number-column", "phone_number"])
        .output()
        .expect("run vask-wash.pl");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(
        stderr.contains("1 allowed")
            && stderr.contains("3 blocked")
            && stderr.contains("wash id w"),
        "{stderr}"
    );
    let allowed = std::fs::read_to_string(dir.path().join("leads.allowed.csv")).expect("allowed");
    let blocked = std::fs::read_to_string(dir.path().join("leads.blocked.csv")).expect("blocked");
    assert_eq!(allowed.lines().count(), 2, "{allowed}");
    assert!(allowed.contains("A2,41234567"), "{allowed}");
    assert!(
        blocked.contains("A1,91234567,Ola,Test,blocked,national_register,+4791234567"),
        "{blocked}"
    );
    assert!(
        blocked.contains("A3,93456789,Per,Test,blocked,client_list"),
        "{blocked}"
    );
    assert!(
        blocked.contains("A4,not a number,Eva,Test,blocked,invalid_number,"),
        "{blocked}"
    );

    // A refusal is reported with vask's message.
    let o = perl(&server, "vask-wash.pl")
        .args(["--file"])
        .arg(&leads)
        .args(["--client", "other-client"])
        .output()
        .expect("run");
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("403"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );

    // The hopper filter: numbers of a list, one per line.
    let mut child = perl(&server, "vask-wash.pl")
        .args(["--numbers", "--batch", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"91234567\n41234567\n+47 912 34 568\n")
        .expect("write");
    let o = child.wait_with_output().expect("wait");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "91234567\tblocked\tnational_register\n41234567\tallowed\t\n+47 912 34 568\tallowed\texempt_customer\n"
    );

    // The agent's disposition: DNC is recorded at once, another disposition is not sent.
    let o = perl(&server, "vask-dnc.pl")
        .args([
            "--phone", "41234567", "--dispo", "SALE", "--user", "agent17",
        ])
        .output()
        .expect("run vask-dnc.pl");
    assert!(o.status.success() && String::from_utf8_lossy(&o.stderr).contains("nothing sent"));
    let o = perl(&server, "vask-dnc.pl")
        .args([
            "--phone",
            "41234567",
            "--dispo",
            "DNC",
            "--user",
            "agent17",
            "--campaign",
            "WINTER",
        ])
        .output()
        .expect("run vask-dnc.pl");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stderr).contains("recorded +4741234567"));
    // As the Dispo Call URL's CGI script, for another number.
    let o = perl(&server, "vask-dnc.pl")
        .env("GATEWAY_INTERFACE", "CGI/1.1")
        .env(
            "QUERY_STRING",
            "phone=41234568&dispo=dnc&user=agent18&campaign=WINTER",
        )
        .output()
        .expect("run as CGI");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.starts_with("Status: 200 OK") && out.contains("recorded +4741234568"),
        "{out}"
    );

    // Both numbers are blocked by the centre's list from now on.
    let o = perl(&server, "vask-wash.pl")
        .args(["--numbers"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            c.stdin
                .take()
                .expect("stdin")
                .write_all(b"41234567\n41234568\n")?;
            c.wait_with_output()
        })
        .expect("run");
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "41234567\tblocked\tcentre_list\n41234568\tblocked\tcentre_list\n"
    );
}
