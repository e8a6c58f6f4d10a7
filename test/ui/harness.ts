// Browser-test harness: builds the lab once per test process (into node_modules/.cache), serves
// it from a plain static server on a free localhost port under a sub-path (as any static host
// would, so relative paths are tested), and drives Debian's Chromium through playwright-core.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = resolve(import.meta.dirname, '../..');

/** Why the browser tests cannot run here, or null when they can. */
export function skipReason(): string | null {
  if (!existsSync(CHROMIUM)) return `browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
  try {
    import.meta.resolve('playwright-core');
  } catch {
    return 'browser tests skipped: playwright-core is not installed (npm ci)';
  }
  return null;
}

/** Builds the site with the project's vite config into `out` (default: a new temporary folder). */
export function buildSite(out = mkdtempSync(join(tmpdir(), 'queue-lab-site-'))): Promise<string> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? ok(out) : fail(new Error(`vite build failed (${code}): ${err}`))));
  });
}

let shared: Promise<string> | null = null;
/** Where shared builds live: site-<pid>-<random>, one per test process that built one. */
const SHARED = join(ROOT, 'node_modules', '.cache', 'queue-lab-test-sites');

/**
 * The site, built once per test process and shared by the browser test files (test files share
 * modules: vite.config.ts, isolate: false); a build takes seconds. Vitest ends its workers
 * without an exit event, so each process removes the builds of processes that have ended.
 */
export function sharedSite(): Promise<string> {
  if (shared === null) {
    mkdirSync(SHARED, { recursive: true });
    for (const name of readdirSync(SHARED)) {
      const pid = Number(name.split('-')[1]);
      if (!isRunning(pid)) rmSync(join(SHARED, name), { recursive: true, force: true });
    }
    shared = buildSite(mkdtempSync(join(SHARED, `site-${process.pid}-`)));
  }
  return shared;
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A new page in a context of its own (1280x800 unless `options` say otherwise) at `url`; its
 *  console errors and page errors are pushed to `errors`. */
export async function openPage(browser: Browser, url: string, errors: string[], options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  await page.goto(url);
  return page;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export interface Site {
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` at http://127.0.0.1:PORT/lab/ (port chosen by the OS). */
export function serve(dir: string): Promise<Site> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith('/lab/')) {
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(dir, path.slice('/lab/'.length)));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      ok({ url: `http://127.0.0.1:${port}/lab/`, close: () => new Promise((done) => server.close(() => done())) });
    }),
  );
}

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export function removeSite(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** What a browser test file works with: the served site, Chromium, and the errors its pages saw. */
export interface Lab {
  site: Site;
  browser: Browser;
  /** Console errors and page errors of the pages opened with openPage(lab.browser, ..., lab.errors). */
  errors: string[];
}

/** For one test file: serves the shared site and launches Chromium before its tests, closes both after. */
export function useLab(): Lab {
  const lab = { errors: [] } as unknown as Lab;
  beforeAll(async () => {
    lab.site = await serve(await sharedSite());
    lab.browser = await launch();
  });
  afterAll(async () => {
    await lab.browser?.close();
    await lab.site?.close();
  });
  return lab;
}

/** What watchMainThread saw: durations of main-thread tasks over 50 ms, the longest frame gap. */
export interface MainThreadWatch {
  longTasks: number[];
  frameGap: number;
}

/**
 * Starts watching the page's main thread (a PerformanceObserver for long tasks, and the gaps
 * between animation frames); call the returned function to stop and read what it saw.
 */
export async function watchMainThread(page: Page): Promise<() => Promise<MainThreadWatch>> {
  await page.evaluate(() => {
    const w = window as unknown as MainThreadWatch & { watching: boolean };
    w.longTasks = [];
    w.frameGap = 0;
    w.watching = true;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
    let last = performance.now();
    const tick = (t: number) => {
      w.frameGap = Math.max(w.frameGap, t - last);
      last = t;
      if (w.watching) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return () =>
    page.evaluate(() => {
      const w = window as unknown as MainThreadWatch & { watching: boolean };
      w.watching = false;
      return { longTasks: w.longTasks, frameGap: w.frameGap };
    });
}
