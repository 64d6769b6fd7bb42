//! Osallistu reference backend: the REST contract in `api/openapi.yaml` over SQLite,
//! plus the static app with its security headers.

pub mod api;
pub mod area;
pub mod config;
pub mod db;
pub mod demo;
pub mod domain;
pub mod error;
pub mod geo;
pub mod ics;
pub mod l10n;
pub mod logging;
pub mod secrets;
pub mod staff;
pub mod survey;
pub mod time;
pub mod validate;
pub mod web;

use std::io::Write;
use std::sync::Arc;

use axum::Router;
use tokio::net::TcpListener;

pub use config::Config;
use db::Db;

/// State shared by every request handler.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    /// Comment, report and registration POSTs.
    pub limiter: Arc<api::ratelimit::RateLimiter>,
    /// Participant creation per IP.
    pub participant_limiter: Arc<api::ratelimit::RateLimiter>,
    /// Staff tokens: the allowed issuers and their keys.
    pub staff: Arc<staff::Verifier>,
}

impl AppState {
    pub fn new(db: Db, config: Config) -> Self {
        use api::ratelimit::RateLimiter;
        let per_minute = config.rate_limit_per_minute;
        let limiter = |n: u32| match db.engine() {
            db::Engine::Sqlite => RateLimiter::new(n),
            db::Engine::Postgres => RateLimiter::shared(n, db.clone()),
        };
        AppState {
            limiter: Arc::new(limiter(per_minute)),
            participant_limiter: Arc::new(limiter(per_minute.saturating_mul(10))),
            staff: Arc::new(staff::Verifier::new(&config.staff)),
            db,
            config: Arc::new(config),
        }
    }
}

/// Builds the whole HTTP application.
pub fn app(state: AppState) -> Router {
    let csp = Arc::new(web::Csp::new(
        &state.config.dist,
        &state.config.frame_ancestors,
        &state.config.staff.origins(),
    ));
    let dist = Arc::new(state.config.dist.clone());
    let mut api = api::router(state.clone());
    if let Some(cors) = cors_layer(&state.config.cors_origins) {
        api = api.layer(cors);
    }
    Router::new()
        .nest("/api/v1", api)
        .route("/manifest.webmanifest", axum::routing::get(web::manifest))
        .fallback(web::serve_static)
        .with_state(dist)
        .layer(axum::middleware::from_fn_with_state(
            csp,
            web::security_headers,
        ))
        .layer(axum::middleware::from_fn(logging::requests))
}

/// CORS for the API, allowing only the configured origins (none by default).
fn cors_layer(origins: &[String]) -> Option<tower_http::cors::CorsLayer> {
    use axum::http::{header, HeaderName, HeaderValue, Method};
    use tower_http::cors::{AllowOrigin, CorsLayer};
    let list: Vec<HeaderValue> = origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o.trim_end_matches('/')).ok())
        .collect();
    if list.is_empty() {
        return None;
    }
    Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(list))
            .allow_methods([Method::GET, Method::POST, Method::PUT, Method::OPTIONS])
            .allow_headers([
                header::AUTHORIZATION,
                header::CONTENT_TYPE,
                header::ACCEPT,
                header::ACCEPT_LANGUAGE,
                header::IF_MATCH,
                HeaderName::from_static("idempotency-key"),
            ])
            .expose_headers([
                header::RETRY_AFTER,
                header::LOCATION,
                header::ETAG,
                header::WWW_AUTHENTICATE,
                HeaderName::from_static("idempotency-replayed"),
            ])
            .max_age(std::time::Duration::from_secs(600)),
    )
}

/// Opens the database, seeds the demo town when asked, binds and serves until Ctrl-C/SIGTERM.
pub async fn run(config: Config) -> Result<(), String> {
    let db = Db::open_with(&config.database, &config.pool())
        .await
        .map_err(|e| format!("cannot open database {}: {e}", config.database))?;
    let listener = TcpListener::bind(config.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.listen))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    if config.demo {
        seed_demo(&db, &config).await?;
    }
    let state = AppState::new(db.clone(), config);
    let app = app(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "Osallistu listening on http://{addr}/");
        let _ = out.flush();
    }
    let served = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|e| e.to_string());
    // In-flight requests have been answered; give the connections back cleanly.
    db.close().await;
    tracing::info!("stopped");
    served
}

/// `osallistu-server copy --from SQLITE --to POSTGRES`: copies every row, then compares the
/// row counts of every table. Returns the process exit code.
pub async fn copy(from: &str, to: &str) -> i32 {
    let run = async {
        let source = Db::open(from).await.map_err(|e| format!("{from}: {e}"))?;
        let target = Db::open(to).await.map_err(|e| format!("target: {e}"))?;
        let counts = db::copy::copy(&source, &target)
            .await
            .map_err(|e| e.to_string())?;
        let mut out = std::io::stdout().lock();
        for c in &counts {
            let mark = if c.source == c.target {
                "ok"
            } else {
                "DIFFERENT"
            };
            let _ = writeln!(
                out,
                "{:<18} {:>9} {:>9}  {mark}",
                c.table, c.source, c.target
            );
        }
        target.close().await;
        source.close().await;
        if db::copy::verified(&counts) {
            let _ = writeln!(out, "copied: every table has the same number of rows");
            Ok(())
        } else {
            Err("row counts differ".to_owned())
        }
    };
    match run.await {
        Ok(()) => 0,
        Err(e) => {
            tracing::error!("copy failed: {e}");
            1
        }
    }
}

/// Seeds the demo town (and the big plan) when asked.
async fn seed_demo(db: &Db, config: &Config) -> Result<(), String> {
    let seeded = demo::seed_if_empty(db, time::now())
        .await
        .map_err(|e| format!("cannot seed the demo town: {e}"))?;
    if seeded {
        tracing::info!("seeded the demo town");
    }
    if let Some(n) = config.demo_big_plan {
        let started = std::time::Instant::now();
        let (id, seeded) = demo::seed_big_plan(db, n, time::now())
            .await
            .map_err(|e| format!("cannot seed the big plan: {e}"))?;
        if seeded {
            tracing::info!(
                "seeded the big plan with {n} located comments in {:.1} s",
                started.elapsed().as_secs_f64()
            );
        }
        // Read by scripts/bench-map: a plain line, like the "listening" line on stdout.
        eprintln!("osallistu-server: big plan id {id} (/plans/{id})");
    }
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
