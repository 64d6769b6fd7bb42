//! Command line and environment configuration.

use std::net::SocketAddr;
use std::path::PathBuf;

/// Runtime configuration of the server.
#[derive(Clone, Debug)]
pub struct Config {
    /// A SQLite file path, or a `postgres://` URL.
    pub database: String,
    pub listen: SocketAddr,
    pub dist: PathBuf,
    pub demo: bool,
    /// With `demo`: also seed a plan with this many located comments (for benchmarks).
    pub demo_big_plan: Option<usize>,
    pub frame_ancestors: Vec<String>,
    pub cors_origins: Vec<String>,
    /// Comment and registration POSTs allowed per participant (or IP) per minute.
    pub rate_limit_per_minute: u32,
    /// Largest accepted request body in bytes.
    pub body_limit: usize,
    /// Take the client address from `X-Forwarded-For` when the peer is a loopback proxy.
    pub trust_proxy: bool,
    /// PostgreSQL connections per instance (SQLite: readers).
    pub db_pool: u32,
    /// Longest a statement may run on PostgreSQL, in milliseconds.
    pub db_statement_timeout_ms: u64,
    pub log_format: crate::logging::LogFormat,
    /// error, warn, info, debug or trace.
    pub log_level: Option<String>,
    /// Staff sign-in (`--staff-*`).
    pub staff: crate::staff::StaffConfig,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            database: "osallistu.sqlite".to_owned(),
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            dist: PathBuf::from("dist"),
            demo: false,
            demo_big_plan: None,
            frame_ancestors: Vec::new(),
            cors_origins: Vec::new(),
            rate_limit_per_minute: 30,
            body_limit: 256 * 1024,
            trust_proxy: false,
            db_pool: 10,
            db_statement_timeout_ms: 10_000,
            log_format: crate::logging::LogFormat::Human,
            log_level: None,
            staff: crate::staff::StaffConfig::default(),
        }
    }
}

/// `--help`.
pub const USAGE: &str = include_str!("usage.txt");

fn split_list(value: &str) -> impl Iterator<Item = String> + '_ {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

fn truthy(value: &str) -> bool {
    matches!(
        value.trim().to_ascii_lowercase().as_str(),
        "1" | "true" | "yes" | "on"
    )
}

/// What the command line asked for.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)] // made once at start-up
pub enum Parsed {
    Run(Config),
    Help,
    /// Copy every row of a SQLite database into an empty PostgreSQL one.
    Copy {
        from: String,
        to: String,
    },
}

