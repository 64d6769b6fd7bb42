//! Staff sign-in over real HTTP: tokens from a stand-in OpenID Connect provider on 127.0.0.1.
mod common;
#[path = "common/idp.rs"]
mod idp;

use common::{Api, Resp};
use idp::{flags, now, sign_hs256_with_public_key, sign_with, unsigned, Idp};
use jsonwebtoken::Algorithm;
use serde_json::{json, Value};

async fn me(api: &Api, token: &str) -> Resp {
    api.get("/api/v1/staff/me", Some(token)).await
}

#[track_caller]
fn refused(r: &Resp) {
    r.problem(401, "invalid_token");
    assert_eq!(
        r.header("www-authenticate"),
        "Bearer realm=\"osallistu-staff\", error=\"invalid_token\""
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tokens_are_checked() {
    let idp = Idp::start(&["rsa-a", "ec-a"]).await;
    let api = Api::with(&flags(&idp, &[]));

    // No token: a challenge without an error code; a resident's token is not a staff token.
    let r = api.get("/api/v1/staff/me", None).await;
    r.problem(401, "staff_token_required");
    assert_eq!(
        r.header("www-authenticate"),
        "Bearer realm=\"osallistu-staff\""
    );
    let resident = api.participant().await;
    refused(&me(&api, &resident).await);
    let r = api
        .c
        .get(api.s.url("/api/v1/staff/me"))
        .header("authorization", "Basic c2FubmE6c2FsYWluZW4=")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);

    // Valid: RS256, ES256, PS256; the roles claim as written.
    let r = me(&api, &idp.token("u-1", &["editor", "moderator@Kaavoitus"])).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(
        r.body,
        json!({"sub": "u-1", "name": "Sanna Suunnittelija", "roles": [
            {"role": "editor", "unit": null}, {"role": "moderator", "unit": "Kaavoitus"}]})
    );
    let r = me(&api, &idp.sign("ec-a", &idp.claims("u-2", &[]))).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.body["roles"], json!([]));
    let ps = sign_with(
        "rsa-a",
        Algorithm::PS256,
        Some("rsa-a"),
        &idp.claims("u-3", &[]),
    );
    assert_eq!(me(&api, &ps).await.status, 200);
    // No name claim: null. The audience may be one of several.
    let mut c = idp.claims("u-4", &[]);
    c.as_object_mut().unwrap().remove("name");
    c["aud"] = json!(["account", "osallistu"]);
    let r = me(&api, &idp.sign("rsa-a", &c)).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.body["name"], Value::Null);

    // Time: exp and nbf with the default leeway of 30 s.
    let t = now();
    let with = |k: &str, v: i64| {
        let mut c = idp.claims("u-5", &[]);
        c[k] = json!(v);
        idp.sign("rsa-a", &c)
    };
    refused(&me(&api, &with("exp", t - 45)).await);
    assert_eq!(me(&api, &with("exp", t - 10)).await.status, 200);
    refused(&me(&api, &with("nbf", t + 45)).await);
    assert_eq!(me(&api, &with("nbf", t + 10)).await.status, 200);

    // Issuer and audience.
    let mut c = idp.claims("u-6", &[]);
    c["iss"] = json!("http://127.0.0.1:1/realms/other");
    refused(&me(&api, &idp.sign("rsa-a", &c)).await);
    let mut c = idp.claims("u-6", &[]);
    c["aud"] = json!("another-service");
    refused(&me(&api, &idp.sign("rsa-a", &c)).await);
    let mut c = idp.claims("u-6", &[]);
    c.as_object_mut().unwrap().remove("aud");
    refused(&me(&api, &idp.sign("rsa-a", &c)).await);
    let mut c = idp.claims("", &[]);
    c.as_object_mut().unwrap().remove("sub");
    refused(&me(&api, &idp.sign("rsa-a", &c)).await);

    // Forgeries: unsigned, HS256 keyed with the public key, a key the issuer does not publish,
    // a key id pointing at another key, a changed payload, a changed signature.
    let claims = idp.claims("u-7", &["admin"]);
    refused(&me(&api, &unsigned(&claims)).await);
    refused(&me(&api, &sign_hs256_with_public_key(&claims)).await);
    refused(
        &me(
            &api,
            &sign_with("rsa-b", Algorithm::RS256, Some("rsa-a"), &claims),
        )
        .await,
    );
    refused(&me(&api, &sign_with("rsa-b", Algorithm::RS256, None, &claims)).await);
    let good = idp.token("u-7", &["editor"]);
    let parts: Vec<&str> = good.split('.').collect();
    let admin = {
        use base64::Engine;
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(claims.to_string())
    };
    refused(&me(&api, &format!("{}.{admin}.{}", parts[0], parts[2])).await);
    let mut sig = parts[2].to_owned();
    let flipped = if sig.ends_with('A') { "B" } else { "A" };
    sig.replace_range(sig.len() - 1.., flipped);
    refused(&me(&api, &format!("{}.{}.{sig}", parts[0], parts[1])).await);
    refused(&me(&api, "not.a.jwt").await);
    refused(&me(&api, &format!("{good}.extra")).await);

    // The issuer's origin may be called by the app (the token endpoint).
    let page = api.get("/", None).await;
    let origin = idp.issuer.trim_end_matches("/realms/kunta");
    assert!(
        page.header("content-security-policy").contains(origin),
        "{}",
        page.header("content-security-policy")
    );
    // Residents are unaffected.
    assert_eq!(api.get("/api/v1/plans", None).await.status, 200);
    assert_eq!(api.get("/api/v1/me", Some(&resident)).await.status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keys_rotate_and_refetching_is_rate_limited() {
    let idp = Idp::start(&["rsa-a"]).await;
    let api = Api::with(&flags(&idp, &[]));
    assert_eq!(me(&api, &idp.token("u", &[])).await.status, 200);
    assert_eq!(idp.fetches(), 1);
    // A new key right after a fetch: the default 30 s between fetches holds.
    idp.publish(&["rsa-a", "rsa-b"]);
    let rotated = idp.sign("rsa-b", &idp.claims("u", &[]));
    refused(&me(&api, &rotated).await);
    refused(&me(&api, &idp.sign("rsa-b", &idp.claims("made-up-kid", &[]))).await);
    assert_eq!(idp.fetches(), 1);
    assert_eq!(me(&api, &idp.token("u", &[])).await.status, 200);

    // With one second between fetches: the rotated key is found, the removed one refused.
    let idp = Idp::start(&["rsa-a"]).await;
    let api = Api::with(&flags(&idp, &["--staff-jwks-refetch", "1"]));
    assert_eq!(me(&api, &idp.token("u", &[])).await.status, 200);
    idp.publish(&["rsa-b"]);
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let r = me(&api, &idp.sign("rsa-b", &idp.claims("u", &[]))).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(idp.fetches(), 2);
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    refused(&me(&api, &idp.token("u", &[])).await);
    assert_eq!(idp.fetches(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn groups_map_to_roles() {
    let idp = Idp::start(&["rsa-a"]).await;
    let api = Api::with(&flags(
        &idp,
        &[
            "--staff-roles-claim",
            "groups",
            "--staff-role-map",
            "osallistu-editors=editor,kaavoitus=responder@Kaavoitus",
            "--staff-role-map",
            "osallistu-admins=admin",
        ],
    ));
    let mut c = idp.claims("u-8", &["editor"]);
    c["groups"] = json!(["kaavoitus", "osallistu-editors", "muut"]);
    let r = me(&api, &idp.sign("rsa-a", &c)).await;
    assert_eq!(r.status, 200, "{}", r.text);
    // The roles claim is not read, and a mapped value is not taken as a role name.
    assert_eq!(
        r.body["roles"],
        json!([{"role": "editor", "unit": null}, {"role": "responder", "unit": "Kaavoitus"}])
    );
    c["groups"] = json!("osallistu-admins");
    let r = me(&api, &idp.sign("rsa-a", &c)).await;
    assert_eq!(r.body["roles"], json!([{"role": "admin", "unit": null}]));
}

#[tokio::test]
async fn without_issuers_staff_endpoints_refuse() {
    let api = Api::demo();
    let idp_less = idp::sign_with(
        "rsa-a",
        Algorithm::RS256,
        Some("rsa-a"),
        &json!({"sub": "x"}),
    );
    let r = me(&api, &idp_less).await;
    refused(&r);
    assert_eq!(
        r.body["detail"],
        "staff sign-in is not configured on this server"
    );
    api.get("/api/v1/staff/me", None)
        .await
        .problem(401, "staff_token_required");
}
