// The criteria tree: areas (lĩnh vực) as sections with their points, nested
// criteria indented by depth, one row per leaf that opens in place (works the
// same on a phone), and a filter: all / not scored / lost points / changed by
// the appraisal.
import { Badge, Button, Group, Paper, Progress, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { Fragment, useMemo } from 'react';
import { Icon } from '../../components/Icon';
import { TagBadge } from '../../components/TagBadge';
import { ToggleButtons } from '../../components/ToggleButtons';
import { t } from '../../i18n';
import {
  countingLook,
  FILTER_KEYS,
  formatPoints,
  isLeaf,
  lacksEvidence,
  LEAF_FILTERS,
  leafDomId,
  matchesFilter,
  type LeafFilter,
} from './assessmentFormat';
import type { AssessmentNode, AssessmentView, LeafNode } from './assessmentTypes';
import { LeafDetail } from './LeafDetail';

interface LeafTreeProps {
  view: AssessmentView;
  openCodes: ReadonlySet<string>;
  onToggle: (code: string) => void;
  onCollapseAll: () => void;
  filter: LeafFilter;
  onFilter: (filter: LeafFilter) => void;
}

interface AreaGroup {
  area: AssessmentNode;
  rows: AssessmentNode[];
}

function groupByArea(nodes: AssessmentNode[]): AreaGroup[] {
  const groups: AreaGroup[] = [];
  for (const node of nodes) {
    if (node.depth === 1) groups.push({ area: node, rows: [] });
    else groups.at(-1)?.rows.push(node);
  }
  return groups;
}

/** The codes of a node and every parent above it ("1.3.2" → 1, 1.3, 1.3.2). */
function withAncestors(code: string): string[] {
  const parts = code.split('.');
  return parts.map((_, index) => parts.slice(0, index + 1).join('.'));
}

export function LeafTree({ view, openCodes, onToggle, onCollapseAll, filter, onFilter }: LeafTreeProps) {
  const leaves = useMemo(() => view.nodes.filter(isLeaf), [view.nodes]);
  const draft = view.status === 'draft';
  const counts = useMemo(
    () => Object.fromEntries(LEAF_FILTERS.map((f) => [f, leaves.filter((leaf) => matchesFilter(leaf, f, draft)).length])) as Record<LeafFilter, number>,
    [leaves, draft],
  );
  const visible = useMemo(() => {
    const codes = new Set<string>();
    for (const leaf of leaves) if (matchesFilter(leaf, filter, draft)) withAncestors(leaf.code).forEach((code) => codes.add(code));
    return codes;
  }, [leaves, filter, draft]);
  const groups = useMemo(() => groupByArea(view.nodes), [view.nodes]);
  const shown = groups.filter((group) => visible.has(group.area.code));
  const filters = LEAF_FILTERS.filter((f) => f !== 'changed' || view.status !== 'draft');

  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="xs" className="no-print">
        <ToggleButtons
          ariaLabel={t('parAssessment.filter.label')}
          size="xs"
          value={filter}
          onChange={onFilter}
          options={filters.map((f) => ({ value: f, label: `${t(FILTER_KEYS[f])} (${counts[f]})` }))}
        />
        {openCodes.size > 0 && (
          <Button size="xs" variant="subtle" onClick={onCollapseAll}>
            {t('parAssessment.tree.collapseAll')}
          </Button>
        )}
      </Group>
      {shown.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('parAssessment.filter.none')}
        </Text>
      )}
      {shown.map((group) => (
        <AreaSection key={group.area.code} view={view} group={group} visible={visible} openCodes={openCodes} onToggle={onToggle} />
      ))}
    </Stack>
  );
}

