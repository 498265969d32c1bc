import type { Role } from '../../api/types.ts';

export interface NavItem {
  label: string;
  to: string;
}

const homes: Record<Role, string> = {
  patient: '/patient',
  clinician: '/clinician',
  coordinator: '/coordinator',
  volunteer: '/volunteer',
  admin: '/admin',
  researcher: '/research',
};

const sections: Record<Role, string> = {
  patient: 'Patient portal',
  clinician: 'Clinician workspace',
  coordinator: 'Coordinator desk',
  volunteer: 'Volunteer rounds',
  admin: 'Admin',
  researcher: 'Program outcomes',
};

const roleNames: Record<Role, string> = {
  patient: 'Patient',
  clinician: 'Clinician',
  coordinator: 'Coordinator',
  volunteer: 'Volunteer',
  admin: 'Administrator',
  researcher: 'Researcher',
};

export const roles: readonly Role[] = [
  'patient',
  'clinician',
  'coordinator',
  'volunteer',
  'admin',
  'researcher',
];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

export function roleHomePath(role: Role): string {
  return homes[role];
}

/** The name of the role's section; also the exact h1 of its home page. */
export function roleSectionTitle(role: Role): string {
  return sections[role];
}

export function roleDisplayName(role: Role): string {
  return roleNames[role];
}

// Each role sees only its own sections: a link it could not use would only
// lead to a redirect.
export function navItemsForRole(role: Role): NavItem[] {
  const home: NavItem = { label: sections[role], to: homes[role] };
  if (role === 'admin') return [home, { label: 'Audit log', to: '/admin/audit' }];
  return [home];
}
