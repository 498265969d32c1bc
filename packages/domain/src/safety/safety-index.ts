import type {
  KbAgent,
  KbCondition,
  KbInteraction,
  KbNonInteraction,
  KbPrecaution,
  KbTherapy,
  SafetyKnowledge,
} from './knowledge-types.ts';
import { normaliseName } from './names.ts';

export type EntityKind = 'agent' | 'therapy' | 'condition' | 'class';

/** Something a written name can lead to. */
export interface NamedEntity {
  kind: EntityKind;
  id: string;
  name: string;
}

/** The knowledge arranged for fast checks; built once, then shared by every check. */
export interface SafetyIndex {
  knowledge: SafetyKnowledge;
  names: Map<string, NamedEntity>;
  /** Names for "did you mean", grouped by first letter to keep suggestions cheap. */
  nameList: { normalised: string; entity: NamedEntity }[];
  agents: Map<string, KbAgent>;
  therapies: Map<string, KbTherapy>;
  conditions: Map<string, KbCondition>;
  /** An agent's references: itself and "class:<id>" of each of its classes. */
  refsOf: Map<string, string[]>;
  /** Properties of an agent, own and through its classes, with their sources. */
  propertiesOf: Map<string, Map<string, string[]>>;
  /** Interactions by unordered pair of references. */
  interactionsByPair: Map<string, KbInteraction[]>;
  nonInteractionsByPair: Map<string, KbNonInteraction[]>;
  /** Precautions by subject reference ("warfarin", "class:nsaid", "therapy:massage"). */
  precautionsBySubject: Map<string, KbPrecaution[]>;
  /** Recent resolutions of written items (resolution is pure for a given index), bounded. */
  resolutions: Map<string, unknown>;
  /** Findings per ordered pair of agent keys (pure for a given index), bounded; see `pairFindings`. */
  pairs: { byFirst: Map<string, Map<string, unknown>>; size: number };
}

/** Key of an unordered pair. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Arranges the knowledge for checking. Names that two entries claim go to the first one. */
export function buildSafetyIndex(knowledge: SafetyKnowledge): SafetyIndex {
  const names = new Map<string, NamedEntity>();
  const claim = (name: string, entity: NamedEntity) => {
    const n = normaliseName(name);
    if (n && !names.has(n)) names.set(n, entity);
  };
  for (const a of knowledge.agents) {
    const e: NamedEntity = { kind: 'agent', id: a.id, name: a.name };
    for (const n of [
      a.name,
      a.id.replace(/-/g, ' '),
      ...(a.brands ?? []),
      ...(a.latin ?? []),
      ...(a.synonyms ?? []),
    ])
      claim(n, e);
  }
  for (const t of knowledge.therapies) {
    const e: NamedEntity = { kind: 'therapy', id: t.id, name: t.name };
    for (const n of [t.name, t.id.replace(/-/g, ' '), ...(t.synonyms ?? [])]) claim(n, e);
  }
  for (const c of knowledge.conditions) {
    const e: NamedEntity = { kind: 'condition', id: c.id, name: c.name };
    for (const n of [c.name, c.id.replace(/-/g, ' '), ...(c.synonyms ?? [])]) claim(n, e);
  }
  for (const c of knowledge.classes) {
    const e: NamedEntity = { kind: 'class', id: c.id, name: c.name };
    for (const n of [c.name, ...(c.synonyms ?? [])]) claim(n, e);
  }

  const classProps = new Map<string, Map<string, string[]>>();
  const ownProps = new Map<string, Map<string, string[]>>();
  for (const p of knowledge.properties) {
    const target = p.subject.startsWith('class:') ? classProps : ownProps;
    const key = p.subject.startsWith('class:') ? p.subject.slice(6) : p.subject;
    const props = target.get(key) ?? new Map<string, string[]>();
    props.set(p.property, [...(props.get(p.property) ?? []), ...p.sources]);
    target.set(key, props);
  }
  const refsOf = new Map<string, string[]>();
  const propertiesOf = new Map<string, Map<string, string[]>>();
  for (const a of knowledge.agents) {
    refsOf.set(a.id, [a.id, ...(a.classes ?? []).map((c) => `class:${c}`)]);
    const props = new Map(ownProps.get(a.id) ?? []);
    for (const c of a.classes ?? []) {
      for (const [prop, src] of classProps.get(c) ?? []) if (!props.has(prop)) props.set(prop, src);
    }
    propertiesOf.set(a.id, props);
  }

  const interactionsByPair = new Map<string, KbInteraction[]>();
  for (const i of knowledge.interactions) push(interactionsByPair, pairKey(i.a, i.b), i);
  const nonInteractionsByPair = new Map<string, KbNonInteraction[]>();
  for (const n of knowledge.nonInteractions) push(nonInteractionsByPair, pairKey(n.a, n.b), n);
  const precautionsBySubject = new Map<string, KbPrecaution[]>();
  for (const p of knowledge.precautions) push(precautionsBySubject, p.subject, p);

  return {
    knowledge,
    names,
    nameList: [...names].map(([normalised, entity]) => ({ normalised, entity })),
    agents: new Map(knowledge.agents.map((a) => [a.id, a])),
    therapies: new Map(knowledge.therapies.map((t) => [t.id, t])),
    conditions: new Map(knowledge.conditions.map((c) => [c.id, c])),
    refsOf,
    propertiesOf,
    interactionsByPair,
    nonInteractionsByPair,
    precautionsBySubject,
    resolutions: new Map(),
    pairs: { byFirst: new Map(), size: 0 },
  };
}
