import { Paper, Text, Title, type PaperProps } from '@mantine/core';
import type { ReactNode } from 'react';

interface SectionPanelProps extends Omit<PaperProps, 'children'> {
  /** The heading's id; the section is labelled by it. */
  id: string;
  title: string;
  /** Said instead of the content when there is nothing to show; give it only then. */
  empty?: string;
  children?: ReactNode;
}

/** A bordered page section with a small heading that names it. */
export function SectionPanel({ id, title, empty, children, ...paperProps }: SectionPanelProps) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} {...paperProps}>
      <Title order={2} size="h5" mb="sm" id={id}>
        {title}
      </Title>
      {empty !== undefined ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        children
      )}
    </Paper>
  );
}
