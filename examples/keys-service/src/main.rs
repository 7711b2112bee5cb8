//! Serves the example keys service on 127.0.0.1:3000 (or the address in `KEYS_SERVICE_ADDR`).

#[tokio::main]
async fn main() -> std::io::Result<()> {
    // Server errors are logged at ERROR with their cause, client errors at DEBUG.
    tracing_subscriber::fmt()
        .with_max_level(tracing_subscriber::filter::LevelFilter::INFO)
        .init();
    let address =
        std::env::var("KEYS_SERVICE_ADDR").unwrap_or_else(|_| "127.0.0.1:3000".to_owned());
    let listener = tokio::net::TcpListener::bind(&address).await?;
    println!(
        "keys-service listening on http://{}",
        listener.local_addr()?
    );
    axum::serve(listener, keys_service::app(keys_service::demo_keys())).await
}
