// The OpenID Connect provider that staff sign in with in tests and in the demo: the real
// oidc-provider package on loopback, with one public client (the Osallistu app), the demo accounts
// of accounts.mjs and this folder's own sign-in pages. Test and demo use only: plain http, an
// in-memory store, published passwords. Usage and flags: node tests/idp/idp.mjs --help
//
// Once it serves, it prints exactly one line to stdout:
//   Osallistu IdP listening on http://127.0.0.1:PORT
// and that URL is the issuer. Everything else goes to stderr.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { parseArgs } from 'node:util';

import {
  ACCOUNTS, DEMO_PASSWORD, authenticate, findAccount,
} from './accounts.mjs';
import { createStore } from './store.mjs';
import {
  LOGOUT_SCRIPT, errorPage, loginPage, logoutPage, pickLanguage, signedOutPage,
} from './pages.mjs';

const USAGE = `Usage: node tests/idp/idp.mjs [flags]

  --port N                      port on 127.0.0.1 (env OSALLISTU_IDP_PORT; default 9400; 0 = any free)
  --app-origin URL              an origin the app runs on, e.g. http://127.0.0.1:8080 (repeatable;
                                default http://127.0.0.1:8080). Registers URL/staff/callback as a
                                redirect URI and URL/staff as a post-logout redirect URI, and allows
                                the origin to call the token endpoint from the browser (CORS)
  --redirect-uri URL            a further redirect URI (repeatable); its origin is allowed for CORS
  --post-logout-redirect-uri URL  a further post-logout redirect URI (repeatable)
  --client-id ID                the app's client id (default osallistu)
  --audience AUD                "aud" of the access tokens (default osallistu-api)
  --roles-claim NAME            claim that carries the roles (default roles)
  --access-token-ttl S          access token lifetime in seconds (default 300)
  --id-token-ttl S              ID token lifetime in seconds (default 300)
  --refresh-token-ttl S         refresh token lifetime in seconds, counted from sign-in: rotation
                                does not extend it (default 28800, 8 h)
  --session-ttl S               sign-in session at the IdP, in seconds (default 28800)
  --keys FILE                   keep the signing keys (private JWKS) in FILE across restarts
  --test-hooks                  enable POST /__test/rotate-keys (loopback only)
  --list-accounts               print the demo accounts and their password, and exit
  --help                        this text`;

const HOST = '127.0.0.1';

function parseConfig(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      'app-origin': { type: 'string', multiple: true },
      'redirect-uri': { type: 'string', multiple: true },
      'post-logout-redirect-uri': { type: 'string', multiple: true },
      'client-id': { type: 'string', default: 'osallistu' },
      audience: { type: 'string', default: 'osallistu-api' },
      'roles-claim': { type: 'string', default: 'roles' },
      'access-token-ttl': { type: 'string', default: '300' },
      'id-token-ttl': { type: 'string', default: '300' },
      'refresh-token-ttl': { type: 'string', default: '28800' },
      'session-ttl': { type: 'string', default: '28800' },
      keys: { type: 'string' },
      'test-hooks': { type: 'boolean', default: false },
      'list-accounts': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (values['list-accounts']) {
    const width = Math.max(...ACCOUNTS.map((a) => a.username.length));
    for (const a of ACCOUNTS) {
      console.log(`  ${a.username.padEnd(width)}  ${a.name} (${a.roles.length ? a.roles.join(', ') : 'no roles'})`);
    }
    console.log(`  password for every account: ${DEMO_PASSWORD}`);
    process.exit(0);
  }
  const seconds = (name) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive whole number of seconds`);
    return n;
  };
  const url = (value, what) => {
    let parsed;
    try {
      parsed = new URL(value);
    } catch {
      throw new Error(`${what} is not a URL: ${value}`);
    }
    if (!['http:', 'https:'].includes(parsed.protocol)) throw new Error(`${what} must be http(s): ${value}`);
    return parsed;
  };
  const port = Number(values.port ?? process.env.OSALLISTU_IDP_PORT ?? 9400);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad port: ${values.port}`);

  const origins = values['app-origin'] ?? (values['redirect-uri'] ? [] : ['http://127.0.0.1:8080']);
  const redirectUris = [];
  const postLogoutRedirectUris = [];
  const corsOrigins = new Set();
  for (const value of origins) {
    const origin = url(value, '--app-origin').origin;
    if (value.replace(/\/$/, '') !== origin) throw new Error(`--app-origin takes an origin without a path: ${value}`);
    redirectUris.push(`${origin}/staff/callback`);
    postLogoutRedirectUris.push(`${origin}/staff`);
    corsOrigins.add(origin);
  }
  for (const value of values['redirect-uri'] ?? []) {
    redirectUris.push(url(value, '--redirect-uri').href);
    corsOrigins.add(new URL(value).origin);
  }
  for (const value of values['post-logout-redirect-uri'] ?? []) {
    postLogoutRedirectUris.push(url(value, '--post-logout-redirect-uri').href);
  }

  const { audience } = values;
  if (!audience) throw new Error('--audience must not be empty');
  return {
    port,
    clientId: values['client-id'],
    redirectUris,
    postLogoutRedirectUris,
    corsOrigins,
    audience,
    // oidc-provider names an API by an absolute URI (RFC 8707 resource indicator). The app never
    // has to send it: every authorization request gets it by default.
    resource: URL.canParse(audience) ? audience : `urn:osallistu:resource:${audience}`,
    rolesClaim: values['roles-claim'],
    accessTokenTtl: seconds('access-token-ttl'),
    idTokenTtl: seconds('id-token-ttl'),
    refreshTokenTtl: seconds('refresh-token-ttl'),
    sessionTtl: seconds('session-ttl'),
    keysFile: values.keys,
    testHooks: values['test-hooks'],
  };
}

