import { Anchor, Container, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router';

export function NotFoundPage() {
  useDocumentTitle('Page not found · Meridian');
  return (
    <Container component="main" id="main" size="sm" py={48} px="md">
      <Stack gap="md">
        <Title order={1}>Page not found</Title>
        <Text>There is no page at this address.</Text>
        <Anchor component={Link} to="/">
          Go to your home page
        </Anchor>
      </Stack>
    </Container>
  );
}
