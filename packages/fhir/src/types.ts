// The parts of FHIR R4 (4.0.1) that Meridian writes, typed loosely: the official StructureDefinitions
// check them in tests (packages/testing/src/fhir-validation.ts).

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}
export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}
export interface Reference {
  reference?: string;
  display?: string;
}
export interface Identifier {
  use?: 'usual' | 'official' | 'temp' | 'secondary' | 'old';
  type?: CodeableConcept;
  system?: string;
  value?: string;
}
export interface Period {
  start?: string;
  end?: string;
}
export interface Extension {
  url: string;
  valueCode?: string;
  valueString?: string;
}

export interface FhirResource {
  resourceType: string;
  id?: string;
  meta?: { lastUpdated?: string };
  [key: string]: unknown;
}

export interface OperationOutcome extends FhirResource {
  resourceType: 'OperationOutcome';
  issue: {
    severity: 'fatal' | 'error' | 'warning' | 'information';
    code: string;
    diagnostics?: string;
    expression?: string[];
  }[];
}

export interface Bundle extends FhirResource {
  resourceType: 'Bundle';
  type: 'searchset' | 'document' | 'collection' | 'transaction' | 'transaction-response' | 'batch';
  total?: number;
  link?: { relation: string; url: string }[];
  entry?: { fullUrl?: string; resource: FhirResource; search?: { mode: 'match' | 'include' | 'outcome' } }[];
}
