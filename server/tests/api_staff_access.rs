//! Who may use the staff endpoints: no token, a resident's token, an expired token, and members
//! of staff with and without the role, over real HTTP.
mod common;
#[path = "common/idp.rs"]
mod idp;
#[path = "common/staff.rs"]
mod staff;

use common::{Api, Resp};
use idp::{flags, now, Idp};
use serde_json::{json, Value};
use staff::{plan_body, send};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn who_may_do_what() {
    let idp = Idp::start(&["rsa-a"]).await;
    let api = Api::with(&flags(&idp, &["--demo"]));
    let resident = api.participant().await;
    let mut expired = idp.claims("old", &["admin"]);
    expired["exp"] = json!(now() - 3600);
    let expired = idp.sign("rsa-a", &expired);
    let editor = idp.token("e", &["editor"]);
    let unit_editor = idp.token("ue", &["editor@Kaavoitus"]);
    let moderator = idp.token("m", &["moderator"]);
    let admin = idp.token("a", &["admin"]);
    let nobody = idp.token("n", &[]);
    let body = plan_body("Matriisipuisto");
    let publish = json!({"status": "published"});
    let ops: Vec<(&str, &str, Option<&str>, Option<&Value>)> = vec![
        ("GET", "/api/v1/staff/plans", None, None),
        ("POST", "/api/v1/staff/plans", None, Some(&body)),
        ("GET", "/api/v1/staff/plans/1", None, None),
        ("PUT", "/api/v1/staff/plans/1", Some("*"), Some(&body)),
        (
            "POST",
            "/api/v1/staff/plans/1/status",
            Some("*"),
            Some(&publish),
        ),
        ("GET", "/api/v1/staff/audit", None, None),
    ];
    for (i, (method, path, m, b)) in ops.iter().enumerate() {
        let audit = i == 5;
        let at = |who: &str, r: &Resp| format!("{who} {method} {path}: {}", r.text);
        let r = send(&api, method, path, None, *m, *b).await;
        assert_eq!(r.status, 401, "{}", at("no token", &r));
        assert_eq!(r.body["code"], "staff_token_required");
        for (who, t) in [("resident", &resident), ("expired", &expired)] {
            let r = send(&api, method, path, Some(t), *m, *b).await;
            assert_eq!(r.status, 401, "{}", at(who, &r));
            assert_eq!(r.body["code"], "invalid_token");
        }
        for (who, t) in [
            ("moderator", &moderator),
            ("no roles", &nobody),
            ("unit editor", &unit_editor),
        ] {
            let r = send(&api, method, path, Some(t), *m, *b).await;
            assert_eq!(r.status, 403, "{}", at(who, &r));
            assert_eq!(r.body["code"], "forbidden");
        }
        let r = send(&api, method, path, Some(&editor), *m, *b).await;
        let want = if audit {
            403
        } else if i == 1 {
            201
        } else {
            200
        };
        assert_eq!(r.status, want, "{}", at("editor", &r));
        let r = send(&api, method, path, Some(&admin), *m, *b).await;
        assert!(r.status == 200 || r.status == 201, "{}", at("admin", &r));
    }
}
