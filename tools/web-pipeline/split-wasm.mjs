// Splits the app's wasm at its lazily loaded parts (the `lazy_part!` split points in crates/web),
// for postbuild.mjs.
//
// Trunk's own wasm-bindgen output cannot be split (it has lost the linker's relocations), so
// this starts again from cargo's wasm: wasm-split-cli cuts it into the main module, one module
// per lazy part and chunks of code shared by several parts; wasm-bindgen runs on the main
// module (keeping the exports the parts link to); wasm-opt -Os (release builds) runs on each:
// once brotli-compressed, its output is smaller than -Oz's (0.6 KB on the main module), and faster.
// The results replace trunk's script and wasm in the staging directory under new content
// hashes, with index.html's references and integrity attributes updated. The parts are fetched
// by wasm-split-*.js, relative to itself, so any sub-path and any embedding page work.
//
// Those results depend only on cargo's wasm, the profile, this directory's source and the
// tools, not on the public URL: they are cached under that key (cache.mjs), so a second build
// of the same wasm, for any sub-path, takes a second instead of a minute.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync,
} from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

import { transformSync, version as esbuildVersion } from 'esbuild';

import { Cache, SOURCE, say, sha256, step, toolIdentity } from './cache.mjs';

const APP = 'pressline-app';
// The custom section wasm_split_helpers leaves in a wasm built with split points.
const SPLIT_MARKER = '__wasm_split_unstable';
// What the split cache may keep of each profile: an entry is about 5 MB in release builds (most
// of it the unoptimized main module) and 25 MB in debug builds (`make dev`).
const CACHE_BUDGET = { release: 64 * 1024 * 1024, debug: 160 * 1024 * 1024 };

/** A file's content hash, as its name carries it. */
export const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
/** A file's Subresource Integrity value. */
export const integrity = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** `html` with the integrity value of the `<link>` to `name` set for `bytes` (its new content). */
export function withIntegrity(html, name, bytes) {
  const link = new RegExp(`(<link[^>]*href="[^"]*${name.replace(/\./g, '\\.')}"[^>]*integrity=")[^"]*(")`);
  if (!link.test(html)) throw new Error(`index.html has no link to ${name}`);
  return html.replace(link, `$1${integrity(bytes)}$2`);
}

/**
 * `text` (a module script, or a stylesheet with `loader` 'css') minified by esbuild, in syntax
 * every browser the app supports reads (no newer syntax than the input's).
 */
export function minify(text, loader) {
  const js = loader === 'js';
  return transformSync(text, {
    loader,
    minify: true,
    legalComments: 'none',
    ...(js ? { format: 'esm', target: 'es2020' } : { target: ['chrome105', 'firefox110', 'safari16'] }),
  }).code;
}

function run(tool, args) {
  return new Promise((resolve, reject) => {
    execFile(tool, args, { maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (!error) return resolve();
      const why = error.code === 'ENOENT' ? 'not found on PATH (run `make setup`)' : String(stderr || error.message);
      reject(new Error(`split-wasm: ${tool} failed: ${why}`));
    });
  });
}

/** Runs the `jobs` (functions returning promises) at most `width` at a time, in order. */
async function inParallel(jobs, width) {
  const queue = [...jobs];
  await Promise.all(Array.from({ length: Math.min(width, queue.length) }, async () => {
    while (queue.length) await queue.shift()();
  }));
}

/**
 * Splits the wasm (`target`: cargo's target directory) for staging directory `dir`, returning
 * index.html's text with the new names and integrity hashes. A build without split points is
 * left as it is.
 */
export async function splitWasm({ dir, html, release, target }) {
  const profile = release ? 'release' : 'debug';
  const raw = join(target, 'wasm32-unknown-unknown', profile, `${APP}.wasm`);
  if (!existsSync(raw)) throw new Error(`split-wasm: no ${raw} (did cargo build it?)`);
  const rawBytes = readFileSync(raw);
  if (!rawBytes.includes(SPLIT_MARKER)) return html;

  const tools = toolIdentity('wasm-split-cli', 'wasm-bindgen', ...(release ? ['wasm-opt'] : []));
  const key = sha256('split', SOURCE, profile, rawBytes, tools, esbuildVersion);
  const cache = new Cache(join(target, 'web-pipeline', 'cache', `split-${profile}`), CACHE_BUDGET[profile]);
  // The work directory keeps the split main module for `make size` (which reads it).
  const work = join(target, 'wasm-split', profile);
  let entry = cache.get(key);
  if (entry) {
    say(`reusing the split${release ? ', optimized' : ''} wasm of an earlier build (cache ${key.slice(0, 12)})`);
    if (!existsSync(join(work, '.key')) || readFileSync(join(work, '.key'), 'utf8') !== key) {
      rmSync(work, { recursive: true, force: true });
      mkdirSync(work, { recursive: true });
      copyFileSync(join(entry, 'split-main.wasm'), join(work, `${APP}.wasm`));
      writeFileSync(join(work, '.key'), key);
    }
  } else {
    say(`no split of this wasm in the cache (key ${key.slice(0, 12)}): building it`);
    entry = await cache.put(key, (into) => splitAndOptimize({ raw, work, into, release, target }));
    writeFileSync(join(work, '.key'), key);
  }
  html = apply({ dir, html, entry });
  cache.prune(entry);
  return html;
}

