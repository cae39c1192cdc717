import { t } from '../../i18n';

/** What POST /api/tasks/:id/updates accepts. */
export const MAX_FILES = 5;
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'odt', 'ods', 'jpg', 'jpeg', 'png'];
export const ACCEPT = EXTENSIONS.map((extension) => `.${extension}`).join(',');

/** The first problem with the chosen files, or null. */
export function checkEvidenceFiles(files: File[]): string | null {
  if (files.length > MAX_FILES) return t('update.tooManyFiles', { max: MAX_FILES });
  for (const file of files) {
    const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
    if (!EXTENSIONS.includes(extension)) return t('update.fileType', { name: file.name });
    if (file.size > MAX_FILE_BYTES) return t('update.fileTooLarge', { name: file.name });
  }
  return null;
}
