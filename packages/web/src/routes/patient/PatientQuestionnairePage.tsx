import { Anchor, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../../features/auth/current-user.ts';
import { ClinicalNotice } from '../../features/common/ClinicalNotice.tsx';
import { ErrorState } from '../../features/common/ErrorState.tsx';
import { LoadingState } from '../../features/common/LoadingState.tsx';
import { PageTitle } from '../../features/common/PageTitle.tsx';
import { QuestionnaireForm } from '../../features/questionnaires/QuestionnaireForm.tsx';
import { questionnaireAbout } from '../../features/questionnaires/questionnaire-format.ts';
import { useQuestionnaireTexts } from '../../features/questionnaires/questionnaire-queries.ts';

export function PatientQuestionnairePage() {
  const { instrument = '' } = useParams();
  const me = useCurrentUser();
  const texts = useQuestionnaireTexts();
  const text = texts.data?.instruments.find((i) => i.id === instrument) ?? null;
  const back = (
    <Anchor component={Link} to="/patient/questionnaires">
      Back to questionnaires
    </Anchor>
  );
  return (
    <Stack gap="lg">
      <PageTitle>{text ? `Questionnaire: ${text.name}` : 'Questionnaire'}</PageTitle>
      <ClinicalNotice />
      <Text>
        {text ? `${questionnaireAbout[text.id]}. ` : ''}
        {back}
      </Text>
      {me.patientId === null ? (
        <Text>Your account is not linked to a patient record yet. Please contact the clinic.</Text>
      ) : texts.isPending ? (
        <LoadingState label="Loading the questionnaire" />
      ) : texts.isError ? (
        <ErrorState
          title="Could not load the questionnaire"
          error={texts.error}
          onRetry={() => void texts.refetch()}
        />
      ) : text === null ? (
        <Text>There is no questionnaire by that name.</Text>
      ) : (
        <QuestionnaireForm key={text.id} patientId={me.patientId} text={text} />
      )}
    </Stack>
  );
}
