import { Anchor, Container, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { isRouteErrorResponse, useRouteError } from 'react-router';

// The last line of defence for a rendering bug: say something plain rather than
// leave a blank screen, and offer a full reload.
export function RouteErrorPage() {
  useDocumentTitle('Something went wrong · Meridian');
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : null;
  return (
    <Container component="main" id="main" size="sm" py={48} px="md">
      <Stack gap="md">
        <Title order={1}>Something went wrong</Title>
        <Text>The page could not be shown. Reloading usually helps.</Text>
        {detail && <Text size="sm">Details: {detail}</Text>}
        <Anchor href="/">Reload Meridian</Anchor>
      </Stack>
    </Container>
  );
}
