use super::base64url::decode as base64url_decode;
use super::*;
use crate::config::StaffSignIn;

fn discovery() -> Discovery {
    let body = r#"{"issuer":"http://127.0.0.1:9400","authorization_endpoint":"http://127.0.0.1:9400/auth",
        "token_endpoint":"http://127.0.0.1:9400/token","end_session_endpoint":"http://127.0.0.1:9400/session/end",
        "jwks_uri":"http://127.0.0.1:9400/jwks","code_challenge_methods_supported":["S256"]}"#;
    parse_discovery(body, "http://127.0.0.1:9400/").unwrap()
}

fn cfg() -> StaffSignIn {
    StaffSignIn {
        issuer: "http://127.0.0.1:9400".into(),
        client_id: "osallistu".into(),
        scopes: vec!["openid".into(), "profile".into(), "roles".into()],
    }
}

#[test]
fn base64url_follows_rfc_4648_without_padding() {
    for (plain, coded) in [
        ("", ""),
        ("f", "Zg"),
        ("fo", "Zm8"),
        ("foo", "Zm9v"),
        ("foobar", "Zm9vYmFy"),
    ] {
        assert_eq!(base64url_encode(plain.as_bytes()), coded);
        assert_eq!(base64url_decode(coded).unwrap(), plain.as_bytes());
    }
    assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
    assert_eq!(base64url_decode("-_8=").unwrap(), [0xfb, 0xff]);
    assert_eq!(base64url_decode("a+b/"), None);
    assert_eq!(base64url_decode("abcde"), None);
}

#[test]
fn discovery_must_name_the_configured_issuer_and_offer_s256() {
    let d = discovery();
    assert_eq!(d.token_endpoint, "http://127.0.0.1:9400/token");
    let other =
        r#"{"issuer":"https://evil.example","authorization_endpoint":"a","token_endpoint":"t"}"#;
    assert_eq!(
        parse_discovery(other, "http://127.0.0.1:9400"),
        Err(OidcError::Provider)
    );
    let plain = r#"{"issuer":"https://id.example.fi","authorization_endpoint":"a","token_endpoint":"t","code_challenge_methods_supported":["plain"]}"#;
    assert_eq!(
        parse_discovery(plain, "https://id.example.fi"),
        Err(OidcError::Provider)
    );
    assert_eq!(
        parse_discovery("<html>", "https://id.example.fi"),
        Err(OidcError::Provider)
    );
    assert_eq!(
        discovery_url("https://id.example.fi/realms/x/"),
        "https://id.example.fi/realms/x/.well-known/openid-configuration"
    );
}

#[test]
fn the_authorization_request_carries_pkce_state_nonce_and_the_language() {
    let start = SignInStart {
        verifier: "v".into(),
        state: "s t".into(),
        nonce: "n".into(),
        return_to: "/staff".into(),
    };
    let url = authorize_url(
        &discovery(),
        &cfg(),
        "http://127.0.0.1:8080/staff/callback",
        "ch",
        &start,
        "sv",
    );
    assert_eq!(
        url,
        "http://127.0.0.1:9400/auth?response_type=code&client_id=osallistu\
         &redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fstaff%2Fcallback&scope=openid+profile+roles\
         &state=s+t&nonce=n&code_challenge=ch&code_challenge_method=S256&ui_locales=sv"
    );
    assert!(
        !url.contains("verifier") && !url.contains("=v&"),
        "the verifier never travels in the address"
    );
}

#[test]
fn the_callback_is_a_code_with_its_state_or_an_error() {
    let p = |v: &[(&str, &str)]| {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        callback(&p(&[
            ("code", "c"),
            ("state", "s"),
            ("iss", "http://127.0.0.1:9400")
        ])),
        Some(Callback::Code {
            code: "c".into(),
            state: "s".into(),
            iss: Some("http://127.0.0.1:9400".into())
        })
    );
    assert_eq!(
        callback(&p(&[("error", "access_denied"), ("state", "s")])),
        Some(Callback::Error {
            error: "access_denied".into(),
            state: Some("s".into())
        })
    );
    assert_eq!(callback(&p(&[("code", "c")])), None);
    assert_eq!(callback(&[]), None);
}

