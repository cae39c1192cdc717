// The body of a report in the official outline: each section with its number
// and heading, the facts computed from the records (linked to the task, plan
// or dossiers behind them), and the text people write — shown as paragraphs,
// edited in place by the focal point while the report is open.
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { AnchorLink } from '../../components/AnchorLink';
import { Icon } from '../../components/Icon';
import { t } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { notifySuccess } from '../../lib/notify';
import { storage } from '../../lib/storage';
import { reportApi, storeReport } from './reportQueries';
import type { ReportFact, ReportSection, ReportView } from './reportTypes';

const MAX_TEXT = 20000;

/**
 * What names a section in labels ("Nội dung mục III.1"): its key, which carries
 * the number of its group — "1" alone would be I.1, II.1 and III.1 at once.
 * The opening has neither number nor heading and is the "phần mở đầu".
 */
export function sectionName(section: ReportSection): string {
  if (section.key === 'opening' || (!section.number && !section.heading)) return t('reports.opening');
  return /^[IVXLC]+(\.\d+)*$/.test(section.key) ? section.key : section.number || section.heading;
}

/** "Nội dung mục III.1", "Nội dung phần mở đầu". */
export function sectionTextLabel(section: ReportSection): string {
  return section.key === 'opening' || (!section.number && !section.heading) ? t('reports.openingText') : t('reports.sectionText', { name: sectionName(section) });
}

function headingText(section: ReportSection): string {
  return section.number ? `${section.number}. ${section.heading}` : section.heading;
}

export function ReportBody({ view, dossiersLinked }: { view: ReportView; dossiersLinked: boolean }) {
  const edited = new Set(view.editedSections);
  return (
    <article className="report-body" aria-label={view.content.title}>
      {view.content.sections.map((section) => (
        <SectionBlock key={section.key} view={view} section={section} edited={edited.has(section.key)} dossiersLinked={dossiersLinked} />
      ))}
    </article>
  );
}

function SectionBlock({ view, section, edited, dossiersLinked }: { view: ReportView; section: ReportSection; edited: boolean; dossiersLinked: boolean }) {
  const headingId = `report-section-${section.key.replace(/[^a-zA-Z0-9]+/g, '-')}`;
  const heading = headingText(section);
  return (
    <section
      className="report-section"
      data-level={section.level}
      data-section={section.key}
      data-testid="report-section"
      aria-labelledby={heading ? headingId : undefined}
      aria-label={heading ? undefined : sectionName(section)}
    >
      {heading && (
        <h2 id={headingId} className={section.level === 1 ? 'report-h1' : 'report-h2'}>
          {heading}
        </h2>
      )}
      {section.facts.length > 0 && (
        <ul className="report-facts-list" aria-label={t('reports.factsOf', { name: sectionName(section) })}>
          {section.facts.map((fact, i) => (
            <li key={i}>
              <FactText fact={fact} dossiersLinked={dossiersLinked} />
            </li>
          ))}
        </ul>
      )}
      {section.editable && <SectionText view={view} section={section} edited={edited} headingId={heading ? headingId : undefined} />}
    </section>
  );
}

function FactText({ fact, dossiersLinked }: { fact: ReportFact; dossiersLinked: boolean }) {
  const ref = fact.ref;
  if (!ref) return <>{fact.text}</>;
  switch (ref.type) {
    case 'task':
      return (
        <AnchorLink to="/tasks/$taskId" params={{ taskId: ref.id }} size="sm" data-ref="task">
          {fact.text}
        </AnchorLink>
      );
    case 'plan':
      return (
        <AnchorLink to="/plans/$planId" params={{ planId: ref.id }} size="sm" data-ref="plan">
          {fact.text}
        </AnchorLink>
      );
    case 'target':
      // The target's plan is not in the report: shown, not linked.
      return (
        <span data-ref="target" title={t('reports.targetFact')}>
          <Icon name="target" size={14} className="report-fact-icon" /> {fact.text}
        </span>
      );
    case 'dossiers':
      return dossiersLinked ? (
        <AnchorLink to="/indicators" search={{ period: 'custom', from: ref.from, to: ref.to }} size="sm" data-ref="dossiers" title={t('reports.dossiersFact')}>
          {fact.text}
        </AnchorLink>
      ) : (
        <>{fact.text}</>
      );
  }
}

/** Paragraphs as written: a blank line or a new line starts a paragraph. */
function Paragraphs({ text }: { text: string }) {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return (
    <div className="report-text">
      {lines.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </div>
  );
}

const draftKey = (reportId: string, key: string) => `cchc.reportDraft.${reportId}.${key}`;

function SectionText({ view, section, edited, headingId }: { view: ReportView; section: ReportSection; edited: boolean; headingId?: string }) {
  const queryClient = useQueryClient();
  const storedKey = draftKey(view.id, section.key);
  // A draft left by a dropped connection or a closed tab comes back.
  const [text, setText] = useState<string | null>(() => storage.get<string>(storedKey));
  const editing = text !== null && view.can.edit;

  useEffect(() => {
    if (text === null) return;
    if (view.can.edit) storage.set(storedKey, text);
    else storage.remove(storedKey);
  }, [storedKey, text, view.can.edit]);

  const save = useMutation({
    mutationFn: (value: string) => reportApi.saveSection(view.id, section.key, value),
    meta: { handlesErrors: true },
    onSuccess: async (next) => {
      storage.remove(storedKey);
      setText(null);
      await storeReport(queryClient, next);
      notifySuccess(t('reports.sectionSaved'));
    },
  });

  const cancel = () => {
    storage.remove(storedKey);
    setText(null);
    save.reset();
  };

  if (editing) {
    const tooLong = text.length > MAX_TEXT;
    return (
      <form
        className="report-edit no-print"
        onSubmit={(event) => {
          event.preventDefault();
          if (!tooLong) save.mutate(text);
        }}
      >
        <Stack gap="xs">
          <Textarea
            label={sectionTextLabel(section)}
            description={view.status === 'approved' ? t('reports.editApprovedHint') : t('reports.editHint')}
            autosize
            minRows={4}
            maxRows={24}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={tooLong ? t('reports.textTooLong', { max: '20.000' }) : undefined}
            data-autofocus
            autoFocus
          />
          {save.isError && (
            <Alert color="red" icon={<Icon name="alert" />} p="xs" role="alert">
              <Text size="sm">{errorMessage(save.error)}</Text>
            </Alert>
          )}
          <Group gap="xs">
            <Button type="submit" size="sm" loading={save.isPending} disabled={tooLong} leftSection={<Icon name="check" size={16} />}>
              {t('reports.save')}
            </Button>
            <Button variant="default" size="sm" onClick={cancel} disabled={save.isPending}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    );
  }

  return (
    <Stack gap={4}>
      {section.text.trim() ? (
        <Paragraphs text={section.text} />
      ) : (
        <Text size="sm" c="dimmed" fs="italic" className="report-empty-text">
          {view.can.edit ? t('reports.noTextYet') : t('reports.noText')}
        </Text>
      )}
      {view.can.edit && (
        <Group gap="xs" className="no-print">
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<Icon name="pencil" size={14} />}
            onClick={() => setText(section.text)}
            aria-describedby={headingId}
          >
            {t('reports.edit')}
          </Button>
          {edited && (
            <Text size="xs" c="dimmed">
              {t('reports.editedMark')}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}
