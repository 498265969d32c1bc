import { describe, expect, it } from 'vitest';
import { isRole, navItemsForRole, roleDisplayName, roleHomePath, roleSectionTitle, roles } from './roles.ts';

describe('roleHomePath', () => {
  it('sends each role to its own home', () => {
    expect(roleHomePath('patient')).toBe('/patient');
    expect(roleHomePath('clinician')).toBe('/clinician');
    expect(roleHomePath('coordinator')).toBe('/coordinator');
    expect(roleHomePath('volunteer')).toBe('/volunteer');
    expect(roleHomePath('admin')).toBe('/admin');
    expect(roleHomePath('researcher')).toBe('/research');
  });
});

describe('roleSectionTitle', () => {
  it('uses the exact section names the pages are titled with', () => {
    expect(roles.map(roleSectionTitle)).toEqual([
      'Patient portal',
      'Clinician workspace',
      'Coordinator desk',
      'Volunteer rounds',
      'Admin',
      'Program outcomes',
    ]);
  });
});

describe('navItemsForRole', () => {
  it('shows only the sections of the role', () => {
    expect(navItemsForRole('volunteer')).toEqual([{ label: 'Volunteer rounds', to: '/volunteer' }]);
    for (const role of roles) {
      const paths = navItemsForRole(role).map((item) => item.to);
      expect(paths[0]).toBe(roleHomePath(role));
      for (const other of roles.filter((r) => r !== role)) {
        expect(paths).not.toContain(roleHomePath(other));
      }
    }
  });

  it('gives researchers their reports only', () => {
    expect(navItemsForRole('researcher')).toEqual([{ label: 'Program outcomes', to: '/research' }]);
  });

  it('gives admins the audit log', () => {
    expect(navItemsForRole('admin').map((item) => item.to)).toEqual(['/admin', '/admin/audit']);
  });
});

describe('isRole and roleDisplayName', () => {
  it('recognises only known roles', () => {
    expect(isRole('clinician')).toBe(true);
    expect(isRole('superuser')).toBe(false);
    expect(isRole(undefined)).toBe(false);
    expect(roleDisplayName('admin')).toBe('Administrator');
  });
});
