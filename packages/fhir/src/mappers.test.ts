import { describe, expect, it } from 'vitest';
import capability from './fixtures/capability.json' with { type: 'json' };
import location from './fixtures/location.json' with { type: 'json' };
import outcome from './fixtures/outcome.json' with { type: 'json' };
import patient from './fixtures/patient.json' with { type: 'json' };
import practitioner from './fixtures/practitioner.json' with { type: 'json' };
import { samples } from './fixtures/samples.ts';

const golden: Record<string, unknown> = { capability, location, outcome, patient, practitioner };

describe('FHIR mappers (golden fixtures)', () => {
  for (const [name, resource] of Object.entries(samples)) {
    it(`maps ${name} exactly as fixtures/${name}.json`, () => {
      expect(resource).toEqual(golden[name]);
    });
  }
});
