//! Connecting to PostgreSQL as libpq users expect: the URL first, then the `PG*`
//! environment and `~/.pgpass` for what the URL leaves out, and TLS as `sslmode` says.
//!
//! | setting | from the URL | else |
//! |---|---|---|
//! | host | `postgres://HOST/...` | `PGHOST`, else `localhost` |
//! | port | `:PORT` | `PGPORT`, else 5432 |
//! | user | `USER@` | `PGUSER`, else `$USER` |
//! | database | `/DB` | `PGDATABASE`, else the user name |
//! | password | `:PASSWORD@` | `PGPASSWORD`, else the first matching line of `PGPASSFILE` or `~/.pgpass` (`host:port:database:user:password`, `*` matches anything; ignored when group or others can read it, as libpq does) |
//! | TLS | `?sslmode=disable\|prefer\|require\|verify-ca\|verify-full` | `PGSSLMODE`, else `prefer` |
//!
//! `prefer` tries TLS and falls back to a plain connection; `require` insists on TLS
//! without checking the server's certificate (libpq's meaning); `verify-ca` checks the
//! certificate chain against the system's roots (and `sslrootcert`/`PGSSLROOTCERT` when
//! given), `verify-full` the host name too.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use postgres::config::{Host, SslMode};
use postgres::Config;

use crate::StoreError;

/// How much TLS a connection asks for (libpq's `sslmode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tls {
    Disable,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

impl Tls {
    fn parse(s: &str) -> Result<Tls, StoreError> {
        Ok(match s {
            "disable" => Tls::Disable,
            "allow" | "prefer" => Tls::Prefer,
            "require" => Tls::Require,
            "verify-ca" => Tls::VerifyCa,
            "verify-full" => Tls::VerifyFull,
            other => {
                return Err(StoreError::Postgres(format!(
                    "sslmode {other:?}: use disable, prefer, require, verify-ca or verify-full"
                )))
            }
        })
    }
}

/// Everything needed to connect: the client's configuration, the TLS mode and a root
/// certificate file to trust, if one was named.
#[derive(Debug, Clone)]
pub struct Connection {
    pub config: Config,
    pub tls: Tls,
    pub root_cert: Option<PathBuf>,
}

