import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  components: {
    // Closed dropdowns leave the page, so a field label names only its input.
    Select: { defaultProps: { comboboxProps: { keepMounted: false } } },
    MultiSelect: { defaultProps: { comboboxProps: { keepMounted: false } } },
    TagsInput: { defaultProps: { comboboxProps: { keepMounted: false } } },
    // Vietnamese words keep their case (upper case would make diacritics hard to read).
    Badge: { defaultProps: { radius: 'sm' }, styles: { label: { textTransform: 'none' } } },
  },
});
