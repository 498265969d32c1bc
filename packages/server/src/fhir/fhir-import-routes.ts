import { isResolved, resolveItem } from '@meridian/domain';
import { type FhirResource, readPcpBundle } from '@meridian/fhir';
import { safetyIndex } from '@meridian/knowledge';
import type { FastifyInstance } from 'fastify';
import { withPatientAccess } from '../access/patient-access.ts';
import type { AppDeps } from '../app-deps.ts';
import { contextOf } from '../http/authenticate.ts';
import { fail } from '../http/errors.ts';
import { recordAllergy } from '../modules/regimen/allergies-repo.ts';
import { activeFindings } from '../modules/regimen/regimen-repo.ts';
import { addReportedItems, recheckRegimen } from '../modules/regimen/regimen-service.ts';
import { findingResources, regimenResources } from './clinical-records.ts';
import { fhirJson } from './outcomes.ts';
import { allergyResources } from './plan-records.ts';
import { baseUrl } from './search-params.ts';

/** The operation that imports a record from the primary care provider (see the CapabilityStatement). */
export const importOperation = 'import-pcp';

/**
 * POST /fhir/R4/Patient/:id/$import-pcp with a Bundle from the primary care provider: its active
 * medicines, conditions and allergies join the record as items to reconcile, and the safety check runs.
 * The answer is a collection Bundle: an OperationOutcome (what was imported, what was skipped and why),
 * the new items, and any new safety findings as DetectedIssue.
 */
export function fhirImportRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.post<{ Params: { id: string }; Body: unknown }>(
    `/fhir/R4/Patient/:id/$${importOperation}`,
    { schema: { hide: true } },
    async (request, reply) => {
      const ctx = contextOf(request);
      let record: ReturnType<typeof readPcpBundle>;
      try {
        record = readPcpBundle(request.body);
      } catch (e) {
        fail('VALIDATION', (e as Error).message);
      }
      const patientId = request.params.id;
      const index = safetyIndex();
      const bundle = await withPatientAccess(
        deps.db,
        ctx,
        patientId,
        { category: 'clinical', mode: 'write', action: 'import', resourceType: 'Bundle' },
        async (q) => {
          const before = new Set((await activeFindings(q, patientId)).map((f) => f.id));
          const by = { userId: ctx.user.id, role: 'import' };
          const { added, alreadyThere } = await addReportedItems(
            q,
            patientId,
            [
              ...record.medications.map((m) => {
                const r = resolveItem(index, m.text);
                const supplement = isResolved(r) && r.kind !== 'medicine';
                return {
                  category: supplement ? ('supplement' as const) : ('medicine' as const),
                  text: m.text,
                  dose: m.dose,
                };
              }),
              ...record.conditions.map((c) => ({ category: 'condition' as const, text: c.text })),
            ],
            by,
            ctx.now,
          );
          const allergyIds: string[] = [];
          for (const a of record.allergies)
            allergyIds.push(await recordAllergy(q, patientId, a, by, ctx.now));
          await recheckRegimen(q, patientId, ctx.now);
          const items = [
            ...(await regimenResources(q, { patientIds: [patientId], kind: 'MedicationStatement' })),
            ...(await regimenResources(q, { patientIds: [patientId], kind: 'Condition' })),
          ].filter((r) => added.includes(r.resource.id as string));
          const allergies = (await allergyResources(q, { patientIds: [patientId] })).filter((r) =>
            allergyIds.includes(r.resource.id as string),
          );
          const findings = (await findingResources(q, { patientIds: [patientId] })).filter(
            (r) => !before.has(r.resource.id as string),
          );
          const outcome: FhirResource = {
            resourceType: 'OperationOutcome',
            issue: [
              {
                severity: 'information',
                code: 'informational',
                diagnostics: `Imported ${added.length} new medicines and conditions (${alreadyThere.length} already on the record) and ${allergyIds.length} allergies, to be reconciled by a clinician. The safety check found ${findings.length} new findings.`,
              },
              ...record.skipped.map((s) => ({ severity: 'warning', code: 'not-supported', diagnostics: s })),
            ],
          };
          return {
            resourceType: 'Bundle',
            type: 'collection',
            timestamp: ctx.now.toISOString(),
            entry: [
              { resource: outcome },
              ...[...items, ...allergies, ...findings].map(({ resource }) => ({
                fullUrl: `${baseUrl(request)}/${resource.resourceType}/${resource.id}`,
                resource,
              })),
            ],
          };
        },
      );
      return reply.type(fhirJson).send(bundle);
    },
  );
}
