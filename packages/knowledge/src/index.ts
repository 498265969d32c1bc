export * from './education.ts';
export * from './evidence.ts';
export * from './instruments.ts';
export * from './load.ts';
export * from './safety-knowledge.ts';
export * from './schema.ts';
export * from './source-hosts.ts';
