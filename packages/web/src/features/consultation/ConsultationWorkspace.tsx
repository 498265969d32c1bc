import {
  Alert,
  Anchor,
  Box,
  Button,
  Grid,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import type { PlanContent, PlanIntervention, Recommendation } from '@meridian/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import type { PatientDetail } from '../../api/types.ts';
import { formatPatientName } from '../patients/patient-format.ts';
import { useRegimen } from '../regimen/regimen-queries.ts';
import { SafetyPanel } from '../safety/SafetyPanel.tsx';
import { severityLabel } from '../safety/severity.ts';
import { useServices } from '../scheduling/scheduling-queries.ts';
import { formatInstantInZone } from '../time/format.ts';
import { BookFirstVisit } from './BookFirstVisit.tsx';
import { consultationKeys, useEducationArticles, useSaveWorkspace } from './consultation-queries.ts';
import type { Formulation, FormulationDomain, Workspace } from './consultation-types.ts';
import { IntakeSummary } from './IntakeSummary.tsx';
import { PlanEditor } from './PlanEditor.tsx';
import {
  addRecommendation,
  includeConditions,
  interventionDose,
  normalizePlan,
  planFingerprint,
  removeTherapy,
  serviceCodeFor,
} from './plan-draft.ts';
import { Recommendations } from './Recommendations.tsx';
import { Reconciliation } from './Reconciliation.tsx';
import { humanizeId, sortedSafetyFindings, therapyNames } from './recommendation-format.ts';
import { reconciliationGroups, regimenFingerprint } from './reconciliation.ts';
import { SignAndSend } from './SignAndSend.tsx';
import { SupplementsCheck } from './SupplementsCheck.tsx';

interface ConsultationWorkspaceProps {
  patient: PatientDetail;
  workspace: Workspace;
}

const formulationDomains: { key: FormulationDomain; label: string; hint: string }[] = [
  { key: 'biological', label: 'Biological', hint: 'Body, illness, medicines, sleep, pain mechanisms' },
  { key: 'psychological', label: 'Psychological', hint: 'Mood, stress, beliefs about pain, coping' },
  { key: 'social', label: 'Social', hint: 'Relationships, support, work, money' },
  { key: 'environmental', label: 'Environmental', hint: 'Home, exposures, access to care' },
  { key: 'behavioural', label: 'Behavioural', hint: 'Activity, eating, substances, routines' },
];

/** Keeps a section's heading clear of the fixed app header when a jump link scrolls to it. */
const headerOffset = 76;

const sections = [
  { id: 'intake', label: 'Intake' },
  { id: 'reconciliation', label: 'Reconciliation' },
  { id: 'safety', label: 'Safety' },
  { id: 'formulation', label: 'Formulation' },
  { id: 'recommendations', label: 'Recommendations' },
  { id: 'plan', label: 'Plan' },
  { id: 'sign', label: 'Sign' },
] as const;

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  const headingId = `${id}-heading`;
  return (
    <Paper
      component="section"
      id={id}
      aria-labelledby={headingId}
      withBorder
      p="md"
      style={{ scrollMarginTop: headerOffset }}
    >
      <Stack gap="md">
        <Title order={2} size="h3" id={headingId}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** One screen for the consultation: what the patient said, what they take, what is safe, the plan. */
export function ConsultationWorkspace({ patient, workspace }: ConsultationWorkspaceProps) {
  const patientId = patient.id;
  const consultationId = workspace.consultation.id;
  const zone = patient.location.timeZone;
  const when = (iso: string) => formatInstantInZone(iso, zone, { withDate: true });
  const signed = workspace.consultation.status === 'signed';
  const queryClient = useQueryClient();

  // The draft lives here until it is saved; refetches of the workspace never overwrite it.
  const [plan, setPlan] = useState<PlanContent>(() => normalizePlan(workspace.consultation.planDraft));
  const [formulation, setFormulation] = useState<Formulation>(() => ({
    ...workspace.consultation.formulation,
  }));
  const [savedPrint, setSavedPrint] = useState(() => planFingerprint(plan, formulation));
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [booking, setBooking] = useState<PlanIntervention | null>(null);
  const [booked, setBooked] = useState<string | null>(null);
  const save = useSaveWorkspace(patientId, consultationId);
  const dirty = planFingerprint(plan, formulation) !== savedPrint;

  // Reconciliation and the safety panel read the live regimen; when it changes (an item confirmed,
  // stopped or added) the workspace's recommendations are fetched again.
  const regimen = useRegimen(patientId);
  const items = regimen.data?.items ?? workspace.regimen.items;
  const findings = regimen.data?.findings ?? workspace.regimen.findings;
  const regimenPrint = regimen.data ? regimenFingerprint(regimen.data) : null;
  const lastRegimenPrint = useRef<string | null>(null);
  useEffect(() => {
    if (regimenPrint === null) return;
    const before = lastRegimenPrint.current;
    lastRegimenPrint.current = regimenPrint;
    if (before !== null && before !== regimenPrint) {
      void queryClient.invalidateQueries({
        queryKey: consultationKeys.workspace(patientId, consultationId),
      });
    }
  }, [regimenPrint, queryClient, patientId, consultationId]);

  // A condition recorded during the visit joins the conditions the plan addresses.
  const conditionKey = workspace.recommendations.conditions.map((c) => c.id).join('|');
  const seenConditions = useRef<Set<string> | null>(null);
  useEffect(() => {
    const ids = conditionKey.split('|').filter(Boolean);
    if (seenConditions.current === null) {
      seenConditions.current = new Set(ids);
      return;
    }
    const fresh = ids.filter((id) => !seenConditions.current!.has(id));
    for (const id of fresh) seenConditions.current.add(id);
    if (fresh.length) setPlan((current) => includeConditions(current, fresh));
  }, [conditionKey]);

  const services = useServices(patient.location.id);
  const articles = useEducationArticles();
  const names = therapyNames([
    workspace.recommendations.recommendations,
    workspace.recommendations.against,
    workspace.recommendations.unranked,
  ]);
  const therapyName = (id: string) => names.get(id) ?? humanizeId(id);
  const serviceOf = (i: PlanIntervention) => {
    const code = i.serviceCode ?? serviceCodeFor(i.therapy, services.data ?? []);
    return code ? (services.data ?? []).find((s) => s.code === code) : undefined;
  };

  async function saveNow(): Promise<boolean> {
    if (signed) return true;
    if (!dirty) return true;
    const print = planFingerprint(plan, formulation);
    try {
      await save.mutateAsync({ formulation, plan });
      setSavedPrint(print);
      setSavedAt(new Date().toISOString());
      return true;
    } catch {
      return false;
    }
  }

  function toggle(rec: Recommendation, add: boolean) {
    setPlan((current) =>
      add ? addRecommendation(current, rec, services.data ?? []) : removeTherapy(current, rec.therapy.id),
    );
  }

  const { unverified } = reconciliationGroups(items);
  const worst = sortedSafetyFindings(findings)[0];
  const saveStatus = save.isPending
    ? 'Saving…'
    : dirty
      ? 'Unsaved changes'
      : savedAt
        ? `Saved at ${formatInstantInZone(savedAt, zone)}`
        : 'No unsaved changes';

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" bg="blue.0" component="section" aria-labelledby="summary-heading">
        <Stack gap="xs">
          <Title order={2} size="h4" id="summary-heading">
            Summary
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
            <Text size="sm">
              <strong>{formatPatientName(patient.name)}</strong>, {patient.age}, {patient.mrn}
              <br />
              {patient.location.name}
            </Text>
            <Text size="sm">
              <strong>{signed ? 'Signed' : 'Open'}</strong> · started {when(workspace.consultation.startedAt)}{' '}
              by {workspace.consultation.clinician.name}
            </Text>
            <Text size="sm">
              <strong>Safety:</strong>{' '}
              {findings.length === 0
                ? 'no findings'
                : `${findings.length} ${findings.length === 1 ? 'finding' : 'findings'}, most severe ${worst ? severityLabel[worst.severity].toLowerCase() : ''}`}
              <br />
              <strong>To reconcile:</strong> {unverified === 0 ? 'none' : unverified}
            </Text>
            <Text size="sm">
              <strong>Plan:</strong> {plan.interventions.length} therapies, {plan.goals.length} goals
              {plan.reviewDate ? `, review ${plan.reviewDate}` : ', no review date'}
              <br />
              <strong>Status:</strong> {signed ? 'signed' : saveStatus}
            </Text>
          </SimpleGrid>
          <Box component="nav" aria-label="Workspace sections">
            <Group component="ul" gap="md" m={0} p={0} style={{ listStyle: 'none' }}>
              {sections.map((s) => (
                <li key={s.id}>
                  <Anchor href={`#${s.id}`} size="sm">
                    {s.label}
                  </Anchor>
                </li>
              ))}
            </Group>
          </Box>
        </Stack>
      </Paper>

      <Section id="intake" title="Intake summary">
        <IntakeSummary intake={workspace.intake} therapyName={therapyName} formatWhen={when} />
      </Section>

      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, xl: 6 }}>
          <Section id="reconciliation" title="Medicines and supplements reconciliation">
            <Reconciliation
              patientId={patientId}
              items={items}
              allergies={workspace.allergies}
              noKnownAllergies={workspace.intake?.answers.noKnownAllergies === true}
              disabled={signed}
            />
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 6 }}>
          <Box id="safety" style={{ scrollMarginTop: headerOffset }}>
            <SafetyPanel patientId={patientId} timeZone={zone} canAcknowledge={!signed} />
          </Box>
        </Grid.Col>
      </Grid>

      <Section id="formulation" title="Root-cause formulation">
        <Text size="sm">What drives the patient&apos;s problems, in five domains. Saved with the plan.</Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          {formulationDomains.map((d) => (
            <Textarea
              key={d.key}
              label={d.label}
              description={d.hint}
              value={formulation[d.key] ?? ''}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setFormulation((current) => ({ ...current, [d.key]: value }));
              }}
              autosize
              minRows={2}
              maxLength={4000}
              disabled={signed}
            />
          ))}
        </SimpleGrid>
      </Section>

      <Section id="recommendations" title="Recommendations">
        <Recommendations
          set={workspace.recommendations}
          inPlan={(id) => plan.interventions.some((i) => i.therapy === id)}
          onToggle={toggle}
          disabled={signed}
        />
      </Section>

      <Section id="plan" title="Plan">
        <PlanEditor
          plan={plan}
          onChange={setPlan}
          therapyName={therapyName}
          conditionOptions={workspace.recommendations.conditions}
          articles={{ data: articles.data, isPending: articles.isPending, error: articles.error }}
          canBook={(i) => serviceOf(i) !== undefined}
          onBook={(i) => {
            setBooked(null);
            setBooking(i);
          }}
          disabled={signed}
        />
        {booked && (
          <Text role="status" fw={600} c="teal.9">
            {booked}
          </Text>
        )}
        {booking && (
          <BookFirstVisit
            key={booking.id}
            patientId={patientId}
            homeLocationId={patient.location.id}
            therapyName={therapyName(booking.therapy)}
            serviceName={serviceOf(booking)?.name ?? null}
            serviceCode={serviceOf(booking)?.code}
            onClose={() => setBooking(null)}
            onBooked={(count) => {
              setBooked(
                `Booked ${count === 1 ? 'the first visit' : `${count} visits`} of ${therapyName(booking.therapy)} (${interventionDose(booking)} planned). The visits are on the patient’s schedule.`,
              );
              setBooking(null);
            }}
          />
        )}
        {!signed && (
          <Stack gap="xs">
            {save.isError && (
              <Alert color="red" title="The plan was not saved" role="alert">
                {errorMessage(save.error)}
              </Alert>
            )}
            <Group gap="md">
              <Button onClick={() => void saveNow()} loading={save.isPending}>
                Save plan
              </Button>
              <Text size="sm" role="status">
                {saveStatus}
              </Text>
            </Group>
            <SupplementsCheck check={workspace.plan.supplementsToStart} />
            <Title order={3} size="h4">
              Before signing
            </Title>
            {workspace.plan.gaps.length === 0 ? (
              <Text size="sm">The saved plan has everything it needs to be signed.</Text>
            ) : (
              <>
                <Text size="sm">
                  {dirty ? 'As last saved, the plan still needs:' : 'The plan still needs:'}
                </Text>
                <List size="sm">
                  {workspace.plan.gaps.map((gap) => (
                    <List.Item key={gap}>{gap}</List.Item>
                  ))}
                </List>
              </>
            )}
          </Stack>
        )}
      </Section>

      <Section id="sign" title="Sign and send">
        <SignAndSend
          patientId={patientId}
          consultationId={consultationId}
          pcp={patient.primaryCareProvider}
          saveFirst={saveNow}
          signedSummaryId={workspace.consultation.summaryId}
          gaps={workspace.plan.gaps}
        />
      </Section>
    </Stack>
  );
}
