import { planContentSchema } from '@meridian/domain';
import { instrumentTexts } from '@meridian/knowledge';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readableList } from '../../access/audited-list.ts';
import { dataRequest, withPatientAccess } from '../../access/patient-access.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/authenticate.ts';
import { fail } from '../../http/errors.ts';
import { reminderOf, setReminder } from './diary-reminders.ts';
import {
  diaryView90,
  progressView,
  questionnairesView,
  recordDiary,
  recordResponse,
  reviewPlan,
  reviewsDueFor,
} from './progress-service.ts';

const patientParams = z.strictObject({ id: z.string().min(1).max(100) });
const scale = (what: string) =>
  z
    .number()
    .int(`${what} is a whole number.`)
    .min(0, `${what} is from 0 to 10.`)
    .max(10, `${what} is from 0 to 10.`);
const words = z.array(z.string().trim().min(1).max(80)).max(20);
const diaryBody = z.strictObject({
  painNow: scale('Pain now').optional(),
  painAverage: scale('Average pain').optional(),
  painWorst: scale('Worst pain').optional(),
  locations: words.optional(),
  triggers: words.optional(),
  sleepHours: z.number().min(0, 'Sleep is 0 to 24 hours.').max(24, 'Sleep is 0 to 24 hours.').optional(),
  sleepQuality: z.enum(['good', 'fair', 'poor']).optional(),
  mood: scale('Mood').optional(),
  activity: scale('Activity').optional(),
  therapies: words.optional(),
  selfCare: words.optional(),
  taken: z.array(z.uuid('taken lists regimen item ids.')).max(100).optional(),
  notes: z.string().trim().max(2000, 'Notes are at most 2000 characters.').optional(),
});

/** The pain diary, questionnaires, progress charts and plan reviews. */
export function progressRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const clinical = dataRequest('clinical');

  r.get(
    '/api/patients/:id/diary',
    {
      schema: {
        tags: ['progress'],
        summary: 'Diary entries (default: the last 90 days)',
        params: patientParams,
        querystring: z.strictObject({ from: z.iso.date().optional(), to: z.iso.date().optional() }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return withPatientAccess(deps.db, ctx, request.params.id, clinical('read', 'DiaryEntry', 'read'), (q) =>
        diaryView90(q, request.params.id, ctx.now, request.query.from, request.query.to),
      );
    },
  );

  r.put(
    '/api/patients/:id/diary/:date',
    {
      schema: {
        tags: ['progress'],
        summary: "Write a day's diary entry (today, or up to 30 days back: marked backdated)",
        params: z.strictObject({
          id: z.string().min(1).max(100),
          date: z.iso.date('The date is YYYY-MM-DD, e.g. 2026-11-22.'),
        }),
        body: diaryBody,
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return withPatientAccess(
        deps.db,
        ctx,
        request.params.id,
        clinical('update', 'DiaryEntry', 'write'),
        (q) => recordDiary(q, request.params.id, request.params.date, request.body, ctx.user.id, ctx.now),
      );
    },
  );

  r.get(
    '/api/patients/:id/diary/reminder',
    {
      schema: {
        tags: ['progress'],
        summary: 'The daily diary reminder (off unless the patient turns it on)',
        params: patientParams,
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return withPatientAccess(
        deps.db,
        ctx,
        request.params.id,
        clinical('read', 'DiaryReminder', 'read'),
        async (q) => ({
          reminder: await reminderOf(q, request.params.id),
        }),
      );
    },
  );

  r.put(
    '/api/patients/:id/diary/reminder',
    {
      schema: {
        tags: ['progress'],
        summary: 'Turn the daily diary reminder on or off, at a time in the patient’s zone',
        params: patientParams,
        body: z.strictObject({
          enabled: z.boolean(),
          time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'The time is HH:MM, e.g. 20:00.'),
        }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return withPatientAccess(
        deps.db,
        ctx,
        request.params.id,
        clinical('update', 'DiaryReminder', 'write'),
        async (q) => ({
          reminder: await setReminder(q, request.params.id, request.body, ctx.now),
        }),
      );
    },
  );

  r.get(
    '/api/questionnaires',
    {
      schema: { tags: ['progress'], summary: 'The questionnaires, word for word, with their answer options' },
    },
    async () => ({ instruments: instrumentTexts() }),
  );

  r.get(
    '/api/patients/:id/questionnaires',
    {
      schema: { tags: ['progress'], summary: 'Questionnaires answered and those due', params: patientParams },
    },
    async (request) => {
      const ctx = contextOf(request);
      return withPatientAccess(
        deps.db,
        ctx,
        request.params.id,
        clinical('read', 'QuestionnaireResponse', 'read'),
        (q) => questionnairesView(q, request.params.id, ctx.now),
      );
    },
  );

  r.post(
    '/api/patients/:id/questionnaires',
    {
      schema: {
        tags: ['progress'],
        summary: 'A completed questionnaire, scored as published',
        params: patientParams,
        body: z.strictObject({
          instrument: z.enum(['phq-9', 'gad-7', 'peg', 'pain-nrs']),
          answers: z.array(z.number()).min(1).max(20),
        }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const source = ctx.user.role === 'patient' ? 'portal' : 'clinic';
      const saved = await withPatientAccess(
        deps.db,
        ctx,
        request.params.id,
        clinical('create', 'QuestionnaireResponse', 'write'),
        (q) => recordResponse(q, request.params.id, request.body, source, ctx.user.id, ctx.now),
      );
      return reply.code(201).send(saved);
    },
  );

  r.get(
    '/api/patients/:id/progress',
    {
      schema: {
        tags: ['progress'],
        summary:
          'Diary, questionnaires, sessions and plan versions over time; goals, response, adherence, review',
        params: patientParams,
        querystring: z.strictObject({ days: z.coerce.number().int().min(7).max(730).optional() }),
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return withPatientAccess(deps.db, ctx, request.params.id, clinical('read', 'Progress', 'read'), (q) =>
        progressView(q, request.params.id, ctx.now, request.query.days),
      );
    },
  );

  r.post(
    '/api/patients/:id/care-plan/reviews',
    {
      schema: {
        tags: ['progress'],
        summary: 'Review the plan: confirm it, or adjust it (a new version)',
        params: patientParams,
        body: z.strictObject({
          outcome: z.enum(['confirmed', 'adjusted']),
          note: z.string().trim().min(3, 'Write what the review found (at least 3 characters).').max(4000),
          basedOn: z.number().int().min(1, 'basedOn is the version you reviewed.'),
          content: planContentSchema.optional(),
        }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      if (ctx.user.role !== 'clinician') fail('FORBIDDEN', 'Plan reviews are done by clinicians.');
      const result = await withPatientAccess(
        deps.db,
        ctx,
        request.params.id,
        clinical('review', 'CarePlan', 'write'),
        (q) => reviewPlan(q, request.params.id, request.body, ctx.user.id, ctx.now),
      );
      return reply.code(201).send(result);
    },
  );

  r.get(
    '/api/reviews/due',
    { schema: { tags: ['progress'], summary: "Plan reviews due for the clinician's patients" } },
    async (request) => {
      const ctx = contextOf(request);
      if (ctx.user.role !== 'clinician') fail('FORBIDDEN', 'The review worklist is for clinicians.');
      const reviews = await readableList(
        deps.db,
        ctx,
        (q) => reviewsDueFor(q, ctx.user.id, ctx.now),
        (x) => x.patient.id,
        'clinical',
        'CarePlan',
      );
      return { reviews };
    },
  );
}
