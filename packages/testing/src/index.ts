export * from './clock.ts';
export * from './fhir-validation.ts';
export * from './personas.ts';
export * from './templates.ts';
export * from './test-app.ts';
export * from './test-database.ts';
