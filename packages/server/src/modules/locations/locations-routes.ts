import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';

/** The program's locations, each with its IANA time zone. */
export function locationsRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/locations', { schema: { tags: ['locations'], summary: 'Program locations' } }, async () => {
    const rows = await deps.db.query<{
      id: string;
      code: string;
      name: string;
      city: string;
      state: string;
      time_zone: string;
    }>('SELECT id, code, name, city, state, time_zone FROM locations ORDER BY name');
    return {
      locations: rows.map((l) => ({
        id: l.id,
        code: l.code,
        name: l.name,
        city: l.city,
        state: l.state,
        timeZone: l.time_zone,
      })),
    };
  });
}
