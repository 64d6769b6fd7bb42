//! Projects and following from the configured projects backend.
