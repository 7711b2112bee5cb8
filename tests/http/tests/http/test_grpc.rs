//! The gRPC surface over a real connection (127.0.0.1): tonic servers behind
//! `grpc::ErrorLayer`, whose handlers return derived errors, read by a tonic client with
//! Google's error details. Python's grpcio reads the same server in
//! `tests/tools/check-grpc.sh`.

use crate::captured_logs;
use crate::grpc_service;

use std::net::SocketAddr;

use grpc_service::{ErrorsService, RawCodec, SECRETS, UNKEY_SAMPLE, orders};
use http::uri::PathAndQuery;
use tonic::metadata::MetadataValue;
use tonic::transport::Channel;
use tonic::{Code as GrpcStatus, Request, Status};
use tonic_types::StatusExt;
use unkey_errors::grpc::{ErrorLayer, StatusFacts};
use unkey_errors::{AnyCode, Code, ErrorCode};

/// Serves `test.Errors` behind the layer of the catalogue of `C`; its address.
async fn serve<C: ErrorCode>() -> SocketAddr {
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

async fn client(addr: SocketAddr) -> tonic::client::Grpc<Channel> {
    let channel = Channel::from_shared(format!("http://{addr}"))
        .unwrap()
        .connect()
        .await
        .unwrap();
    tonic::client::Grpc::new(channel)
}

/// Calls `Raise` with `message`, and the request id `id` if given; the error status.
async fn raise(addr: SocketAddr, message: &str, id: Option<&str>) -> Status {
    let mut client = client(addr).await;
    client.ready().await.unwrap();
    let mut request = Request::new(message.as_bytes().to_vec());
    if let Some(id) = id {
        request
            .metadata_mut()
            .insert("x-request-id", MetadataValue::try_from(id).unwrap());
    }
    let path = PathAndQuery::from_static("/test.Errors/Raise");
    client
        .unary::<_, Vec<u8>, _>(request, path, RawCodec)
        .await
        .expect_err("the handler answers with an error")
}

/// Every code of the test catalogue, with the gRPC status it must be answered with (read off
/// docs/catalogue.md's table by hand, and the two the catalogue states) and its message.
const ORDERS: [(&str, GrpcStatus, &str); 12] = [
    (
        "err:orders:request:invalid_quantity",
        GrpcStatus::InvalidArgument,
        "quantity 120 is not between 1 and 99",
    ),
    (
        "err:orders:auth:unauthenticated",
        GrpcStatus::Unauthenticated,
        "the request has no session",
    ),
    (
        "err:orders:auth:forbidden",
        GrpcStatus::PermissionDenied,
        "order ord_7 belongs to another account",
    ),
    (
        "err:orders:orders:not_found",
        GrpcStatus::NotFound,
        "order ord_404 does not exist",
    ),
    (
        "err:orders:orders:archived",
        GrpcStatus::FailedPrecondition,
        "order ord_2019 is archived",
    ),
    (
        "err:orders:orders:already_placed",
        GrpcStatus::AlreadyExists,
        "order ord_1 was placed already",
    ),
    (
        "err:orders:orders:edited_concurrently",
        GrpcStatus::Aborted,
        "order ord_7 changed since it was read",
    ),
    (
        "err:orders:orders:not_paid",
        GrpcStatus::FailedPrecondition,
        "order ord_7 is not paid",
    ),
    (
        "err:orders:limits:rate_limited",
        GrpcStatus::ResourceExhausted,
        "more than 10 orders a minute",
    ),
    // Server errors: the catalogue's description, never the error's text.
    (
        "err:orders:application:unexpected",
        GrpcStatus::Internal,
        "The order service answered unexpected.",
    ),
    (
        "err:orders:application:unavailable",
        GrpcStatus::Unavailable,
        "The order service answered unavailable.",
    ),
    (
        "err:orders:application:timeout",
        GrpcStatus::DeadlineExceeded,
        "The order service answered timeout.",
    ),
];

#[tokio::test]
async fn every_code_of_a_catalogue_reads_back_with_its_status_and_details() {
    let addr = serve::<orders::Code>().await;
    for (urn, expected, message) in ORDERS {
        let id = format!("req_test_{}", urn.len());
        let status = raise(addr, &format!("orders {urn}"), Some(&id)).await;
        assert_eq!(status.code(), expected, "{urn}");
        assert_eq!(status.message(), message, "{urn}");
        let details = status.get_error_details();
        let info = details.error_info().expect("an ErrorInfo");
        let reason = urn["err:".len()..].replace(':', "_").to_ascii_uppercase();
        assert_eq!(info.reason, reason, "{urn}");
        assert_eq!(info.domain, "orders.example");
        assert_eq!(info.metadata.len(), 1);
        assert_eq!(info.metadata["urn"], urn);
        let docs = format!(
            "https://orders.example/docs/errors/{}",
            urn["err:".len()..].replace(':', "/")
        );
        let help = details.help().expect("a Help");
        assert_eq!(help.links.len(), 1);
        assert_eq!(help.links[0].url, docs);
        assert_eq!(
            details.request_info().expect("a RequestInfo").request_id,
            id,
            "the client's id, kept"
        );
        let facts = StatusFacts::<orders::Code>::from_status(&status).unwrap();
        assert_eq!(facts.code.as_str(), urn);
        assert!(facts.code.known().is_some());
        assert_eq!(facts.request_id.as_deref(), Some(id.as_str()));
        assert_eq!(facts.docs_url.as_deref(), Some(docs.as_str()));
        assert_eq!(facts.grpc_code.number(), expected as i32);
    }
}

#[tokio::test]
async fn a_sample_of_unkeys_codes_reads_back_with_the_statuses_the_catalogue_states() {
    let addr = serve::<Code>().await;
    let expected = [
        GrpcStatus::NotFound,
        GrpcStatus::PermissionDenied,
        // `grpc: ALREADY_EXISTS` in errors.yaml, where 409's default is ABORTED.
        GrpcStatus::AlreadyExists,
        GrpcStatus::ResourceExhausted,
        GrpcStatus::InvalidArgument,
        GrpcStatus::FailedPrecondition,
        GrpcStatus::DeadlineExceeded,
        GrpcStatus::Cancelled,
        GrpcStatus::Internal,
        GrpcStatus::Unavailable,
    ];
    for (urn, expected) in UNKEY_SAMPLE.into_iter().zip(expected) {
        let status = raise(addr, &format!("unkey {urn}"), None).await;
        assert_eq!(status.code(), expected, "{urn}");
        let details = status.get_error_details();
        let info = details.error_info().unwrap();
        assert_eq!(
            (info.domain.as_str(), &*info.metadata["urn"]),
            ("unkey.com", urn)
        );
        let facts = StatusFacts::<Code>::from_status(&status).unwrap();
        let code = facts.code.known().unwrap();
        assert_eq!(code.as_str(), urn);
        assert_eq!(tonic::Code::from(code.grpc_code()), expected);
        // Minted, as the axum layer mints, and the same id the response's metadata carries.
        let id = facts.request_id.unwrap();
        assert!(id.starts_with("req_") && id.len() == 20, "{id}");
        assert_eq!(status.metadata().get("x-request-id").unwrap(), id.as_str());
    }
}

#[tokio::test]
async fn a_server_errors_text_and_sources_reach_no_part_of_the_status() {
    let addr = serve::<orders::Code>().await;
    for urn in [
        "err:orders:application:unexpected",
        "err:orders:application:unavailable",
        "err:orders:application:timeout",
    ] {
        let status = raise(addr, &format!("orders {urn}"), None).await;
        let everything = format!(
            "{} {:?} {:?} {}",
            status.message(),
            status.metadata(),
            status.get_error_details_vec(),
            String::from_utf8_lossy(status.details())
        );
        for secret in SECRETS {
            assert!(
                !everything.contains(secret),
                "{urn} leaks {secret}: {everything}"
            );
        }
    }
}

/// On the server, before the layer logs it, a server error's status carries the error's text
/// and sources for the log; printing the status (`Display`, `Debug`, as a bridge to another
/// protocol or an error chain shown to a caller might) still shows none of it.
#[test]
fn a_server_errors_status_prints_none_of_its_text_or_sources() {
    // The text is carried only when the error event would be recorded.
    captured_logs::capture();
    let error =
        grpc_service::OrderError::Database(std::io::Error::other("connection refused by 10.0.0.7"));
    let status = Status::from(error);
    let carried = std::error::Error::source(&status)
        .expect("the text goes to the layer")
        .to_string();
    assert!(carried.contains("db-7.internal"), "{carried}");
    assert!(carried.contains("10.0.0.7"), "{carried}");
    let printed = format!("{status} {status:?}");
    for secret in SECRETS {
        assert!(!printed.contains(secret), "prints {secret}: {printed}");
    }
}

/// A status forwarded from another service comes with that service's request id: the layer
/// replaces it with this request's, the one it logs, and leaves the other details as they were.
#[tokio::test]
async fn a_forwarded_status_carries_this_requests_id() {
    let addr = serve::<orders::Code>().await;
    let urn = "err:orders:orders:not_found";
    let status = raise(addr, &format!("forwarded {urn}"), Some("req_here")).await;
    let ids: Vec<String> = status
        .get_error_details_vec()
        .into_iter()
        .filter_map(|detail| match detail {
            tonic_types::ErrorDetail::RequestInfo(info) => Some(info.request_id),
            _ => None,
        })
        .collect();
    assert_eq!(ids, ["req_here"]);
    let details = status.get_error_details();
    assert_eq!(details.error_info().unwrap().metadata["urn"], urn);
    assert!(details.help().is_some());
    assert_eq!(status.code(), GrpcStatus::NotFound);
}

#[tokio::test]
async fn the_id_in_request_info_is_the_one_logged_with_the_errors_sources() {
    captured_logs::capture();
    let addr = serve::<orders::Code>().await;
    let status = raise(addr, "orders err:orders:application:unexpected", None).await;
    let id = status
        .get_error_details()
        .request_info()
        .unwrap()
        .request_id
        .clone();
    let lines = captured_logs::lines_with(&id);
    assert_eq!(lines.len(), 1, "{lines:?}");
    let line = &lines[0];
    assert!(line.contains("ERROR"), "{line}");
    assert!(
        line.contains("error.type=err:orders:application:unexpected"),
        "{line}"
    );
    assert!(line.contains("rpc.grpc.status_code=13"), "{line}");
    assert!(
        line.contains(
            "database query failed on db-7.internal: connection refused by 10.0.0.7:5432"
        ),
        "the log keeps what the client never sees: {line}"
    );
    let status = raise(
        addr,
        "orders err:orders:orders:not_found",
        Some("req_client_404"),
    )
    .await;
    assert_eq!(status.code(), GrpcStatus::NotFound);
    let lines = captured_logs::lines_with("req_client_404");
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("DEBUG") && lines[0].contains("order ord_404 does not exist"));
}

