use osallistu_server::config::{Config, Parsed, USAGE};

fn main() {
    let parsed = Config::parse(std::env::args().skip(1), |k| std::env::var(k).ok());
    let config = match parsed {
        Ok(Parsed::Run(c)) => c,
        Ok(Parsed::Copy { from, to }) => {
            osallistu_server::logging::init(Default::default(), None);
            let code = match tokio::runtime::Runtime::new() {
                Ok(rt) => rt.block_on(osallistu_server::copy(&from, &to)),
                Err(e) => {
                    tracing::error!("cannot start runtime: {e}");
                    1
                }
            };
            std::process::exit(code);
        }
        Ok(Parsed::Help) => {
            print!("{USAGE}");
            return;
        }
        Err(e) => {
            eprintln!("osallistu-server: {e}\n\n{USAGE}");
            std::process::exit(2);
        }
    };
    osallistu_server::logging::init(config.log_format, config.log_level.as_deref());
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            tracing::error!("cannot start runtime: {e}");
            std::process::exit(1);
        }
    };
    if let Err(e) = runtime.block_on(osallistu_server::run(config)) {
        tracing::error!("{e}");
        std::process::exit(1);
    }
}
