// Serves a built `dist/` over HTTP the way a static host with an SPA fallback would: files as
// they are, with the right types, and index.html for any path that is not a file (deep links).
// Usage: node tests/e2e/serve-dist.mjs [dir=dist] [port=8080] [host=127.0.0.1]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? process.env.PORT ?? 8080);
const host = process.argv[4] ?? '127.0.0.1';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

async function fileFor(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const candidate = normalize(join(root, decoded));
  if (candidate !== root && !candidate.startsWith(root + sep)) return null; // no escaping root
  try {
    const info = await stat(candidate);
    if (info.isFile()) return candidate;
    if (info.isDirectory()) {
      const index = join(candidate, 'index.html');
      if ((await stat(index).catch(() => null))?.isFile()) return index;
    }
  } catch {
    // Not a file: fall through to the SPA fallback.
  }
  return null;
}

const server = createServer(async (request, response) => {
  const urlPath = new URL(request.url, 'http://localhost').pathname;
  let path = await fileFor(urlPath);
  let status = 200;
  if (!path) {
    // Asset-looking paths (with an extension) are real 404s; page paths get the app.
    if (extname(urlPath)) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`404: ${urlPath}`);
      return;
    }
    path = join(root, 'index.html');
  }
  try {
    const body = await readFile(path);
    response.writeHead(status, {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  } catch (error) {
    response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    response.end(String(error));
  }
});

server.listen(port, host, () => {
  console.log(`Serving ${root} on http://${host}:${port}/ (index.html fallback for deep links)`);
});
