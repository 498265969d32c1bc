import { suggestNames } from '@meridian/domain';
import { safetyIndex } from '@meridian/knowledge';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SafetyAnswers } from './report-json.ts';

const checkBody = z.strictObject({
  items: z
    .array(
      z.string().trim().min(1, 'An item cannot be empty.').max(200, 'An item is at most 200 characters.'),
    )
    .min(1, 'Give at least one item to check.')
    .max(100, 'Check at most 100 items at once.'),
  context: z
    .strictObject({
      pregnant: z.boolean().optional(),
      surgeryDate: z.iso.date('surgeryDate must be a date, e.g. 2026-12-01.').optional(),
      today: z.iso.date('today must be a date, e.g. 2026-11-22.').optional(),
      plateletCount: z
        .number()
        .min(0)
        .max(3000, 'plateletCount is in 10^9/L (thousands per microlitre), e.g. 42.')
        .optional(),
    })
    .optional(),
});

/** Safety checks of a regimen that is not (yet) a patient's: no patient data, so no audit row. */
export function safetyRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const answers = new SafetyAnswers();
  r.post(
    '/api/safety/check',
    {
      schema: {
        tags: ['safety'],
        summary: 'Check medicines, herbs, supplements, foods, therapies and conditions together',
        body: checkBody,
      },
    },
    async (request, reply) =>
      reply
        .type('application/json; charset=utf-8')
        .send(answers.answer(safetyIndex(), request.body.items, request.body.context ?? {})),
  );

  r.get(
    '/api/knowledge/names',
    {
      schema: {
        tags: ['safety'],
        summary: 'Known names that start with what was typed, for typing suggestions',
        querystring: z.strictObject({
          q: z.string().trim().min(1, 'Type at least one letter.').max(100),
          kind: z
            .union([
              z.enum(['medicine', 'supplement', 'therapy', 'condition']),
              z.array(z.enum(['medicine', 'supplement', 'therapy', 'condition'])),
            ])
            .optional(),
        }),
      },
    },
    async (request) => {
      const kind = request.query.kind;
      const kinds =
        kind === undefined ? (['medicine', 'supplement', 'therapy', 'condition'] as const) : [kind].flat();
      return { names: suggestNames(safetyIndex(), request.query.q, kinds) };
    },
  );
}
