//! `aras serve`: a read-only web application over the store.
//!
//! A JSON API under `/api/v1/` mirrors the command-line queries (same filters, same
//! answers), and one page (HTML, CSS and JavaScript written for it, embedded in the binary)
//! explores them: network, dyad timeline, balance, events table, document reader, search.
//!
//! Limits: the store is opened read-only; each request has a time limit, a size limit and
//! page-size caps; only the embedded assets are served; every response carries a
//! Content-Security-Policy without inline script.

mod api;
mod assets;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use aras_store::{Store, StoreError};
use axum::body::Body;
use axum::http::{header, HeaderValue, Request, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tokio::sync::Semaphore;

/// Everything that can go wrong in the server.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot open the store: {0}")]
    Store(#[from] StoreError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
}

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The store: a SQLite file or a PostgreSQL URL.
    pub db: String,
    pub addr: SocketAddr,
    /// Store connections (requests answered at once).
    pub connections: usize,
    /// Time limit per request.
    pub timeout: Duration,
}

impl ServeOptions {
    pub fn new(db: impl Into<String>, addr: SocketAddr) -> Self {
        ServeOptions {
            db: db.into(),
            addr,
            connections: 4,
            timeout: Duration::from_secs(10),
        }
    }
}

/// Read-only store connections, handed out one request at a time.
pub(crate) struct Pool {
    stores: Mutex<Vec<Store>>,
    permits: Arc<Semaphore>,
}

impl Pool {
    fn open(db: &str, n: usize) -> Result<Pool, StoreError> {
        let stores = (0..n.max(1))
            .map(|_| Store::open_read_only(db))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Pool {
            permits: Arc::new(Semaphore::new(stores.len())),
            stores: Mutex::new(stores),
        })
    }

    /// Runs `f` on a free connection, off the async threads.
    pub(crate) async fn with<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&mut Store) -> Result<T, api::ApiError> + Send + 'static,
    ) -> Result<T, api::ApiError> {
        // The permit goes with the query: if the client leaves, the query still holds its
        // connection until it ends, and no other request counts on it.
        let permit = Arc::clone(&self.permits)
            .acquire_owned()
            .await
            .map_err(|_| api::ApiError::Unavailable)?;
        let pool = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let mut store = pool
                .stores
                .lock()
                .map_err(|_| api::ApiError::Unavailable)?
                .pop()
                .ok_or(api::ApiError::Unavailable)?;
            let result = f(&mut store);
            if let Ok(mut stores) = pool.stores.lock() {
                stores.push(store);
            }
            result
        })
        .await
        .map_err(|_| api::ApiError::Unavailable)?
    }
}

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    pub(crate) pool: Arc<Pool>,
    pub(crate) cache: Arc<api::Cache>,
}

impl AppState {
    /// Opens `connections` read-only connections to the store at `db`; refuses a store at
    /// another schema version.
    pub fn open(db: &str, connections: usize) -> Result<AppState, ServeError> {
        Ok(AppState {
            pool: Arc::new(Pool::open(db, connections)?),
            cache: Arc::new(api::Cache::default()),
        })
    }
}

/// The Content-Security-Policy of every response: scripts, styles and everything else
/// only from this origin, nothing inline, no frames, no plugins.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
    img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; \
    frame-ancestors 'none'";

/// Longest request line accepted (a query string is a handful of filters).
const MAX_URI: usize = 4096;
/// Largest request body accepted: the API only reads.
const MAX_BODY: usize = 16 * 1024;

async fn limits(timeout: Duration, req: Request<Body>, next: Next) -> Response {
    let too_long = req.uri().to_string().len() > MAX_URI;
    let too_big = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok())
        .is_some_and(|n| n > MAX_BODY);
    let mut response = if too_long {
        api::ApiError::Status(
            StatusCode::URI_TOO_LONG,
            "the request line is too long".into(),
        )
        .into_response()
    } else if too_big {
        api::ApiError::Status(
            StatusCode::PAYLOAD_TOO_LARGE,
            "this server takes no request bodies".into(),
        )
        .into_response()
    } else {
        match tokio::time::timeout(timeout, next.run(req)).await {
            Ok(r) => r,
            Err(_) => api::ApiError::Status(
                StatusCode::SERVICE_UNAVAILABLE,
                format!("the request took longer than {} s", timeout.as_secs()),
            )
            .into_response(),
        }
    };
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

/// The application: API, page routes and embedded assets, with limits and headers.
pub fn router(state: AppState, timeout: Duration) -> axum::Router {
    api::routes()
        .merge(assets::routes())
        .with_state(state)
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY))
        .layer(axum::middleware::from_fn(move |req, next| {
            limits(timeout, req, next)
        }))
}

/// Serves until interrupted (Ctrl-C). Prints where it listens on stderr, and warns when
/// that is not a loopback address.
pub async fn serve(options: ServeOptions) -> Result<(), ServeError> {
    let state = AppState::open(&options.db, options.connections)?;
    let listener = tokio::net::TcpListener::bind(options.addr)
        .await
        .map_err(|source| ServeError::Bind {
            addr: options.addr,
            source,
        })?;
    let addr = listener.local_addr()?;
    if !addr.ip().is_loopback() {
        eprintln!(
            "aras serve: warning: listening on {addr}, reachable from other machines; the store is readable by anyone who can connect"
        );
    }
    eprintln!("aras serve: http://{addr}/ (Ctrl-C stops)");
    axum::serve(listener, router(state, options.timeout))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}

/// [`serve`] on its own runtime (for a synchronous caller).
pub fn run(options: ServeOptions) -> Result<(), ServeError> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(serve(options))
}
