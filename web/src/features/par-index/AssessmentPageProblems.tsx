// What stops the sign-off ("Chưa thể trình"), and any server message of
// several lines: each line naming a criterion opens it in the tree.
import { Alert, Anchor, Button, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Icon } from '../../components/Icon';
import { t } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { messageLines, problemCode } from './assessmentFormat';

const SHOWN = 8;

/** Lines as a list; a line starting "Tiêu chí 1.3.2:" is a link that opens that criterion. */
export function ProblemList({ problems, onReveal, limit }: { problems: string[]; onReveal: (code: string) => void; limit?: number }) {
  const [all, setAll] = useState(false);
  const shown = limit && !all ? problems.slice(0, limit) : problems;
  return (
    <Stack gap={4}>
      <List size="sm" spacing={2} className="par-problems">
        {shown.map((problem, index) => {
          const code = problemCode(problem);
          return (
            <List.Item key={`${index}-${problem}`}>
              {code ? (
                <Anchor component="button" type="button" size="sm" onClick={() => onReveal(code)} ta="left" className="par-print-button">
                  {problem}
                </Anchor>
              ) : (
                problem
              )}
            </List.Item>
          );
        })}
      </List>
      {limit && problems.length > limit && (
        <Button size="compact-xs" variant="subtle" onClick={() => setAll((value) => !value)} className="no-print" style={{ alignSelf: 'flex-start' }}>
          {all ? t('parAssessment.problems.fewer') : t('parAssessment.problems.all', { count: problems.length })}
        </Button>
      )}
    </Stack>
  );
}

/** "Chưa thể trình": the draft's problems, each opening its criterion. */
export function ProblemsPanel({ problems, onReveal }: { problems: string[]; onReveal: (code: string) => void }) {
  if (problems.length === 0) return null;
  return (
    <Alert color="orange" icon={<Icon name="alert" />} title={t('parAssessment.problems.title', { count: problems.length })} data-testid="submit-problems">
      <Text size="sm" mb={6}>
        {t('parAssessment.problems.intro')}
      </Text>
      <ProblemList problems={problems} onReveal={onReveal} limit={SHOWN} />
    </Alert>
  );
}

/** A refused action: its message, one line a list item when there are several. */
export function ActionError({ title, error, onReveal, onClose }: { title: string; error: unknown; onReveal: (code: string) => void; onClose: () => void }) {
  const lines = messageLines(errorMessage(error));
  const [head, ...rest] = lines;
  return (
    <Alert color="red" icon={<Icon name="alert" />} title={title} withCloseButton closeButtonLabel={t('parAssessment.close')} onClose={onClose} role="alert" data-testid="action-error">
      {rest.length === 0 ? (
        <Text size="sm">{head}</Text>
      ) : (
        <Stack gap={4}>
          {head && !problemCode(head) && <Text size="sm">{head}</Text>}
          <ProblemList problems={problemCode(head ?? '') ? lines : rest} onReveal={onReveal} limit={SHOWN} />
        </Stack>
      )}
    </Alert>
  );
}
