import { Paper, SimpleGrid, Text } from '@mantine/core';
import { formatNumber } from '../../lib/format';

export interface CountTile {
  testId: string;
  label: string;
  value: number;
  /** Mantine colour of the left border and the number (red for bad rows …). */
  color?: string;
}

/** A row of labelled numbers (rows of a file, stored records); the plain number is in `data-value`. */
export function CountTiles({ tiles, cols = { base: 2, sm: 3, md: 5 } }: { tiles: CountTile[]; cols?: Record<string, number> }) {
  return (
    <SimpleGrid cols={cols} spacing="xs">
      {tiles.map((tile) => (
        <Paper
          key={tile.testId}
          withBorder
          p="xs"
          data-testid={tile.testId}
          data-value={tile.value}
          style={{ borderLeft: `4px solid var(--mantine-color-${tile.color ?? 'gray'}-filled)` }}
        >
          <Text size="xs" c="dimmed" lh={1.25}>
            {tile.label}
          </Text>
          <Text fz={22} fw={700} lh={1.2} c={tile.color && tile.value > 0 ? `${tile.color}.8` : undefined}>
            {formatNumber(tile.value, 0)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
