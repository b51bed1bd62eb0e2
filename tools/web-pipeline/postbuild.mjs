// The web pipeline, trunk's post_build hook (see Trunk.toml): turns trunk's output into files any
// static host can serve under any sub-path, under a strict Content-Security-Policy, and
// embeddable anywhere. (trunk-build.sh, which `make build` runs, skips trunk altogether when
// nothing it reads has changed.)
//
// - splits the wasm at its lazily loaded parts (split-wasm.mjs; cached by cache.mjs);
// - in release builds, minifies the scripts and stylesheets (esbuild);
// - moves trunk's inline start-up script into a hashed boot-*.js (no inline script, so
//   `script-src 'self'` suffices);
// - writes embed.js, the one script a host page includes, and embed-*.css, the stylesheet
//   for the embeds' shadow roots (sized in px and by container width, not by the host's rem
//   and viewport);
// - copies index.html to 404.html (deep links on hosts without rewrite rules);
// - writes _headers (cache and security headers for Netlify/Cloudflare-style hosts);
// - in release builds, precompresses text and wasm files as .br and .gz (cached by content).
//
// Each step that can take more than a moment prints one line (`web-pipeline: …`) with its time.
//
// Environment (set by trunk): TRUNK_STAGING_DIR, TRUNK_PUBLIC_URL, TRUNK_PROFILE.
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import { Cache, SOURCE, say, seconds, sha256, step, targetDirectory } from './cache.mjs';
import { hash, integrity, minify, splitWasm, withIntegrity } from './split-wasm.mjs';

const began = performance.now();

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('postbuild: run me as a trunk post_build hook (TRUNK_STAGING_DIR unset)');
const publicUrl = process.env.TRUNK_PUBLIC_URL || '/';
const release = process.env.TRUNK_PROFILE === 'release';
const target = targetDirectory();

// 0. The lazily loaded parts, each in a wasm file of its own.
let html = readFileSync(join(dir, 'index.html'), 'utf8');
html = await splitWasm({ dir, html, release, target });

const one = (pattern) => {
  const found = readdirSync(dir).filter((name) => pattern.test(name));
  if (found.length !== 1) throw new Error(`postbuild: expected one file like ${pattern}, found ${found}`);
  return found[0];
};

// 0b. The stylesheets: the embed's is the page's rewritten for a shadow root (from trunk's
// unminified text, which the rewrite reads); in release builds both are minified, and the
// page's gets a new hashed name and integrity value.
const pageCss = one(/^main-[0-9a-f]+\.css$/);
const pageCssText = readFileSync(join(dir, pageCss), 'utf8');
let embedCss = shadowStylesheet(pageCssText);
if (release) {
  embedCss = minify(embedCss, 'css');
  const minified = minify(pageCssText, 'css');
  const name = `main-${hash(minified)}.css`;
  html = withIntegrity(html.split(pageCss).join(name), name, minified);
  unlinkSync(join(dir, pageCss));
  writeFileSync(join(dir, name), minified);
}

// 1. The start-up script, out of line.
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (!match) throw new Error('postbuild: no inline module script in index.html (trunk changed?)');
// Wrapped so a browser without WebAssembly (or one whose wasm fails to load) shows the page's
// fallback message instead of a blank page: `.pressline-no-wasm` reveals `.no-wasm`.
const [importLine, ...start] = match[1].trim().split('\n');
if (!importLine.startsWith('import ')) throw new Error('postbuild: trunk\'s start-up script changed');
// A prerendered page is painted before the app's code runs (its wasm is fetched meanwhile):
// the HTML is the first view, and the work of starting the app comes after it.
const boot = `${importLine}
const fail = () => {
  document.documentElement.classList.add('pressline-no-wasm');
  // The controls only the app carries out go, as without JavaScript (index.html's <noscript>).
  const sheet = document.createElement('link');
  sheet.rel = 'stylesheet';
  sheet.href = 'without-app.css';
  document.head.append(sheet);
};
if (typeof WebAssembly !== 'object') {
  fail();
} else {
  try {
    if (document.getElementById('pressline-prerendered')) {
      // (At most 100 ms: a browser skips frames for a hidden page or an off-screen frame.)
      await new Promise((painted) => {
        requestAnimationFrame(() => setTimeout(painted, 0));
        setTimeout(painted, 100);
      });
    }
${start.filter((line) => line.trim()).map((line) => `    ${line}`).join('\n')}
  } catch (error) {
    fail();
    throw error;
  }
}
`;
const bootName = `boot-${hash(boot)}.js`;
writeFileSync(join(dir, bootName), boot);
html = html.replace(
  inline,
  `<script type="module" src="${publicUrl}${bootName}" integrity="${integrity(boot)}" crossorigin="anonymous"></script>`,
);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html) || /\sstyle=/.test(html)) {
  throw new Error('postbuild: index.html still has inline script or style');
}
writeFileSync(join(dir, 'index.html'), html);
writeFileSync(join(dir, '404.html'), html);

// 2. The embed: script and shadow-root stylesheet.
const js = one(/^pressline-app-[0-9a-f]+\.js$/);
const wasm = one(/^pressline-app-[0-9a-f]+_bg\.wasm$/);
const embedCssName = `embed-${hash(embedCss)}.css`;
writeFileSync(join(dir, embedCssName), embedCss);
writeFileSync(
  join(dir, 'embed.js'),
  `// Pressline embed. On any page: <div data-pressline data-filter="kind=Report"></div> and
// <script type="module" src="THIS FILE'S ADDRESS"></script>. Every [data-pressline] element
// becomes an independent timeline in its own shadow root. See the README's "Embedding".
import init from './${js}';
const here = new URL('.', import.meta.url);
globalThis.presslineEmbed = { base: here.href, css: new URL('${embedCssName}', here).href };
await init({ module_or_path: new URL('${wasm}', here) });
`,
);

