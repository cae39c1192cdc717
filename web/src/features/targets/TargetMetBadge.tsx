import { TagBadge } from '../../components/TagBadge';
import { t } from '../../i18n';

/** Met / not met / no figure yet — colour, icon and word. */
export function TargetMetBadge({ met }: { met: boolean | null }) {
  if (met === true) return <TagBadge color="green" icon="check" label={t('targets.met')} testId="target-met" />;
  if (met === false) return <TagBadge color="red" icon="x" label={t('targets.notMet')} testId="target-met" />;
  return <TagBadge color="gray" icon="minus" label={t('targets.unknown')} testId="target-met" />;
}
