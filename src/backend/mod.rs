//! Talking to REST backends. `http` is the only module that uses gloo-net.

pub mod http;