// ---- signing keys -------------------------------------------------------------------------

/** A new RSA signing key as a private JWK, its kid the RFC 7638 thumbprint. */
function newSigningKey() {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  const kid = crypto.createHash('sha256')
    .update(JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n }))
    .digest('base64url');
  return { ...jwk, kid, use: 'sig', alg: 'RS256' };
}

function loadOrCreateKeys(file) {
  if (file && fs.existsSync(file)) {
    const { keys } = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!Array.isArray(keys) || keys.length === 0) throw new Error(`${file} holds no keys`);
    return keys;
  }
  const keys = [newSigningKey()];
  saveKeys(file, keys);
  return keys;
}

function saveKeys(file, keys) {
  if (file) fs.writeFileSync(file, `${JSON.stringify({ keys }, null, 2)}\n`, { mode: 0o600 });
}

// ---- the provider -------------------------------------------------------------------------

// oidc-provider writes its notices with console.info, which is stdout; stdout carries only the
// "listening" line here, so every other line goes to stderr.
console.info = (...args) => console.error(...args);

// Loaded once the flags are read (--help and --list-accounts need no provider).
let Provider;
let errors;

function providerConfiguration(config, keys, cookieKeys, Adapter) {
  const language = (ctx) => pickLanguage(ctx.oidc?.params?.ui_locales);
  const clientName = 'Osallistu';
  return {
    adapter: Adapter,
    jwks: { keys },
    clients: [{
      client_id: config.clientId,
      client_name: clientName,
      application_type: 'web',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: config.redirectUris,
      post_logout_redirect_uris: config.postLogoutRedirectUris,
      id_token_signed_response_alg: 'RS256',
    }],
    responseTypes: ['code'],
    // PKCE for every authorization request; the package accepts only S256.
    pkce: { required: () => true },
    // The app reads name and roles from the ID token: put the scopes' claims in it.
    conformIdTokenClaims: false,
    claims: {
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name', 'preferred_username'],
      roles: [config.rolesClaim],
    },
    async findAccount(ctx, sub) {
      const account = findAccount(sub);
      if (!account) return undefined;
      return {
        accountId: account.username,
        async claims() {
          return {
            sub: account.username,
            name: account.name,
            given_name: account.given,
            family_name: account.family,
            preferred_username: account.username,
            [config.rolesClaim]: [...account.roles],
          };
        },
      };
    },
    // The API's access tokens carry who and what roles, whatever scopes the app asked for.
    async extraTokenClaims(ctx, token) {
      const account = findAccount(token.accountId);
      if (!account) return undefined;
      return { name: account.name, [config.rolesClaim]: [...account.roles] };
    },
    clientBasedCORS(ctx, origin, client) {
      return client.clientId === config.clientId && config.corsOrigins.has(origin);
    },
    // A refresh token whenever the client may use the grant, without offline_access: it then
    // lives with the sign-in session (ends at sign-out or after --session-ttl).
    async issueRefreshToken(ctx, client) {
      return client.grantTypeAllowed('refresh_token');
    },
    // Every use of a refresh token answers with a new one; the used one is spent, and presenting
    // it again revokes the whole grant (replay detection).
    rotateRefreshToken: true,
    ttl: {
      AccessToken: config.accessTokenTtl,
      AuthorizationCode: 60,
      IdToken: config.idTokenTtl,
      // Counted from sign-in: a rotated token keeps what its predecessor had left.
      RefreshToken(ctx) {
        const rotated = ctx?.oidc?.entities?.RotatedRefreshToken;
        return rotated ? rotated.remainingTTL : config.refreshTokenTtl;
      },
      Interaction: 10 * 60,
      Session: config.sessionTtl,
      Grant: Math.max(config.sessionTtl, config.refreshTokenTtl),
      ClientCredentials: 60,
      DeviceCode: 60,
      BackchannelAuthenticationRequest: 60,
      PreAuthorizedCode: 60,
    },
    cookies: {
      // Cookies on 127.0.0.1 are shared by every port: names of its own keep these apart from
      // the app's. Not Secure, since tests and the demo run on plain http.
      names: {
        session: 'osallistu_idp_session',
        interaction: 'osallistu_idp_interaction',
        resume: 'osallistu_idp_resume',
      },
      keys: cookieKeys,
      long: { httpOnly: true, sameSite: 'lax' },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    discovery: { ui_locales_supported: ['fi', 'sv', 'en'] },
    features: {
      devInteractions: { enabled: false },
      // Off: the access tokens are for the API (aud osallistu-api), and oidc-provider's userinfo
      // accepts only its own audience-less tokens. Name and roles are in the ID token instead.
      userinfo: { enabled: false },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => config.resource,
        useGrantedResource: async () => true,
        async getResourceServerInfo(ctx, indicator) {
          if (indicator !== config.resource) throw new errors.InvalidTarget();
          return {
            scope: 'openid profile roles offline_access',
            audience: config.audience,
            accessTokenTTL: config.accessTokenTtl,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          const hint = ctx.oidc.entities.IdTokenHint;
          const auto = !!hint && hint.payload.sub === ctx.oidc.session.accountId;
          securityHeaders(ctx.set.bind(ctx));
          ctx.body = logoutPage({ lang: language(ctx), clientName, form, auto });
        },
        async postLogoutSuccessSource(ctx) {
          securityHeaders(ctx.set.bind(ctx));
          ctx.body = signedOutPage({ lang: language(ctx) });
        },
      },
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      securityHeaders(ctx.set.bind(ctx));
      ctx.body = errorPage({ lang: language(ctx), error: out.error, description: out.error_description });
    },
  };
}

// For the IdP's own HTML pages: no framing, scripts only from here, styles only inline.
function securityHeaders(set) {
  set('Content-Security-Policy',
    "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'");
  set('X-Frame-Options', 'DENY');
  set('Cache-Control', 'no-store');
  set('Referrer-Policy', 'no-referrer');
}

// ---- interactions: sign-in form and (automatic) consent -------------------------------------

async function readForm(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 16 * 1024) throw new Error('form too large');
  }
  return new URLSearchParams(body);
}

