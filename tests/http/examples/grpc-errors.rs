//! The server `tests/tools/check-grpc.sh` calls with Python's grpcio and reads the metrics of
//! with Python's prometheus_client: `test.Errors` (see `support/grpc_service.rs`) over gRPC,
//! behind the test catalogue's layer and behind Unkey's, and the test catalogue's HTTP routes
//! with `GET /metrics`, the Prometheus text of `metrics-exporter-prometheus`.
//!
//! Prints one line, `{"orders": ADDR, "unkey": ADDR, "http": ADDR}` (all on 127.0.0.1), logs
//! every event down to DEBUG to standard error, and exits when its standard input closes.

// Its error tables are the tests'.
#[allow(dead_code)]
#[path = "../support/grpc_service.rs"]
mod grpc_service;

use std::io::{Read, Write};
use std::net::SocketAddr;

use grpc_service::{ErrorsService, orders};
use unkey_errors::grpc::ErrorLayer;
use unkey_errors::{Code, ErrorCode};

async fn serve_grpc<C: ErrorCode>() -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(
        tonic::transport::Server::builder()
            .layer(ErrorLayer::<C>::new())
            .add_service(ErrorsService)
            .serve_with_incoming(tonic::transport::server::TcpIncoming::from(listener)),
    );
    addr
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .without_time()
        .with_max_level(tracing_subscriber::filter::LevelFilter::DEBUG)
        .init();
    let prometheus = metrics_exporter_prometheus::PrometheusBuilder::new()
        .install_recorder()
        .expect("no other recorder is installed");

    let orders = serve_grpc::<orders::Code>().await;
    let unkey = serve_grpc::<Code>().await;
    let http = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let http_addr = http.local_addr().unwrap();
    let router = grpc_service::http_router().route(
        "/metrics",
        axum::routing::get(move || {
            let prometheus = prometheus.clone();
            async move { prometheus.render() }
        }),
    );
    tokio::spawn(async move { axum::serve(http, router).await });

    let mut stdout = std::io::stdout();
    writeln!(
        stdout,
        r#"{{"orders": "{orders}", "unkey": "{unkey}", "http": "{http_addr}"}}"#
    )
    .unwrap();
    stdout.flush().unwrap();
    // Serve until whoever started the server closes its standard input.
    tokio::task::spawn_blocking(|| {
        let _ = std::io::stdin().read_to_end(&mut Vec::new());
    })
    .await
    .unwrap();
}
