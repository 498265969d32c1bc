import type { FastifyInstance } from 'fastify';
import { readableList } from '../../access/audited-list.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/authenticate.ts';
import { fail } from '../../http/errors.ts';

/** A volunteer's rounds: their assigned bedside visits, with the least patient data that does the job. */
export function volunteerRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get(
    '/api/volunteer/visits',
    { schema: { tags: ['volunteer'], summary: 'My assigned bedside visits' } },
    async (request) => {
      const ctx = contextOf(request);
      if (ctx.user.role !== 'volunteer') fail('FORBIDDEN', 'Only volunteers have bedside rounds.');
      const visits = await readableList(
        deps.db,
        ctx,
        (q) =>
          q.query<{
            id: string;
            service: string;
            unit: string;
            room: string;
            starts_at: Date;
            ends_at: Date;
            patient_id: string;
            given_name: string;
            family_name: string;
            location_id: string;
            location_name: string;
            time_zone: string;
          }>(
            `SELECT b.id, b.service, b.unit, b.room, b.starts_at, b.ends_at, b.patient_id, p.given_name, p.family_name,
                l.id AS location_id, l.name AS location_name, l.time_zone
           FROM bedside_assignments b
           JOIN patients p ON p.id = b.patient_id
           JOIN locations l ON l.id = b.location_id
          WHERE b.volunteer_user_id = $1 AND b.status = 'scheduled' AND b.ends_at > $2
          ORDER BY b.starts_at LIMIT 200`,
            [ctx.user.id, new Date(ctx.now.getTime() - 12 * 3_600_000)],
          ),
        (r) => r.patient_id,
        'scheduling',
        'BedsideVisit',
      );
      return {
        visits: visits.map((v) => ({
          id: v.id,
          service: v.service,
          unit: v.unit,
          room: v.room,
          startsAt: v.starts_at.toISOString(),
          endsAt: v.ends_at.toISOString(),
          patient: { id: v.patient_id, displayName: `${v.given_name} ${v.family_name.charAt(0)}.` },
          location: { id: v.location_id, name: v.location_name, timeZone: v.time_zone },
        })),
      };
    },
  );
}
