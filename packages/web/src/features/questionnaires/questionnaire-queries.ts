import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type {
  PatientQuestionnaires,
  QuestionnaireId,
  QuestionnaireResult,
  QuestionnaireText,
} from '../../api/types.ts';

const base = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}`;

export const questionnaireKeys = {
  texts: ['questionnaire-texts'] as const,
  patient: (patientId: string) => ['questionnaires', patientId] as const,
  progress: (patientId: string) => ['progress', patientId] as const,
};

/** The questionnaires word for word; their wording changes only with a release. */
export function useQuestionnaireTexts() {
  return useQuery({
    queryKey: questionnaireKeys.texts,
    queryFn: ({ signal }) => api.get<{ instruments: QuestionnaireText[] }>('/api/questionnaires', { signal }),
    staleTime: 30 * 60_000,
  });
}

/** Which questionnaires are due, and the patient's past scores. */
export function usePatientQuestionnaires(patientId: string) {
  return useQuery({
    queryKey: questionnaireKeys.patient(patientId),
    queryFn: ({ signal }) => api.get<PatientQuestionnaires>(`${base(patientId)}/questionnaires`, { signal }),
    enabled: patientId !== '',
  });
}

/** Sends a completed questionnaire; the server scores it as published. */
export function useSubmitQuestionnaire(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { instrument: QuestionnaireId; answers: number[] }) =>
      api.post<QuestionnaireResult>(`${base(patientId)}/questionnaires`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: questionnaireKeys.patient(patientId) });
      void queryClient.invalidateQueries({ queryKey: questionnaireKeys.progress(patientId) });
    },
  });
}
