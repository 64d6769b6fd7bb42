//! Events and registrations from the configured events backend.