/// A gateway error whose code is a 504 on the gateway but a 408 on the API: its message is
/// masked as a server error's, and it is logged as one, at `ERROR` with its text.
#[tokio::test]
async fn a_gateway_error_is_logged_by_the_status_that_masked_its_message() {
    captured_logs::capture();
    let addr = serve::<Code>().await;
    let status = raise(
        addr,
        "gateway err:user:bad_request:request_timeout",
        Some("req_edge_timeout"),
    )
    .await;
    assert!(!status.message().contains("inv-3"), "{}", status.message());
    let lines = captured_logs::lines_with("req_edge_timeout");
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("ERROR"), "{}", lines[0]);
    assert!(lines[0].contains("inv-3.internal"), "{}", lines[0]);
}

#[tokio::test]
async fn a_stream_ending_in_an_error_carries_the_same_details_in_its_trailers() {
    let addr = serve::<orders::Code>().await;
    let mut client = client(addr).await;
    client.ready().await.unwrap();
    let mut request = Request::new(b"orders err:orders:orders:not_paid".to_vec());
    request
        .metadata_mut()
        .insert("x-request-id", MetadataValue::from_static("req_stream_1"));
    let path = PathAndQuery::from_static("/test.Errors/Stream");
    let mut stream = client
        .server_streaming::<_, Vec<u8>, _>(request, path, RawCodec)
        .await
        .unwrap()
        .into_inner();
    assert_eq!(stream.message().await.unwrap().unwrap(), b"first");
    let status = stream
        .message()
        .await
        .expect_err("the stream ends in the error");
    assert_eq!(status.code(), GrpcStatus::FailedPrecondition);
    assert_eq!(status.message(), "order ord_7 is not paid");
    let details = status.get_error_details();
    assert_eq!(
        details.error_info().unwrap().metadata["urn"],
        "err:orders:orders:not_paid"
    );
    assert_eq!(details.request_info().unwrap().request_id, "req_stream_1");
}

