// Splits the app's wasm at its lazily loaded parts (crates/web/src/lazy_part.rs), for postbuild.mjs.
//
// Trunk's own wasm-bindgen output cannot be split (it has lost the linker's relocations), so
// this starts again from cargo's wasm: wasm-split-cli cuts it into the main module, one module
// per lazy part and chunks of code shared by several parts; wasm-bindgen runs on the main
// module (keeping the exports the parts link to); wasm-opt -Os (release builds) runs on each:
// once brotli-compressed, its output is smaller than -Oz's (0.6 KB on the main module), and faster.
// The results replace trunk's script and wasm in the staging directory under new content
// hashes, with index.html's references and integrity attributes updated. The parts are fetched
// by wasm-split-*.js, relative to itself, so any sub-path and any embedding page work.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { transformSync } from 'esbuild';

const APP = 'pressline-app';
// The custom section wasm_split_helpers leaves in a wasm built with split points.
const SPLIT_MARKER = '__wasm_split_unstable';

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
  try {
    execFileSync(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const why = error.code === 'ENOENT' ? 'not found on PATH (run `make setup`)' : String(error.stderr || error.message);
    throw new Error(`split-wasm: ${tool} failed: ${why}`);
  }
}

/** Cargo's target directory, wherever CARGO_TARGET_DIR or a config puts it. */
function targetDirectory() {
  const metadata = execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(metadata).target_directory;
}

/**
 * Splits the wasm in staging directory `dir`, returning index.html's text with the new names
 * and integrity hashes. A build without split points is left as it is.
 */
export function splitWasm({ dir, html, release }) {
  const target = targetDirectory();
  const profile = release ? 'release' : 'debug';
  const raw = join(target, 'wasm32-unknown-unknown', profile, `${APP}.wasm`);
  if (!existsSync(raw)) throw new Error(`split-wasm: no ${raw} (did cargo build it?)`);
  if (!readFileSync(raw).includes(SPLIT_MARKER)) return html;

  const work = join(target, 'wasm-split', profile);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  run('wasm-split-cli', [raw, work, '--out-name', APP]);
  const bindgen = join(work, 'bindgen');
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-lld-exports', '--out-dir', bindgen, '--out-name', APP, join(work, `${APP}.wasm`)]);
  const mainWasm = join(bindgen, `${APP}_bg.wasm`);
  const parts = readdirSync(work).filter((name) => name.endsWith('.wasm') && name !== `${APP}.wasm`);
  if (release) {
    for (const path of [mainWasm, ...parts.map((name) => join(work, name))]) run('wasm-opt', ['-Os', path, '-o', path]);
  }

  // The parts, named by content; the loader names them relative to itself.
  let loader = readFileSync(join(work, '__wasm_split.js'), 'utf8');
  for (const name of parts) {
    const bytes = readFileSync(join(work, name));
    const hashed = `${name.replace(/\.wasm$/, '').replace(/_\d+$/, '').replace(/_/g, '-')}-${hash(bytes)}.wasm`;
    if (!loader.includes(`"./${name}"`)) throw new Error(`split-wasm: the loader does not name ${name}`);
    loader = loader.split(`"./${name}"`).join(`"./${hashed}"`);
    writeFileSync(join(dir, hashed), bytes);
  }

  // The main script and the loader import each other: both names carry one hash of all three.
  let glue = readFileSync(join(bindgen, `${APP}.js`), 'utf8');
  const wasm = readFileSync(mainWasm);
  const build = hash(Buffer.concat([wasm, Buffer.from(glue), Buffer.from(loader)]));
  const glueName = `${APP}-${build}.js`;
  const wasmName = `${APP}-${build}_bg.wasm`;
  const loaderName = `wasm-split-${build}.js`;
  const replaceAll = (text, from, to) => {
    if (!text.includes(from)) throw new Error(`split-wasm: expected ${from} (wasm-split-cli or wasm-bindgen changed?)`);
    return text.split(from).join(to);
  };
  // Only the import statements: the import object's keys must stay the module name the wasm uses.
  glue = replaceAll(glue, 'from "./__wasm_split.js"', `from "./${loaderName}"`);
  loader = replaceAll(loader, `"./${APP}.js"`, `"./${glueName}"`);

  // Trunk's unsplit files go; index.html names the new ones.
  for (const name of readdirSync(dir)) {
    const old = name.match(new RegExp(`^${APP}-[0-9a-f]+(_bg\\.wasm|\\.js)$`));
    if (!old) continue;
    unlinkSync(join(dir, name));
    html = replaceAll(html, name, old[1] === '.js' ? glueName : wasmName);
  }
  // Minified last, once every name is in place (release builds): about 2 KB less to fetch.
  if (release) [glue, loader] = [glue, loader].map((text) => minify(text, 'js'));
  writeFileSync(join(dir, glueName), glue);
  writeFileSync(join(dir, wasmName), wasm);
  writeFileSync(join(dir, loaderName), loader);
  for (const [name, bytes] of [[glueName, glue], [wasmName, wasm]]) html = withIntegrity(html, name, bytes);
  return html;
}
