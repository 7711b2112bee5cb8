"""Reads the gRPC errors of examples/grpc-errors.rs with Python's official gRPC client, and its
error counter with Python's Prometheus text parser.

Run by tests/tools/check-grpc.sh, which installs grpcio, grpcio-status,
googleapis-common-protos and prometheus_client and passes the server's command. Every status is
read with grpc_status.rpc_status.from_call, and each detail unpacked with Google's own protobuf
classes. Exits non-zero, naming the first difference, if anything is not as expected.
"""

import json
import re
import subprocess
import sys
import urllib.error
import urllib.request

import grpc
from google.rpc import error_details_pb2
from grpc_status import rpc_status
from prometheus_client.parser import text_string_to_metric_families

# The test catalogue (tests/http/catalogues/orders.yaml): each code's gRPC status, as
# docs/catalogue.md's table gives it (and `grpc:` where the entry states one), and the message.
ORDERS = [
    ("err:orders:request:invalid_quantity", grpc.StatusCode.INVALID_ARGUMENT, "quantity 120 is not between 1 and 99"),
    ("err:orders:auth:unauthenticated", grpc.StatusCode.UNAUTHENTICATED, "the request has no session"),
    ("err:orders:auth:forbidden", grpc.StatusCode.PERMISSION_DENIED, "order ord_7 belongs to another account"),
    ("err:orders:orders:not_found", grpc.StatusCode.NOT_FOUND, "order ord_404 does not exist"),
    ("err:orders:orders:archived", grpc.StatusCode.FAILED_PRECONDITION, "order ord_2019 is archived"),
    ("err:orders:orders:already_placed", grpc.StatusCode.ALREADY_EXISTS, "order ord_1 was placed already"),
    ("err:orders:orders:edited_concurrently", grpc.StatusCode.ABORTED, "order ord_7 changed since it was read"),
    ("err:orders:orders:not_paid", grpc.StatusCode.FAILED_PRECONDITION, "order ord_7 is not paid"),
    ("err:orders:limits:rate_limited", grpc.StatusCode.RESOURCE_EXHAUSTED, "more than 10 orders a minute"),
    ("err:orders:application:unexpected", grpc.StatusCode.INTERNAL, "The order service answered unexpected."),
    ("err:orders:application:unavailable", grpc.StatusCode.UNAVAILABLE, "The order service answered unavailable."),
    ("err:orders:application:timeout", grpc.StatusCode.DEADLINE_EXCEEDED, "The order service answered timeout."),
]

# A sample of Unkey's (errors.yaml), with the statuses its entries state or default to.
UNKEY = [
    ("err:unkey:data:key_not_found", grpc.StatusCode.NOT_FOUND),
    ("err:unkey:authorization:forbidden", grpc.StatusCode.PERMISSION_DENIED),
    ("err:unkey:data:role_already_exists", grpc.StatusCode.ALREADY_EXISTS),
    ("err:user:too_many_requests:workspace_rate_limited", grpc.StatusCode.RESOURCE_EXHAUSTED),
    ("err:unkey:authentication:missing", grpc.StatusCode.INVALID_ARGUMENT),
    ("err:unkey:application:precondition_failed", grpc.StatusCode.FAILED_PRECONDITION),
    ("err:user:unprocessable_entity:query_execution_timeout", grpc.StatusCode.DEADLINE_EXCEEDED),
    ("err:user:bad_request:client_closed_request", grpc.StatusCode.CANCELLED),
    ("err:unkey:application:unexpected_error", grpc.StatusCode.INTERNAL),
    ("err:unkey:application:service_unavailable", grpc.StatusCode.UNAVAILABLE),
]

# What only the server errors' internals hold (support/grpc_service.rs).
SECRETS = ["db-7.internal", "10.0.0.7", "psp-secret.internal", "10.0.0.9", "inv-3.internal", "connection refused"]

MINTED = re.compile(r"^req_[0-9A-Za-z]{16}$")

checked = 0


def expect(condition, what):
    global checked
    checked += 1
    if not condition:
        print(f"FAILED: {what}", file=sys.stderr)
        sys.exit(1)


def docs_url(base, urn):
    return base + "/" + urn[len("err:"):].replace(":", "/")


def unpack(status):
    """The status's details by type: ErrorInfo, Help and RequestInfo, each unpacked."""
    found = {}
    for detail in status.details:
        for cls in (error_details_pb2.ErrorInfo, error_details_pb2.Help, error_details_pb2.RequestInfo):
            if detail.Is(cls.DESCRIPTOR):
                message = cls()
                detail.Unpack(message)
                expect(cls.__name__ not in found, f"one {cls.__name__} in {status}")
                found[cls.__name__] = message
    return found


