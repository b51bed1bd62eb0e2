// The core's own answer for a view, from the native `query_dataset` binary (built by `make e2e`),
// so browser results are checked against the engine rather than hand-copied numbers.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const BINARY = ['target/debug/query_dataset', 'target/release/query_dataset'].find(existsSync);

/** Runs the core on the bundled dataset for a query string like "kind=Report&q=war", for a
 *  reader whose interface is in `ui` (English by default, as prerendered pages are). */
export function coreAnswer(query, dataset = 'public/data/releases.json', ui = 'en') {
  if (!BINARY) throw new Error('build it first: cargo build --bin query_dataset');
  return JSON.parse(execFileSync(BINARY, [dataset, query, ui], { encoding: 'utf8' }));
}
