import { addDays } from '@meridian/domain';
import { personas } from '@meridian/testing';
import { type Answer, ApiClient } from './http-client.ts';

const ok = (a: Answer) => a.status >= 200 && a.status <= 299;
const summary = (a: Answer) => `${a.status} ${a.error ?? ''} ${JSON.stringify(a.body)?.slice(0, 300)}`;

/** Answers a correct server never gives to these requests (5xx above all), collected for the test. */
type Unexpected = string[];

/** A stream of writes of one kind from one client, and the writes it saw acknowledged. */
interface Writer {
  readonly name: string;
  /** Who writes (a demo sign-in). */
  readonly email: string;
  /** Number of writes acknowledged (2xx) so far. */
  readonly acknowledged: number;
  /** Reads what the next writes need from a (restarted) server. */
  prepare(client: ApiClient): Promise<void>;
  /** Sends one write; false when no answer came (the server is gone). */
  step(client: ApiClient, tag: string, unexpected: Unexpected): Promise<boolean>;
  /** The first `mark` acknowledged writes that the server no longer holds, in words. */
  lost(reader: ApiClient, mark: number): Promise<string[]>;
}

/** A writer that keeps what the server acknowledged, one record per acknowledged write. */
abstract class AcknowledgingWriter<Ack> {
  protected readonly acks: Ack[] = [];

  get acknowledged() {
    return this.acks.length;
  }
}

/** A writer who signs in as `email` and writes to one patient's record. */
abstract class PatientRecordWriter<Ack> extends AcknowledgingWriter<Ack> {
  readonly name: string;
  readonly email: string;
  readonly patientId: string;

  constructor(name: string, email: string, patientId: string) {
    super();
    this.name = name;
    this.email = email;
    this.patientId = patientId;
  }
}

/**
 * Diary entries of one patient on 25 distinct past days, written in turn, so later rounds overwrite
 * earlier ones. Every value is unique: a day must hold its last acknowledged value or one sent after it.
 */
class DiaryWriter extends PatientRecordWriter<{ date: string; index: number }> implements Writer {
  readonly #sent = new Map<string, string[]>();
  #dates: string[] = [];
  #next = 0;

  async prepare(client: ApiClient): Promise<void> {
    if (this.#dates.length) return;
    const { today } = await client.must('GET', `/api/patients/${this.patientId}/diary`);
    // 1 to 25 days back: inside the 30 days a patient may backdate, even if the day turns meanwhile.
    this.#dates = Array.from({ length: 25 }, (_, i) => addDays(today, -(i + 1)));
  }

  async step(client: ApiClient, tag: string, unexpected: Unexpected): Promise<boolean> {
    const date = this.#dates[this.#next++ % this.#dates.length]!;
    const sent = this.#sent.get(date) ?? [];
    this.#sent.set(date, sent);
    const notes = `${this.name} ${tag} #${sent.length}`;
    sent.push(notes);
    const answer = await client.send('PUT', `/api/patients/${this.patientId}/diary/${date}`, {
      painNow: sent.length % 11,
      sleepQuality: 'fair',
      notes,
    });
    if (ok(answer)) this.acks.push({ date, index: sent.length - 1 });
    else if (answer.status !== 0) unexpected.push(`${this.name} ${date}: ${summary(answer)}`);
    return answer.status !== 0;
  }

  async lost(reader: ApiClient, mark: number): Promise<string[]> {
    const needed = new Map<string, number>();
    for (const a of this.acks.slice(0, mark)) needed.set(a.date, Math.max(needed.get(a.date) ?? -1, a.index));
    if (!needed.size) return [];
    const dates = [...needed.keys()].sort();
    const { entries } = await reader.must(
      'GET',
      `/api/patients/${this.patientId}/diary?from=${dates[0]}&to=${dates.at(-1)}`,
    );
    const stored = new Map((entries as { date: string; notes: string }[]).map((e) => [e.date, e.notes]));
    const lost: string[] = [];
    for (const [date, index] of needed) {
      const sent = this.#sent.get(date)!;
      // A value sent after the acknowledged one may be there too (it was in flight at the crash).
      if (sent.indexOf(stored.get(date) ?? '') < index)
        lost.push(
          `${this.name} ${date}: holds "${stored.get(date) ?? 'nothing'}", acknowledged "${sent[index]}"`,
        );
    }
    return lost;
  }
}

interface Slot {
  practitioner: { id: string };
  start: string;
  end: string;
}

/**
 * Bookings of one patient by the front desk, each in a different free slot of one practitioner
 * (slots that do not overlap, taken in time order).
 */
class BookingWriter extends AcknowledgingWriter<{ start: string; practitionerId: string }> implements Writer {
  readonly email = personas.coordinator.email;
  #queue: Slot[] = [];
  #practitionerId: string | undefined;
  #lastEnd = 0;
  #from: string | undefined;

