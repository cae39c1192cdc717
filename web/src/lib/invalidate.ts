import type { QueryClient } from '@tanstack/react-query';

/** After a write to plans, tasks, targets or extensions: every view built from them is refreshed. */
export function invalidateWorkData(queryClient: QueryClient): Promise<void> {
  return Promise.all(
    ['plans', 'plan', 'task', 'myTasks', 'dashboard', 'extensions', 'notifications'].map((key) =>
      queryClient.invalidateQueries({ queryKey: [key] }),
    ),
  ).then(() => undefined);
}
