//! A rejection's body, read far enough to tell which failure it is, then sent whole if the
//! catalogue has no code for that failure.

use std::collections::VecDeque;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use axum::body::{Body, Bytes, HttpBody};
use http_body::{Frame, SizeHint};

/// A body whose first bytes the layer reads (up to `limit` of data) without losing any of it:
/// the frames read are kept whole, and the body then yields them, any failure met while
/// reading, and whatever the body had left. So a response sent on unchanged gets every byte
/// its `Content-Length` promised, in the order the handler wrote them.
pub(super) struct Replay {
    /// The frames read and not yet sent: data and trailers alike.
    read: VecDeque<Frame<Bytes>>,
    /// How many bytes of data `read` holds.
    buffered: usize,
    /// The failure the body ended with while it was read, sent after the frames read.
    failure: Option<axum::Error>,
    /// The rest of the body; `None` once it ended or failed.
    rest: Option<Body>,
}

impl Replay {
    pub(super) fn new(body: Body) -> Self {
        Replay {
            read: VecDeque::new(),
            buffered: 0,
            failure: None,
            rest: Some(body),
        }
    }

    /// Reads frames until `limit` bytes of data are in, or the body ends or fails.
    pub(super) fn poll_read(&mut self, cx: &mut Context<'_>, limit: usize) -> Poll<()> {
        while self.buffered < limit {
            let Some(rest) = self.rest.as_mut() else {
                break;
            };
            match ready!(Pin::new(rest).poll_frame(cx)) {
                Some(Ok(frame)) => {
                    if let Some(data) = frame.data_ref() {
                        self.buffered += data.len();
                    }
                    self.read.push_back(frame);
                }
                Some(Err(failure)) => {
                    self.failure = Some(failure);
                    self.rest = None;
                }
                None => self.rest = None,
            }
        }
        Poll::Ready(())
    }

    /// The first `limit` bytes of the data read.
    pub(super) fn start(&self, limit: usize) -> Vec<u8> {
        let mut start = Vec::with_capacity(self.buffered.min(limit));
        for data in self.read.iter().filter_map(Frame::data_ref) {
            let room = limit - start.len();
            start.extend_from_slice(&data[..data.len().min(room)]);
            if start.len() == limit {
                break;
            }
        }
        start
    }
}

impl HttpBody for Replay {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        let this = self.get_mut();
        if let Some(frame) = this.read.pop_front() {
            if let Some(data) = frame.data_ref() {
                this.buffered -= data.len();
            }
            return Poll::Ready(Some(Ok(frame)));
        }
        if let Some(failure) = this.failure.take() {
            return Poll::Ready(Some(Err(failure)));
        }
        let Some(rest) = this.rest.as_mut() else {
            return Poll::Ready(None);
        };
        let frame = ready!(Pin::new(rest).poll_frame(cx));
        if frame.is_none() {
            this.rest = None;
        }
        Poll::Ready(frame)
    }

    fn is_end_stream(&self) -> bool {
        self.read.is_empty()
            && self.failure.is_none()
            && self.rest.as_ref().is_none_or(HttpBody::is_end_stream)
    }

    fn size_hint(&self) -> SizeHint {
        let buffered = self.buffered as u64;
        match &self.rest {
            None => SizeHint::with_exact(buffered),
            Some(rest) => {
                let rest = rest.size_hint();
                let mut hint = SizeHint::new();
                hint.set_lower(rest.lower() + buffered);
                if let Some(upper) = rest.upper() {
                    hint.set_upper(upper + buffered);
                }
                hint
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::task::Waker;

    /// A body of these frames, each ready at once, whose length is not known in advance (as a
    /// stream's is not).
    struct Frames(VecDeque<Result<Bytes, std::io::Error>>);

    impl HttpBody for Frames {
        type Data = Bytes;
        type Error = std::io::Error;

        fn poll_frame(
            self: Pin<&mut Self>,
            _: &mut Context<'_>,
        ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
            Poll::Ready(
                self.get_mut()
                    .0
                    .pop_front()
                    .map(|item| item.map(Frame::data)),
            )
        }
    }

    fn frames(items: Vec<Result<&'static [u8], std::io::Error>>) -> Body {
        Body::new(Frames(
            items
                .into_iter()
                .map(|item| item.map(Bytes::from_static))
                .collect(),
        ))
    }

    /// Everything `body` yields: its data, and whether it ended in a failure.
    fn drain(mut body: Replay) -> (Vec<u8>, bool) {
        let mut cx = Context::from_waker(Waker::noop());
        let mut data = Vec::new();
        loop {
            match Pin::new(&mut body).poll_frame(&mut cx) {
                Poll::Ready(Some(Ok(frame))) => {
                    data.extend_from_slice(frame.data_ref().expect("only data frames here"));
                }
                Poll::Ready(Some(Err(_))) => return (data, true),
                Poll::Ready(None) => return (data, false),
                Poll::Pending => panic!("every frame here is ready"),
            }
        }
    }

    #[test]
    fn what_was_read_is_sent_again_before_the_rest() {
        let mut cx = Context::from_waker(Waker::noop());
        let mut replay = Replay::new(frames(vec![Ok(b"abc"), Ok(b"de\xfff"), Ok(b"ghij")]));
        assert!(replay.poll_read(&mut cx, 5).is_ready());
        // Two frames read whole, though the limit fell inside the second.
        assert_eq!(replay.start(5), b"abcde");
        assert_eq!(replay.start(100), b"abcde\xfff");
        assert_eq!(drain(replay), (b"abcde\xfffghij".to_vec(), false));
    }

    #[test]
    fn a_body_shorter_than_the_limit_is_read_to_its_end_and_its_length_is_known() {
        let mut cx = Context::from_waker(Waker::noop());
        let mut replay = Replay::new(Body::from("missing id"));
        assert!(replay.poll_read(&mut cx, 4096).is_ready());
        assert_eq!(replay.start(4096), b"missing id");
        assert_eq!(replay.size_hint().exact(), Some(10));
        assert!(!replay.is_end_stream());
        assert_eq!(drain(replay), (b"missing id".to_vec(), false));
    }

    #[test]
    fn a_body_read_in_part_promises_what_was_read_plus_what_is_left() {
        let mut cx = Context::from_waker(Waker::noop());
        let mut replay = Replay::new(Body::from(vec![b'x'; 10_000]));
        assert!(replay.poll_read(&mut cx, 4096).is_ready());
        assert_eq!(replay.start(4096).len(), 4096);
        assert_eq!(replay.size_hint().exact(), Some(10_000));
        assert_eq!(drain(replay).0.len(), 10_000);
    }

    #[test]
    fn a_failure_met_while_reading_is_sent_after_what_was_read() {
        let mut cx = Context::from_waker(Waker::noop());
        let body = frames(vec![Ok(b"partial"), Err(std::io::Error::other("reset"))]);
        let mut replay = Replay::new(body);
        assert!(replay.poll_read(&mut cx, 4096).is_ready());
        assert_eq!(replay.start(4096), b"partial");
        assert_eq!(drain(replay), (b"partial".to_vec(), true));
    }
}