function AreaSection({
  view,
  group,
  visible,
  openCodes,
  onToggle,
}: {
  view: AssessmentView;
  group: AreaGroup;
  visible: ReadonlySet<string>;
  openCodes: ReadonlySet<string>;
  onToggle: (code: string) => void;
}) {
  const { area } = group;
  const headingId = `area-${area.code}`;
  const percent = area.max > 0 ? (area.points / area.max) * 100 : 0;
  return (
    <Paper withBorder component="section" aria-labelledby={headingId} className="par-area">
      <div className="par-area-head">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Title order={3} size="h5" id={headingId} style={{ minWidth: 0 }}>
            {area.code}. {area.name}
          </Title>
          <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }} data-testid="area-points">
            {t('parAssessment.points', { points: formatPoints(area.points), max: formatPoints(area.max) })}
          </Text>
        </Group>
        <Progress
          value={percent}
          size="sm"
          mt={6}
          color={percent >= 90 ? 'green' : percent >= 70 ? 'blue' : 'orange'}
          aria-label={t('parAssessment.tree.areaProgress', { code: area.code, points: formatPoints(area.points), max: formatPoints(area.max) })}
          className="progress-bar"
        />
      </div>
      <div className="par-area-rows">
        {group.rows
          .filter((node) => visible.has(node.code))
          .map((node) => (
            <Fragment key={node.code}>
              {isLeaf(node) ? (
                <LeafItem view={view} leaf={node} open={openCodes.has(node.code)} onToggle={onToggle} />
              ) : (
                <div className="par-parent-row" style={{ ['--par-depth' as string]: node.depth - 2 }}>
                  <span className="par-code">{node.code}</span>
                  <span className="par-name">{node.name}</span>
                  <span className="par-points">{t('parAssessment.points', { points: formatPoints(node.points), max: formatPoints(node.max) })}</span>
                </div>
              )}
            </Fragment>
          ))}
      </div>
    </Paper>
  );
}

function LeafItem({ view, leaf, open, onToggle }: { view: AssessmentView; leaf: LeafNode; open: boolean; onToggle: (code: string) => void }) {
  const look = countingLook(leaf);
  const warn = lacksEvidence(leaf);
  const panelId = `${leafDomId(leaf.code)}-panel`;
  const notApplicable = leaf.status === 'na_full' || leaf.status === 'na_removed';
  return (
    <div className="par-leaf" data-leaf={leaf.code} data-open={open || undefined} id={leafDomId(leaf.code)} style={{ ['--par-depth' as string]: leaf.depth - 2 }}>
      <UnstyledButton className="par-leaf-row" aria-expanded={open} aria-controls={open ? panelId : undefined} onClick={() => onToggle(leaf.code)}>
        <span className="par-code">
          <Icon name={open ? 'minus' : 'plus'} size={14} className="no-print" />
          {leaf.code}
        </span>
        <span className="par-name">{leaf.name}</span>
        <span className="par-leaf-meta">
          <span className="par-points" data-testid="leaf-points">
            {t('parAssessment.points', { points: leaf.countingStage ? formatPoints(leaf.points) : t('common.dash'), max: formatPoints(leaf.max) })}
          </span>
          <TagBadge color={look.color} icon={look.icon} label={look.label} size="sm" state={leaf.countingStage ?? 'none'} testId="leaf-stage" />
          {notApplicable && (
            <Badge size="sm" variant="outline" color="gray">
              {t('parAssessment.tree.notApplicable')}
            </Badge>
          )}
          <span className="par-evidence-count" title={t('parAssessment.tree.evidenceCount', { count: leaf.evidence.length })}>
            <Icon name="file" size={14} />
            {leaf.evidence.length}
            <span className="visually-hidden">{t('parAssessment.tree.evidenceCount', { count: leaf.evidence.length })}</span>
          </span>
          {warn && (
            <span className="par-warn" title={t('parAssessment.tree.noEvidence')} data-testid="leaf-warning">
              <Icon name="alert" size={16} />
              <span className="visually-hidden">{t('parAssessment.tree.noEvidence')}</span>
            </span>
          )}
        </span>
      </UnstyledButton>
      {open && <LeafDetail view={view} leaf={leaf} panelId={panelId} />}
    </div>
  );
}
