// In-memory storage for the test IdP's sessions, interactions, grants, codes and tokens
// (oidc-provider's adapter interface). Everything is lost when the process stops, which is what
// tests and the demo want. Unlike the package's own memory adapter it has no size cap (a long e2e
// run signs in hundreds of times), and one store outlives a key rotation, which builds a new
// Provider instance over the same data.

// Models whose entries belong to a grant and go when the grant is revoked.
const GRANT_MEMBERS = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
  'PreAuthorizedCode',
]);

export function createStore() {
  const entries = new Map(); // "Model:id" -> { payload, expiresAt (ms or Infinity) }
  const byUid = new Map(); // session uid -> session id
  const byUserCode = new Map(); // user code -> "Model:id"
  const grants = new Map(); // grant id -> Set of "Model:id"

  function live(key) {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      forget(key);
      return undefined;
    }
    return entry.payload;
  }

  function forget(key) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    const { payload } = entry;
    if (payload.uid && byUid.get(payload.uid) === key) byUid.delete(payload.uid);
    if (payload.userCode && byUserCode.get(payload.userCode) === key) byUserCode.delete(payload.userCode);
    if (payload.grantId) grants.get(payload.grantId)?.delete(key);
  }

  // Expired entries go once a minute, so the map does not grow over a long run.
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [key, entry] of entries) if (entry.expiresAt <= now) forget(key);
    for (const [grantId, members] of grants) if (members.size === 0) grants.delete(grantId);
  }, 60_000);
  sweep.unref();

  class Adapter {
    constructor(model) {
      this.model = model;
    }

    key(id) {
      return `${this.model}:${id}`;
    }

    async upsert(id, payload, expiresIn) {
      const key = this.key(id);
      forget(key);
      const expiresAt = typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : Infinity;
      entries.set(key, { payload, expiresAt });
      if (this.model === 'Session' && payload.uid) byUid.set(payload.uid, key);
      if (payload.userCode) byUserCode.set(payload.userCode, key);
      if (GRANT_MEMBERS.has(this.model) && payload.grantId) {
        if (!grants.has(payload.grantId)) grants.set(payload.grantId, new Set());
        grants.get(payload.grantId).add(key);
      }
    }

    async find(id) {
      return live(this.key(id));
    }

    async findByUid(uid) {
      const key = byUid.get(uid);
      return key ? live(key) : undefined;
    }

    async findByUserCode(userCode) {
      const key = byUserCode.get(userCode);
      return key ? live(key) : undefined;
    }

    async consume(id) {
      const payload = live(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }

    async destroy(id) {
      forget(this.key(id));
    }

    async revokeByGrantId(grantId) {
      for (const key of grants.get(grantId) ?? []) forget(key);
      grants.delete(grantId);
    }
  }

  return Adapter;
}