function sendHtml(res, status, html) {
  securityHeaders((name, value) => res.setHeader(name, value));
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(html);
}

async function interaction(provider, config, req, res, uid, action) {
  let details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch (err) {
    // Expired or unknown step, or its cookie is missing: the app has to start again.
    return sendHtml(res, 400, errorPage({ lang: 'fi', error: err.message, description: err.error_description }));
  }
  if (details.uid !== uid) return sendHtml(res, 400, errorPage({ lang: 'fi', error: 'interaction mismatch' }));
  const { prompt, params } = details;
  const lang = pickLanguage(params.ui_locales);
  const clientName = 'Osallistu';

  if (action === 'abort' && req.method === 'POST') {
    return provider.interactionFinished(req, res, {
      error: 'access_denied',
      error_description: 'the person cancelled the sign-in',
    }, { mergeWithLastSubmission: false });
  }

  if (prompt.name === 'login') {
    if (action === undefined && req.method === 'GET') {
      return sendHtml(res, 200, loginPage({ lang, uid, clientName, username: params.login_hint ?? '' }));
    }
    if (action === 'login' && req.method === 'POST') {
      const form = await readForm(req);
      const account = authenticate(form.get('username'), form.get('password'));
      if (!account) {
        return sendHtml(res, 200, loginPage({ lang, uid, clientName, username: form.get('username') ?? '', error: true }));
      }
      // remember: false keeps the IdP's session cookie to the browser session (shared computers).
      return provider.interactionFinished(req, res, {
        login: { accountId: account.username, amr: ['pwd'], remember: false },
      }, { mergeWithLastSubmission: false });
    }
  }

  if (prompt.name === 'consent' && action === undefined && req.method === 'GET') {
    // Osallistu is the city's own (first-party) app: what it asks for is granted without a
    // screen, through the same Grant API a consent page would use.
    if (params.client_id !== config.clientId) {
      return provider.interactionFinished(req, res, { error: 'access_denied' }, { mergeWithLastSubmission: false });
    }
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: params.client_id });
    const missing = prompt.details;
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, {
      consent: details.grantId ? {} : { grantId },
    }, { mergeWithLastSubmission: true });
  }

  return sendHtml(res, 400, errorPage({ lang, error: `unexpected step ${prompt.name}` }));
}

