import { Paper, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { t } from '../../i18n';

interface SourcePaneProps {
  lines: string[];
  span: { from: number; to: number } | null;
}

/** The document's text line by line; the selected task's lines are highlighted and scrolled into view. */
export function SourcePane({ lines, span }: SourcePaneProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!span) return;
    const first = box.current?.querySelector<HTMLElement>(`[data-line="${span.from}"]`);
    if (first && box.current) box.current.scrollTo({ top: first.offsetTop - box.current.clientHeight / 3, behavior: 'smooth' });
  }, [span]);

  return (
    <Paper withBorder className="import-source" ref={box} data-testid="import-source" aria-label={t('import.source')} tabIndex={0}>
      {lines.map((line, i) => {
        const active = span !== null && i >= span.from && i <= span.to;
        return (
          <div key={i} data-line={i} className="import-source-line" data-active={active || undefined}>
            <Text span size="xs" c="dimmed" className="import-source-number">
              {i + 1}
            </Text>
            <Text span size="sm">
              {line.split('\t').join('  │  ')}
            </Text>
          </div>
        );
      })}
    </Paper>
  );
}