/// The connection `url` names, completed from the environment as `env` reports it
/// (`std::env::var` in use; a map in tests).
pub fn connection(
    url: &str,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Connection, StoreError> {
    // The client knows disable/prefer/require only: the verify modes and the root
    // certificate are taken out of the URL here and applied by the TLS connector.
    let (mut url, sslmode, root_cert) = take_tls_params(url);
    let var = |name: &str| env(name).filter(|v| !v.is_empty());
    // The client fills in 5432 for a host named without a port, so PGPORT goes into the
    // URL itself.
    let env_port = var("PGPORT")
        .map(|p| {
            p.parse::<u16>()
                .map_err(|_| StoreError::Postgres(format!("PGPORT {p:?} is not a port")))
        })
        .transpose()?;
    if let Some(port) = env_port {
        url = with_port(&url, port);
    }
    let mut config =
        Config::from_str(&url).map_err(|e| StoreError::Postgres(format!("the URL: {e}")))?;
    if config.get_hosts().is_empty() {
        config.host(var("PGHOST").as_deref().unwrap_or("localhost"));
    }
    if config.get_ports().is_empty() {
        if let Some(port) = env_port {
            config.port(port);
        }
    }
    if config.get_user().is_none() {
        if let Some(user) = var("PGUSER").or_else(|| var("USER")) {
            config.user(&user);
        }
    }
    if config.get_dbname().is_none() {
        if let Some(db) = var("PGDATABASE") {
            config.dbname(&db);
        }
    }
    if config.get_password().is_none() {
        let password = var("PGPASSWORD").or_else(|| {
            let file = var("PGPASSFILE")
                .map(PathBuf::from)
                .or_else(|| var("HOME").map(|h| Path::new(&h).join(".pgpass")))?;
            from_pgpass(&file, &config)
        });
        if let Some(password) = password {
            config.password(password);
        }
    }
    let tls = match sslmode.or_else(|| var("PGSSLMODE")) {
        Some(mode) => Tls::parse(&mode)?,
        None => Tls::Prefer,
    };
    config.ssl_mode(match tls {
        Tls::Disable => SslMode::Disable,
        Tls::Prefer => SslMode::Prefer,
        _ => SslMode::Require,
    });
    let root_cert = root_cert
        .or_else(|| var("PGSSLROOTCERT"))
        .map(PathBuf::from);
    Ok(Connection {
        config,
        tls,
        root_cert,
    })
}

/// Connects to the database `url` names (completed from the process's environment).
pub fn connect(url: &str) -> Result<postgres::Client, StoreError> {
    let c = connection(url, &|name| std::env::var(name).ok())?;
    match c.tls {
        Tls::Disable => Ok(c.config.connect(postgres::NoTls)?),
        _ => Ok(c.config.connect(tls_connector(&c)?)?),
    }
}

/// The TLS connector for `sslmode` (system OpenSSL through native-tls): `prefer` and
/// `require` encrypt without checking the certificate (libpq's meaning), `verify-ca`
/// checks the chain, `verify-full` the host name too.
fn tls_connector(c: &Connection) -> Result<postgres_native_tls::MakeTlsConnector, StoreError> {
    let mut builder = native_tls::TlsConnector::builder();
    let verify = matches!(c.tls, Tls::VerifyCa | Tls::VerifyFull);
    builder.danger_accept_invalid_certs(!verify);
    builder.danger_accept_invalid_hostnames(c.tls != Tls::VerifyFull);
    if let Some(path) = &c.root_cert {
        let pem = std::fs::read(path)
            .map_err(|e| StoreError::Postgres(format!("sslrootcert {}: {e}", path.display())))?;
        let cert = native_tls::Certificate::from_pem(&pem)
            .map_err(|e| StoreError::Postgres(format!("sslrootcert {}: {e}", path.display())))?;
        builder.add_root_certificate(cert);
    }
    let connector = builder
        .build()
        .map_err(|e| StoreError::Postgres(format!("TLS: {e}")))?;
    Ok(postgres_native_tls::MakeTlsConnector::new(connector))
}

/// `url` with `:port` after its host when it names a host without a port.
fn with_port(url: &str, port: u16) -> String {
    let Some(start) = url.find("://").map(|i| i + 3) else {
        return url.to_string();
    };
    let end = url[start..]
        .find(['/', '?'])
        .map_or(url.len(), |i| start + i);
    let authority = &url[start..end];
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let after_bracket = host.rsplit_once(']').map_or(host, |(_, rest)| rest);
    if host.is_empty() || host.contains(',') || after_bracket.contains(':') {
        return url.to_string();
    }
    format!("{}:{port}{}", &url[..end], &url[end..])
}

/// The URL without its `sslmode` and `sslrootcert` parameters, and their values.
fn take_tls_params(url: &str) -> (String, Option<String>, Option<String>) {
    let Some((base, query)) = url.split_once('?') else {
        return (url.to_string(), None, None);
    };
    let (mut sslmode, mut root_cert) = (None, None);
    let mut kept = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        match pair.split_once('=') {
            Some(("sslmode", v)) => sslmode = Some(v.to_string()),
            Some(("sslrootcert", v)) => root_cert = Some(v.to_string()),
            _ => kept.push(pair),
        }
    }
    let url = if kept.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", kept.join("&"))
    };
    (url, sslmode, root_cert)
}

