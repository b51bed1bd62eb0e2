// A misbehaving data server for the end-to-end tests: it serves datasets in every format, and
// also slow answers, errors, hangs, junk and oversized bodies, from another origin (with CORS).
// Usage: node tests/e2e/fixture-server.mjs [port=8198]
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const port = Number(process.argv[2] ?? 8198);
const fixture = (name) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
const broken = new Set(['flaky']); // names that fail until /__fix/<name>
const hostPages = new Map(); // POST /__host/<name> stores a page, GET /host/<name> serves it

/** Fault datasets, made on first request (and kept): see faults.spec.js. */
const faults = new Map();
function fault(name) {
  if (faults.has(name)) return faults.get(name);
  const record = (i, extra = '') => `{"id":"r${i}","kind":"Report","date":"2020-01-${String((i % 28) + 1).padStart(2, '0')}","title":"Release ${i}"${extra}}`;
  const dataset = (records) => `{"pressline":1,"title":"Faults","releases":[\n${records.join(',\n')}\n]}`;
  let body;
  switch (name) {
    case 'million': {
      // 1,000,000 small releases: about 75 MB.
      const records = new Array(1_000_000);
      for (let i = 0; i < records.length; i += 1) records[i] = record(i);
      body = dataset(records);
      break;
    }
    case 'deep':
      // A record nested 100,000 levels deep between two good ones; then a whole file as deep.
      body = dataset([record(1), `{"id":"deep","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, record(2)]);
      break;
    case 'deep-file':
      body = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
      break;
    case 'huge-field':
      // A 10 MB title between two good records.
      body = dataset([record(1), `{"id":"huge","kind":"Report","date":"2020-01-01","title":"${'x'.repeat(10 * 1024 * 1024)}"}`, record(2)]);
      break;
    case 'nul-surrogates':
      body = fixture('broken-json-records.json').toString('utf8');
      break;
    case 'surrogate-title':
      // The same records, and a lone surrogate in the dataset's own title.
      body = fixture('broken-json-records.json').toString('utf8')
        .replace('"title": "Records the JSON', '"title": "\\ud800 Records the JSON');
      break;
    case 'duplicates': {
      // 5,000 records with one id: the first is kept, 4,999 are reported.
      const records = [];
      for (let i = 0; i < 5000; i += 1) records.push(`{"id":"same","kind":"Report","date":"2020-01-01","title":"Copy ${i}"}`);
      body = dataset(records);
      break;
    }
    default:
      return null;
  }
  faults.set(name, Buffer.from(body));
  return faults.get(name);
}

const server = createServer((request, response) => {
  const { pathname } = new URL(request.url, 'http://localhost');
  const headers = { 'access-control-allow-origin': '*', 'cache-control': 'no-store' };
  const json = (body, status = 200) => {
    response.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8' });
    response.end(body);
  };
  if (request.method === 'POST' && pathname.startsWith('/__host/')) {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      hostPages.set(pathname.slice('/__host/'.length), Buffer.concat(chunks));
      json('{"stored":true}');
    });
    return undefined;
  }
  if (pathname.startsWith('/host/')) {
    const page = hostPages.get(pathname.slice('/host/'.length));
    response.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    return response.end(page ?? 'no such host page');
  }
  if (pathname.startsWith('/__fix/')) {
    broken.delete(pathname.slice('/__fix/'.length));
    return json('{"fixed":true}');
  }
  if (pathname.startsWith('/__break/')) {
    broken.add(pathname.slice('/__break/'.length));
    return json('{"broken":true}');
  }
  if (pathname.startsWith('/faults/')) {
    const body = fault(pathname.slice('/faults/'.length).replace(/\.json$/, ''));
    if (!body) return json('{"error":"no such fault"}', 404);
    response.writeHead(200, { ...headers, 'content-type': 'application/json', 'content-length': body.length });
    return response.end(body);
  }
  if (pathname.startsWith('/archive/') && /^[\w.-]+$/.test(pathname.slice(9))) {
    try {
      return json(fixture(`archive/${pathname.slice(9)}`));
    } catch {
      return json('{"error":"no such shard"}', 404);
    }
  }
  if (pathname.startsWith('/formats/') && /^[\w.-]+$/.test(pathname.slice(9))) {
    // Any file of tests/fixtures/formats, with the type a web server gives its ending (a feed
    // or spreadsheet in its own encoding: no charset is claimed).
    const types = { json: 'application/json', xml: 'application/xml', csv: 'text/csv', tsv: 'text/tab-separated-values' };
    const name = pathname.slice(9);
    try {
      const body = fixture(`formats/${name}`);
      response.writeHead(200, { ...headers, 'content-type': types[name.split('.').pop()] ?? 'application/octet-stream' });
      return response.end(body);
    } catch {
      return json('{"error":"no such fixture"}', 404);
    }
  }
  switch (pathname) {
    case '/ok.json':
      return json(fixture('valid.json'));
    case '/embargo.json':
      return json(fixture('embargo.json'));
    case '/half-broken.json':
      return json(fixture('broken-records.json'));
    case '/json-feed.json':
      return json(fixture('formats/json-feed.json'));
    case '/wordpress.json':
      return json(fixture('formats/wordpress-posts.json'));
    case '/timelinejs.json':
      return json(fixture('formats/timelinejs.json'));
    case '/rss.xml':
      response.writeHead(200, { ...headers, 'content-type': 'application/rss+xml; charset=utf-8' });
      return response.end(fixture('formats/rss.xml'));
    case '/atom.xml':
      response.writeHead(200, { ...headers, 'content-type': 'application/atom+xml; charset=utf-8' });
      return response.end(fixture('formats/atom.xml'));
    case '/slow.json': {
      // About 2 s in four parts, so the loading view and its byte count can be seen.
      const body = fixture('valid.json');
      response.writeHead(200, { ...headers, 'content-type': 'application/json', 'content-length': body.length });
      const parts = 4;
      const size = Math.ceil(body.length / parts);
      let sent = 0;
      const next = () => {
        response.write(body.subarray(sent * size, (sent + 1) * size));
        sent += 1;
        if (sent < parts) setTimeout(next, 500);
        else response.end();
      };
      return setTimeout(next, 300);
    }
    case '/flaky.json':
      return broken.has('flaky')
        ? json('{"error":"database down"}', 500)
        : json(fixture('valid.json'));
    case '/missing.json':
      return json('{"error":"not found"}', 404);
    case '/hang.json':
      return undefined; // Never answers: the app's time limit must.
    case '/not-json.json':
      response.writeHead(200, { ...headers, 'content-type': 'text/html' });
      return response.end('<!DOCTYPE html><html><body>Maintenance</body></html>');
    case '/not-a-format.json':
      return json('{ "rss": { "channel": [] } }');
    case '/huge.json': {
      // 2 MB of valid JSON, streamed without a length, for a deploy limit of 1 MB.
      response.writeHead(200, { ...headers, 'content-type': 'application/json' });
      response.write('{ "pressline": 1, "releases": [], "padding": "');
      for (let i = 0; i < 2048; i += 1) response.write('x'.repeat(1024));
      return response.end('" }');
    }
    case '/not-utf8.json':
      response.writeHead(200, { ...headers, 'content-type': 'application/json' });
      return response.end(Buffer.from([0x7b, 0x20, 0xff, 0xfe, 0x7d]));
    default:
      return json('{"error":"no such fixture"}', 404);
  }
});

server.listen(port, '127.0.0.1', () => console.log(`fixture server on http://127.0.0.1:${port}/`));
