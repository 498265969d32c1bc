import { bearer, createTestApp, fhirProblems, personas, type TestApp } from '@meridian/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestApp;
let mariaId: string;
let jamesId: string;
let davidId: string;
beforeAll(async () => {
  t = await createTestApp();
  const ids = await t.db.query<{ id: string; mrn: string }>('SELECT id, mrn FROM patients');
  mariaId = ids.find((r) => r.mrn === personas.maria.mrn)!.id;
  jamesId = ids.find((r) => r.mrn === personas.james.mrn)!.id;
  davidId = ids.find((r) => r.mrn === personas.david.mrn)!.id;
});
afterAll(() => t.close());

const call = async (email: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: bearer(await t.login(email)), ...(payload ? { payload } : {}) });

interface Recommendation {
  therapy: { id: string };
  best: { grade: string; sources: string[] } | null;
  safety: { level: string; findings: { severity: string; summary: string }[] };
  suggested: boolean;
}

const plan = {
  conditions: ['chronic-low-back-pain', 'anxiety'],
  goals: [
    {
      id: 'g1',
      what: 'Get through the work day with less pain',
      measure: 'peg',
      comparator: '<=',
      target: 4,
      byWeeks: 12,
      howMeasured: 'PEG every 2 weeks',
    },
  ],
  interventions: [
    { id: 'i1', therapy: 'acupuncture', serviceCode: 'acupuncture', frequency: 'weekly', sessions: 6 },
    { id: 'i2', therapy: 'yoga', frequency: 'twice a week', sessions: 12 },
    { id: 'i3', therapy: 'meditation', frequency: 'daily', sessions: 1 },
  ],
  selfCare: [{ id: 's1', practice: 'Ten minutes of paced breathing', frequency: 'daily' }],
  supplements: [{ name: "St John's wort", action: 'stop', reason: 'Interacts with sertraline.' }],
  education: ['sleep-hygiene', 'herbs-supplements-safety'],
  reviewDate: '2027-02-15',
};

describe('the demo story', () => {
  it('has Maria on the second version of a signed plan, with the summary faxed to her primary care provider', async () => {
    const plan = (await call(personas.maria.email, 'GET', `/api/patients/${mariaId}/care-plan`)).json().plan;
    expect(plan.latestVersion).toBe(2);
    expect(plan.versions[0].reason).toMatch(/^Review: At 4 weeks pain is easing/);
    expect(plan.versions[0].changes.length).toBeGreaterThan(0);
    const summaries = (
      await call(personas.drPatel.email, 'GET', `/api/patients/${mariaId}/visit-summaries`)
    ).json();
    expect(summaries.summaries).toHaveLength(1);
    expect(summaries.summaries[0].deliveries[0]).toMatchObject({ to: 'Dr. Helen Ward', channel: 'fax' });
  });

  it('has James with a submitted intake waiting for his consultation', async () => {
    const intake = (await call(personas.drOkafor.email, 'GET', `/api/patients/${jamesId}/intake`)).json()
      .intake;
    expect(intake.status).toBe('submitted');
    const consultations = (
      await call(personas.drOkafor.email, 'GET', `/api/patients/${jamesId}/consultations`)
    ).json();
    expect(consultations.consultations).toEqual([]);
  });
});

