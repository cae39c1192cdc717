// The plan draft the server reads from a document, and the review state the
// import screen edits (shared/contracts/plan-import.md, docs/api.md).
import type { Area, PlanType, Recurrence, Unit } from '../../lib/types';

export interface DraftUnit {
  unit: string | null;
  text: string;
  /** a commune unit chosen in the review */
  unitId?: string;
}

export interface DraftTask {
  ref: string | null;
  area: Area | null;
  title: string;
  product: string | null;
  lead: DraftUnit[];
  support: DraftUnit[];
  timeline: { text: string | null; milestones: string[]; due: string | null; recurrence: Recurrence | null };
  criteria: string[];
}

export interface DraftTarget {
  text: string;
  op: string | null;
  value: number | null;
  unit: string | null;
  monitor: DraftUnit[];
  implement: DraftUnit[];
}

export interface PlanDraft {
  document: {
    type: string | null;
    number: string | null;
    issuer: string | null;
    place: string | null;
    date: string | null;
    title: string | null;
    year: number | null;
    signer: { name: string | null; title: string | null };
  };
  targets: DraftTarget[];
  tasks: DraftTask[];
}

export interface ImportReview {
  filename: string;
  draft: PlanDraft;
  sourceLines: string[];
  spans: Record<string, { from: number; to: number }>;
}

/** A task as the reviewer edits it: units found in the commune by id, the others as written. */
export interface EditTask {
  ref: string;
  area: Area | null;
  title: string;
  product: string;
  leadIds: string[];
  supportIds: string[];
  leadTexts: string[];
  supportTexts: string[];
  due: string | null;
  timelineText: string;
  draft: DraftTask;
}

export interface EditDocument {
  type: PlanType;
  title: string;
  number: string;
  year: number | null;
  signerName: string;
  signerTitle: string;
}

/** What the reviewer chose for one written unit text: a commune unit, a new unit, or nothing yet. */
export type UnitChoice = { kind: 'unit'; unitId: string } | { kind: 'create' } | null;

/** The commune's unit for a draft unit (by its reference id), if any. */
function matchUnit(u: DraftUnit, units: Unit[]): Unit | undefined {
  return u.unit ? units.find((unit) => unit.code === u.unit) : undefined;
}

function splitUnits(list: DraftUnit[], units: Unit[]): { ids: string[]; texts: string[] } {
  const ids: string[] = [];
  const texts: string[] = [];
  for (const u of list) {
    const found = matchUnit(u, units);
    if (found) {
      if (!ids.includes(found.id)) ids.push(found.id);
    } else if (!texts.includes(u.text)) texts.push(u.text);
  }
  return { ids, texts };
}

export function toEditTasks(draft: PlanDraft, units: Unit[]): EditTask[] {
  return draft.tasks.map((task) => {
    const lead = splitUnits(task.lead, units);
    const support = splitUnits(task.support, units);
    return {
      ref: task.ref ?? '',
      area: task.area,
      title: task.title,
      product: task.product ?? '',
      leadIds: lead.ids,
      supportIds: support.ids.filter((id) => !lead.ids.includes(id)),
      leadTexts: lead.texts,
      supportTexts: support.texts,
      due: task.timeline.due,
      timelineText: task.timeline.text ?? '',
      draft: task,
    };
  });
}

export function toEditDocument(draft: PlanDraft): EditDocument {
  const d = draft.document;
  return { type: 'annual', title: d.title ?? '', number: d.number ?? '', year: d.year, signerName: d.signer.name ?? '', signerTitle: d.signer.title ?? '' };
}

/** Every written unit text the commune has no unit for, in order of first appearance. */
export function unmatchedTexts(tasks: EditTask[], draft: PlanDraft, units: Unit[]): string[] {
  const out: string[] = [];
  const add = (text: string) => {
    if (!out.includes(text)) out.push(text);
  };
  for (const task of tasks) [...task.leadTexts, ...task.supportTexts].forEach(add);
  for (const target of draft.targets) for (const u of [...target.monitor, ...target.implement]) if (!matchUnit(u, units)) add(u.text);
  return out;
}

const blank = (s: string) => (s.trim() === '' ? null : s.trim());

/** The body of POST /api/orgs/:orgId/imports/accept. */
export function acceptBody(doc: EditDocument, tasks: EditTask[], draft: PlanDraft, units: Unit[], choices: Record<string, UnitChoice>) {
  const chosen = (ids: string[], texts: string[]): DraftUnit[] => [
    ...ids.map((id) => ({ unit: null, text: units.find((u) => u.id === id)?.name ?? id, unitId: id })),
    ...texts.map((text) => ({ unit: null, text })),
  ];
  const unitMap: Record<string, { unitId: string } | { create: { name: string } }> = {};
  for (const text of unmatchedTexts(tasks, draft, units)) {
    const choice = choices[text];
    if (choice?.kind === 'unit') unitMap[text] = { unitId: choice.unitId };
    else if (choice?.kind === 'create') unitMap[text] = { create: { name: text } };
  }
  return {
    type: doc.type,
    unitMap,
    draft: {
      document: {
        ...draft.document,
        title: doc.title,
        number: blank(doc.number),
        year: doc.year,
        signer: { name: blank(doc.signerName), title: blank(doc.signerTitle) },
      },
      targets: draft.targets,
      tasks: tasks.map((task) => ({
        ref: blank(task.ref),
        area: task.area,
        title: task.title,
        product: blank(task.product),
        lead: chosen(task.leadIds, task.leadTexts),
        support: chosen(task.supportIds.filter((id) => !task.leadIds.includes(id)), task.supportTexts),
        timeline: {
          text: blank(task.timelineText),
          // A due date the reviewer changed is the task's one milestone.
          milestones: task.due === task.draft.timeline.due ? task.draft.timeline.milestones : task.due ? [task.due] : [],
          due: task.due,
          recurrence: task.draft.timeline.recurrence,
        },
        criteria: task.draft.criteria,
      })),
    },
  };
}

/** The task a server error points at ("draft.tasks.3.title" → 3). */
export function taskOfField(field: string | null): number | null {
  const m = field ? /^draft\.tasks\.(\d+)\b/.exec(field) : null;
  return m ? Number(m[1]) : null;
}
