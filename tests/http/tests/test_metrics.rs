//! The counter of error responses, read through `metrics-util`'s debugging recorder while real
//! servers (axum over HTTP, tonic over gRPC, on 127.0.0.1) answer: one count per response,
//! and label values only from the catalogue, however hostile the requests.
//!
//! One test: the recorder is the process's global one, which the servers' threads share.

// Its error tables are test_grpc.rs's.
#[allow(dead_code)]
#[path = "../support/grpc_service.rs"]
mod grpc_service;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};

use grpc_service::{ErrorsService, RawCodec, orders};
use http::uri::PathAndQuery;
use metrics_util::debugging::{DebugValue, DebuggingRecorder, Snapshotter};
use tonic::transport::Channel;
use unkey_errors::grpc::ErrorLayer;

/// Each series of `error_responses_total`: its labels by name, and its count.
fn series(snapshotter: &Snapshotter) -> Vec<(BTreeMap<String, String>, u64)> {
    snapshotter
        .snapshot()
        .into_vec()
        .into_iter()
        .filter(|(key, ..)| key.key().name() == "error_responses_total")
        .map(|(key, _, _, value)| {
            let labels = key
                .key()
                .labels()
                .map(|label| (label.key().to_owned(), label.value().to_owned()))
                .collect();
            let DebugValue::Counter(count) = value else {
                panic!("not a counter: {value:?}")
            };
            (labels, count)
        })
        .collect()
}

fn labels(pairs: [(&str, &str); 5]) -> BTreeMap<String, String> {
    pairs
        .into_iter()
        .map(|(key, value)| (key.to_owned(), value.to_owned()))
        .collect()
}