// 2b. The press office's editor at admin/ (public/admin: its page and config.yml): Decap CMS
// from npm (decap-cms), served from the deploy itself, with the parts it loads on demand and
// without source maps. It is fetched only by whoever opens /admin/.
const decap = join(process.cwd(), 'node_modules', 'decap-cms', 'dist');
if (existsSync(join(dir, 'admin')) && existsSync(decap)) {
  for (const name of readdirSync(decap)) {
    if (/^(\d+\.)?decap-cms\.js$|\.wasm$/.test(name)) copyFileSync(join(decap, name), join(dir, 'admin', name));
  }
}

// 3. Cache and security headers for hosts that read a _headers file.
writeFileSync(
  join(dir, '_headers'),
  `# Cache and security headers (Netlify, Cloudflare Pages and hosts with the same format).
# Hashed files never change: cache them for a year. Pages, embed.js and data change: revalidate.
# Pages (index.html, 404.html, deep links) get the hosts' default: revalidate on every visit.
# Add your data origins to connect-src if the app fetches datasets from elsewhere.
${publicUrl}*
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
  Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors *
${publicUrl}embed.js
  Access-Control-Allow-Origin: *
  Cache-Control: public, max-age=300
${publicUrl}*-*.js
  Access-Control-Allow-Origin: *
  Cache-Control: public, max-age=31536000, immutable
${publicUrl}*.wasm
  Access-Control-Allow-Origin: *
  Cache-Control: public, max-age=31536000, immutable
${publicUrl}*-*.css
  Access-Control-Allow-Origin: *
  Cache-Control: public, max-age=31536000, immutable
${publicUrl}data/*
  Access-Control-Allow-Origin: *
  Cache-Control: public, max-age=300
${publicUrl}i18n/*
  Access-Control-Allow-Origin: *
  Cache-Control: public, max-age=300
# The editor (Decap CMS) needs what the app's policy refuses: inline styles, eval for its
# form validation, and its git host's API (add yours: GitLab, Gitea, Netlify Identity).
${publicUrl}admin/*
  ! Content-Security-Policy
  ! Cache-Control
  Content-Security-Policy: default-src 'self'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; media-src 'self' blob:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self' https://api.github.com; base-uri 'self'; form-action 'self'; frame-ancestors 'none'
  X-Robots-Tag: noindex
  Cache-Control: no-cache
`,
);

// 4. Precompressed copies for hosts that serve them (release builds only: it takes seconds).
// Not the pages: deployers edit them (`<body data-src=…>`), and a stale .br would win.
// Each copy is cached under the hash of what it compresses (most files are the same from one
// build to the next, and between the root and sub-path builds).
if (release) {
  const files = readdirSync(dir, { recursive: true })
    .filter((name) => /\.(js|css|wasm|json|svg|txt|xml)$/.test(name) && statSync(join(dir, name)).isFile());
  const cache = new Cache(join(target, 'web-pipeline', 'cache', 'compressed'), 128 * 1024 * 1024);
  const codecs = {
    gz: (bytes) => gzipSync(bytes, { level: 9 }),
    br: (bytes) => brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
  };
  await step(`precompressing ${files.length} files (gzip -9, brotli q11)`, async () => {
    let reused = 0;
    for (const name of files) {
      const path = join(dir, name);
      const bytes = readFileSync(path);
      const key = sha256('compressed', SOURCE, process.versions.zlib, process.versions.brotli, bytes);
      for (const [extension, compress] of Object.entries(codecs)) {
        const cached = cache.get(`${key}.${extension}`);
        if (cached) {
          copyFileSync(cached, `${path}.${extension}`);
          reused += 1;
          continue;
        }
        const compressed = compress(bytes);
        await cache.put(`${key}.${extension}`, (into) => writeFileSync(into, compressed));
        writeFileSync(`${path}.${extension}`, compressed);
      }
    }
    cache.prune();
    return reused;
  }, (reused) => (reused ? `${reused} of ${2 * files.length} copies from the cache` : ''));
}
say(`done in ${seconds(began)}`);

/** The page stylesheet, rewritten for a shadow root inside someone else's page. */
function shadowStylesheet(text) {
  const out = text
    // The page's root is the embed's host element.
    .replace(/:root\b/g, ':host')
    // rem follows the host page's root font size (often 62.5 % or huge): use our own.
    .replace(/(-?\d*\.?\d+)rem\b/g, (_, n) => `calc(${n} * var(--pl-rem))`)
    // The embed's width, not the window's, decides its layout.
    .replace(/@media screen and \(min-width: calc\((-?\d*\.?\d+) \* var\(--pl-rem\)\)\)/g,
      (_, n) => `@container pressline (min-width: ${Number(n) * 16}px)`);
  return `/* Pressline embed: the page stylesheet, scoped to a shadow root. */
:host {
  all: initial !important;
  display: block !important;
  --pl-rem: 16px;
}
.pressline {
  container: pressline / inline-size;
  background: var(--pl-bg);
  color: var(--pl-text);
  font-family: var(--pl-font);
  font-size: calc(1.0625 * var(--pl-rem));
  line-height: 1.6;
  text-align: start;
}
.pressline[hidden] { display: none; }
${out}`;
}
