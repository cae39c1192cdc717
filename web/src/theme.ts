import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  components: {
    // Vietnamese words keep their case (upper case would make diacritics hard to read).
    Badge: { defaultProps: { radius: 'sm' }, styles: { label: { textTransform: 'none' } } },
  },
});
