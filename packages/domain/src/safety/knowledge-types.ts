/**
 * The shape of the curated knowledge the safety engine reads (validated in @meridian/knowledge).
 * Declared here so the engine stays pure: it is given the data, it never loads it.
 */
export type Severity = 'contraindicated' | 'major' | 'moderate' | 'minor';
export type EvidenceLevel =
  | 'guideline'
  | 'clinical-study'
  | 'case-reports'
  | 'observational'
  | 'pharmacological';
export type AgentKind = 'medicine' | 'herb' | 'supplement' | 'food';

export interface KbAgent {
  id: string;
  kind: AgentKind;
  name: string;
  brands?: string[];
  latin?: string[];
  synonyms?: string[];
  classes?: string[];
}
export interface KbClass {
  id: string;
  name: string;
  synonyms?: string[];
}
export interface KbProperty {
  subject: string;
  property: string;
  sources: string[];
}
export interface KbInteraction {
  id: string;
  a: string;
  b: string;
  severity: Severity;
  effect: string;
  mechanism: string;
  management: string;
  evidence: EvidenceLevel;
  sources: string[];
}
export interface KbNonInteraction {
  id: string;
  a: string;
  b: string;
  finding: string;
  sources: string[];
}
export interface KbCondition {
  id: string;
  name: string;
  kind: 'condition' | 'situation';
  parent?: string;
  synonyms?: string[];
}
export interface KbTherapy {
  id: string;
  name: string;
  parent?: string;
  synonyms?: string[];
  needles?: true;
}
export interface KbPrecaution {
  id: string;
  subject: string;
  condition: string;
  severity: Severity;
  reason: string;
  management: string;
  evidence: EvidenceLevel;
  sources: string[];
}
/** Findings inferred from properties when no documented row covers the items. */
export type KbInferenceRule =
  | {
      id: string;
      kind: 'pair';
      a: string;
      b: string;
      severity: Severity;
      summary: string;
      mechanism: string;
      management: string;
      evidence: EvidenceLevel;
      sources: string[];
    }
  | {
      id: string;
      kind: 'group';
      anyOf: string[];
      atLeast: number;
      severity: Severity;
      /** A stronger severity when one of the items has this property (e.g. an anticoagulant). */
      escalate?: { property: string; severity: Severity };
      summary: string;
      mechanism: string;
      management: string;
      evidence: EvidenceLevel;
      sources: string[];
    };
/** A situation the engine derives from the regimen itself (e.g. an anticoagulant → "anticoagulant-therapy"). */
export type KbDerivedCondition =
  | { condition: string; whenProperty: string }
  | { condition: string; whenLab: { lab: 'plateletCount'; below: number }; sources: string[] };

export interface SafetyKnowledge {
  agents: KbAgent[];
  classes: KbClass[];
  properties: KbProperty[];
  interactions: KbInteraction[];
  nonInteractions: KbNonInteraction[];
  conditions: KbCondition[];
  therapies: KbTherapy[];
  precautions: KbPrecaution[];
  rules: KbInferenceRule[];
  derivedConditions: KbDerivedCondition[];
}
