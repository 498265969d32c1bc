import { NativeSelect, Stack } from '@mantine/core';
import type { PlanContent } from '@meridian/domain';
import { useEducationArticles, useRecommendations } from '../consultation/consultation-queries.ts';
import type { PlanVersionView } from '../consultation/consultation-types.ts';
import { PlanEditor } from '../consultation/PlanEditor.tsx';
import { addRecommendation, hasTherapy } from '../consultation/plan-draft.ts';
import { guidelineLine, humanizeId } from '../consultation/recommendation-format.ts';

interface PlanContentEditorProps {
  patientId: string;
  /** The version being edited: its therapies' names and the patient's conditions. */
  version: PlanVersionView;
  plan: PlanContent;
  onChange: (plan: PlanContent) => void;
}

/**
 * Edits a plan version's content outside a consultation: therapies ranked for the patient now can be
 * added, and everything else is the consultation's plan editor. Used to adjust a plan and in reviews.
 */
export function PlanContentEditor({ patientId, version, plan, onChange }: PlanContentEditorProps) {
  const articles = useEducationArticles();
  const recommendations = useRecommendations(patientId);

  const names = new Map<string, string>(version.interventions.map((i) => [i.therapy, i.therapyName]));
  const offered = [
    ...(recommendations.data?.recommendations ?? []),
    ...(recommendations.data?.unranked ?? []),
  ].filter((r) => !hasTherapy(plan, r.therapy.id));
  for (const r of offered) names.set(r.therapy.id, r.therapy.name);
  const therapyName = (id: string) => names.get(id) ?? humanizeId(id);

  return (
    <Stack gap="md">
      <NativeSelect
        label="Add a therapy"
        description="Therapies ranked for the patient's conditions now"
        data={[
          {
            value: '',
            label: recommendations.isPending
              ? 'Loading the recommendations…'
              : offered.length
                ? 'Choose a therapy to add'
                : 'No other therapies to add',
          },
          ...offered.map((r) => ({
            value: r.therapy.id,
            label: r.best
              ? `${r.therapy.name} — ${r.best.grade} (${guidelineLine(r.best).split(':')[0]})`
              : `${r.therapy.name} — no guideline statement`,
          })),
        ]}
        value=""
        onChange={(e) => {
          const rec = offered.find((r) => r.therapy.id === e.currentTarget.value);
          if (rec) onChange(addRecommendation(plan, rec));
        }}
      />
      <PlanEditor
        plan={plan}
        onChange={onChange}
        therapyName={therapyName}
        conditionOptions={version.conditions}
        articles={{ data: articles.data, isPending: articles.isPending, error: articles.error }}
      />
    </Stack>
  );
}