impl Config {
    /// Parse arguments (without the program name) on top of environment values.
    /// Command-line flags win over the environment.
    pub fn parse<I, E>(args: I, env: E) -> Result<Parsed, String>
    where
        I: IntoIterator<Item = String>,
        E: Fn(&str) -> Option<String>,
    {
        let mut args = args.into_iter().peekable();
        if args.peek().map(String::as_str) == Some("copy") {
            args.next();
            return parse_copy(args);
        }
        let mut c = Config::default();
        if let Some(v) = env("OSALLISTU_DATABASE") {
            c.database = v;
        }
        if let Some(v) = env("OSALLISTU_LISTEN") {
            c.listen = parse_addr(&v)?;
        }
        if let Some(v) = env("OSALLISTU_DIST") {
            c.dist = PathBuf::from(v);
        }
        if let Some(v) = env("OSALLISTU_DEMO") {
            c.demo = truthy(&v);
        }
        if let Some(v) = env("OSALLISTU_DEMO_BIG_PLAN") {
            c.demo_big_plan = Some(parse_num(&v, "OSALLISTU_DEMO_BIG_PLAN")?);
        }
        if let Some(v) = env("OSALLISTU_FRAME_ANCESTORS") {
            c.frame_ancestors.extend(split_list(&v));
        }
        if let Some(v) = env("OSALLISTU_CORS_ORIGINS") {
            c.cors_origins.extend(split_list(&v));
        }
        if let Some(v) = env("OSALLISTU_RATE_LIMIT") {
            c.rate_limit_per_minute = parse_num(&v, "OSALLISTU_RATE_LIMIT")?;
        }
        if let Some(v) = env("OSALLISTU_TRUST_PROXY") {
            c.trust_proxy = truthy(&v);
        }
        if let Some(v) = env("OSALLISTU_BODY_LIMIT") {
            c.body_limit = parse_num(&v, "OSALLISTU_BODY_LIMIT")?;
        }
        if let Some(v) = env("OSALLISTU_DB_POOL") {
            c.db_pool = parse_num(&v, "OSALLISTU_DB_POOL")?;
        }
        if let Some(v) = env("OSALLISTU_DB_STATEMENT_TIMEOUT") {
            c.db_statement_timeout_ms = parse_num(&v, "OSALLISTU_DB_STATEMENT_TIMEOUT")?;
        }
        if let Some(v) = env("OSALLISTU_LOG_FORMAT") {
            c.log_format = crate::logging::LogFormat::parse(&v)?;
        }
        if let Some(v) = env("OSALLISTU_LOG") {
            c.log_level = Some(v);
        }
        c.staff = crate::staff::StaffConfig::from_env(&env)?;
        let mut staff_seen = Vec::new();
        let mut cli_frame = Vec::new();
        let mut cli_cors = Vec::new();
        while let Some(arg) = args.next() {
            let (flag, inline) = match arg.split_once('=') {
                Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
                _ => (arg.clone(), None),
            };
            let mut value = |name: &str| -> Result<String, String> {
                match inline.clone() {
                    Some(v) => Ok(v),
                    None => args.next().ok_or_else(|| format!("{name} needs a value")),
                }
            };
            match flag.as_str() {
                "-h" | "--help" => return Ok(Parsed::Help),
                "--database" => c.database = value("--database")?,
                "--listen" => c.listen = parse_addr(&value("--listen")?)?,
                "--dist" => c.dist = PathBuf::from(value("--dist")?),
                "--demo" => {
                    c.demo = match inline {
                        Some(v) => truthy(&v),
                        None => true,
                    }
                }
                "--demo-big-plan" => {
                    c.demo_big_plan =
                        Some(parse_num(&value("--demo-big-plan")?, "--demo-big-plan")?)
                }
                "--trust-proxy" => {
                    c.trust_proxy = match inline {
                        Some(v) => truthy(&v),
                        None => true,
                    }
                }
                "--log-format" => {
                    c.log_format = crate::logging::LogFormat::parse(&value("--log-format")?)?
                }
                "--log-level" => c.log_level = Some(value("--log-level")?),
                "--db-pool" => c.db_pool = parse_num(&value("--db-pool")?, "--db-pool")?,
                "--db-statement-timeout" => {
                    c.db_statement_timeout_ms =
                        parse_num(&value("--db-statement-timeout")?, "--db-statement-timeout")?
                }
                "--frame-ancestors" => cli_frame.extend(split_list(&value("--frame-ancestors")?)),
                "--cors-origin" => cli_cors.extend(split_list(&value("--cors-origin")?)),
                "--rate-limit" => {
                    c.rate_limit_per_minute = parse_num(&value("--rate-limit")?, "--rate-limit")?
                }
                "--body-limit" => {
                    c.body_limit = parse_num(&value("--body-limit")?, "--body-limit")?
                }
                f if f.starts_with("--staff-") => {
                    let v = value(f)?;
                    c.staff.flag(f, v, &mut staff_seen)?
                }
                other => return Err(format!("unknown argument: {other}")),
            }
        }
        c.staff.check()?;
        if !cli_frame.is_empty() {
            c.frame_ancestors = cli_frame;
        }
        if !cli_cors.is_empty() {
            c.cors_origins = cli_cors;
        }
        if c.rate_limit_per_minute == 0 {
            return Err("rate limit must be at least 1".into());
        }
        if let Some(n) = c.demo_big_plan {
            if !c.demo {
                return Err("--demo-big-plan needs --demo".into());
            }
            if !(1..=1_000_000).contains(&n) {
                return Err("--demo-big-plan must be between 1 and 1000000".into());
            }
        }
        if !(1..=1000).contains(&c.db_pool) {
            return Err("--db-pool must be between 1 and 1000".into());
        }
        if c.db_statement_timeout_ms < 100 {
            return Err("--db-statement-timeout must be at least 100 ms".into());
        }
        if c.body_limit < 1024 {
            return Err("body limit must be at least 1024 bytes".into());
        }
        for src in &c.frame_ancestors {
            if src
                .chars()
                .any(|ch| ch == ';' || ch == ',' || ch.is_control())
            {
                return Err(format!("invalid frame-ancestors source: {src}"));
            }
        }
        Ok(Parsed::Run(c))
    }
}

