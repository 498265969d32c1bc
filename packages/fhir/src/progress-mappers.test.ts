import { describe, expect, it } from 'vitest';
import { auditAction, auditEventResource } from './audit-event.ts';
import auditEvent from './fixtures/audit-event.json' with { type: 'json' };
import observationScore from './fixtures/observation-score.json' with { type: 'json' };
import observationsDiary from './fixtures/observations-diary.json' with { type: 'json' };
import practitionerRole from './fixtures/practitioner-role.json' with { type: 'json' };
import * as samples from './fixtures/progress-samples.ts';
import questionnaire from './fixtures/questionnaire.json' with { type: 'json' };
import questionnaireResponse from './fixtures/questionnaire-response.json' with { type: 'json' };
import {
  answersOfResponse,
  diaryObservations,
  questionnaireResource,
  questionnaireResponseResource,
  scoreObservation,
} from './observations.ts';
import { practitionerRoleResource } from './practitioner-role.ts';

describe('progress, directory and audit mappers match their golden fixtures', () => {
  it.each([
    ['observations-diary', () => diaryObservations(samples.sampleDiary), observationsDiary],
    ['observation-score', () => scoreObservation(samples.samplePhq9), observationScore],
    ['questionnaire', () => questionnaireResource(samples.sampleGad7Wording), questionnaire],
    [
      'questionnaire-response',
      () => questionnaireResponseResource(samples.sampleGad7Response, samples.sampleGad7Wording),
      questionnaireResponse,
    ],
    ['practitioner-role', () => practitionerRoleResource(samples.sampleRole), practitionerRole],
    ['audit-event', () => auditEventResource(samples.sampleAudit), auditEvent],
  ] as const)('%s', (_name, make, golden) => {
    expect(JSON.parse(JSON.stringify(make()))).toEqual(golden);
  });

  it('codes the PHQ-9 total with LOINC 44261-6 and leaves the PEG under Meridian’s code system', () => {
    expect(observationScore.code.coding[0]).toMatchObject({ system: 'http://loinc.org', code: '44261-6' });
    const peg = scoreObservation({
      ...samples.samplePhq9,
      instrument: 'peg',
      answers: [4, 4, 4],
      score: 4,
      band: null,
    })!;
    expect((peg.code as { coding: { system: string }[] }).coding[0]!.system).toMatch(/meridian/);
  });

  it('reads a third-party QuestionnaireResponse back into answers, and refuses an incomplete one', () => {
    expect(answersOfResponse(questionnaireResponse)).toMatchObject({
      instrument: 'gad-7',
      answers: [2, 2, 1, 1, 1, 1, 1],
    });
    expect(() => answersOfResponse({ ...questionnaireResponse, status: 'in-progress' })).toThrow(/completed/);
    expect(() => answersOfResponse({ resourceType: 'Patient' })).toThrow(/QuestionnaireResponse/);
  });

  it('maps Meridian audit actions to C, R, U, D or E', () => {
    expect(['create', 'read', 'sign', 'login', 'export'].map(auditAction)).toEqual(['C', 'R', 'U', 'E', 'E']);
  });
});
