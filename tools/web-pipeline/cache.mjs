// The web pipeline's cache and progress lines.
//
// The expensive outputs (the split, bound and optimized wasm of a build; each module as
// wasm-opt left it; the precompressed copies) are kept under <cargo target>/web-pipeline/cache/,
// each under the SHA-256 of everything it is made from: the input bytes, the debug or release
// profile, this directory's own source, the tools that made it and their arguments. A hit is
// therefore the very bytes a fresh run would write. Entries
// are written under a temporary name and renamed into place, so an interrupted build leaves
// none half-written; the least recently used go once the cache is over its budget.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import {
  existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, utimesSync,
} from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Hex SHA-256 of the parts, each length-prefixed (so `ab`,`c` and `a`,`bc` differ). */
export function sha256(...parts) {
  const digest = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part) : part;
    digest.update(`${bytes.length}:`).update(bytes);
  }
  return digest.digest('hex');
}

const here = dirname(fileURLToPath(import.meta.url));

/** The pipeline's own source (every file in this directory): part of every key. */
export const SOURCE = sha256(...readdirSync(here).sort().flatMap((name) => [name, readFileSync(join(here, name))]));

/** Cargo's target directory, wherever CARGO_TARGET_DIR or a config puts it. */
export function targetDirectory() {
  const metadata = execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(metadata).target_directory;
}

/**
 * The identity of command-line tools: a hash of each one's executable as found on PATH (one of
 * them, wasm-split-cli, has no --version; npm's wasm-opt is a script with binaryen inside).
 */
export function toolIdentity(...tools) {
  return sha256(...tools.map((tool) => {
    for (const dir of (process.env.PATH || '').split(delimiter)) {
      const path = join(dir || '.', tool);
      if (existsSync(path) && statSync(path).isFile()) return readFileSync(realpathSync(path));
    }
    throw new Error(`web-pipeline: ${tool} not found on PATH (run \`make setup\`)`);
  }));
}

/** One directory of cache entries (files or directories named by key), pruned to `budget` bytes. */
export class Cache {
  constructor(dir, budget) {
    this.dir = dir;
    this.budget = budget;
    mkdirSync(dir, { recursive: true });
  }

  /** The path of `name` if it is cached (and marks it used), or null. */
  get(name) {
    const path = join(this.dir, name);
    if (!existsSync(path)) return null;
    const now = new Date();
    utimesSync(path, now, now);
    return path;
  }

  /** Stores what `write(temporaryPath)` (sync or async) writes under `name`; returns its path. */
  async put(name, write) {
    const path = join(this.dir, name);
    const temporary = `${path}.tmp-${process.pid}`;
    rmSync(temporary, { recursive: true, force: true });
    await write(temporary);
    try {
      renameSync(temporary, path);
    } catch (error) {
      // Another build stored the same entry first (same key, same bytes).
      rmSync(temporary, { recursive: true, force: true });
      if (!existsSync(path)) throw error;
    }
    return path;
  }

  /** Removes the least recently used entries until the rest fit the budget (never `keep`). */
  prune(keep) {
    const size = (path) => {
      const stat = statSync(path);
      if (!stat.isDirectory()) return stat.size;
      return readdirSync(path).reduce((sum, name) => sum + size(join(path, name)), 0);
    };
    const entries = readdirSync(this.dir)
      .map((name) => {
        const path = join(this.dir, name);
        return { path, used: statSync(path).mtimeMs, bytes: size(path) };
      })
      .sort((a, b) => b.used - a.used);
    let total = 0;
    for (const entry of entries) {
      total += entry.bytes;
      if (total > this.budget && entry.path !== keep) rmSync(entry.path, { recursive: true, force: true });
    }
  }
}

/**
 * Runs `run` (sync or async) under a progress line, `web-pipeline: <what>… <seconds> s`, ended
 * by `note(result)` if it says anything; returns what `run` returned.
 */
export async function step(what, run, note = () => '') {
  process.stdout.write(`web-pipeline: ${what}… `);
  const start = performance.now();
  let result;
  try {
    result = await run();
  } catch (error) {
    process.stdout.write('failed\n');
    throw error;
  }
  const said = note(result);
  console.log(`${seconds(start)}${said ? ` (${said})` : ''}`);
  return result;
}

/** Seconds since `start` (a performance.now() value), e.g. `1.2 s`. */
export const seconds = (start) => `${((performance.now() - start) / 1000).toFixed(1)} s`;

/** A line of progress: `web-pipeline: <line>`. */
export const say = (line) => console.log(`web-pipeline: ${line}`);
