// Words and numbers of the assessment page: inputs as phrases, stage labels,
// which badge a leaf shows, the filters of the criteria tree.
import type { MantineColor } from '@mantine/core';
import type { IconName } from '../../components/Icon';
import { t, type MessageKey } from '../../i18n';
import { formatDate, formatNumber } from '../../lib/format';
import type { AssessmentNode, InputKind, LeafInput, LeafNode, Stage } from './assessmentTypes';

/** Points as the decision prints them: up to two decimals, Vietnamese separators (0,75). */
export const formatPoints = (value: number | null | undefined) => formatNumber(value, 2);

const STAGE_KEYS: Record<Stage, MessageKey> = {
  self: 'parAssessment.stage.self',
  round1: 'parAssessment.stage.round1',
  response: 'parAssessment.stage.response',
  final: 'parAssessment.stage.final',
};

export const stageLabel = (stage: Stage) => t(STAGE_KEYS[stage]);

const KIND_KEYS: Record<InputKind, MessageKey> = {
  score: 'parAssessment.kind.score',
  boolean: 'parAssessment.kind.boolean',
  deadline: 'parAssessment.kind.deadline',
  date: 'parAssessment.kind.date',
  rate: 'parAssessment.kind.rate',
  ratio: 'parAssessment.kind.ratio',
  count: 'parAssessment.kind.count',
  not_done: 'parAssessment.kind.notDone',
  not_applicable: 'parAssessment.kind.notApplicable',
};

/** How a kind of input is chosen in a form ("Nhập điểm", "Theo tỷ lệ %"). */
export const kindLabel = (kind: InputKind) => t(KIND_KEYS[kind]);

/** The input as a short phrase ("Đạt", "97,5%", "12/15"), as the server's display but in the chosen language. */
export function describeInput(input: LeafInput | null): string {
  if (!input) return t('common.dash');
  switch (input.kind) {
    case 'not_applicable':
      return t('parAssessment.input.notApplicable');
    case 'score':
      return t('parAssessment.input.points', { points: formatPoints(input.points) });
    case 'not_done':
      return t('parAssessment.input.notDone');
    case 'boolean':
      return input.value ? t('parAssessment.input.pass') : t('parAssessment.input.fail');
    case 'deadline':
      return input.status === 'on_time'
        ? t('parAssessment.input.onTime')
        : input.status === 'late'
          ? t('parAssessment.input.late')
          : t('parAssessment.input.missing');
    case 'date':
      return input.date ? t('parAssessment.input.doneOn', { date: formatDate(input.date) }) : t('parAssessment.input.notYetDone');
    case 'rate':
      return `${formatNumber(input.percent, 2)}%`;
    case 'ratio':
      return `${formatNumber(input.numerator, 2)}/${formatNumber(input.denominator, 2)}`;
    case 'count':
      return formatNumber(input.value, 0);
  }
}

const METHOD_KEYS: Record<string, MessageKey> = {
  self: 'parAssessment.method.self',
  appraised: 'parAssessment.method.appraised',
  survey: 'parAssessment.method.survey',
  computed: 'parAssessment.method.computed',
};
const RULE_KEYS: Record<string, MessageKey> = {
  boolean: 'parAssessment.rule.boolean',
  deadline: 'parAssessment.rule.deadline',
  tiers: 'parAssessment.rule.tiers',
  band: 'parAssessment.rule.band',
  capped: 'parAssessment.rule.capped',
  count: 'parAssessment.rule.count',
  sum: 'parAssessment.rule.sum',
  deduction: 'parAssessment.rule.deduction',
};
const NA_KEYS: Record<string, MessageKey> = {
  full: 'parAssessment.na.full',
  remove: 'parAssessment.na.remove',
};

/** Tự chấm, Thẩm định, … in the chosen language (the server's word for an unknown one). */
export const methodLabel = (leaf: LeafNode) => (METHOD_KEYS[leaf.method] ? t(METHOD_KEYS[leaf.method]) : leaf.methodLabel);
export const ruleLabel = (leaf: LeafNode) => (leaf.rule && RULE_KEYS[leaf.rule.kind] ? t(RULE_KEYS[leaf.rule.kind]) : leaf.ruleLabel);
export const notApplicableLabel = (leaf: LeafNode) => (leaf.notApplicable ? t(NA_KEYS[leaf.notApplicable]) : null);

