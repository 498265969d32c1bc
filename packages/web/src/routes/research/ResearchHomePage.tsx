import { Stack, Text } from '@mantine/core';
import { PageTitle } from '../../features/common/PageTitle.tsx';
import { OutcomesReport } from '../../features/outcomes/OutcomesReport.tsx';

/** The researcher's home: de-identified program outcome reports, and nothing else. */
export function ResearchHomePage() {
  return (
    <Stack gap="lg">
      <PageTitle>Program outcomes</PageTitle>
      <Text>How patients’ pain changed over their therapy, by group, and how bedside sessions went.</Text>
      <OutcomesReport />
    </Stack>
  );
}
