//! Issue 16: TLS and the libpq environment against a real PostgreSQL, when `ARAS_TEST_PG`
//! names one (`.ci/run` starts Debian's cluster, whose `ssl = on` uses the snakeoil
//! certificate); skipped, saying so, otherwise.

use aras_store::pg::{connect, connection};

fn server() -> Option<String> {
    match std::env::var("ARAS_TEST_PG") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            eprintln!("skipped: ARAS_TEST_PG is not set (no PostgreSQL to connect to)");
            None
        }
    }
}

fn with_param(url: &str, param: &str) -> String {
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}{param}")
}

fn uses_tls(client: &mut postgres::Client) -> bool {
    client
        .query_one(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
            &[],
        )
        .unwrap()
        .get(0)
}

#[test]
fn issue16_sslmode_in_the_url_chooses_tls() {
    let Some(url) = server() else { return };
    // (sslmode, encrypted) on a server with TLS on: `prefer` takes it.
    for (mode, tls) in [("require", true), ("prefer", true), ("disable", false)] {
        let mut client = connect(&with_param(&url, &format!("sslmode={mode}")))
            .unwrap_or_else(|e| panic!("sslmode={mode}: {e}"));
        assert_eq!(uses_tls(&mut client), tls, "sslmode={mode}");
    }
    // The snakeoil certificate is self-signed: checking it must fail, and say why.
    let Err(err) = connect(&with_param(&url, "sslmode=verify-full")) else {
        panic!("sslmode=verify-full accepted a self-signed certificate");
    };
    assert!(
        err.to_string().to_lowercase().contains("certificate"),
        "{err}"
    );
}

#[test]
fn issue16_pg_variables_complete_a_url_that_leaves_them_out() {
    let Some(url) = server() else { return };
    let full = connection(&url, &|_| None).unwrap().config;
    let host = match &full.get_hosts()[0] {
        postgres::config::Host::Tcp(h) => h.clone(),
        other => panic!("{other:?}"),
    };
    let port = full.get_ports()[0].to_string();
    let user = full.get_user().unwrap().to_string();
    let password = String::from_utf8(full.get_password().unwrap().to_vec()).unwrap();
    let db = full.get_dbname().unwrap().to_string();
    let env = |name: &str| {
        Some(match name {
            "PGHOST" => host.clone(),
            "PGPORT" => port.clone(),
            "PGUSER" => user.clone(),
            "PGPASSWORD" => password.clone(),
            "PGDATABASE" => db.clone(),
            "PGSSLMODE" => "require".to_string(),
            _ => return None,
        })
    };
    let c = connection("postgres://", &env).unwrap();
    let mut client = c
        .config
        .connect(postgres_native_tls::MakeTlsConnector::new(
            native_tls::TlsConnector::builder()
                .danger_accept_invalid_certs(true)
                .build()
                .unwrap(),
        ))
        .unwrap();
    assert!(uses_tls(&mut client));
    let who: String = client.query_one("SELECT current_user", &[]).unwrap().get(0);
    assert_eq!(who, user);
}