/** Splits, binds and (release) optimizes and minifies `raw` into directory `into`, with a manifest. */
async function splitAndOptimize({ raw, work, into, release, target }) {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const parts = await step(
    'splitting the wasm at its lazily loaded parts (wasm-split-cli)',
    async () => {
      await run('wasm-split-cli', [raw, work, '--out-name', APP]);
      return readdirSync(work).filter((name) => name.endsWith('.wasm') && name !== `${APP}.wasm`);
    },
    (found) => {
      const lazy = found.filter((name) => name.startsWith('split_')).length;
      return `${lazy} parts, ${found.length - lazy} shared chunks`;
    },
  );
  const bindgen = join(work, 'bindgen');
  await step('binding the main module to JavaScript (wasm-bindgen)', () => run('wasm-bindgen', [
    '--target', 'web', '--no-typescript', '--keep-lld-exports', '--out-dir', bindgen, '--out-name', APP, join(work, `${APP}.wasm`),
  ]));
  const mainWasm = join(bindgen, `${APP}_bg.wasm`);
  if (release) await optimize([mainWasm, ...parts.map((name) => join(work, name))], target);

  mkdirSync(into, { recursive: true });
  // The parts, named by content; the loader names them relative to itself.
  let loader = readFileSync(join(work, '__wasm_split.js'), 'utf8');
  const files = [];
  for (const name of parts) {
    const bytes = readFileSync(join(work, name));
    const hashed = `${name.replace(/\.wasm$/, '').replace(/_\d+$/, '').replace(/_/g, '-')}-${hash(bytes)}.wasm`;
    if (!loader.includes(`"./${name}"`)) throw new Error(`split-wasm: the loader does not name ${name}`);
    loader = loader.split(`"./${name}"`).join(`"./${hashed}"`);
    writeFileSync(join(into, hashed), bytes);
    files.push(hashed);
  }

  // The main script and the loader import each other: both names carry one hash of all three.
  let glue = readFileSync(join(bindgen, `${APP}.js`), 'utf8');
  const wasm = readFileSync(mainWasm);
  const build = hash(Buffer.concat([wasm, Buffer.from(glue), Buffer.from(loader)]));
  const glueName = `${APP}-${build}.js`;
  const wasmName = `${APP}-${build}_bg.wasm`;
  const loaderName = `wasm-split-${build}.js`;
  // Only the import statements: the import object's keys must stay the module name the wasm uses.
  glue = replaceAll(glue, 'from "./__wasm_split.js"', `from "./${loaderName}"`);
  loader = replaceAll(loader, `"./${APP}.js"`, `"./${glueName}"`);
  // Minified last, once every name is in place (release builds): about 2 KB less to fetch.
  if (release) [glue, loader] = [glue, loader].map((text) => minify(text, 'js'));
  writeFileSync(join(into, glueName), glue);
  writeFileSync(join(into, wasmName), wasm);
  writeFileSync(join(into, loaderName), loader);
  files.push(glueName, wasmName, loaderName);
  copyFileSync(join(work, `${APP}.wasm`), join(into, 'split-main.wasm'));
  writeFileSync(join(into, 'manifest.json'), JSON.stringify({ files, glueName, wasmName }));
}

/**
 * Runs wasm-opt on each module in place, as many at a time as there are cores (each is a
 * single-threaded process). Each result is also cached under the hash of its input: a change
 * that leaves most modules as they were re-optimizes only the others.
 */
async function optimize(modules, target) {
  const args = ['-Os'];
  const cache = new Cache(join(target, 'web-pipeline', 'cache', 'wasm-opt'), 64 * 1024 * 1024);
  const optimizer = toolIdentity('wasm-opt');
  const todo = [];
  for (const path of modules) {
    const key = sha256('wasm-opt', optimizer, JSON.stringify(args), readFileSync(path));
    const optimized = cache.get(key);
    if (optimized) copyFileSync(optimized, path);
    else todo.push({ path, key });
  }
  const reused = modules.length - todo.length;
  if (!todo.length) {
    say(`reusing the optimized ${modules.length} modules (wasm-opt ${args.join(' ')}) of earlier builds`);
  } else {
    const width = availableParallelism();
    await step(
      `optimizing ${todo.length} modules (wasm-opt ${args.join(' ')}, ${width} at a time)`,
      () => inParallel(todo.map(({ path, key }) => async () => {
        await run('wasm-opt', [...args, path, '-o', path]);
        await cache.put(key, (into) => copyFileSync(path, into));
      }), width),
      () => (reused ? `${reused} others as optimized by earlier builds` : ''),
    );
  }
  cache.prune();
}

/** Puts a cache entry's files in staging directory `dir` in place of trunk's unsplit ones. */
function apply({ dir, html, entry }) {
  const { files, glueName, wasmName } = JSON.parse(readFileSync(join(entry, 'manifest.json'), 'utf8'));
  // Trunk's unsplit files go (before the new ones, which their pattern matches too); index.html
  // names the new ones.
  for (const name of readdirSync(dir)) {
    const old = name.match(new RegExp(`^${APP}-[0-9a-f]+(_bg\\.wasm|\\.js)$`));
    if (!old) continue;
    unlinkSync(join(dir, name));
    html = replaceAll(html, name, old[1] === '.js' ? glueName : wasmName);
  }
  for (const name of files) copyFileSync(join(entry, name), join(dir, name));
  for (const name of [glueName, wasmName]) html = withIntegrity(html, name, readFileSync(join(dir, name)));
  return html;
}

function replaceAll(text, from, to) {
  if (!text.includes(from)) throw new Error(`split-wasm: expected ${from} (wasm-split-cli or wasm-bindgen changed?)`);
  return text.split(from).join(to);
}
