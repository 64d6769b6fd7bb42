// The test IdP's accounts: one per staff role, one scoped to a unit, one with no role at all.
// They exist for tests and the demo only; every account has the same published password.
// `roles` holds the values exactly as the reference server's identity mapping reads them from the
// roles claim: a bare role ("editor") applies everywhere, "role@Unit" only to that unit's items.

export const DEMO_PASSWORD = 'osallistu-demo';

export const ACCOUNTS = [
  { username: 'editor', given: 'Eeva', family: 'Editori', roles: ['editor'] },
  { username: 'moderator', given: 'Mikko', family: 'Moderaattori', roles: ['moderator'] },
  { username: 'responder', given: 'Ritva', family: 'Vastaaja', roles: ['responder'] },
  { username: 'responder-kaavoitus', given: 'Kalle', family: 'Kaavoittaja', roles: ['responder@Kaavoitus'] },
  { username: 'coordinator', given: 'Kaisa', family: 'Koordinaattori', roles: ['coordinator'] },
  { username: 'analyst', given: 'Aino', family: 'Analyytikko', roles: ['analyst'] },
  { username: 'admin', given: 'Ville', family: 'Ylläpitäjä', roles: ['admin'] },
  { username: 'resident-staffless', given: 'Tiina', family: 'Tavallinen', roles: [] },
].map((account) => Object.freeze({ ...account, name: `${account.given} ${account.family}` }));

const byUsername = new Map(ACCOUNTS.map((account) => [account.username, account]));

/** The account for a subject (the username is the subject), or undefined. */
export function findAccount(sub) {
  return byUsername.get(sub);
}

/** The account when the username and password match, else undefined. */
export function authenticate(username, password) {
  const account = byUsername.get(String(username ?? '').trim().toLowerCase());
  return account && password === DEMO_PASSWORD ? account : undefined;
}
