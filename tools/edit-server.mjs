// `make edit`: the press office's editor and the timeline it feeds, on one origin, on a laptop.
//
// - /admin/ is Decap CMS (from the build in dist/), whose local backend is decap-server (npm),
//   started here and reached through /api/v1: it writes content/releases/<id>.md and
//   content/site.yml straight into the checkout, with no sign-in and no git host;
// - /content.json is the content folder read by `pressline convert` at each request, and every
//   page of the app is served with `data-src="content.json"`, so a reload shows what was just
//   saved, every problem listed (a published build bundles and prerenders instead);
// - everything else is dist/ as a static host serves it (tests/e2e/serve-dist.mjs).
//
// Usage: node tools/edit-server.mjs [--dist dist] [--port 8080] [--decap-port 8081]
//                                   [--repo .] [--fresh-copy-of DIR]
//   --repo DIR           the checkout whose content/ is edited (decap-server's repository)
//   --fresh-copy-of DIR  first replace DIR's content/ in --repo by a copy of DIR/content (tests)
import { spawn, execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFile, rmSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { join, resolve } from 'node:path';

const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? fallback : process.argv[at + 1];
};
const dist = resolve(option('--dist', 'dist'));
const port = Number(option('--port', 8080));
const decapPort = Number(option('--decap-port', 8081));
const staticPort = port + 1000;
const repo = resolve(option('--repo', '.'));
const freshFrom = option('--fresh-copy-of');
const content = join(repo, 'content');
const pressline = resolve('target/debug/pressline');

if (freshFrom) {
  rmSync(content, { recursive: true, force: true });
  mkdirSync(repo, { recursive: true });
  cpSync(join(resolve(freshFrom), 'content'), content, { recursive: true });
}
for (const [path, what] of [[dist, 'the build (make build)'], [pressline, 'the command (cargo build --bin pressline)'], [content, 'the content folder']]) {
  if (!existsSync(path)) {
    console.error(`edit-server: ${path} is missing: ${what}`);
    process.exit(2);
  }
}

const children = [
  spawn(resolve('node_modules/.bin/decap-server'), [], {
    env: { ...process.env, PORT: String(decapPort), BIND_HOST: '127.0.0.1', GIT_REPO_DIRECTORY: repo, MODE: 'fs', LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  }),
  spawn(process.execPath, [resolve('tests/e2e/serve-dist.mjs'), dist, String(staticPort)], { stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

/** Passes the request on to a local server; `rewrite` may change an HTML body on its way back. */
function pass(request, response, toPort, rewrite) {
  const headers = { ...request.headers, host: `127.0.0.1:${toPort}` };
  if (rewrite) delete headers['accept-encoding'];
  const upstream = httpRequest({ host: '127.0.0.1', port: toPort, path: request.url, method: request.method, headers }, (answer) => {
    const html = rewrite && /^text\/html/.test(answer.headers['content-type'] ?? '');
    if (!html) {
      response.writeHead(answer.statusCode, answer.headers);
      answer.pipe(response);
      return;
    }
    const chunks = [];
    answer.on('data', (chunk) => chunks.push(chunk));
    answer.on('end', () => {
      const body = rewrite(Buffer.concat(chunks).toString('utf8'));
      const { 'content-length': _length, 'transfer-encoding': _chunked, ...rest } = answer.headers;
      response.writeHead(answer.statusCode, { ...rest, 'content-length': Buffer.byteLength(body) });
      response.end(body);
    });
  });
  upstream.on('error', (error) => {
    response.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
    response.end(`edit-server: ${error.message}`);
  });
  request.pipe(upstream);
}

/** Every page reads the content folder instead of the bundled dataset. */
const withContent = (html) => html.replace(/<body(?![^>]*data-src=)/, '<body data-src="/content.json"');

createServer((request, response) => {
  const path = new URL(request.url, 'http://localhost').pathname;
  if (path === '/api/v1') return pass(request, response, decapPort);
  if (path.startsWith('/media/')) {
    // Pictures uploaded in the editor, before a build copies them into the site.
    const file = resolve(content, `.${decodeURIComponent(path)}`);
    if (!file.startsWith(join(content, 'media'))) return response.writeHead(404).end();
    return readFile(file, (error, bytes) => {
      if (error) return response.writeHead(404).end();
      return response.writeHead(200, { 'cache-control': 'no-store' }).end(bytes);
    });
  }
  if (path === '/content.json') {
    execFile(pressline, ['convert', content, '--to', 'pressline'], { maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      // Problems are the app's to list; only a folder that cannot be read at all is an error.
      if (!stdout.trim()) {
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        return response.end(`pressline convert ${content}: ${stderr || error?.message}`);
      }
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      return response.end(stdout);
    });
    return undefined;
  }
  return pass(request, response, staticPort, path.startsWith('/admin/') ? undefined : withContent);
}).listen(port, '127.0.0.1', () => {
  console.log(`edit-server: the editor at http://127.0.0.1:${port}/admin/, the timeline at http://127.0.0.1:${port}/ (content: ${content})`);
});
