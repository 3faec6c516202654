/**
 * The explorer page (issue 14 item 3): a static single-page app served beside the query routes.
 * It reads ONLY the public query API (the same POST /v1/query/* routes any client calls), so it
 * shows nothing the API does not; this plugin only serves files:
 *
 *   GET /explorer            → redirect to /explorer/
 *   GET /explorer/           static/index.html
 *   GET /explorer/style.css  static/style.css
 *   GET /explorer/client/<name>.js   the compiled client (src/explorer/client/*.ts, own tsconfig: DOM lib)
 *   GET /explorer/chart.umd.js       chart.js's UMD bundle from node_modules (no CDN)
 *
 * Every file is read once at registration (a missing one fails there, not on a request); the
 * client's file names are a fixed list, so no request path ever reaches the file system.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chartJsBundle } from '../core/chart-js.js';
import { ALL_CODES } from '../core/codes.js';
import { packageRoot } from '../core/paths.js';

interface StaticFile {
  readonly type: string;
  readonly body: Buffer;
}

const JS = 'text/javascript; charset=utf-8';

/**
 * The explorer's compiled client is missing: a tree built with `tsc -p tsconfig.json` alone (the
 * client has its own tsconfig). A condition of the install, said as such — it reached the CLI
 * as an internal error asking to be reported as a bug (QA of 2026-12-06).
 */
export class ExplorerNotBuiltError extends Error {
  override readonly name = 'ExplorerNotBuiltError';
  readonly code = 'explorer_not_built';
}

/** URL path under /explorer/ → file, everything the page needs. */
export function explorerFiles(): ReadonlyMap<string, StaticFile> {
  const staticDir = join(packageRoot(), 'src', 'explorer', 'static');
  const clientDir = join(dirname(fileURLToPath(import.meta.url)), 'client');
  const files = new Map<string, StaticFile>([
    ['', { type: 'text/html; charset=utf-8', body: readFileSync(join(staticDir, 'index.html')) }],
    ['style.css', { type: 'text/css; charset=utf-8', body: readFileSync(join(staticDir, 'style.css')) }],
    ['chart.umd.js', { type: JS, body: chartJsBundle() }],
    // A receipt says `codespace:code`; the tx page names it (claim_already_exists) from this table of the ledger's own codes.
    ['client/code-names.js', { type: JS, body: Buffer.from(`export const CODE_NAMES = ${JSON.stringify(Object.fromEntries(ALL_CODES.map((c) => [`${c.codespace}:${c.code}`, c.name])))};\n`) }],
  ]);
  if (!existsSync(join(clientDir, 'main.js'))) {
    throw new ExplorerNotBuiltError(`the explorer page is not built: ${clientDir}/main.js is missing — run \`npm run build\` (it compiles src/explorer/client with its own tsconfig)`);
  }
  for (const name of readdirSync(clientDir).filter((file) => file.endsWith('.js')).sort()) {
    files.set(`client/${name}`, { type: JS, body: readFileSync(join(clientDir, name)) });
  }
  return files;
}

/** Adds the explorer's routes to a query-service or node app (one line where the app is built). */
export function registerExplorer(app: FastifyInstance): void {
  const files = explorerFiles();
  // The served address itself, opened in a browser, lands on the explorer (the API lives under /v1).
  app.get('/', { schema: { hide: true } }, (_request, reply) => reply.redirect('/explorer/'));
  app.get('/explorer', { schema: { hide: true } }, (_request, reply) => reply.redirect('/explorer/'));
  for (const [path, file] of files) {
    app.get(`/explorer/${path}`, { schema: { hide: true } }, (_request, reply) =>
      reply.type(file.type).header('cache-control', 'no-cache').header('x-content-type-options', 'nosniff').send(file.body),
    );
  }
}
