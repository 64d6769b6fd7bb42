//! Components mounted for real in headless Chromium (wasm-bindgen-test).
//! Run with `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

mod support;

mod comment_form;
mod config_error_screen;
mod follow_button;
mod join_form;
mod kiosk;
mod map_view;
mod rich_text;
mod shell;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