export const isLeaf = (node: AssessmentNode): node is LeafNode => node.isLeaf;

interface Look {
  color: MantineColor;
  icon: IconName;
  label: string;
}

/** Where the points that count come from: Tự chấm, Tự động, Thẩm định lần 1, Điểm chốt, or not scored yet. */
export function countingLook(leaf: LeafNode): Look {
  switch (leaf.countingStage) {
    case 'final':
      return { color: 'green', icon: 'check', label: t('parAssessment.from.final') };
    case 'round1':
      return { color: 'orange', icon: 'checklist', label: t('parAssessment.from.round1') };
    case 'self':
      return leaf.entries.self?.automatic
        ? { color: 'cyan', icon: 'refresh', label: t('parAssessment.from.automatic') }
        : { color: 'blue', icon: 'pencil', label: t('parAssessment.from.self') };
    default:
      return leaf.selfScored
        ? { color: 'gray', icon: 'circleDashed', label: t('parAssessment.from.none') }
        : { color: 'gray', icon: 'hourglass', label: t('parAssessment.from.appraisers') };
  }
}

/** Evidence attached at the self-assessment (what the sign-off counts). */
export const selfEvidenceCount = (leaf: LeafNode) => leaf.evidence.filter((e) => e.stage === 'self').length;

/**
 * A self-scored value typed by hand, with no evidence and no explanation: the
 * chairman cannot sign it off (same rule as the server's problems).
 */
export function lacksEvidence(leaf: LeafNode): boolean {
  const self = leaf.entries.self;
  if (!leaf.selfScored || !self?.input || self.automatic || self.input.kind === 'not_applicable') return false;
  return selfEvidenceCount(leaf) === 0 && !self.explanation.trim();
}

const sameInput = (a: LeafInput | null | undefined, b: LeafInput | null | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The appraisers gave another value than the self-assessment (the latest
 * appraisal compared with the self-score; a score equal in points but given
 * in another kind counts as a change).
 */
export function changedByAppraisal(leaf: LeafNode): boolean {
  const self = leaf.entries.self?.input;
  const appraisal = leaf.entries.final?.input ?? leaf.entries.round1?.input;
  if (!appraisal) return false;
  if (!self) return leaf.selfScored;
  return !sameInput(self, appraisal);
}

export type LeafFilter = 'all' | 'unscored' | 'lost' | 'changed';
export const LEAF_FILTERS: LeafFilter[] = ['all', 'unscored', 'lost', 'changed'];

export const FILTER_KEYS: Record<LeafFilter, MessageKey> = {
  all: 'parAssessment.filter.all',
  unscored: 'parAssessment.filter.unscored',
  lost: 'parAssessment.filter.lost',
  changed: 'parAssessment.filter.changed',
};

/** `draft`: while the commune self-scores, the appraisers' own criteria are not "not scored yet". */
export function matchesFilter(leaf: LeafNode, filter: LeafFilter, draft = false): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'unscored':
      return leaf.countingStage === null && (leaf.selfScored || !draft);
    case 'lost':
      return leaf.lost > 0;
    case 'changed':
      return changedByAppraisal(leaf);
  }
}

/** "Tiêu chí 1.3.2: chưa có …" → "1.3.2" (the problems and lost points name their leaf this way). */
export function problemCode(problem: string): string | null {
  const match = /^Tiêu chí\s+([0-9A-Za-z.]+?)\s*:/u.exec(problem.trim());
  return match ? match[1] : null;
}

/** A server message of several lines (the sign-off's problems) as its lines. */
export function messageLines(message: string): string[] {
  return message
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The DOM id of a leaf's row, for scrolling to it. */
export const leafDomId = (code: string) => `leaf-${code.replace(/[^0-9A-Za-z]+/g, '-')}`;
