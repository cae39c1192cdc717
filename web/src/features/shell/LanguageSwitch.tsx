import { ToggleButtons } from '../../components/ToggleButtons';
import { LANGUAGES, setLanguage, t, useLanguage, type Language } from '../../i18n';

const SHORT: Record<Language, string> = { vi: 'VI', en: 'EN' };

/** Vietnamese / English; the choice is remembered in this browser. */
export function LanguageSwitch() {
  const language = useLanguage();
  return (
    <ToggleButtons<Language>
      ariaLabel={t('lang.label')}
      size="xs"
      quiet
      value={language}
      onChange={setLanguage}
      options={LANGUAGES.map((code) => ({
        value: code,
        label: SHORT[code],
        title: t(code === 'vi' ? 'lang.vi' : 'lang.en'),
      }))}
    />
  );
}
