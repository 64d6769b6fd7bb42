// The test IdP's own test: starts idp.mjs on a free port and drives staff sign-in the way the app
// and the server will, with fetch, redirects followed by hand and a cookie jar kept by hand:
// authorization code + PKCE S256 + state + nonce, the sign-in form (wrong password, then right),
// the code exchanged without a secret, the access token checked against the JWKS as the server
// will check it, refresh-token rotation and replay, key rotation, RP-initiated logout, and the
// roles of every demo account. Usage: node tests/idp/check.mjs   (exit status 0 when all pass)
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

import { ACCOUNTS, DEMO_PASSWORD } from './accounts.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const APP = 'http://127.0.0.1:18080';
const OTHER_APP = 'http://127.0.0.1:18081';
const CALLBACK = `${APP}/staff/callback`;
const AFTER_LOGOUT = `${APP}/staff`;
const CLIENT_ID = 'osallistu';
const AUDIENCE = 'osallistu-api';
const ACCESS_TTL = 120;

let passed = 0;
let failed = 0;
function check(what, condition, detail) {
  if (condition) {
    passed += 1;
    console.log(`ok - ${what}`);
  } else {
    failed += 1;
    console.log(`not ok - ${what}${detail === undefined ? '' : `: ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`}`);
  }
  return condition;
}
function must(what, condition, detail) {
  if (!check(what, condition, detail)) throw new Error(`cannot go on after: ${what}`);
}

// ---- the IdP process ------------------------------------------------------------------------

const idp = spawn(process.execPath, [
  path.join(here, 'idp.mjs'), '--port', '0', '--test-hooks',
  '--app-origin', APP, '--app-origin', OTHER_APP,
  '--access-token-ttl', String(ACCESS_TTL),
], { stdio: ['ignore', 'pipe', 'pipe'] });
let idpLog = '';
idp.stderr.on('data', (chunk) => { idpLog += chunk; });
const deadline = setTimeout(() => {
  console.log('not ok - the check took longer than 60 s');
  idp.kill();
  process.exit(1);
}, 60_000);

const ISSUER = await new Promise((resolve, reject) => {
  const lines = readline.createInterface({ input: idp.stdout });
  lines.once('line', (line) => {
    const match = line.match(/^Osallistu IdP listening on (http:\/\/127\.0\.0\.1:\d+)$/);
    if (match) resolve(match[1]);
    else reject(new Error(`unexpected first line: ${line}`));
  });
  idp.once('exit', (code) => reject(new Error(`idp.mjs exited with ${code}\n${idpLog}`)));
});

// ---- HTTP with a cookie jar -----------------------------------------------------------------

class Browser {
  constructor() {
    this.cookies = new Map();
  }

  async request(url, { method = 'GET', form, headers = {} } = {}) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(new URL(url, ISSUER), {
      method,
      redirect: 'manual',
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...headers,
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('=')).trim();
      const value = pair.slice(pair.indexOf('=') + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]) < Date.now());
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** Follows redirects within the IdP; stops at the first page or at a redirect to the app. */
  async follow(res) {
    for (let hops = 0; hops < 10; hops += 1) {
      if (res.status < 300 || res.status >= 400) return { res };
      const location = new URL(res.headers.get('location'), ISSUER);
      if (location.origin !== ISSUER) return { res, location };
      res = await this.request(location);
    }
    throw new Error('too many redirects');
  }
}

// ---- tokens -------------------------------------------------------------------------------

const b64json = (part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

/** Checks a JWT's RS256 signature against the IdP's JWKS, as the server will; returns its parts. */
async function verifyJwt(jwt) {
  const [h, p, s] = jwt.split('.');
  const header = b64json(h);
  const payload = b64json(p);
  const { keys } = await (await fetch(`${ISSUER}/jwks`)).json();
  const jwk = keys.find((k) => k.kid === header.kid);
  const valid = !!jwk && header.alg === 'RS256' && crypto.verify(
    'sha256',
    Buffer.from(`${h}.${p}`),
    crypto.createPublicKey({ key: jwk, format: 'jwk' }),
    Buffer.from(s, 'base64url'),
  );
  return { header, payload, valid, jwk };
}

function pkce() {
  const verifier = crypto.randomBytes(32).toString('base64url');
  const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

function authorizeUrl({ challenge, state, nonce, redirectUri = CALLBACK, method = 'S256', extra = {} }) {
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: CLIENT_ID,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: 'openid profile roles',
    state,
    nonce,
    ...(challenge ? { code_challenge: challenge, code_challenge_method: method } : {}),
    ...extra,
  }).toString();
  return url;
}

