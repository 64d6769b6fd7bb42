// A municipal website on its own origin that embeds Osallistu with embed.js (the page in
// tests/e2e/host/). Usage: node host.mjs <port> <app origin>
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const [port, app] = process.argv.slice(2);
const page = fs.readFileSync(path.resolve(here, '../host/index.html'), 'utf8').replaceAll('__APP__', app);

http
  .createServer((req, res) => {
    if (req.url === '/' || req.url.startsWith('/?')) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end(page);
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  })
  .listen(Number(port), '127.0.0.1', () => console.log(`host page on http://127.0.0.1:${port}/`));
