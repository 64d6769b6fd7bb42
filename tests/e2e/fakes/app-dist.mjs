// Prepares a copy of the release build whose config.json is the repository's example for
// Kerrokantasi + Linked Events + the reference server, pointed at the fake backends. Nothing is
// rebuilt: switching backends is a config change only.
//
// It may also be embedded by the host page on another loopback port (embed.allowed_origins).
//
// Usage: node app-dist.mjs <dist> <out dir> <kerrokantasi port> <linked events port> <host port>

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const [dist, out, kkPort, lePort, hostPort] = process.argv.slice(2);
const example = path.resolve(here, '../../fixtures/config/kerrokantasi-linked-events.json');

fs.rmSync(out, { recursive: true, force: true });
fs.cpSync(dist, out, { recursive: true });
const config = JSON.parse(fs.readFileSync(example, 'utf8'));
config.backends.plans.base_url = `http://127.0.0.1:${kkPort}/v1`;
config.backends.events.base_url = `http://127.0.0.1:${lePort}/v1`;
config.backends.events.auth.token_url = `http://127.0.0.1:${lePort}/auth/token`;
// Tests never reach the internet: no background map, and the logo of the shipped config.
config.map.tiles = null;
config.municipality.logo = 'logo.svg';
delete config.municipality.website;
config.embed = { allowed_origins: [`http://127.0.0.1:${hostPort}`] };
fs.writeFileSync(path.join(out, 'config.json'), JSON.stringify(config, null, 2));
for (const f of ['config.json.br', 'config.json.gz']) fs.rmSync(path.join(out, f), { force: true });
console.log(`app with fake backends prepared in ${out}`);
