/// Every page of the app. Links are built from these, so a broken internal link does not compile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Route {
    Home,
    Plans,
    /// One plan, by the id its backend uses.
    Plan(String),
    Projects,
    Project(String),
    Events,
    Event(String),
    /// Cancelling an event registration; the secret is in the URL fragment, never sent to a server.
    CancelRegistration,
    Followed,
    Accessibility,
    /// The staff workspace (its own chunk; residents never load it).
    Staff,
    /// Where the sign-in service sends staff back with a one-time code.
    StaffCallback,
    /// No page has this address; keeps the path for the 404 page.
    NotFound(String),
}

impl Route {
    /// Parses a path relative to the app's base (`/plans`, `/plans/`, `""`).
    pub(crate) fn parse(path: &str) -> Route {
        let trimmed = path.trim_end_matches('/');
        let segments: Vec<&str> = trimmed.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Route::Home,
            ["plans"] => Route::Plans,
            ["plans", id] => Route::Plan(id.to_string()),
            ["projects"] => Route::Projects,
            ["projects", id] => Route::Project(id.to_string()),
            ["events"] => Route::Events,
            ["events", id] => Route::Event(id.to_string()),
            ["registrations", "cancel"] => Route::CancelRegistration,
            ["followed"] => Route::Followed,
            ["accessibility"] => Route::Accessibility,
            ["staff"] => Route::Staff,
            ["staff", "callback"] => Route::StaffCallback,
            _ => Route::NotFound(path.to_owned()),
        }
    }

    /// The path of this route relative to the app's base.
    pub(crate) fn path(&self) -> String {
        match self {
            Route::Home => "/".into(),
            Route::Plans => "/plans".into(),
            Route::Plan(id) => format!("/plans/{id}"),
            Route::Projects => "/projects".into(),
            Route::Project(id) => format!("/projects/{id}"),
            Route::Events => "/events".into(),
            Route::Event(id) => format!("/events/{id}"),
            Route::CancelRegistration => "/registrations/cancel".into(),
            Route::Followed => "/followed".into(),
            Route::Accessibility => "/accessibility".into(),
            Route::Staff => "/staff".into(),
            Route::StaffCallback => "/staff/callback".into(),
            Route::NotFound(path) => path.clone(),
        }
    }

    /// The top-level section a route belongs to, for marking the navigation item as current.
    pub(crate) fn section(&self) -> Option<Route> {
        match self {
            Route::Plans | Route::Projects | Route::Events | Route::Followed => Some(self.clone()),
            Route::Plan(_) => Some(Route::Plans),
            Route::Project(_) => Some(Route::Projects),
            Route::Event(_) | Route::CancelRegistration => Some(Route::Events),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_survives_a_round_trip_through_its_path() {
        for route in [
            Route::Home,
            Route::Plans,
            Route::Plan("12".into()),
            Route::Projects,
            Route::Project("tori".into()),
            Route::Events,
            Route::Event("7".into()),
            Route::CancelRegistration,
            Route::Followed,
            Route::Accessibility,
            Route::Staff,
            Route::StaffCallback,
        ] {
            assert_eq!(Route::parse(&route.path()), route);
        }
    }

    #[test]
    fn trailing_slashes_and_the_empty_path_are_forgiven() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("/plans/"), Route::Plans);
        assert_eq!(Route::parse("//events"), Route::Events);
    }

    #[test]
    fn unknown_paths_become_not_found_and_keep_their_path() {
        assert_eq!(Route::parse("/nope"), Route::NotFound("/nope".into()));
        assert_eq!(
            Route::parse("/plans/x/y/z"),
            Route::NotFound("/plans/x/y/z".into())
        );
        assert_eq!(Route::NotFound("/nope".into()).path(), "/nope");
    }
}
