// Serves several static sites from ONE process, each on its own port, each exactly as
// tests/e2e/serve-dist.mjs serves dist/ (types, _headers, precompressed .br/.gz): that server is
// loaded once per site rather than copied, so every site gets the same host behaviour.
//
// Usage: node tests/bench/serve-sites.mjs <dir> <port> [<dir> <port> ...]
// (tests/bench/phone.mjs serves a Pressline build and a TimelineJS page this way.)
const pairs = process.argv.slice(2);
if (pairs.length === 0 || pairs.length % 2 !== 0) {
  console.error('usage: node tests/bench/serve-sites.mjs <dir> <port> [<dir> <port> ...]');
  process.exit(2);
}

const serveDist = new URL('../e2e/serve-dist.mjs', import.meta.url);
const argv = process.argv;
for (let i = 0; i < pairs.length; i += 2) {
  // serve-dist.mjs reads its arguments from process.argv when it is evaluated; a distinct query
  // string makes each import a fresh module instance, hence a second server.
  process.argv = [argv[0], serveDist.pathname, pairs[i], pairs[i + 1]];
  await import(`${serveDist.href}?site=${i / 2}`);
}
process.argv = argv;