/** Signs `username` in from a fresh or given browser; returns the code, the verifier and more. */
async function signIn(browser, username, { redirectUri = CALLBACK, extra } = {}) {
  const { verifier, challenge } = pkce();
  const state = crypto.randomBytes(12).toString('base64url');
  const nonce = crypto.randomBytes(12).toString('base64url');
  let { res, location } = await browser.follow(await browser.request(authorizeUrl({ challenge, state, nonce, redirectUri, extra })));
  let form;
  if (!location) {
    form = await res.text();
    const action = form.match(/<form method="post" action="([^"]+\/login)"/)?.[1];
    ({ location } = await browser.follow(await browser.request(action, {
      method: 'POST', form: { username, password: DEMO_PASSWORD },
    })));
  }
  return { location, verifier, state, nonce, form, redirectUri };
}

async function token(params, origin = APP) {
  const res = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
    body: new URLSearchParams({ client_id: CLIENT_ID, ...params }).toString(),
  });
  return { res, body: await res.json() };
}

async function exchange({ location, verifier, redirectUri }, origin) {
  return token({
    grant_type: 'authorization_code',
    code: location.searchParams.get('code'),
    redirect_uri: redirectUri,
    code_verifier: verifier,
  }, origin);
}

// ---- the flow -----------------------------------------------------------------------------