def check_status(call, urn, code, message, domain, docs_base, request_id=None):
    """Checks the status of a failed `call` against the catalogue's facts; its RequestInfo id."""
    expect(call.code() == code, f"{urn}: status {call.code()}, expected {code}")
    expect(call.details() == message, f"{urn}: message {call.details()!r}, expected {message!r}")
    status = rpc_status.from_call(call)
    expect(status is not None, f"{urn}: grpc-status-details-bin is missing")
    expect(status.code == code.value[0] and status.message == message, f"{urn}: the details disagree with the status: {status}")
    details = unpack(status)
    expect(set(details) == {"ErrorInfo", "Help", "RequestInfo"}, f"{urn}: details {sorted(details)}")
    info = details["ErrorInfo"]
    expect(info.reason == urn[len("err:"):].replace(":", "_").upper(), f"{urn}: reason {info.reason}")
    expect(re.fullmatch(r"[A-Z][A-Z0-9_]+[A-Z0-9]", info.reason) is not None, f"{urn}: reason {info.reason} is not UPPER_SNAKE_CASE")
    expect(info.domain == domain, f"{urn}: domain {info.domain}")
    expect(dict(info.metadata) == {"urn": urn}, f"{urn}: metadata {dict(info.metadata)}")
    links = details["Help"].links
    expect(len(links) == 1 and links[0].url == docs_url(docs_base, urn), f"{urn}: help {links}")
    expect(links[0].description != "", f"{urn}: the help link has no description")
    got = details["RequestInfo"].request_id
    if request_id is None:
        expect(MINTED.match(got) is not None, f"{urn}: minted id {got!r}")
    else:
        expect(got == request_id, f"{urn}: request id {got!r}, expected {request_id!r}")
    metadata = dict(call.trailing_metadata() or []) | dict(call.initial_metadata() or [])
    expect(metadata.get("x-request-id") == got, f"{urn}: x-request-id {metadata.get('x-request-id')!r} is not {got!r}")
    if code in (grpc.StatusCode.INTERNAL, grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED) and "application" in urn:
        everything = " ".join([call.details(), repr(call.trailing_metadata()), repr(call.initial_metadata()), str(status), repr(status.SerializeToString())])
        for secret in SECRETS:
            expect(secret not in everything, f"{urn}: the status leaks {secret!r}: {everything}")
    return got


def raise_unary(channel, message, request_id=None):
    stub = channel.unary_unary("/test.Errors/Raise")
    metadata = [("x-request-id", request_id)] if request_id else None
    try:
        stub(message.encode(), metadata=metadata, timeout=10)
    except grpc.RpcError as call:
        return call
    expect(False, f"{message}: the call succeeded")


def main():
    """`check-grpc.py LOG SERVER...`: starts the server command, its log going to LOG."""
    log_path, command = sys.argv[1], sys.argv[2:]
    with open(log_path, "w") as log:
        server = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True)
        try:
            run(server, log_path)
        finally:
            if not server.stdin.closed:
                server.stdin.close()
            server.wait(timeout=30)