/// Sends raw HTTP/1.1 `request` bytes to `addr`; the response's status line.
fn send_raw(addr: SocketAddr, request: &[u8]) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.write_all(request).unwrap();
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    String::from_utf8_lossy(&response)
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_error_response_counts_once_with_labels_from_the_catalogue_only() {
    let recorder = DebuggingRecorder::new();
    let snapshotter = recorder.snapshotter();
    recorder.install().unwrap();

    let http = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let http_addr = http.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(http, grpc_service::http_router()).await });
    let grpc = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let grpc_addr = grpc.local_addr().unwrap();
    tokio::spawn(
        tonic::transport::Server::builder()
            .layer(ErrorLayer::<orders::Code>::new())
            .add_service(ErrorsService)
            .serve_with_incoming(tonic::transport::server::TcpIncoming::from(grpc)),
    );

    // Known errors: three 404s and a 500 over HTTP, two NOT_FOUND over gRPC.
    let get = |path: &str| {
        format!("GET {path} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n").into_bytes()
    };
    let response = tokio::task::spawn_blocking(move || {
        for _ in 0..3 {
            assert!(
                send_raw(http_addr, &get("/raise/err:orders:orders:not_found")).contains(" 404 ")
            );
        }
        // A derived error of another catalogue (Unkey's), behind the orders catalogue's layer.
        assert!(send_raw(http_addr, &get("/raise/err:unkey:data:key_not_found")).contains(" 404 "));
        send_raw(http_addr, &get("/raise/err:orders:application:unexpected"))
    })
    .await
    .unwrap();
    assert!(response.contains(" 500 "), "{response}");
    let channel = Channel::from_shared(format!("http://{grpc_addr}"))
        .unwrap()
        .connect()
        .await
        .unwrap();
    let mut client = tonic::client::Grpc::new(channel);
    let call = |client: &mut tonic::client::Grpc<Channel>, path: &'static str, message: &str| {
        let request = tonic::Request::new(message.as_bytes().to_vec());
        let mut client = client.clone();
        async move {
            client.ready().await.unwrap();
            client
                .unary::<_, Vec<u8>, _>(request, PathAndQuery::from_static(path), RawCodec)
                .await
                .unwrap_err()
        }
    };
    for _ in 0..2 {
        call(
            &mut client,
            "/test.Errors/Raise",
            "orders err:orders:orders:not_found",
        )
        .await;
    }

    // Hostile requests: codes, types, statuses and ids of the attacker's choosing, over both.
    let hostile = tokio::task::spawn_blocking(move || {
        let mut statuses = Vec::new();
        for (index, urn) in ["err:evil:x:y", "err:orders:orders:nope", "%00%ff", "x".repeat(300).as_str()]
            .into_iter()
            .enumerate()
        {
            let path = format!("/raise/{urn}");
            let request = format!(
                "GET {path} HTTP/1.1\r\nhost: x\r\nx-request-id: evil_{index}\r\naccept: evil/{index}\r\nconnection: close\r\n\r\n"
            );
            statuses.push(send_raw(http_addr, request.as_bytes()));
        }
        for (index, (type_url, status)) in [
            ("https://orders.example/docs/errors/evil/x/y", 404),
            ("https://attacker.example/a/b/c", 599),
            ("https://orders.example/docs/errors/orders/orders/not_found", 7),
            ("javascript:alert(1)", 1000),
        ]
        .into_iter()
        .enumerate()
        {
            let body = format!(
                r#"{{"meta":{{"requestId":"evil_{index}"}},"error":{{"detail":"d","status":{status},"title":"t{index}","type":"{type_url}"}}}}"#
            );
            let request = format!(
                "POST /echo HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            statuses.push(send_raw(http_addr, request.as_bytes()));
        }
        statuses
    })
    .await
    .unwrap();
    assert_eq!(hostile.len(), 8);
    for message in [
        "orders err:evil:x:y",
        "unkey err:unkey:data:key_not_found",
        "\u{0}\u{ff}",
    ] {
        call(&mut client, "/test.Errors/Raise", message).await;
    }
    call(&mut client, "/test.Errors/Evil", "x").await;

    let counted = series(&snapshotter);
    let count_of = |pairs| {
        let wanted = labels(pairs);
        counted
            .iter()
            .find(|(labels, _)| *labels == wanted)
            .map_or(0, |(_, count)| *count)
    };
    assert_eq!(
        count_of([
            ("error_type", "err:orders:orders:not_found"),
            ("status", "404"),
            ("surface", "api"),
            ("system", "orders"),
            ("category", "orders"),
        ]),
        3
    );
    assert_eq!(
        count_of([
            ("error_type", "err:orders:application:unexpected"),
            ("status", "500"),
            ("surface", "api"),
            ("system", "orders"),
            ("category", "application"),
        ]),
        1
    );
    assert_eq!(
        count_of([
            ("error_type", "err:orders:orders:not_found"),
            ("status", "NOT_FOUND"),
            ("surface", "grpc"),
            ("system", "orders"),
            ("category", "orders"),
        ]),
        2
    );
    // The echoed bodies: a type outside the catalogue is `_OTHER`; a type that is the
    // catalogue's is that code; the status is the one sent (a body's status that is no HTTP
    // status is sent as 500). Another catalogue's derived error is `_OTHER` too: the first 404.
    for (error_type, status, system, category, count) in [
        ("_OTHER", "404", "_OTHER", "_OTHER", 2),
        ("_OTHER", "599", "_OTHER", "_OTHER", 1),
        ("err:orders:orders:not_found", "500", "orders", "orders", 1),
        ("_OTHER", "500", "_OTHER", "_OTHER", 1),
    ] {
        let wanted = [
            ("error_type", error_type),
            ("status", status),
            ("surface", "api"),
            ("system", system),
            ("category", category),
        ];
        assert_eq!(count_of(wanted), count, "{wanted:?} in {counted:#?}");
    }
    // gRPC statuses of no catalogue code (hand-made, another catalogue's, unknown method).
    assert_eq!(
        count_of([
            ("error_type", "_OTHER"),
            ("status", "INVALID_ARGUMENT"),
            ("surface", "grpc"),
            ("system", "_OTHER"),
            ("category", "_OTHER"),
        ]),
        2
    );

    // Whatever was sent, every value is the catalogue's or from a fixed list.
    let urns: BTreeSet<&str> = orders::Code::ALL.iter().map(|code| code.as_str()).collect();
    let categories: BTreeSet<&str> = urns
        .iter()
        .map(|urn| urn.split(':').nth(2).unwrap())
        .collect();
    let grpc_names: BTreeSet<&str> = unkey_errors::GrpcCode::ALL
        .iter()
        .map(|code| code.as_str())
        .collect();
    for (labels, count) in &counted {
        assert!(*count >= 1);
        let value = |name: &str| labels[name].as_str();
        assert_eq!(labels.len(), 5, "{labels:?}");
        assert!(
            value("error_type") == "_OTHER" || urns.contains(value("error_type")),
            "{labels:?}"
        );
        assert!(
            ["api", "gateway", "grpc"].contains(&value("surface")),
            "{labels:?}"
        );
        assert!(
            ["orders", "_OTHER"].contains(&value("system")),
            "{labels:?}"
        );
        assert!(
            value("category") == "_OTHER" || categories.contains(value("category")),
            "{labels:?}"
        );
        let status = value("status");
        let is_http =
            status.len() == 3 && (100..=599).contains(&status.parse::<u16>().unwrap_or(0));
        assert!(
            status == "_OTHER" || is_http || grpc_names.contains(status),
            "{labels:?}"
        );
        for (_, text) in labels.iter() {
            assert!(
                !text.contains("evil") && !text.contains("attacker") && !text.contains("xxx"),
                "{labels:?}"
            );
        }
    }
    let total: u64 = counted.iter().map(|(_, count)| count).sum();
    // 4 known + 1 of another catalogue + 8 hostile over HTTP, less the 4 hostile `/raise`
    // misses the handler answered with plain text (no error envelope, uncounted); 2 known + 4
    // hostile over gRPC.
    assert_eq!(total, 4 + 1 + 4 + 2 + 4, "{counted:#?}");
}
