// Searches every file of a build or a publish, and every file's name, for strings that must not
// (or must) be there: an embargoed release's id and title. Compressed copies are decompressed (.br, .gz), the wasm and
// every other binary read as bytes, text also as it would be escaped in JSON, HTML or a URL.
//
// Usage: node tests/embargo/leak.mjs DIR (--absent|--present) [--in REGEX]... NEEDLE...
//   --in REGEX  (with --present) a file whose path (relative to DIR) matches must hold every
//               needle: the app's wasm, the release's page, the feed, the sitemap…
// Exit status 0 when every needle is absent (or, with --present, found where asked), 1 otherwise.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

const [dir, mode, ...rest] = process.argv.slice(2);
const wanted = [];
const needles = [];
for (let i = 0; i < rest.length; i += 1) {
  if (rest[i] === '--in') wanted.push(new RegExp(rest[++i]));
  else needles.push(rest[i]);
}
if (!dir || !['--absent', '--present'].includes(mode) || needles.length === 0) {
  console.error('usage: node tests/embargo/leak.mjs DIR (--absent|--present) NEEDLE...');
  process.exit(2);
}

/** Every file under `root`, as [relative path, bytes] with compressed files decompressed. */
function* files(root) {
  for (const name of readdirSync(root, { recursive: true })) {
    const path = join(root, name);
    if (!statSync(path).isFile()) continue;
    const bytes = readFileSync(path);
    if (name.endsWith('.br')) yield [name, brotliDecompressSync(bytes)];
    else if (name.endsWith('.gz')) yield [name, gunzipSync(bytes)];
    else yield [name, bytes];
  }
}

/** The forms a string takes in the files: as written, JSON-escaped, HTML-escaped, in a URL. */
const forms = (needle) => [...new Set([
  needle,
  JSON.stringify(needle).slice(1, -1),
  needle.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
  encodeURIComponent(needle),
])].map((form) => Buffer.from(form));

const hits = new Map(needles.map((needle) => [needle, []]));
let count = 0;
for (const [path, bytes] of files(dir)) {
  count += 1;
  for (const needle of needles) {
    // In a file's name too: a picture named after the release (media/<id>.jpg) is a leak.
    if (path.includes(needle) || forms(needle).some((form) => bytes.includes(form))) hits.get(needle).push(path);
  }
}
let failed = false;
for (const pattern of mode === '--present' ? wanted : []) {
  for (const [needle, where] of hits) {
    if (!where.some((path) => pattern.test(path))) {
      failed = true;
      console.error(`embargo check: "${needle}" is in no file matching ${pattern}`);
    }
  }
}
for (const [needle, where] of hits) {
  if (mode === '--absent' && where.length) {
    failed = true;
    console.error(`embargo leak: "${needle}" is in ${where.length} file(s): ${where.slice(0, 10).join(', ')}`);
  } else if (mode === '--present' && !where.length) {
    failed = true;
    console.error(`embargo check: "${needle}" is in none of the ${count} files of ${dir}`);
  } else {
    console.log(`${needle}: ${mode === '--absent' ? 'in none' : `in ${where.length}`} of the ${count} files of ${dir}`);
  }
}
process.exit(failed ? 1 : 0);
