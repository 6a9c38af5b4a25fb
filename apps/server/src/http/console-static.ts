// Serves the web console's production build (apps/console/dist) at `/` when it exists: files by
// path, and index.html for any other GET that is not the API, the docs, Open311, the public portal
// or the health check (the console is a single-page app with its own routes).
import { existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../../../console/dist/', import.meta.url));

/** Paths that belong to someone else: an unknown one is a 404, never the console's index.html. */
const NOT_CONSOLE = /^\/(api|docs|open311|portal|health)(\/|$)/;

export async function registerConsole(app: FastifyInstance, dir: string = DEFAULT_CONSOLE_DIR): Promise<boolean> {
  if (!existsSync(join(dir, 'index.html'))) return false;
  const root = normalize(dir.endsWith(sep) ? dir : dir + sep);
  await app.register(async (scope) => {
    // serve: false — only reply.sendFile, scoped to this plugin, so another static registration
    // (the portal's) does not collide with this one.
    await scope.register(fastifyStatic, { root, serve: false });
    scope.get('/*', { schema: { hide: true } }, async (request, reply) => {
      let path: string;
      try {
        path = decodeURIComponent(request.url.split('?')[0] ?? '/');
      } catch {
        return reply.callNotFound();
      }
      if (NOT_CONSOLE.test(path)) return reply.callNotFound();
      const file = normalize(join(root, path));
      if (file.startsWith(root) && file !== root && existsSync(file) && statSync(file).isFile()) {
        const isHashed = path.startsWith('/assets/');
        return reply.sendFile(file.slice(root.length), { maxAge: isHashed ? '365d' : 0, immutable: isHashed });
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html', { maxAge: 0 });
    });
  });
  return true;
}
