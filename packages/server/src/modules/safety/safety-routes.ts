import { safetyCheck, suggestNames } from '@meridian/domain';
import { safetyIndex } from '@meridian/knowledge';
import type { FastifyInstance } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.ts';
import { acceptsGzip, SafetyAnswers, safetyReportBytes } from './report-json.ts';

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

/** The body as Fastify's schema validation would judge it, with the same error for the same mistake. */
const validateCheck = validatorCompiler({ schema: checkBody, method: 'POST', url: '/api/safety/check' });

function parseCheck(raw: string): z.output<typeof checkBody> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new AppError({ code: 'VALIDATION', message: 'The request body is not valid JSON.' });
  }
  const result = validateCheck(parsed) as { value?: z.output<typeof checkBody>; error?: unknown[] };
  if (result.error)
    throw Object.assign(new Error('The request body is not valid.'), {
      statusCode: 400,
      validation: result.error,
      validationContext: 'body',
    });
  return result.value!;
}

/** Safety checks of a regimen that is not (yet) a patient's: no patient data, so no audit row. */
export function safetyRoutes(app: FastifyInstance): void {
  const answers = new SafetyAnswers();
  // The check reads its body as text, so that a request seen recently is answered from memory without
  // being parsed again (see report-json.ts); a new one is parsed and validated by the same schema.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(
      '/api/safety/check',
      {
        schema: {
          tags: ['safety'],
          summary: 'Check medicines, herbs, supplements, foods, therapies and conditions together',
          body: checkBody,
        },
        // Validated in the handler, only for a request not answered before.
        validatorCompiler: () => (value) => ({ value }),
      },
      async (request, reply) => {
        const raw = request.body as string;
        let answer = answers.recall(raw);
        if (!answer) {
          const { items, context } = parseCheck(raw);
          answer = answers.remember(raw, safetyReportBytes(safetyCheck(safetyIndex(), items, context ?? {})));
        }
        reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
        const gzip = acceptsGzip(request.headers['accept-encoding']) ? answer.gzip() : null;
        return gzip ? reply.header('content-encoding', 'gzip').send(gzip) : reply.send(answer.json);
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
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
