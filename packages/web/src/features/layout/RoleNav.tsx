import { NavLink, Stack } from '@mantine/core';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import type { Role } from '../../api/types.ts';
import { type NavItem, navItemsForRole } from '../auth/roles.ts';

// Each role's other pages (the patient's questionnaire, plan and booking; scheduling and
// configuration pages), listed after the role's home.
const schedulingItems: Partial<Record<Role, NavItem[]>> = {
  patient: [
    { label: 'Your health questionnaire', to: '/patient/intake' },
    { label: 'My plan', to: '/patient/plan' },
    { label: 'Pain diary', to: '/patient/diary' },
    { label: 'My progress', to: '/patient/progress' },
    { label: 'Questionnaires', to: '/patient/questionnaires' },
    { label: 'Book a visit', to: '/patient/book' },
  ],
  coordinator: [
    { label: 'Calendar', to: '/coordinator/calendar' },
    { label: 'Book for a patient', to: '/coordinator/book' },
    { label: 'Waitlist and paperwork', to: '/coordinator/waitlist' },
  ],
  admin: [
    { label: 'Service catalog', to: '/admin/catalog' },
    { label: 'Practitioners', to: '/admin/practitioners' },
    { label: 'Program outcomes', to: '/admin/outcomes' },
  ],
};

interface RoleNavProps {
  role: Role;
  onNavigate?: () => void;
}

function isActive(pathname: string, to: string, exactOnly: boolean): boolean {
  if (pathname === to) return true;
  return !exactOnly && pathname.startsWith(`${to}/`);
}

export function RoleNav({ role, onNavigate }: RoleNavProps) {
  const { pathname } = useLocation();
  const items = [...navItemsForRole(role), ...(schedulingItems[role] ?? [])];
  // A section home stays highlighted on its sub-pages unless one of them has
  // its own entry (the admin's audit log).
  const hasNestedItem = (to: string) => items.some((item) => item.to.startsWith(`${to}/`));
  return (
    <Stack gap={4}>
      {items.map((item) => {
        const active = isActive(pathname, item.to, hasNestedItem(item.to));
        return (
          <NavLink
            key={item.to}
            component={RouterNavLink}
            to={item.to}
            end
            label={item.label}
            active={active}
            aria-current={active ? 'page' : undefined}
            variant="filled"
            onClick={onNavigate}
          />
        );
      })}
    </Stack>
  );
}
