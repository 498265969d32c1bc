import type { FastifyInstance } from 'fastify';

/** One route as registered: what the authorization matrix test walks (every API and FHIR route). */
export interface RouteEntry {
  method: string;
  url: string;
  public: boolean;
  /** The zod schema of the body, if the route declares one (for making a valid request). */
  body: unknown;
  querystring: unknown;
}

const tables = new WeakMap<FastifyInstance, RouteEntry[]>();

/** Starts recording the routes registered on `app` from here on (call before registering any). */
export function recordRoutes(app: FastifyInstance): void {
  const table: RouteEntry[] = [];
  tables.set(app, table);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      table.push({
        method,
        url: route.url,
        public: Boolean((route.config as { public?: boolean } | undefined)?.public),
        body: route.schema?.body,
        querystring: route.schema?.querystring,
      });
    }
  });
}

/** The routes registered on `app` (after it is ready). */
export function routeTable(app: FastifyInstance): RouteEntry[] {
  return tables.get(app) ?? [];
}
