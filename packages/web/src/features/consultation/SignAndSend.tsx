import {
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  VisuallyHidden,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import type { PrimaryCareProvider } from '../../api/types.ts';
import { summaryLinks, useSignConsultation } from './consultation-queries.ts';
import type { SendChannel } from './consultation-types.ts';
import { channelOptions, defaultChannel } from './sign-format.ts';

interface SignAndSendProps {
  patientId: string;
  consultationId: string;
  pcp: PrimaryCareProvider | null;
  /** Saves unsaved changes first; resolves false when saving failed. */
  saveFirst: () => Promise<boolean>;
  /** The summary of an already signed consultation. */
  signedSummaryId: string | null;
  gaps: readonly string[];
}

/** Sign the consultation: the plan becomes a version and the summary goes to the primary care provider. */
export function SignAndSend({
  patientId,
  consultationId,
  pcp,
  saveFirst,
  signedSummaryId,
  gaps,
}: SignAndSendProps) {
  const sign = useSignConsultation(patientId, consultationId);
  const [channel, setChannel] = useState<SendChannel | ''>(() => defaultChannel(pcp));
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const doneRef = useRef<HTMLDivElement>(null);
  const summaryId = sign.data?.summaryId ?? signedSummaryId;

  useEffect(() => {
    if (sign.isSuccess) doneRef.current?.focus();
  }, [sign.isSuccess]);

  async function submit() {
    setSaving(true);
    const saved = await saveFirst();
    setSaving(false);
    if (!saved) return;
    const body: { sendVia?: SendChannel; reason?: string } = {};
    if (channel) body.sendVia = channel;
    if (reason.trim()) body.reason = reason.trim();
    sign.mutate(body);
  }

  if (summaryId) {
    const links = summaryLinks(patientId, summaryId);
    return (
      <Stack gap="sm" ref={doneRef} tabIndex={-1}>
        <Alert color="teal" variant="outline" title="Signed" role="status">
          <Text size="sm">
            {sign.data
              ? `The plan is now version ${sign.data.planVersion}. The visit summary was made${channel && pcp ? ` and recorded as sent to ${pcp.name}` : ''}.`
              : 'This consultation is signed. Adjust the plan from the patient’s record.'}
          </Text>
        </Alert>
        <Group gap="md">
          <Anchor href={links.pdf} target="_blank" rel="noreferrer">
            Open letter (PDF)
            <VisuallyHidden> (opens in a new tab)</VisuallyHidden>
          </Anchor>
          <Anchor href={links.html} target="_blank" rel="noreferrer">
            Open letter (HTML)
            <VisuallyHidden> (opens in a new tab)</VisuallyHidden>
          </Anchor>
          <Anchor href={links.fhir} target="_blank" rel="noreferrer">
            FHIR document
            <VisuallyHidden> (opens in a new tab)</VisuallyHidden>
          </Anchor>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      {gaps.length > 0 && (
        <Text size="sm">
          The plan is not complete yet (see the plan section); signing will say what is missing.
        </Text>
      )}
      <NativeSelect
        label="Send summary to primary care provider via"
        description={
          pcp
            ? `${pcp.name}${pcp.organization ? `, ${pcp.organization}` : ''}${pcp.fax ? ` · fax ${pcp.fax}` : ''}`
            : 'No primary care provider on record: the summary can be made but not sent.'
        }
        data={channelOptions(pcp)}
        value={channel}
        onChange={(e) => setChannel(e.currentTarget.value as SendChannel | '')}
        w={{ base: '100%', sm: 420 }}
      />
      <Textarea
        label="Note for the plan history"
        description="Optional; for example why the plan starts as it does."
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={2000}
      />
      {sign.isError && (
        <Alert color="red" title="Not signed" role="alert">
          {errorMessage(sign.error)}
        </Alert>
      )}
      <div>
        <Button onClick={() => void submit()} loading={saving || sign.isPending}>
          Sign and send
        </Button>
      </div>
    </Stack>
  );
}
