import type { Discipline, Role } from '@meridian/domain';

/** The signed-in user as the server knows them. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  discipline: Discipline | null;
  patientId: string | null;
}

/** Everything a service needs to know about who asks and when. */
export interface RequestContext {
  user: SessionUser;
  sessionId: string;
  sessionKind: 'cookie' | 'bearer';
  csrfToken: string | null;
  ip: string;
  userAgent: string | null;
  requestId: string;
  now: Date;
}

/** The clock, passed in so tests can fix it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
