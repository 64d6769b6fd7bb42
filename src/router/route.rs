/// Every page of the app. Links are built from these, so a broken internal link does not compile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Plans,
    Projects,
    Events,
    Followed,
    Accessibility,
    /// No page has this address; keeps the path for the 404 page.
    NotFound(String),
}

impl Route {
    /// Parses a path relative to the app's base (`/plans`, `/plans/`, `""`).
    pub fn parse(path: &str) -> Route {
        let trimmed = path.trim_end_matches('/');
        let segments: Vec<&str> = trimmed.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Route::Home,
            ["plans"] => Route::Plans,
            ["projects"] => Route::Projects,
            ["events"] => Route::Events,
            ["followed"] => Route::Followed,
            ["accessibility"] => Route::Accessibility,
            _ => Route::NotFound(path.to_owned()),
        }
    }

    /// The path of this route relative to the app's base.
    pub fn path(&self) -> String {
        match self {
            Route::Home => "/".into(),
            Route::Plans => "/plans".into(),
            Route::Projects => "/projects".into(),
            Route::Events => "/events".into(),
            Route::Followed => "/followed".into(),
            Route::Accessibility => "/accessibility".into(),
            Route::NotFound(path) => path.clone(),
        }
    }

    /// The top-level section a route belongs to, for marking the navigation item as current.
    pub fn section(&self) -> Option<Route> {
        match self {
            Route::Plans | Route::Projects | Route::Events | Route::Followed => Some(self.clone()),
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
            Route::Projects,
            Route::Events,
            Route::Followed,
            Route::Accessibility,
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
