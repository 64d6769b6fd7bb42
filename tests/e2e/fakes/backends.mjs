// Starts the fake Kerrokantasi and Linked Events servers for the end-to-end tests (see
// common.mjs for what they share and how they stay faithful to the recorded answers).
//
// Usage: node backends.mjs <kerrokantasi port> <linked events port>

import { server } from './common.mjs';
import { kerrokantasi } from './kerrokantasi.mjs';
import { linkedEvents } from './linked-events.mjs';

const [kkPort, lePort] = process.argv.slice(2).map(Number);
if (!kkPort || !lePort) {
  console.error('usage: node backends.mjs <kerrokantasi port> <linked events port>');
  process.exit(2);
}

server('kerrokantasi', kkPort, kerrokantasi);
server('linked events', lePort, linkedEvents);
