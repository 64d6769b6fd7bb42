//! `/staff/…`: the staff workspace, for members signed in through the city's provider.

pub mod fields;
pub mod plan_input;
pub mod plans;
pub mod projects;

use axum::Json;
use serde::Serialize;

use crate::staff::{Grant, Staff};

#[derive(Serialize)]
pub struct Me {
    sub: String,
    name: Option<String>,
    roles: Vec<Grant>,
}

/// `GET /staff/me`: who the token belongs to and the roles it gives.
pub async fn me(staff: Staff) -> Json<Me> {
    Json(Me {
        sub: staff.sub,
        name: staff.name,
        roles: staff.roles,
    })
}
