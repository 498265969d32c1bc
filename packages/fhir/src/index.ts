export * from './capability.ts';
export * from './clinical.ts';
export * from './codes.ts';
export * from './documents.ts';
export * from './mappers.ts';
export * from './outcomes.ts';
export * from './scheduling.ts';
export * from './types.ts';
