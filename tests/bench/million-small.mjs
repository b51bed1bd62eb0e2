// Writes a dataset of 1,000,000 minimal releases (id, kind, date, title; about 89 MB) for the
// fault benchmark: how the loader copes with a million records. Usage:
// node tests/bench/million-small.mjs target/datasets/million-small.json
import { createWriteStream } from 'node:fs';

const out = createWriteStream(process.argv[2] ?? 'target/datasets/million-small.json');
const kinds = ['Report', 'Statement', 'Press Release'];
out.write('{"pressline":1,"title":"A million releases","releases":[\n');
for (let i = 0; i < 1_000_000; i += 1) {
  const date = `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 9}`;
  out.write(`${i ? ',\n' : ''}${JSON.stringify({ id: `r${i}`, kind: kinds[i % 3], date, title: `Release number ${i}` })}`);
}
out.end('\n]}\n');