  readonly name: string;
  readonly lane: { patientId: string; serviceId: string; locationId: string };

  constructor(name: string, lane: { patientId: string; serviceId: string; locationId: string }) {
    super();
    this.name = name;
    this.lane = lane;
  }

  async prepare(client: ApiClient): Promise<void> {
    const unexpected: Unexpected = [];
    if (this.#queue.length < 5 && !(await this.#refill(client, unexpected)))
      throw new Error(`${this.name}: ${unexpected.join('; ') || 'no answer'}`);
  }

  /** Queues more free slots; false when the server gave no answer. */
  async #refill(client: ApiClient, unexpected: Unexpected): Promise<boolean> {
    const qs = new URLSearchParams({
      serviceId: this.lane.serviceId,
      locationId: this.lane.locationId,
      patientId: this.lane.patientId,
      limit: '200',
      ...(this.#practitionerId ? { practitionerId: this.#practitionerId } : {}),
      ...(this.#from ? { from: this.#from } : {}),
    });
    const answer = await client.send('GET', `/api/slots?${qs}`);
    if (answer.status === 0) return false;
    if (!ok(answer)) {
      unexpected.push(`${this.name} searching slots: ${summary(answer)}`);
      return false;
    }
    const slots = answer.body.slots as Slot[];
    this.#practitionerId ??= slots[0]?.practitioner.id;
    for (const s of slots) {
      if (s.practitioner.id !== this.#practitionerId || Date.parse(s.start) < this.#lastEnd) continue;
      this.#queue.push(s);
      this.#lastEnd = Date.parse(s.end);
    }
    if (slots.length) this.#from = slots.at(-1)!.start.slice(0, 10);
    if (!this.#queue.length) unexpected.push(`${this.name}: no free slots left to book`);
    return this.#queue.length > 0;
  }

  async step(client: ApiClient, _tag: string, unexpected: Unexpected): Promise<boolean> {
    if (!this.#queue.length && !(await this.#refill(client, unexpected))) return false;
    const slot = this.#queue.shift()!;
    const answer = await client.send('POST', `/api/patients/${this.lane.patientId}/appointments`, {
      serviceId: this.lane.serviceId,
      locationId: this.lane.locationId,
      practitionerId: slot.practitioner.id,
      start: slot.start,
    });
    if (ok(answer)) this.acks.push({ start: slot.start, practitionerId: slot.practitioner.id });
    // 409: taken (e.g. by the booking in flight at the crash); 400: the time has passed meanwhile.
    else if (answer.status !== 0 && answer.status !== 409 && answer.status !== 400)
      unexpected.push(`${this.name} ${slot.start}: ${summary(answer)}`);
    return answer.status !== 0;
  }

  async lost(reader: ApiClient, mark: number): Promise<string[]> {
    const acks = this.acks.slice(0, mark);
    if (!acks.length) return [];
    const { appointments } = await reader.must('GET', `/api/patients/${this.lane.patientId}/appointments`);
    const booked = new Set(
      (appointments as { status: string; start: string; practitioner: { id: string } }[])
        .filter((a) => a.status === 'booked')
        .map((a) => `${a.practitioner.id} ${a.start}`),
    );
    return acks
      .filter((a) => !booked.has(`${a.practitionerId} ${a.start}`))
      .map((a) => `${this.name}: the visit at ${a.start} is gone`);
  }
}

/** New versions of one patient's plan by a clinician, each based on the one before. */
class PlanWriter
  extends PatientRecordWriter<{ version: number; reason: string; byWeeks: number }>
  implements Writer
{
  #latest = 0;
  // biome-ignore lint/suspicious/noExplicitAny: the plan content as the API gives it
  #content: any;
  #sent = 0;

  async prepare(client: ApiClient): Promise<void> {
    const { plan } = await client.must('GET', `/api/patients/${this.patientId}/care-plan`);
    this.#latest = plan.latestVersion;
    this.#content = plan.shown.content;
  }

  async step(client: ApiClient, tag: string, unexpected: Unexpected): Promise<boolean> {
    const [goal, ...goals] = this.#content.goals;
    const byWeeks = (goal.byWeeks % 100) + 1;
    const content = { ...this.#content, goals: [{ ...goal, byWeeks }, ...goals] };
    const reason = `${this.name} ${tag} #${this.#sent++}`;
    const answer = await client.send('POST', `/api/patients/${this.patientId}/care-plan/versions`, {
      content,
      reason,
      basedOn: this.#latest,
    });
    if (ok(answer)) {
      this.#latest++;
      this.acks.push({ version: this.#latest, reason, byWeeks });
      this.#content = content;
      return true;
    }
    if (answer.status === 0) return false;
    unexpected.push(`${this.name} on version ${this.#latest}: ${summary(answer)}`);
    try {
      await this.prepare(client);
      return true;
    } catch {
      return false;
    }
  }

  async lost(reader: ApiClient, mark: number): Promise<string[]> {
    const acks = this.acks.slice(0, mark);
    if (!acks.length) return [];
    const { plan } = await reader.must('GET', `/api/patients/${this.patientId}/care-plan`);
    const reasons = new Map(
      (plan.versions as { version: number; reason: string }[]).map((v) => [v.version, v.reason]),
    );
    const lost = acks
      .filter((a) => reasons.get(a.version) !== a.reason)
      .map(
        (a) =>
          `${this.name}: version ${a.version} ("${a.reason}") holds "${reasons.get(a.version) ?? 'nothing'}"`,
      );
    // The newest acknowledged version is whole: its content is the one sent.
    const last = acks.at(-1)!;
    if (reasons.get(last.version) === last.reason) {
      const shown = (
        await reader.must('GET', `/api/patients/${this.patientId}/care-plan/versions/${last.version}`)
      ).plan.shown;
      if (shown.content.goals[0].byWeeks !== last.byWeeks)
        lost.push(`${this.name}: version ${last.version} has other content than was sent`);
    }
    return lost;
  }
}

/** How many writes of each stream were acknowledged at one moment. */
export type AckMark = Map<Writer, number>;

/**
 * The write load of the reliability tests: diary entries from three patients, bookings by the front
 * desk in three clinics, and plan versions by a clinician, each stream on its own connection.
 */
export class WriteLoad {
  readonly writers: Writer[];
  readonly unexpected: Unexpected = [];
  readonly #tokens = new Map<string, string>();

  private constructor(writers: Writer[], tokens: Map<string, string>) {
    this.writers = writers;
    this.#tokens = tokens;
  }

  /** Signs in the writers and finds the patients, clinics and services they write about. */
  static async setup(url: string): Promise<WriteLoad> {
    const tokens = new Map<string, string>();
    const patientIds = new Map<string, string>();
    const signIn = async (email: string) => {
      const client = new ApiClient(url);
      const answer = await client.signIn(email).then(() => client.must('GET', '/api/me'));
      client.close();
      tokens.set(email, client.token!);
      if (answer.patientId) patientIds.set(email, answer.patientId);
    };
    const { maria, james, david, coordinator, drPatel } = personas;
    for (const p of [maria, james, david, coordinator, drPatel]) await signIn(p.email);
    const desk = new ApiClient(url);
    desk.token = tokens.get(coordinator.email);
    const { services } = await desk.must('GET', '/api/services');
    const { locations } = await desk.must('GET', '/api/locations');
    desk.close();
    const idOf = (list: { id: string; code: string }[], code: string) =>
      list.find((x) => x.code === code)!.id;
    const lane = (patient: string, service: string, location: string) => ({
      patientId: patientIds.get(patient)!,
      serviceId: idOf(services, service),
      locationId: idOf(locations, location),
    });
    const writers: Writer[] = [
      new DiaryWriter('diary-maria', maria.email, patientIds.get(maria.email)!),
      new DiaryWriter('diary-james', james.email, patientIds.get(james.email)!),
      new DiaryWriter('diary-david', david.email, patientIds.get(david.email)!),
      new BookingWriter('booking-phoenix', lane(maria.email, 'acupuncture', 'phoenix')),
      new BookingWriter('booking-jacksonville', lane(david.email, 'acupuncture', 'jacksonville')),
      new BookingWriter('booking-rochester', lane(james.email, 'massage', 'rochester')),
      new PlanWriter('plan-maria', drPatel.email, patientIds.get(maria.email)!),
    ];
    return new WriteLoad(writers, tokens);
  }

  /** Total writes acknowledged so far. */
  get acknowledged(): number {
    return this.writers.reduce((n, w) => n + w.acknowledged, 0);
  }

  /**
   * Waits until every stream has had a write acknowledged since `mark`; rejects when no write is
   * acknowledged for 30 s (a hang) or a stream stopped on an answer it should not get.
   */
  async everyStreamAcknowledgedSince(mark: AckMark): Promise<void> {
    let last = this.acknowledged;
    let since = performance.now();
    while (this.writers.some((w) => w.acknowledged <= (mark.get(w) ?? 0))) {
      if (this.acknowledged > last) {
        last = this.acknowledged;
        since = performance.now();
      } else if (performance.now() - since > 30_000 || this.unexpected.length)
        throw new Error(
          `Writes stalled (${this.counts()}): ${this.unexpected.join('; ') || 'no answers in 30 s'}`,
        );
      await new Promise((r) => setTimeout(r, 2));
    }
  }

  /** The acknowledged writes so far, to check later that they are all there. */
  mark(): AckMark {
    return new Map(this.writers.map((w) => [w, w.acknowledged]));
  }

  #client(url: string, w: Writer): ApiClient {
    const client = new ApiClient(url);
    client.token = this.#tokens.get(w.email);
    return client;
  }

  /**
   * Starts every stream against the server at `url`. Each stops at the first request without an
   * answer (the server was killed) or when `stop` is called; `done` resolves when all have stopped.
   */
  async start(url: string, tag: string): Promise<{ stop(): Promise<void>; done: Promise<void> }> {
    const clients = this.writers.map((w) => this.#client(url, w));
    await Promise.all(this.writers.map((w, i) => w.prepare(clients[i]!)));
    let stopped = false;
    const done = Promise.all(
      this.writers.map(async (w, i) => {
        while (!stopped && (await w.step(clients[i]!, tag, this.unexpected))) {}
        clients[i]!.close();
      }),
    ).then(() => undefined);
    return {
      done,
      async stop() {
        stopped = true;
        await done;
      },
    };
  }

  /** Acknowledged writes (all, or those up to `mark`) that the server at `url` does not hold. */
  async lost(url: string, mark: AckMark = this.mark()): Promise<string[]> {
    const found = await Promise.all(
      this.writers.map(async (w) => {
        const reader = this.#client(url, w);
        try {
          return await w.lost(reader, mark.get(w) ?? 0);
        } finally {
          reader.close();
        }
      }),
    );
    return found.flat();
  }

  /** Acknowledged writes per stream, for the summary line. */
  counts(): string {
    return this.writers.map((w) => `${w.name} ${w.acknowledged}`).join(', ');
  }
}
