import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageTitle } from '../../features/common/PageTitle.tsx';
import { OutcomesReport } from '../../features/outcomes/OutcomesReport.tsx';

/** The program outcome reports, for administrators. */
export function AdminOutcomesPage() {
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/admin" size="sm">
        ← Back to Admin
      </Anchor>
      <PageTitle>Program outcomes</PageTitle>
      <Text>How patients’ pain changed over their therapy, by group, and how bedside sessions went.</Text>
      <OutcomesReport />
    </Stack>
  );
}
