import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { LANGUAGES, setLanguage, t, useLanguage, type Language } from '../../i18n';

const SHORT: Record<Language, string> = { vi: 'VI', en: 'EN' };

/** Vietnamese / English; the choice is remembered in this browser. */
export function LanguageSwitch() {
  const language = useLanguage();
  const labelId = useId();
  return (
    <div role="group" aria-labelledby={labelId}>
      <VisuallyHidden id={labelId}>{t('lang.label')}</VisuallyHidden>
      <SegmentedControl
        size="xs"
        value={language}
        onChange={(value) => setLanguage(value as Language)}
        data={LANGUAGES.map((code) => ({
          value: code,
          label: (
            <span title={t(code === 'vi' ? 'lang.vi' : 'lang.en')}>
              <span aria-hidden="true">{SHORT[code]}</span>
              <VisuallyHidden>{t(code === 'vi' ? 'lang.vi' : 'lang.en')}</VisuallyHidden>
            </span>
          ),
        }))}
      />
    </div>
  );
}