let discovery;
try {
  console.log(`# IdP at ${ISSUER}`);
  discovery = await (await fetch(`${ISSUER}/.well-known/openid-configuration`)).json();
  check('discovery: issuer is the listening URL', discovery.issuer === ISSUER, discovery.issuer);
  check('discovery: S256 is the only PKCE method', JSON.stringify(discovery.code_challenge_methods_supported) === '["S256"]');
  check('discovery: code is the only response type', JSON.stringify(discovery.response_types_supported) === '["code"]');
  check('discovery: scopes openid profile offline_access roles',
    ['openid', 'profile', 'offline_access', 'roles'].every((s) => discovery.scopes_supported.includes(s)), discovery.scopes_supported);
  check('discovery: jwks_uri, token and end_session endpoints',
    discovery.jwks_uri === `${ISSUER}/jwks` && discovery.token_endpoint === `${ISSUER}/token`
    && discovery.end_session_endpoint === `${ISSUER}/session/end`);
  const jwks0 = await (await fetch(discovery.jwks_uri)).json();
  check('JWKS: one RSA public key, no private parts', jwks0.keys.length === 1 && jwks0.keys[0].kty === 'RSA' && !('d' in jwks0.keys[0]));

  // Refusals: no PKCE, plain PKCE, a redirect URI that is not registered.
  const plainless = new Browser();
  let { location } = await plainless.follow(await plainless.request(authorizeUrl({ state: 's', nonce: 'n' })));
  check('authorize without PKCE is refused', location?.searchParams.get('error') === 'invalid_request', location?.href);
  ({ location } = await plainless.follow(await plainless.request(authorizeUrl({ challenge: 'x'.repeat(43), method: 'plain', state: 's', nonce: 'n' }))));
  check('authorize with PKCE plain is refused', location?.searchParams.get('error') === 'invalid_request', location?.href);
  const stray = await plainless.request(authorizeUrl({ challenge: 'x'.repeat(43), state: 's', nonce: 'n', redirectUri: 'http://127.0.0.1:9/staff/callback' }));
  check('an unregistered redirect URI gets an error page, not a redirect', stray.status === 400 && !stray.headers.get('location'), stray.status);

  // The sign-in form, wrong password first.
  const browser = new Browser();
  const { verifier, challenge } = pkce();
  const state = crypto.randomBytes(12).toString('base64url');
  const nonce = crypto.randomBytes(12).toString('base64url');
  let res;
  ({ res, location } = await browser.follow(await browser.request(authorizeUrl({ challenge, state, nonce }))));
  const page = await res.text();
  must('authorize shows the sign-in form', res.status === 200 && /<form method="post" action="\/interaction\/[\w-]+\/login"/.test(page), res.status);
  check('form: lang="fi", labelled username and password, no script',
    page.includes('<html lang="fi">') && page.includes('<label for="username">') && page.includes('<label for="password">')
    && page.includes('type="password"') && !page.includes('<script'));
  check('form page has a Content-Security-Policy', /script-src 'self'/.test(res.headers.get('content-security-policy') ?? ''));
  const action = page.match(/action="(\/interaction\/[\w-]+\/login)"/)[1];
  res = await browser.request(action, { method: 'POST', form: { username: 'editor', password: 'wrong' } });
  const again = await res.text();
  check('wrong password: the form again with an error message', res.status === 200 && again.includes('role="alert"')
    && again.includes('Väärä käyttäjätunnus tai salasana.') && again.includes('value="editor"'));
  ({ location } = await browser.follow(await browser.request(action, { method: 'POST', form: { username: 'editor', password: DEMO_PASSWORD } })));
  must('right password: redirected to the app callback with a code',
    location?.href.startsWith(`${CALLBACK}?`) && location.searchParams.get('code'), location?.href);
  check('callback carries the same state', location.searchParams.get('state') === state);
  check('callback carries iss (RFC 9207)', location.searchParams.get('iss') === ISSUER);

  // Token exchange, as the browser does it: cross-origin, no secret.
  const preflight = await fetch(discovery.token_endpoint, {
    method: 'OPTIONS',
    headers: { origin: APP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });
  check('token endpoint CORS preflight allows the app origin', preflight.status === 204
    && /POST/.test(preflight.headers.get('access-control-allow-methods') ?? ''), preflight.status);
  const wrong = await token({ grant_type: 'authorization_code', code: location.searchParams.get('code'), redirect_uri: CALLBACK, code_verifier: pkce().verifier });
  check('a wrong code_verifier is refused', wrong.res.status === 400 && wrong.body.error === 'invalid_grant', wrong.body);
  const first = await exchange({ location, verifier, redirectUri: CALLBACK });
  must('code exchanged without a client secret', first.res.status === 200 && first.body.access_token, first.body);
  check('token response allows the app origin (CORS)', first.res.headers.get('access-control-allow-origin') === APP);
  check('token response: Bearer, expires_in, refresh_token, id_token',
    first.body.token_type === 'Bearer' && first.body.expires_in === ACCESS_TTL && !!first.body.refresh_token && !!first.body.id_token, first.body);

  const at = await verifyJwt(first.body.access_token);
  console.log(`# access token header ${JSON.stringify(at.header)}`);
  console.log(`# access token payload ${JSON.stringify(at.payload)}`);
  check('access token: a JWT whose kid is in the JWKS, RS256, signature valid', at.valid && at.header.alg === 'RS256', at.header);
  check('access token: typ at+jwt', at.header.typ === 'at+jwt', at.header.typ);
  const now = Math.floor(Date.now() / 1000);
  check('access token: iss is the issuer', at.payload.iss === ISSUER);
  check('access token: aud is osallistu-api', at.payload.aud === AUDIENCE, at.payload.aud);
  check('access token: exp = iat + the configured lifetime, in the future',
    at.payload.exp - at.payload.iat === ACCESS_TTL && at.payload.exp > now, at.payload);
  check('access token: sub, client_id', at.payload.sub === 'editor' && at.payload.client_id === CLIENT_ID);
  check('access token: roles ["editor"] and name', JSON.stringify(at.payload.roles) === '["editor"]' && at.payload.name === 'Eeva Editori', at.payload);
  const id = await verifyJwt(first.body.id_token);
  check('ID token: signature valid, aud is the client, nonce echoed',
    id.valid && id.payload.aud === CLIENT_ID && id.payload.nonce === nonce && id.payload.iss === ISSUER, id.payload);
  check('ID token: name and roles', id.payload.name === 'Eeva Editori' && JSON.stringify(id.payload.roles) === '["editor"]', id.payload);

  // Refresh-token rotation.
  const refreshed = await token({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token });
  check('refresh: a new access token and a new refresh token', refreshed.res.status === 200
    && refreshed.body.refresh_token && refreshed.body.refresh_token !== first.body.refresh_token, refreshed.body);
  const at2 = await verifyJwt(refreshed.body.access_token);
  check('refreshed access token: valid, same audience and roles', at2.valid && at2.payload.aud === AUDIENCE
    && JSON.stringify(at2.payload.roles) === '["editor"]');
  const reuse = await token({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token });
  check('the used refresh token is refused on reuse', reuse.res.status === 400 && reuse.body.error === 'invalid_grant', reuse.body);
  const afterReplay = await token({ grant_type: 'refresh_token', refresh_token: refreshed.body.refresh_token });
  check('reuse revoked the whole chain (the newer refresh token too)', afterReplay.res.status === 400, afterReplay.body);

  // Still signed in at the IdP: the next authorization needs no form.
  const silent = await signIn(browser, 'editor');
  check('second authorization in the same IdP session needs no form', !silent.form && silent.location?.searchParams.get('code'));
  const second = await exchange(silent);
  must('second code exchanged', second.res.status === 200, second.body);

  // Key rotation through the test hook.
  const rotated = await (await fetch(`${ISSUER}/__test/rotate-keys`, { method: 'POST' })).json();
  const jwks1 = await (await fetch(discovery.jwks_uri)).json();
  const kids = jwks1.keys.map((k) => k.kid);
  check('rotation: a new kid in the JWKS, the old one still there', rotated.kid !== at.header.kid
    && kids[0] === rotated.kid && kids.includes(at.header.kid), { rotated, kids });
  check('rotation: tokens signed before it still verify', (await verifyJwt(second.body.access_token)).valid);
  const afterRotation = await token({ grant_type: 'refresh_token', refresh_token: second.body.refresh_token });
  const at3 = await verifyJwt(afterRotation.body.access_token ?? '..');
  check('rotation: the session and refresh token carry over; new tokens use the new kid',
    afterRotation.res.status === 200 && at3.valid && at3.header.kid === rotated.kid, afterRotation.body);

  // RP-initiated logout with id_token_hint and post_logout_redirect_uri.
  const logoutUrl = new URL(discovery.end_session_endpoint);
  logoutUrl.search = new URLSearchParams({
    id_token_hint: second.body.id_token, post_logout_redirect_uri: AFTER_LOGOUT, state: 'bye',
  }).toString();
  res = await browser.request(logoutUrl);
  const logoutPage = await res.text();
  check('end_session shows the confirmation form (auto-submitted when a script runs)', res.status === 200
    && logoutPage.includes('id="op.logoutForm"') && logoutPage.includes('data-auto-submit')
    && logoutPage.includes('src="/idp-assets/logout.js"'));
  const xsrf = logoutPage.match(/name="xsrf" value="([^"]+)"/)?.[1];
  const confirmAction = logoutPage.match(/<form id="op.logoutForm" method="post" action="([^"]+)"/)?.[1];
  ({ location } = await browser.follow(await browser.request(confirmAction, { method: 'POST', form: { xsrf, logout: 'yes' } })));
  check('sign-out redirects to the post-logout URI with the state', location?.href === `${AFTER_LOGOUT}?state=bye`, location?.href);
  const afterLogout = await token({ grant_type: 'refresh_token', refresh_token: afterRotation.body.refresh_token });
  check('after sign-out the refresh token is refused', afterLogout.res.status === 400, afterLogout.body);
  const fresh = await signIn(browser, 'moderator');
  check('after sign-out authorization asks for the password again', !!fresh.form && fresh.location?.searchParams.get('code'));
  const badHint = await browser.request(`${discovery.end_session_endpoint}?post_logout_redirect_uri=${encodeURIComponent('http://127.0.0.1:9/x')}&client_id=${CLIENT_ID}`);
  check('sign-out to an unregistered post-logout URI is refused', badHint.status === 400, badHint.status);

  // Cancel on the form goes back to the app with access_denied.
  const canceller = new Browser();
  ({ res } = await canceller.follow(await canceller.request(authorizeUrl({ ...pkce(), state: 'c', nonce: 'n' }))));
  const abort = (await res.text()).match(/action="(\/interaction\/[\w-]+\/abort)"/)[1];
  ({ location } = await canceller.follow(await canceller.request(abort, { method: 'POST' })));
  check('cancel returns access_denied to the app', location?.searchParams.get('error') === 'access_denied' && location.searchParams.get('state') === 'c');

  // Every demo account, the second app origin among them, and English on request.
  for (const account of ACCOUNTS) {
    const redirectUri = account.username === 'admin' ? `${OTHER_APP}/staff/callback` : CALLBACK;
    const flow = await signIn(new Browser(), account.username, { redirectUri });
    const tokens = await exchange(flow, new URL(redirectUri).origin);
    const claims = tokens.body.access_token ? (await verifyJwt(tokens.body.access_token)).payload : {};
    check(`account ${account.username}: ${account.name}, roles ${JSON.stringify(account.roles)}`,
      JSON.stringify(claims.roles) === JSON.stringify(account.roles) && claims.name === account.name
      && tokens.res.headers.get('access-control-allow-origin') === new URL(redirectUri).origin, { claims, body: tokens.body });
  }
  // A code presented twice: refused, and what it gave is revoked.
  const once = await signIn(new Browser(), 'editor');
  const onceTokens = await exchange(once);
  const replayCode = await exchange(once);
  check('the code works only once', replayCode.res.status === 400 && replayCode.body.error === 'invalid_grant', replayCode.body);
  const afterCodeReplay = await token({ grant_type: 'refresh_token', refresh_token: onceTokens.body.refresh_token });
  check('a replayed code revokes the refresh token it gave', afterCodeReplay.res.status === 400, afterCodeReplay.body);

  // offline_access: per OpenID Connect it counts only with prompt=consent; a refresh token comes
  // either way.
  const offline = await signIn(new Browser(), 'analyst', { extra: { scope: 'openid profile roles offline_access' } });
  const offlineTokens = await exchange(offline);
  check('offline_access without prompt=consent: dropped, a refresh token all the same', offlineTokens.res.status === 200
    && !!offlineTokens.body.refresh_token && !offlineTokens.body.scope.includes('offline_access'), offlineTokens.body);
  const consented = await signIn(new Browser(), 'analyst', { extra: { scope: 'openid profile roles offline_access', prompt: 'consent' } });
  const consentedTokens = await exchange(consented);
  check('offline_access with prompt=consent: granted without a consent screen', consentedTokens.res.status === 200
    && !!consentedTokens.body.refresh_token && consentedTokens.body.scope.includes('offline_access'), consentedTokens.body);

  const english = new Browser();
  ({ res } = await english.follow(await english.request(authorizeUrl({ ...pkce(), state: 'e', nonce: 'n', extra: { ui_locales: 'en' } }))));
  check('ui_locales=en gives the English form', (await res.text()).includes('<html lang="en">'));
} catch (err) {
  failed += 1;
  console.log(`not ok - ${err.stack}`);
}

clearTimeout(deadline);
idp.kill('SIGTERM');
const unexpected = idpLog.split('\n').filter((line) => /error|warn/i.test(line) && !/signing key rotated/.test(line));
check('the IdP logged no error or warning', unexpected.length === 0, unexpected.join('\n'));
if (failed && idpLog) console.log(`# the IdP's log:\n${idpLog.replace(/^/gm, '#   ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
