import { Button, Group, Stack, Text } from '@mantine/core';
import { useId, useRef, useState, type DragEvent } from 'react';
import { t } from '../i18n';
import { formatFileSize } from '../lib/format';
import { Icon } from './Icon';

interface FileDropZoneProps {
  label: string;
  files: File[];
  onChange: (files: File[]) => void;
  accept?: string;
  hint?: string;
  error?: string;
  disabled?: boolean;
}

/** Files chosen by drag and drop or with the file picker, listed with a remove button each. */
export function FileDropZone({ label, files, onChange, accept, hint, error, disabled }: FileDropZoneProps) {
  const inputId = useId();
  const hintId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const add = (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const added = Array.from(list).filter(
      (file) => !files.some((existing) => existing.name === file.name && existing.size === file.size),
    );
    onChange([...files, ...added]);
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (!disabled) add(event.dataTransfer.files);
  };

  return (
    <Stack gap={6}>
      <label htmlFor={inputId} style={{ fontSize: 'var(--mantine-font-size-sm)', fontWeight: 500 }}>
        {label}
      </label>
      <div
        className="drop-zone"
        data-active={dragging || undefined}
        onDragOver={(event) => {
          event.preventDefault();
          if (!disabled) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        onClick={() => !disabled && inputRef.current?.click()}
        aria-hidden="true"
      >
        <Group justify="center" gap="xs">
          <Icon name="upload" size={22} />
          <Text size="sm">{t('update.dropHint')}</Text>
        </Group>
        {hint && (
          <Text size="xs" c="dimmed" mt={4} id={hintId}>
            {hint}
          </Text>
        )}
      </div>
      <input
        ref={inputRef}
        id={inputId}
        type="file"
        multiple
        accept={accept}
        className="visually-hidden"
        aria-describedby={hint ? hintId : undefined}
        disabled={disabled}
        onChange={(event) => {
          add(event.currentTarget.files);
          event.currentTarget.value = '';
        }}
      />
      <Group gap="xs">
        <Button size="xs" variant="default" leftSection={<Icon name="file" size={16} />} onClick={() => inputRef.current?.click()} disabled={disabled}>
          {t('update.chooseFiles')}
        </Button>
      </Group>
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
      {files.length > 0 && (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {files.map((file) => (
            <Group key={`${file.name}-${file.size}`} component="li" gap="xs" wrap="nowrap" justify="space-between">
              <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                <Icon name="file" size={16} />
                <Text size="sm" truncate="end">
                  {file.name}
                </Text>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {formatFileSize(file.size)}
                </Text>
              </Group>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                disabled={disabled}
                aria-label={t('update.removeFile', { name: file.name })}
                onClick={() => onChange(files.filter((existing) => existing !== file))}
              >
                {t('common.delete')}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
