import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import type { PlanContent } from '@meridian/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { errorMessage, isApiError } from '../../api/api-error.ts';
import { useAdjustPlan } from '../consultation/consultation-queries.ts';
import type { PlanVersionView } from '../consultation/consultation-types.ts';
import { normalizePlan, planFingerprint } from '../consultation/plan-draft.ts';
import { type AdjustProblem, adjustProblem } from './adjust-plan.ts';
import { PlanContentEditor } from './PlanContentEditor.tsx';

interface AdjustPlanFormProps {
  patientId: string;
  /** The current version, whose content is edited. */
  version: PlanVersionView;
  onCancel: () => void;
  onSaved: (version: number) => void;
  /** Loads the latest version again (after someone else changed the plan). */
  onReload: () => void;
}

/** Edits the current version's content; saving makes a new version with the reason given. */
export function AdjustPlanForm({ patientId, version, onCancel, onSaved, onReload }: AdjustPlanFormProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const original = normalizePlan(version.content);
  const [plan, setPlan] = useState<PlanContent>(original);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<AdjustProblem | null>(null);
  const adjust = useAdjustPlan(patientId);
  const conflict = isApiError(adjust.error, 409);
  useEffect(() => headingRef.current?.focus(), []);

  function submit() {
    const why = adjustProblem(reason, planFingerprint(plan) !== planFingerprint(original));
    setProblem(why);
    if (why) return;
    adjust.mutate(
      { content: plan, reason: reason.trim(), basedOn: version.version },
      { onSuccess: (view) => onSaved(view.plan?.latestVersion ?? version.version + 1) },
    );
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={3} size="h4" id={headingId} ref={headingRef} tabIndex={-1}>
          Adjust plan (editing version {version.version})
        </Title>
        <PlanContentEditor patientId={patientId} version={version} plan={plan} onChange={setPlan} />
        <Textarea
          label="Reason for the change"
          description="Required; it is kept in the plan history."
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setProblem(null);
          }}
          error={problem?.field === 'reason' ? problem.message : undefined}
          autosize
          minRows={2}
          maxLength={2000}
          required
        />
        {problem?.field === 'content' && (
          <Text size="sm" c="red.9" role="alert">
            {problem.message}
          </Text>
        )}
        {adjust.isError && (
          <Alert
            color="red"
            title={conflict ? 'The plan changed while you were editing' : 'The plan was not saved'}
            role="alert"
          >
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{errorMessage(adjust.error)}</Text>
              {conflict && (
                <Button
                  size="xs"
                  variant="outline"
                  color="red"
                  onClick={() => {
                    onReload();
                    onCancel();
                  }}
                >
                  Load the latest version
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        <Group gap="sm">
          <Button onClick={submit} loading={adjust.isPending}>
            Save new version
          </Button>
          <Button variant="default" onClick={onCancel} disabled={adjust.isPending}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