def run(server, log_path):
    addrs = json.loads(server.stdout.readline())
    orders = grpc.insecure_channel(addrs["orders"])
    unkey = grpc.insecure_channel(addrs["unkey"])
    ids = {}

    # Every code of the test catalogue, with the client's id and with a minted one.
    for index, (urn, code, message) in enumerate(ORDERS):
        sent = f"req_python_{index}"
        call = raise_unary(orders, f"orders {urn}", sent)
        ids[sent] = urn
        check_status(call, urn, code, message, "orders.example", "https://orders.example/docs/errors", sent)
        call = raise_unary(orders, f"orders {urn}")
        ids[check_status(call, urn, code, message, "orders.example", "https://orders.example/docs/errors")] = urn

    # A sample of Unkey's, read as a client of Unkey reads them.
    for urn, code in UNKEY:
        call = raise_unary(unkey, f"unkey {urn}")
        status = rpc_status.from_call(call)
        ids[check_status(call, urn, code, status.message, "unkey.com", "https://unkey.com/docs/errors")] = urn

    # A stream that ends in an error: the same details, in its trailers.
    stream = orders.unary_stream("/test.Errors/Stream")(b"orders err:orders:orders:not_paid", metadata=[("x-request-id", "req_python_stream")], timeout=10)
    received = []
    try:
        for message in stream:
            received.append(message)
    except grpc.RpcError as call:
        check_status(call, "err:orders:orders:not_paid", grpc.StatusCode.FAILED_PRECONDITION, "order ord_7 is not paid", "orders.example", "https://orders.example/docs/errors", "req_python_stream")
        ids["req_python_stream"] = "err:orders:orders:not_paid"
    expect(received == [b"first"], f"the stream sent {received}")

    # Statuses of no catalogue code pass as they are: no details are made up for them.
    call = raise_unary(orders, "orders err:orders:nope:nope")
    expect(call.code() == grpc.StatusCode.INVALID_ARGUMENT and rpc_status.from_call(call) is None, "a hand-made status is left alone")

    # The HTTP surface, for the counter: two known errors and hostile requests.
    http = "http://" + addrs["http"]
    for path in ["/raise/err:orders:orders:not_found", "/raise/err:orders:orders:not_found", "/raise/err:orders:application:unexpected", "/raise/err:evil:x:y", "/raise/%00"]:
        request = urllib.request.Request(http + path, headers={"x-request-id": "evil id", "accept": "evil/type"})
        try:
            urllib.request.urlopen(request, timeout=10)
        except urllib.error.HTTPError as error:
            error.read()
    hostile_body = json.dumps({"meta": {"requestId": "r"}, "error": {"detail": "d", "status": 418, "title": "t", "type": "https://attacker.example/x/y/z"}}).encode()
    try:
        urllib.request.urlopen(urllib.request.Request(http + "/echo", data=hostile_body, headers={"content-type": "application/json"}), timeout=10)
    except urllib.error.HTTPError as error:
        error.read()

    text = urllib.request.urlopen(http + "/metrics", timeout=10).read().decode()
    families = {family.name: family for family in text_string_to_metric_families(text)}
    expect("error_responses" in families, f"no error_responses counter in:\n{text}")
    family = families["error_responses"]
    expect(family.type == "counter", f"error_responses is a {family.type}")
    counts = {}
    for sample in family.samples:
        expect(sample.name == "error_responses_total", f"sample {sample.name}")
        expect(set(sample.labels) == {"error_type", "status", "surface", "system", "category"}, f"labels {sample.labels}")
        key = tuple(sample.labels[name] for name in ("error_type", "status", "surface", "system", "category"))
        counts[key] = sample.value
    # Both services' catalogues count into the one registry: every value is one of theirs.
    urns = {urn for urn, _, _ in ORDERS} | {urn for urn, _ in UNKEY}
    for error_type, status, surface, system, category in counts:
        expect(error_type in urns or error_type == "_OTHER", f"error_type {error_type}")
        expect(surface in ("api", "gateway", "grpc"), f"surface {surface}")
        expect(system in {urn.split(":")[1] for urn in urns} | {"_OTHER"}, f"system {system}")
        expect(category in {urn.split(":")[2] for urn in urns} | {"_OTHER"}, f"category {category}")
        expect(status == "_OTHER" or re.fullmatch(r"[1-5][0-9][0-9]", status) or status in grpc.StatusCode.__members__, f"status {status}")
        for value in (error_type, status, surface, system, category):
            expect("evil" not in value and "attacker" not in value, f"a request's text became a label value: {value}")
    expected = {
        ("err:orders:orders:not_found", "404", "api", "orders", "orders"): 2,
        ("err:orders:application:unexpected", "500", "api", "orders", "application"): 1,
        ("_OTHER", "418", "api", "_OTHER", "_OTHER"): 1,
        ("err:orders:orders:not_found", "NOT_FOUND", "grpc", "orders", "orders"): 2,
        ("err:orders:orders:not_paid", "FAILED_PRECONDITION", "grpc", "orders", "orders"): 3,
        ("err:orders:application:unexpected", "INTERNAL", "grpc", "orders", "application"): 2,
        ("_OTHER", "INVALID_ARGUMENT", "grpc", "_OTHER", "_OTHER"): 1,
        ("err:unkey:data:role_already_exists", "ALREADY_EXISTS", "grpc", "unkey", "data"): 1,
    }
    for key, value in expected.items():
        expect(counts.get(key) == value, f"{key} counted {counts.get(key)}, expected {value}")

    # The id each RequestInfo carried is the one the server logged, with the code.
    orders.close()
    unkey.close()
    server.stdin.close()
    server.wait(timeout=30)
    with open(log_path) as file:
        log = file.read()
    for request_id, urn in ids.items():
        logged = re.compile(rf"\brequest_id={re.escape(request_id)}(\s|$)")
        lines = [line for line in log.splitlines() if logged.search(line)]
        expect(len(lines) == 1, f"{request_id} is logged {len(lines)} times:\n{log}")
        expect(f"error.type={urn}" in lines[0], f"{request_id}'s line names another code: {lines[0]}")
    print(f"check-grpc: {checked} checks of {len(ids)} statuses and {len(counts)} counter series passed")


if __name__ == "__main__":
    main()