/// The password of the first `.pgpass` line matching the connection, as libpq reads it:
/// `host:port:database:user:password`, `*` for any value, `\:` and `\\` escaped; the file
/// is ignored when group or others may read it.
fn from_pgpass(file: &Path, config: &Config) -> Option<String> {
    use std::os::unix::fs::PermissionsExt;
    let meta = std::fs::metadata(file).ok()?;
    if !meta.is_file() || meta.permissions().mode() & 0o077 != 0 {
        return None;
    }
    let text = std::fs::read_to_string(file).ok()?;
    let host = match config.get_hosts().first() {
        Some(Host::Tcp(h)) => h.clone(),
        Some(Host::Unix(_)) | None => "localhost".to_string(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let user = config.get_user().unwrap_or_default();
    let db = config.get_dbname().unwrap_or(user);
    let wanted = [host.as_str(), port.as_str(), db, user];
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .map(split_pgpass_line)
        .find(|fields| {
            fields.len() == 5
                && fields[..4]
                    .iter()
                    .zip(wanted)
                    .all(|(field, want)| field == "*" || field == want)
        })
        .map(|mut fields| fields.swap_remove(4))
}

fn split_pgpass_line(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    fields.last_mut().expect("one field").push(next);
                }
            }
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => fields.last_mut().expect("one field").push(c),
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;
    use std::os::unix::fs::PermissionsExt;

    fn with_env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        let map: HashMap<&str, &str> = vars.iter().copied().collect();
        move |k| map.get(k).map(|v| v.to_string())
    }

    #[test]
    fn issue16_the_url_wins_and_pg_variables_fill_in_the_rest() {
        let env = [
            ("PGHOST", "db.example"),
            ("PGPORT", "6543"),
            ("PGUSER", "envuser"),
            ("PGPASSWORD", "envpass"),
            ("PGDATABASE", "envdb"),
            ("PGSSLMODE", "require"),
        ];
        // (url, host, port, user, database, password, tls)
        type Case<'a> = (&'a str, &'a str, u16, &'a str, &'a str, &'a str, Tls);
        let cases: [Case; 4] = [
            (
                "postgres://",
                "db.example",
                6543,
                "envuser",
                "envdb",
                "envpass",
                Tls::Require,
            ),
            (
                "postgres://u:p@h:7000/d?sslmode=disable",
                "h",
                7000,
                "u",
                "d",
                "p",
                Tls::Disable,
            ),
            (
                "postgresql://u@h/d?sslmode=verify-full&application_name=aras",
                "h",
                6543,
                "u",
                "d",
                "envpass",
                Tls::VerifyFull,
            ),
            (
                "postgres:///d",
                "db.example",
                6543,
                "envuser",
                "d",
                "envpass",
                Tls::Require,
            ),
        ];
        for (url, host, port, user, db, password, tls) in cases {
            let c = connection(url, &with_env(&env)).unwrap();
            assert_eq!(c.config.get_hosts(), [Host::Tcp(host.into())], "{url}");
            assert_eq!(c.config.get_ports(), [port], "{url}");
            assert_eq!(c.config.get_user(), Some(user), "{url}");
            assert_eq!(c.config.get_dbname(), Some(db), "{url}");
            assert_eq!(c.config.get_password(), Some(password.as_bytes()), "{url}");
            assert_eq!(c.tls, tls, "{url}");
        }
        let plain = connection("postgres://u@h/d", &with_env(&[])).unwrap();
        assert_eq!(plain.tls, Tls::Prefer);
        assert_eq!(plain.config.get_password(), None);
        assert!(connection("postgres://h/d?sslmode=sometimes", &with_env(&[])).is_err());
    }

    #[test]
    fn issue16_pgpass_supplies_a_missing_password() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("pgpass");
        std::fs::write(
            &file,
            "# comment\nother:5432:*:u:wrong\nh:5432:d:u:pa\\:ss\n*:*:*:*:fallback\n",
        )
        .unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
        let path = file.to_str().unwrap();
        let env = [("PGPASSFILE", path)];
        // (url, password)
        let cases = [
            ("postgres://u@h/d", Some("pa:ss")),
            ("postgres://x@elsewhere/d", Some("fallback")),
            ("postgres://u:given@h/d", Some("given")),
        ];
        for (url, want) in cases {
            let c = connection(url, &with_env(&env)).unwrap();
            let got = c
                .config
                .get_password()
                .map(|p| String::from_utf8_lossy(p).into_owned());
            assert_eq!(got.as_deref(), want, "{url}");
        }
        // A file others can read is ignored, as libpq ignores it.
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        let c = connection("postgres://u@h/d", &with_env(&env)).unwrap();
        assert_eq!(c.config.get_password(), None);
    }
}
