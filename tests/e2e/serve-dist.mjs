// Serves a built `dist/` over HTTP the way a static host would: files as they are, with the
// right types, the headers in dist/_headers (cache rules and the Content-Security-Policy), and
// precompressed .br/.gz files when the browser accepts them (pages, which have none, compressed
// on the fly as CDNs do).
//
// Usage: node tests/e2e/serve-dist.mjs [dir=dist] [port=8080] [host=127.0.0.1] [options]
//   --base /campaigns/ukraine/  serve the files under this sub-path (as built with that
//                               --public-url); anything outside it is a 404
//   --no-rewrite                a host without rewrite rules (GitHub Pages, a plain bucket):
//                               unknown paths get 404.html with status 404, not index.html
// Environment: PRESSLINE_CONNECT_SRC adds origins to the policy's connect-src, as a deploy that
// fetches datasets from elsewhere must.
import { createServer } from 'node:http';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const positional = process.argv.slice(2).filter((arg, i, all) => !arg.startsWith('--') && all[i - 1] !== '--base');
const option = (name) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
};
const root = resolve(positional[0] ?? 'dist');
const port = Number(positional[1] ?? process.env.PORT ?? 8080);
const host = positional[2] ?? '127.0.0.1';
const base = option('--base') ?? '/';
const rewrite = !process.argv.includes('--no-rewrite');
const extraConnect = process.env.PRESSLINE_CONNECT_SRC ?? '';

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
  '.yml': 'text/yaml; charset=utf-8',
};

/** The rules of a Netlify-style _headers file: [{ pattern: RegExp, headers: [[name, value]] }]. */
function readHeaderRules() {
  let text;
  try {
    text = readFileSync(join(root, '_headers'), 'utf8');
  } catch {
    return [];
  }
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
    } else if (rules.length && line.trim().startsWith('!')) {
      // `! Name` detaches a header an earlier rule set (Cloudflare Pages' syntax).
      rules.at(-1).headers.push([line.trim().slice(1).trim().toLowerCase(), null]);
    } else if (rules.length) {
      const colon = line.indexOf(':');
      rules.at(-1).headers.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}
const headerRules = readHeaderRules();

function headersFor(urlPath) {
  const headers = {};
  for (const rule of headerRules) {
    if (!rule.pattern.test(urlPath)) continue;
    for (const [name, value] of rule.headers) {
      if (value === null) delete headers[name];
      else headers[name] = value;
    }
  }
  const policy = headers['content-security-policy'];
  if (policy && extraConnect) {
    headers['content-security-policy'] = policy.replace(/connect-src ([^;]*)/, `connect-src $1 ${extraConnect}`);
  }
  return headers;
}

async function fileFor(relative) {
  let decoded;
  try {
    decoded = decodeURIComponent(relative);
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
    // Not a file.
  }
  return null;
}

const server = createServer(async (request, response) => {
  const urlPath = new URL(request.url, 'http://localhost').pathname;
  const inside = urlPath.startsWith(base) || `${urlPath}/` === base;
  const relative = inside ? urlPath.slice(base.length - 1) || '/' : null;
  let path = relative === null ? null : await fileFor(relative);
  let status = 200;
  if (!path) {
    const isPage = relative !== null && !extname(urlPath);
    if (isPage && rewrite) {
      path = join(root, 'index.html'); // An SPA rewrite rule: page paths get the app.
    } else if (relative !== null && !rewrite && (await fileFor('/404.html'))) {
      path = join(root, '404.html'); // What GitHub Pages and most buckets do.
      status = 404;
    } else {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`404: ${urlPath}`);
      return;
    }
  }
  try {
    const headers = {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      vary: 'accept-encoding',
      ...headersFor(urlPath),
    };
    const accepts = request.headers['accept-encoding'] ?? '';
    let body;
    for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
      if (body || !accepts.includes(encoding)) continue;
      body = await readFile(path + suffix).catch(() => undefined);
      if (body) headers['content-encoding'] = encoding;
    }
    if (!body) {
      body = await readFile(path);
      // Pages have no precompressed copy (deployers edit them): compressed on the fly, as
      // CDNs and static hosts do.
      if (extname(path) === '.html' && accepts.includes('br')) {
        body = brotliCompressSync(body);
        headers['content-encoding'] = 'br';
      } else if (extname(path) === '.html' && accepts.includes('gzip')) {
        body = gzipSync(body);
        headers['content-encoding'] = 'gzip';
      }
    }
    response.writeHead(status, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  } catch (error) {
    response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    response.end(String(error));
  }
});

server.listen(port, host, () => {
  console.log(
    `Serving ${root} at http://${host}:${port}${base} (${rewrite ? 'index.html fallback for deep links' : '404.html for unknown paths'})`,
  );
});
