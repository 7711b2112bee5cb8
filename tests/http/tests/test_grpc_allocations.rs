//! How many allocations a derived error's `tonic::Status` costs, against the status written by
//! hand with `tonic-types` for the same content (the same bytes), and what the error counter
//! costs with no recorder: counted by a global allocator only this test binary has.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::collections::HashMap;

use tonic_types::{ErrorDetails, StatusExt};
use unkey_errors::{Code, UnkeyError, codes};

/// Counts the allocations (and reallocations) of the thread that makes them.
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn count() {
    let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
}

// SAFETY: every call is passed to `System` unchanged; counting touches no allocation.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: the caller's guarantees for `alloc`, passed on.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: as for `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        // SAFETY: `ptr` came from this allocator, that is from `System`, with `layout`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as for `realloc`.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The allocations `run` makes on this thread.
fn allocations<T>(run: impl FnOnce() -> T) -> (usize, T) {
    let before = ALLOCATIONS.with(Cell::get);
    let value = run();
    (ALLOCATIONS.with(Cell::get) - before, value)
}

#[derive(Debug, thiserror::Error, UnkeyError)]
enum KeyError {
    #[error("key {0} does not exist")]
    #[unkey(code = "err:unkey:data:key_not_found")]
    NotFound(String),
}

/// The status a service would build by hand, as bench/benches/grpc.rs's baseline does.
fn by_hand(code: Code, message: String) -> tonic::Status {
    let urn = code.as_str();
    let mut details = ErrorDetails::new();
    details.set_error_info(
        urn["err:".len()..].replace(':', "_").to_ascii_uppercase(),
        "unkey.com",
        HashMap::from([("urn".to_owned(), urn.to_owned())]),
    );
    details.add_help_link("What the error means and how to fix it", code.docs_url());
    tonic::Status::with_error_details(tonic::Code::from(code.grpc_code()), message, details)
}

#[test]
fn a_derived_errors_status_allocates_less_than_the_hand_written_one() {
    let error = KeyError::NotFound("key_123".into());
    let (ours, status) = allocations(|| tonic::Status::from(error));
    let error = KeyError::NotFound("key_123".into());
    let (theirs, baseline) =
        allocations(|| by_hand(codes::unkey::data::KEY_NOT_FOUND, error.to_string()));
    assert_eq!(status.details(), baseline.details(), "the same content");
    assert_eq!(status.message(), baseline.message());
    println!("tonic::Status of a derived error: {ours} allocations; by hand: {theirs}");
    // The message (the `Display` text grows its `String` three times, as in the baseline), the
    // status's box, and one buffer, sized exactly, for every detail.
    assert_eq!(ours, 5);
    assert!(ours < theirs);
}

#[test]
fn the_counter_allocates_nothing_without_a_recorder() {
    let code = codes::unkey::data::KEY_NOT_FOUND;
    // The first use of a thread's metrics state may set it up: not a per-response cost.
    unkey_errors::metrics::count_grpc(Some(code), 5);
    let (counted, ()) = allocations(|| unkey_errors::metrics::count_grpc(Some(code), 5));
    println!("counting one gRPC error with no recorder: {counted} allocations");
    // The key's labels were built at compile time, from the catalogue.
    assert_eq!(counted, 0);
    // A status other than the catalogue's for the code lists its labels at run time: the
    // one allocation left, off the path of a derived error.
    let (counted, ()) = allocations(|| unkey_errors::metrics::count_grpc(Some(code), 13));
    assert_eq!(counted, 1);
}
