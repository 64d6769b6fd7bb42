//! Plans and comments from the configured plans backend.