fn parse_copy(args: impl Iterator<Item = String>) -> Result<Parsed, String> {
    let (mut from, mut to) = (None, None);
    let mut args = args;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--from" => from = args.next(),
            "--to" => to = args.next(),
            "-h" | "--help" => return Ok(Parsed::Help),
            other => return Err(format!("copy: unknown argument: {other}")),
        }
    }
    match (from, to) {
        (Some(from), Some(to)) if crate::db::engine_of(&to) == crate::db::Engine::Postgres => {
            Ok(Parsed::Copy { from, to })
        }
        _ => Err("copy needs --from SQLITE_PATH and --to postgres://…".into()),
    }
}

impl Config {
    /// Pool sizes and timeouts for the storage layer.
    pub fn pool(&self) -> crate::db::PoolConfig {
        crate::db::PoolConfig {
            max_connections: self.db_pool,
            statement_timeout: std::time::Duration::from_millis(self.db_statement_timeout_ms),
            ..crate::db::PoolConfig::default()
        }
    }
}

fn parse_addr(v: &str) -> Result<SocketAddr, String> {
    v.trim()
        .parse()
        .map_err(|_| format!("invalid listen address {v:?}, expected ADDR:PORT"))
}

fn parse_num<T: std::str::FromStr>(v: &str, name: &str) -> Result<T, String> {
    v.trim()
        .parse()
        .map_err(|_| format!("{name}: not a number: {v:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str], env: &[(&str, &str)]) -> Result<Config, String> {
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        match Config::parse(args.iter().map(|s| s.to_string()), |k| {
            env.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone())
        })? {
            Parsed::Run(c) => Ok(c),
            Parsed::Help => Err("help".into()),
            Parsed::Copy { .. } => Err("copy".into()),
        }
    }

    #[test]
    fn defaults() {
        let c = parse(&[], &[]).unwrap();
        assert_eq!(c.database, "osallistu.sqlite");
        assert_eq!(c.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(c.dist, PathBuf::from("dist"));
        assert!(!c.demo);
    }

    #[test]
    fn flags_override_env() {
        let c = parse(
            &[
                "--listen",
                "127.0.0.1:0",
                "--demo",
                "--cors-origin=https://a.example,https://b.example",
            ],
            &[
                ("OSALLISTU_LISTEN", "0.0.0.0:9"),
                ("OSALLISTU_DATABASE", "x.db"),
                ("OSALLISTU_CORS_ORIGINS", "https://c.example"),
            ],
        )
        .unwrap();
        assert_eq!(c.listen.port(), 0);
        assert_eq!(c.database, "x.db");
        assert!(c.demo);
        assert_eq!(
            c.cors_origins,
            vec!["https://a.example", "https://b.example"]
        );
    }

    #[test]
    fn env_demo_and_frame_ancestors() {
        let c = parse(
            &[
                "--frame-ancestors",
                "'self'",
                "--frame-ancestors",
                "https://kunta.example",
            ],
            &[("OSALLISTU_DEMO", "1")],
        )
        .unwrap();
        assert!(c.demo);
        assert_eq!(c.frame_ancestors, vec!["'self'", "https://kunta.example"]);
    }

    #[test]
    fn big_plan_needs_demo() {
        assert_eq!(parse(&[], &[]).unwrap().demo_big_plan, None);
        let c = parse(&["--demo", "--demo-big-plan", "10000"], &[]).unwrap();
        assert_eq!(c.demo_big_plan, Some(10_000));
        let c = parse(
            &[],
            &[("OSALLISTU_DEMO", "1"), ("OSALLISTU_DEMO_BIG_PLAN", "25")],
        )
        .unwrap();
        assert_eq!(c.demo_big_plan, Some(25));
        assert!(parse(&["--demo-big-plan", "10"], &[]).is_err());
        assert!(parse(&["--demo", "--demo-big-plan", "0"], &[]).is_err());
        assert!(parse(&["--demo", "--demo-big-plan", "many"], &[]).is_err());
    }

    #[test]
    fn rejects_bad_input() {
        assert!(parse(&["--listen", "nope"], &[]).is_err());
        assert!(parse(&["--bogus"], &[]).is_err());
        assert!(parse(&["--database"], &[]).is_err());
        assert!(parse(&["--frame-ancestors", "x; script-src *"], &[]).is_err());
        assert_eq!(parse(&["--help"], &[]).unwrap_err(), "help");
    }
}