// oidc-provider 9 is tested on Node.js 22+ and says so once at import on older LTS lines. The
// machines here run Debian's Node.js 20.20; tests/idp/check.mjs exercises every path that
// Osallistu uses on it, so that one notice is left out of the log.
async function importProvider() {
  const warn = console.warn;
  console.warn = (...args) => {
    if (!String(args[0]).includes('Unsupported runtime')) warn(...args);
  };
  try {
    return await import('oidc-provider');
  } finally {
    console.warn = warn;
  }
}

// ---- server -------------------------------------------------------------------------------

async function main() {
  let config;
  try {
    config = parseConfig(process.argv.slice(2));
  } catch (err) {
    console.error(`idp.mjs: ${err.message}\n\n${USAGE}`);
    process.exit(2);
  }
  ({ Provider, errors } = await importProvider());

  let keys = loadOrCreateKeys(config.keysFile);
  const cookieKeys = [crypto.randomBytes(32).toString('base64url')];
  const Adapter = createStore();
  let issuer;
  let provider;
  let handle;

  // A key rotation builds a new Provider over the same store, cookie keys and clients, so
  // sessions, grants and refresh tokens carry over; the previous key stays in the JWKS so that
  // tokens it signed still verify until they expire.
  function build() {
    provider = new Provider(issuer, providerConfiguration(config, keys, cookieKeys, Adapter));
    provider.on('server_error', (ctx, err) => console.error('IdP server error:', err));
    handle = provider.callback();
  }

  function rotateKeys() {
    keys = [newSigningKey(), keys[0]];
    saveKeys(config.keysFile, keys);
    build();
    console.error(`IdP signing key rotated: now ${keys[0].kid}, previous ${keys[1].kid}`);
    return { kid: keys[0].kid, kids: keys.map((k) => k.kid) };
  }

  const server = http.createServer(async (req, res) => {
    try {
      if (!handle) {
        res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
        return res.end('starting');
      }
      const { pathname } = new URL(req.url, issuer);
      if (pathname === '/idp-assets/logout.js' && req.method === 'GET') {
        res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' });
        return res.end(LOGOUT_SCRIPT);
      }
      if (pathname === '/__test/rotate-keys' && config.testHooks && req.method === 'POST'
        && ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(req.socket.remoteAddress)) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return res.end(JSON.stringify(rotateKeys()));
      }
      const step = pathname.match(/^\/interaction\/([\w-]+)(?:\/(login|abort))?$/);
      if (step) return await interaction(provider, config, req, res, step[1], step[2]);
      return handle(req, res);
    } catch (err) {
      console.error('IdP error:', err);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('internal error');
    }
  });

  server.listen(config.port, HOST, () => {
    issuer = `http://${HOST}:${server.address().port}`;
    build();
    process.stdout.write(`Osallistu IdP listening on ${issuer}\n`);
  });
  server.on('error', (err) => {
    console.error(`idp.mjs: cannot listen on ${HOST}:${config.port}: ${err.message}`);
    process.exit(1);
  });

  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