#[tokio::test]
async fn the_handler_sees_the_id_and_unusable_client_ids_are_replaced() {
    let addr = serve::<orders::Code>().await;
    let mut client = client(addr).await;
    for (sent, kept) in [
        (Some("req_mine"), true),
        (Some("has space"), false),
        (None, false),
    ] {
        client.ready().await.unwrap();
        let mut request = Request::new(b"ok".to_vec());
        if let Some(sent) = sent {
            request
                .metadata_mut()
                .insert("x-request-id", MetadataValue::try_from(sent).unwrap());
        }
        let path = PathAndQuery::from_static("/test.Errors/Raise");
        let response = client
            .unary::<_, Vec<u8>, _>(request, path, RawCodec)
            .await
            .unwrap();
        let seen = String::from_utf8(response.get_ref().clone()).unwrap();
        assert_eq!(
            response.metadata().get("x-request-id").unwrap(),
            seen.as_str()
        );
        if kept {
            assert_eq!(Some(seen.as_str()), sent);
        } else {
            assert!(seen.starts_with("req_") && seen.len() == 20, "{seen}");
        }
    }
}

#[tokio::test]
async fn statuses_that_are_not_the_catalogues_pass_unchanged() {
    let addr = serve::<orders::Code>().await;
    // A hand-made status, and the catalogue of another service: no RequestInfo is added.
    for message in [
        "orders err:orders:nope:nope",
        "unkey err:unkey:data:key_not_found",
    ] {
        let status = raise(addr, message, None).await;
        assert!(
            status.get_error_details().request_info().is_none(),
            "{message}"
        );
        assert!(
            StatusFacts::<orders::Code>::from_status(&status).is_none(),
            "{message}"
        );
    }
    // Read as Unkey's, the second is known; a newer code would be kept as its URN.
    let status = raise(addr, "unkey err:unkey:data:key_not_found", None).await;
    let facts = StatusFacts::<Code>::from_status(&status).unwrap();
    assert!(matches!(facts.code, AnyCode::Known(_)));
}

/// The README's gRPC example, run where the `tonic` feature is on.
#[test]
fn the_readme_s_grpc_example() {
    use unkey_errors::{Code, UnkeyError, grpc::StatusFacts};

    #[derive(Debug, thiserror::Error, UnkeyError)]
    enum RoleError {
        #[error("role {0} exists")]
        #[unkey(code = "err:unkey:data:role_already_exists")]
        Exists(String),
    }

    let status = tonic::Status::from(RoleError::Exists("admin".into()));
    assert_eq!(status.code(), tonic::Code::AlreadyExists);
    assert_eq!(status.message(), "role admin exists");
    let facts = StatusFacts::<Code>::from_status(&status).unwrap();
    assert_eq!(facts.code.as_str(), "err:unkey:data:role_already_exists");
}
