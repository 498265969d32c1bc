import { AppShell, Burger, Button, Drawer, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useCurrentUser } from '../auth/current-user.ts';
import { roleHomePath } from '../auth/roles.ts';
import { useSignOut } from '../auth/use-sign-out.ts';
import { RoleNav } from './RoleNav.tsx';
import { SkipLink } from './SkipLink.tsx';
import { UserSummary } from './UserSummary.tsx';

const mobileNavId = 'mobile-navigation';

export function AppLayout() {
  const user = useCurrentUser();
  const signOut = useSignOut();
  const [drawerOpen, drawer] = useDisclosure(false);
  const { pathname } = useLocation();

  // Back/forward navigation must not leave the phone menu covering the new page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on path change only
  useEffect(() => drawer.close(), [pathname]);

  return (
    <AppShell
      header={{ height: 60 }}
      // Phones get the navigation in a Drawer instead: it traps focus and closes
      // on Escape, where a collapsed navbar would leave hidden links in the tab order.
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: true } }}
      padding="md"
    >
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={drawerOpen}
              onClick={drawer.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={drawerOpen ? 'Close navigation' : 'Open navigation'}
              aria-expanded={drawerOpen}
              aria-controls={mobileNavId}
            />
            <Text component={Link} to={roleHomePath(user.role)} fw={700} size="lg" c="blue.9" td="none">
              Meridian
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <Group visibleFrom="sm">
              <UserSummary user={user} />
            </Group>
            <Button variant="outline" size="sm" onClick={() => signOut.mutate()} loading={signOut.isPending}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="md" aria-label="Main" visibleFrom="sm">
        <RoleNav role={user.role} />
      </AppShell.Navbar>

      {/* Built from parts so the title bar is a plain div: Drawer's default <header>
          would add a second banner landmark, and the close button needs a name. */}
      <Drawer.Root opened={drawerOpen} onClose={drawer.close} size="80%" hiddenFrom="sm" id={mobileNavId}>
        <Drawer.Overlay />
        <Drawer.Content>
          <Drawer.Header component="div">
            <Drawer.Title>Menu</Drawer.Title>
            <Drawer.CloseButton aria-label="Close navigation" />
          </Drawer.Header>
          <Drawer.Body>
            <Stack gap="md">
              <UserSummary user={user} />
              <nav aria-label="Main">
                <RoleNav role={user.role} onNavigate={drawer.close} />
              </nav>
            </Stack>
          </Drawer.Body>
        </Drawer.Content>
      </Drawer.Root>

      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