#[test]
fn token_forms_have_no_secret_and_answers_are_told_apart() {
    assert_eq!(
        code_form("c", "http://a/staff/callback", "osallistu", "ver"),
        "grant_type=authorization_code&code=c&redirect_uri=http%3A%2F%2Fa%2Fstaff%2Fcallback&client_id=osallistu&code_verifier=ver"
    );
    assert_eq!(
        refresh_form("r1", "osallistu"),
        "grant_type=refresh_token&refresh_token=r1&client_id=osallistu"
    );
    let ok = parse_tokens(200, r#"{"access_token":"a","expires_in":300,"refresh_token":"r","id_token":"i","token_type":"Bearer"}"#).unwrap();
    assert_eq!(
        (
            ok.access_token.as_str(),
            ok.expires_in,
            ok.refresh_token.as_deref()
        ),
        ("a", Some(300.0), Some("r"))
    );
    assert_eq!(
        parse_tokens(200, r#"{"access_token":"a","token_type":"DPoP"}"#),
        Err(OidcError::Provider)
    );
    assert_eq!(
        parse_tokens(400, r#"{"error":"invalid_grant"}"#),
        Err(OidcError::Expired)
    );
    assert_eq!(parse_tokens(502, "Bad gateway"), Err(OidcError::Provider));
}

fn jwt(payload: &str) -> String {
    format!(
        "{}.{}.sig",
        base64url_encode(br#"{"alg":"RS256"}"#),
        base64url_encode(payload.as_bytes())
    )
}

#[test]
fn the_id_token_must_be_from_the_issuer_for_this_client_with_this_nonce() {
    let token = jwt(
        r#"{"iss":"http://127.0.0.1:9400","aud":"osallistu","exp":2000,"sub":"editor","nonce":"n1","name":"Eeva Editori"}"#,
    );
    let claims = id_token_claims(&token).unwrap();
    assert_eq!(claims.name.as_deref(), Some("Eeva Editori"));
    assert_eq!(
        check_id_token(&claims, "http://127.0.0.1:9400", "osallistu", "n1", 1000.0),
        Ok(())
    );
    assert_eq!(
        check_id_token(&claims, "http://127.0.0.1:9400", "osallistu", "n2", 1000.0),
        Err(OidcError::Rejected)
    );
    assert_eq!(
        check_id_token(&claims, "https://other", "osallistu", "n1", 1000.0),
        Err(OidcError::Rejected)
    );
    assert_eq!(
        check_id_token(
            &claims,
            "http://127.0.0.1:9400",
            "someone-else",
            "n1",
            1000.0
        ),
        Err(OidcError::Rejected)
    );
    assert_eq!(
        check_id_token(&claims, "http://127.0.0.1:9400", "osallistu", "n1", 3000.0),
        Err(OidcError::Rejected)
    );
    let many = jwt(r#"{"iss":"i","aud":["x","osallistu"],"exp":1,"sub":"s"}"#);
    assert_eq!(id_token_claims(&many).unwrap().aud, ["x", "osallistu"]);
    assert_eq!(id_token_claims("not-a-jwt"), None);
    assert_eq!(id_token_claims("a.b.c.d"), None);
}

#[test]
fn logout_goes_to_the_end_session_endpoint_with_the_hint_and_comes_back() {
    let url = logout_url(&discovery(), Some("id.tok"), "http://a/staff", "osallistu").unwrap();
    assert_eq!(
        url,
        "http://127.0.0.1:9400/session/end?id_token_hint=id.tok&post_logout_redirect_uri=http%3A%2F%2Fa%2Fstaff&client_id=osallistu"
    );
    let mut d = discovery();
    d.end_session_endpoint = None;
    assert_eq!(logout_url(&d, None, "http://a/staff", "osallistu"), None);
}
