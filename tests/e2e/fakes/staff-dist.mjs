// Prepares a copy of the release build whose config.json points staff sign-in at the test
// identity provider (tests/idp/idp.mjs) on its loopback port. Nothing is rebuilt: the issuer is
// a config setting.
//
// Usage: node staff-dist.mjs <dist> <out dir> <idp port>

import fs from 'node:fs';
import path from 'node:path';

const [dist, out, idpPort] = process.argv.slice(2);
fs.rmSync(out, { recursive: true, force: true });
fs.cpSync(dist, out, { recursive: true });
const config = JSON.parse(fs.readFileSync(path.join(dist, 'config.json'), 'utf8'));
config.staff = { ...(config.staff ?? {}), issuer: `http://127.0.0.1:${idpPort}`, client_id: 'osallistu' };
fs.writeFileSync(path.join(out, 'config.json'), JSON.stringify(config, null, 2));
for (const f of ['config.json.br', 'config.json.gz']) fs.rmSync(path.join(out, f), { force: true });
console.log(`app with the test identity provider prepared in ${out}`);
