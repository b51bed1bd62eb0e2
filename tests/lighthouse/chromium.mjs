// What the Lighthouse audit (run.mjs) and the phone benchmark (tests/bench/phone.mjs) share:
// Chromium's flags on this machine, and the local server they measure.
import { createServer } from 'node:net';

/** Debian's Chromium, headless, without the background connections this machine refuses. */
export const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `preferred` if nothing listens there, else a port the system picks. */
export function freePort(preferred) {
  const tryPort = (port) => new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(port, '127.0.0.1', () => {
      const { port: chosen } = probe.address();
      probe.close(() => done(chosen));
    });
  });
  return tryPort(preferred).catch(() => tryPort(0));
}

/** Resolves once `url` answers, or fails after `ms` (or as soon as `server` has exited). */
export async function waitForServer(url, server, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((wait) => setTimeout(wait, 200));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}
