//! What the console shows is what `App::status`, `App::recent_reservations` and `vask::proof`
//! give a principal: a centre's user sees its
//! own centre and clients, never another centre's lists, opt-outs or proofs of wash.

mod common;

use std::collections::BTreeSet;
use std::sync::Arc;

use vask::app::{App, CampaignParams, Mode, ReservationInput};
use vask::auth::Principal;
use vask::config::Config;
use vask::domain::{CentreId, Purpose, SystemClock};
use vask::error::RequestError;
use vask::journal::Op;
use vask::proof::{self, ProofQuery};
use vask::session::WashParams;

fn principal(config: &Config, id: &str, centre: &str) -> Principal {
    let c = config
        .centres
        .iter()
        .find(|c| c.id.as_str() == centre)
        .expect("centre");
    Principal::new(
        id,
        CentreId::new(centre).expect("id"),
        false,
        c.clients.iter().cloned().collect::<BTreeSet<_>>(),
    )
}

#[tokio::test]
async fn a_centre_sees_only_its_own_lists_opt_outs_and_proofs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let catalog = common::copy_sample(dir.path());
    let config = Config::load(&common::write_config(dir.path(), &catalog, "")).expect("config");
    let app =
        Arc::new(App::open(config.clone(), Mode::Serve, Arc::new(SystemClock)).expect("open"));
    let ours = principal(&config, "officer", "demo-centre");
    let theirs = principal(&config, "them", "other-centre");

    // A wash and an opt-out of demo-centre.
    let mut session = app
        .start_wash(
            &ours,
            WashParams {
                campaign: CampaignParams {
                    client: "acme-energy".into(),
                    campaign_id: "winter".into(),
                    purpose: Some(Purpose::Sales),
                    ..CampaignParams::default()
                },
                source_reference: "test".into(),
                via: "console",
                ..WashParams::default()
            },
        )
        .expect("start");
    session.wash_numbers(&["91234567"]).expect("wash");
    let proof = session.finish().expect("finish");
    let added = app
        .change_reservations(
            &ours,
            vec![ReservationInput {
                centre: true,
                number: "92222222".into(),
                actor: "agent".into(),
                ..ReservationInput::default()
            }],
            Op::Add,
        )
        .await;
    assert!(added[0].is_ok(), "{added:?}");

    let all = ProofQuery::default();
    let mine = proof::proofs(&app, &ours, &all).expect("proofs");
    assert!(mine.iter().any(
        |e| matches!(&e.record, vask::audit::AuditRecord::Wash(w) if w.wash_id == proof.wash_id)
    ));
    assert!(
        proof::proofs(&app, &theirs, &all)
            .expect("proofs")
            .is_empty()
    );
    let by_campaign = ProofQuery {
        campaign: Some("WINT".into()),
        ..ProofQuery::default()
    };
    assert_eq!(
        proof::proofs(&app, &ours, &by_campaign)
            .expect("proofs")
            .len(),
        1
    );
    let foreign = ProofQuery {
        client: Some("acme-energy".into()),
        ..ProofQuery::default()
    };
    assert!(matches!(
        proof::proofs(&app, &theirs, &foreign),
        Err(RequestError::NotPermitted(_))
    ));
    let today = app.engine().policy().today(app.now());
    assert_eq!(proof::washes_on(&app, &ours, today).expect("washes"), 1);
    assert_eq!(proof::washes_on(&app, &theirs, today).expect("washes"), 0);

    let recent = app.recent_reservations(&ours, 10).expect("recent");
    assert_eq!(recent.len(), 1);
    assert_eq!(recent[0].number, "+4792222222");
    assert!(
        app.recent_reservations(&theirs, 10)
            .expect("recent")
            .is_empty()
    );

    let s = app.status(&ours);
    assert!(s.lists.iter().any(|l| l.owner == "acme-energy"));
    assert!(s.lists.iter().all(|l| l.owner != "other-client"));
    let s = app.status(&theirs);
    assert!(
        s.lists
            .iter()
            .all(|l| l.owner != "acme-energy" && l.owner != "demo-centre")
    );
    assert_eq!(s.live_operations, 0);

    let mut csv = Vec::new();
    proof::write_washes_csv(&mine, &mut csv).expect("csv");
    let csv = String::from_utf8(csv).expect("utf8");
    assert_eq!(csv.lines().count(), 2, "{csv}");
    assert!(
        csv.contains(&proof.wash_id) && !csv.contains("91234567"),
        "{csv}"
    );
}
