import type { Address, PatientSummary } from '../../api/types.ts';

export function formatPatientName(name: PatientSummary['name']): string {
  return [name.given, name.family]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ');
}

/** "Family, Given": how staff scan and sort a patient list. */
export function formatPatientNameSortable(name: PatientSummary['name']): string {
  const family = name.family.trim();
  const given = name.given.trim();
  if (family && given) return `${family}, ${given}`;
  return family || given;
}

export function formatSex(sex: string): string {
  if (sex === '') return 'Not recorded';
  return sex.charAt(0).toUpperCase() + sex.slice(1);
}

export function formatAddress(address: Address | null): string {
  if (!address) return 'Not recorded';
  const cityLine = [address.city, [address.state, address.postalCode].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  return [address.line, cityLine].filter(Boolean).join(', ');
}

export function comparePatientsByName(a: PatientSummary, b: PatientSummary): number {
  return formatPatientNameSortable(a.name).localeCompare(formatPatientNameSortable(b.name), 'en');
}