describe('intake, consultation, plan and visit summary', () => {
  it('keeps an incomplete intake as a draft and says what is missing before it can be submitted', async () => {
    const saved = await call(personas.david.email, 'PUT', `/api/patients/${davidId}/intake`, {
      reasons: 'Back pain for two years and poor sleep.',
      emotional: { phq2: [1, 2], gad2: [2, 2] },
      peg: { pain: 7, enjoyment: 6, activity: 6 },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().intake.gaps).toHaveLength(2);
    expect(saved.json().intake.screens).toMatchObject({
      phq2: { score: 3, positive: true },
      gad2: { score: 4, positive: true },
      peg: { score: 6.3 },
    });
    const refused = await call(personas.david.email, 'POST', `/api/patients/${davidId}/intake/submit`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/medicines and supplements/);
    const bad = await call(personas.david.email, 'PUT', `/api/patients/${davidId}/intake`, {
      peg: { pain: 12 },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('adds the intake’s medicines, supplements and allergies to the record as unverified on submit', async () => {
    await call(personas.david.email, 'PUT', `/api/patients/${davidId}/intake`, {
      reasons: 'Back pain for two years and poor sleep.',
      medicines: [
        { kind: 'medicine', name: 'sertraline', dose: '50 mg', frequency: 'daily' },
        { kind: 'medicine', name: 'sumatriptan', dose: '50 mg', frequency: 'as needed' },
        { kind: 'supplement', name: "St John's wort", dose: '300 mg', frequency: 'three times a day' },
        { kind: 'supplement', name: 'valerian', dose: '450 mg', frequency: 'at night' },
      ],
      allergies: [{ substance: 'Penicillin', reaction: 'Hives', severity: 'moderate' }],
      preferences: { wanted: ['massage'], declined: [], needleAversion: false },
    });
    const submitted = await call(personas.david.email, 'POST', `/api/patients/${davidId}/intake/submit`);
    expect(submitted.statusCode).toBe(200);
    const regimen = (await call(personas.npKim.email, 'GET', `/api/patients/${davidId}/regimen`)).json();
    const texts = regimen.items.map((i: { text: string }) => i.text);
    // Already on the record: not added twice.
    expect(texts.filter((x: string) => x === 'sumatriptan')).toHaveLength(1);
    const valerian = regimen.items.find((i: { text: string }) => i.text === 'valerian');
    expect(valerian).toMatchObject({ enteredBy: 'patient', verified: false, dose: '450 mg' });
    // The submitted intake's supplements are checked at once: St John's wort with sertraline is major.
    expect(
      regimen.findings.some(
        (f: { severity: string; items: { id: string }[] }) =>
          f.severity === 'major' && f.items.some((i) => i.id === 'st-johns-wort'),
      ),
    ).toBe(true);
    // The reported allergy waits for a clinician to confirm it.
    const allergies = await t.db.query<{ id: string; verified_at: Date | null }>(
      "SELECT id, verified_at FROM allergies WHERE patient_id = $1 AND substance = 'Penicillin'",
      [davidId],
    );
    expect(allergies[0]!.verified_at).toBeNull();
    const byPatient = await call(
      personas.david.email,
      'POST',
      `/api/patients/${davidId}/allergies/${allergies[0]!.id}/verify`,
    );
    expect(byPatient.statusCode).toBe(403);
    const confirmed = await call(
      personas.npKim.email,
      'POST',
      `/api/patients/${davidId}/allergies/${allergies[0]!.id}/verify`,
    );
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().allergies[0]).toMatchObject({ substance: 'Penicillin', verified: true });
    // Another patient's intake is not there to read.
    const other = await call(personas.james.email, 'GET', `/api/patients/${davidId}/intake`);
    expect(other.statusCode).toBe(404);
  });

  it('opens a consultation with the major interaction, ranked recommendations with grade and source, and signs it', async () => {
    const opened = await call(personas.npKim.email, 'POST', `/api/patients/${davidId}/consultations`, {});
    expect(opened.statusCode).toBe(201);
    const ws = opened.json();
    const consultationId = ws.consultation.id as string;
    expect(
      ws.regimen.findings.some(
        (f: { severity: string; items: { id: string }[] }) =>
          f.severity === 'major' && f.items.some((i) => i.id === 'st-johns-wort'),
      ),
    ).toBe(true);
    for (const text of ['chronic low back pain', 'anxiety']) {
      const recorded = await call(personas.npKim.email, 'POST', `/api/patients/${davidId}/regimen`, {
        category: 'condition',
        text,
      });
      expect(recorded.statusCode).toBe(201);
    }
    const refreshed = (
      await call(personas.npKim.email, 'GET', `/api/patients/${davidId}/consultations/${consultationId}`)
    ).json();
    const recs = refreshed.recommendations.recommendations as Recommendation[];
    expect(recs.length).toBeGreaterThan(3);
    for (const r of recs) {
      expect(r.best!.grade.length).toBeGreaterThan(2);
      expect(r.best!.sources[0]).toMatch(/^https:\/\//);
    }
    expect(recs.some((r) => r.therapy.id === 'acupuncture' && r.suggested)).toBe(true);
    // A second consultation cannot be opened while this one is open.
    const twice = await call(personas.npKim.email, 'POST', `/api/patients/${davidId}/consultations`, {});
    expect(twice.statusCode).toBe(409);

    const saved = await call(
      personas.npKim.email,
      'PUT',
      `/api/patients/${davidId}/consultations/${consultationId}`,
      {
        formulation: {
          biological: 'Deconditioning after a lifting injury.',
          psychological: 'Worry about re-injury.',
        },
        plan,
      },
    );
    expect(saved.statusCode).toBe(200);
    expect(saved.json().plan.gaps).toEqual([]);
    // A supplement the plan would start is checked against the regimen; an unknown one is not "safe".
    const withSupplements = await call(
      personas.npKim.email,
      'PUT',
      `/api/patients/${davidId}/consultations/${consultationId}`,
      {
        plan: {
          ...plan,
          supplements: [
            ...plan.supplements,
            { name: '5-HTP', action: 'start', dose: '100 mg' },
            { name: 'moon dust', action: 'start' },
          ],
        },
      },
    );
    expect(withSupplements.statusCode, withSupplements.body).toBe(200);
    const check = withSupplements.json().plan.supplementsToStart;
    expect(check.findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ supplement: '5-HTP', severity: 'major' })]),
    );
    expect(check.notAssessed.map((n: { name: string }) => n.name)).toEqual(['moon dust']);
    await call(personas.npKim.email, 'PUT', `/api/patients/${davidId}/consultations/${consultationId}`, {
      plan,
    });

    // Reconciliation comes first: the patient's own entries must be confirmed or stopped.
    const early = await call(
      personas.npKim.email,
      'POST',
      `/api/patients/${davidId}/consultations/${consultationId}/sign`,
      {},
    );
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toMatch(/Reconcile/);
    const items = (await call(personas.npKim.email, 'GET', `/api/patients/${davidId}/regimen`)).json()
      .items as {
      id: string;
      verified: boolean;
      status: string;
    }[];
    for (const item of items.filter((i) => !i.verified && i.status === 'active')) {
      const verified = await call(
        personas.npKim.email,
        'POST',
        `/api/patients/${davidId}/regimen/${item.id}/verify`,
        {},
      );
      expect(verified.statusCode).toBe(200);
    }
    // Only the clinician holding the consultation signs it.
    const notHers = await call(
      personas.dietitianNair.email,
      'POST',
      `/api/patients/${davidId}/consultations/${consultationId}/sign`,
      {},
    );
    expect(notHers.statusCode).toBe(403);

    const signed = await call(
      personas.npKim.email,
      'POST',
      `/api/patients/${davidId}/consultations/${consultationId}/sign`,
      {
        sendVia: 'fax',
      },
    );
    expect(signed.statusCode).toBe(200);
    const { summaryId, planVersion } = signed.json();
    expect(planVersion).toBe(1);

    const letter = await call(
      personas.npKim.email,
      'GET',
      `/api/patients/${davidId}/visit-summaries/${summaryId}/letter.html`,
    );
    expect(letter.headers['content-type']).toMatch(/text\/html/);
    expect(letter.body).toContain('Acupuncture');
    expect(letter.body).toContain('Dr. Angela Price');
    const pdf = await call(
      personas.npKim.email,
      'GET',
      `/api/patients/${davidId}/visit-summaries/${summaryId}/letter.pdf`,
    );
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const doc = await call(
      personas.npKim.email,
      'GET',
      `/api/patients/${davidId}/visit-summaries/${summaryId}/document`,
    );
    expect(doc.headers['content-type']).toMatch(/application\/fhir\+json/);
    expect(fhirProblems(doc.json())).toEqual([]);
    expect(doc.json()).toMatchObject({ resourceType: 'Bundle', type: 'document' });

    const list = (await call(personas.npKim.email, 'GET', `/api/patients/${davidId}/visit-summaries`)).json();
    expect(list.summaries[0].deliveries[0]).toMatchObject({
      to: 'Dr. Angela Price',
      channel: 'fax',
      address: '904-555-0171',
    });
    // The patient reads her plan in plain words, without codes or delivery details.
    const mine = (await call(personas.david.email, 'GET', `/api/patients/${davidId}/visit-summaries`)).json();
    expect(mine.summaries[0].deliveries).toBeUndefined();
    expect(JSON.stringify(mine.summaries[0].patientSummary)).not.toMatch(/M54|ICD/);
  });

  it('adjusting the plan makes version 2 with the reason, and version 1 stays readable', async () => {
    const current = (await call(personas.npKim.email, 'GET', `/api/patients/${davidId}/care-plan`)).json()
      .plan;
    expect(current.latestVersion).toBe(1);
    const content = {
      ...current.shown.content,
      interventions: current.shown.content.interventions.map((i: { id: string; sessions: number }) =>
        i.id === 'i1' ? { ...i, sessions: 8 } : i,
      ),
    };
    const adjusted = await call(personas.npKim.email, 'POST', `/api/patients/${davidId}/care-plan/versions`, {
      content,
      reason: 'Pain easing with acupuncture; two more sessions agreed.',
      basedOn: 1,
    });
    expect(adjusted.statusCode).toBe(201);
    const v2 = adjusted.json().plan;
    expect(v2.latestVersion).toBe(2);
    expect(v2.shown.reason).toBe('Pain easing with acupuncture; two more sessions agreed.');
    expect(v2.shown.changes, JSON.stringify(v2.shown.changes)).toEqual([
      'Therapy changed: Acupuncture, weekly, 6 sessions → Acupuncture, weekly, 8 sessions',
    ]);
    const v1 = (
      await call(personas.david.email, 'GET', `/api/patients/${davidId}/care-plan/versions/1`)
    ).json().plan;
    expect(v1.shown.version).toBe(1);
    expect(v1.shown.interventions[0].sessions).toBe(6);
    // An edit of a version that is no longer the latest is refused, and nothing is written.
    const stale = await call(personas.npKim.email, 'POST', `/api/patients/${davidId}/care-plan/versions`, {
      content,
      reason: 'Edited an old copy.',
      basedOn: 1,
    });
    expect(stale.statusCode).toBe(409);
    const after = (await call(personas.npKim.email, 'GET', `/api/patients/${davidId}/care-plan`)).json().plan;
    expect(after.latestVersion).toBe(2);
    // The database itself refuses to change a version.
    await expect(t.db.query('UPDATE care_plan_versions SET reason = $1', ['rewritten'])).rejects.toThrow(
      /never changed/,
    );
    // Patients do not change plans.
    const byPatient = await call(
      personas.david.email,
      'POST',
      `/api/patients/${davidId}/care-plan/versions`,
      {
        content,
        reason: 'I want more',
        basedOn: 2,
      },
    );
    expect(byPatient.statusCode).toBe(403);
  });
});

describe('recommendations screened for the patient', () => {
  it('flags spinal manipulation for a patient with osteoporosis', async () => {
    await call(personas.drPatel.email, 'POST', `/api/patients/${mariaId}/regimen`, {
      category: 'condition',
      text: 'osteoporosis',
    });
    const res = await call(personas.drPatel.email, 'GET', `/api/patients/${mariaId}/recommendations`);
    const all = [...res.json().recommendations, ...res.json().unranked] as Recommendation[];
    const manipulation = all.find((r) => r.therapy.id === 'spinal-manipulation')!;
    expect(manipulation.safety.level).toBe('contraindicated');
    expect(manipulation.suggested).toBe(false);
  });

  it('gives deep-tissue massage and cupping cautions for a patient on warfarin', async () => {
    await call(personas.james.email, 'PUT', `/api/patients/${jamesId}/intake`, {
      reasons: 'Knee pain.',
      preferences: { wanted: ['deep-tissue-massage', 'cupping'], declined: [], needleAversion: false },
    });
    const res = await call(personas.drOkafor.email, 'GET', `/api/patients/${jamesId}/recommendations`);
    expect(res.statusCode).toBe(200);
    const all = [...res.json().recommendations, ...res.json().unranked] as Recommendation[];
    for (const id of ['deep-tissue-massage', 'cupping']) {
      const r = all.find((x) => x.therapy.id === id)!;
      expect(r.safety.level).not.toBe('none');
      expect(r.safety.findings.some((f) => /anticoagulant/i.test(f.summary))).toBe(true);
    }
    // Coordinators do not see clinical recommendations.
    const coordinator = await call(
      personas.coordinator.email,
      'GET',
      `/api/patients/${jamesId}/recommendations`,
    );
    expect(coordinator.statusCode).toBe(403);
  });
});
