export * from './access/policy.ts';
export * from './auth/throttle.ts';
export * from './shared/dates.ts';
export * from './shared/errors.ts';
export * from './shared/roles.ts';
