//! `aras serve`: the web interface to a store (the work is in `aras-serve`).

use std::net::SocketAddr;

use anyhow::{Context, Result};

use crate::cmd::store_args::{redacted, ExistingDbArg};
use crate::ExitCode;

/// Serve a read-only web application over the store: a JSON API under /api/v1/ and one
/// page with the network of relations, dyad timelines, balance, an events table, a
/// document reader and search. Listens on loopback unless --addr says otherwise (and then
/// warns). Ctrl-C stops.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub db: ExistingDbArg,
    /// Address and port to listen on.
    #[arg(long, value_name = "IP:PORT", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Store connections (queries answered at once).
    #[arg(long, value_name = "N", default_value_t = 4)]
    pub connections: usize,
}

pub fn run(args: Args) -> Result<ExitCode> {
    args.db.check_exists()?;
    let mut options = aras_serve::ServeOptions::new(args.db.db.clone(), args.addr);
    options.connections = args.connections.clamp(1, 64);
    aras_serve::run(options).with_context(|| format!("aras serve on {}", redacted(&args.db.db)))?;
    Ok(ExitCode::Ok)
}
