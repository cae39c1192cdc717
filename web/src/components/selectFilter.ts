import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import { foldForSearch } from '../lib/text';

type Group = Extract<ComboboxParsedItem, { group: unknown }>;

function isGroup(item: ComboboxParsedItem): item is Group {
  return 'group' in item;
}

/** Option filter for Select/MultiSelect that ignores diacritics ("van phong" finds "Văn phòng"). */
export const foldedFilter: OptionsFilter = ({ options, search }) => {
  const needle = foldForSearch(search);
  if (!needle) return options;
  const result: ComboboxParsedItem[] = [];
  for (const item of options) {
    if (isGroup(item)) {
      const items = item.items.filter((option) => foldForSearch(option.label).includes(needle));
      if (items.length) result.push({ group: item.group, items });
    } else if (foldForSearch((item as ComboboxItem).label).includes(needle)) {
      result.push(item);
    }
  }
  return result;
};
