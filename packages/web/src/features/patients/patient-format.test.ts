import { describe, expect, it } from 'vitest';
import type { PatientSummary } from '../../api/types.ts';
import { breakGlassReasonError } from './break-glass-reason.ts';
import {
  comparePatientsByName,
  formatAddress,
  formatPatientName,
  formatPatientNameSortable,
  formatSex,
} from './patient-format.ts';

function patient(given: string, family: string): PatientSummary {
  return {
    id: `${given}-${family}`,
    mrn: 'MRN-1',
    name: { given, family },
    birthDate: '1980-01-01',
    age: 45,
    sex: 'female',
    location: { id: 'l1', name: 'Phoenix', timeZone: 'America/Phoenix' },
  };
}

describe('patient names', () => {
  it('formats for reading and for scanning lists', () => {
    expect(formatPatientName({ given: 'Ana', family: 'Reyes' })).toBe('Ana Reyes');
    expect(formatPatientNameSortable({ given: 'Ana', family: 'Reyes' })).toBe('Reyes, Ana');
    expect(formatPatientNameSortable({ given: '', family: 'Reyes' })).toBe('Reyes');
  });

  it('sorts by family name', () => {
    const sorted = [patient('Zoe', 'Adams'), patient('Ana', 'Reyes'), patient('Bo', 'Adams')].sort(
      comparePatientsByName,
    );
    expect(sorted.map((p) => p.id)).toEqual(['Bo-Adams', 'Zoe-Adams', 'Ana-Reyes']);
  });
});

describe('formatSex and formatAddress', () => {
  it('capitalises and handles missing data', () => {
    expect(formatSex('female')).toBe('Female');
    expect(formatSex('')).toBe('Not recorded');
    expect(formatAddress(null)).toBe('Not recorded');
    expect(formatAddress({ line: '1 Main St', city: 'Tempe', state: 'AZ', postalCode: '85281' })).toBe(
      '1 Main St, Tempe, AZ 85281',
    );
  });
});

describe('breakGlassReasonError', () => {
  it('requires at least ten characters of reason', () => {
    expect(breakGlassReasonError('   ')).toMatch(/reason/);
    expect(breakGlassReasonError('too short')).toMatch(/at least 10/);
    expect(breakGlassReasonError('Unresponsive in ED, no care team reachable')).toBeNull();
  });
});
