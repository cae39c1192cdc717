import { Button, Group, Modal, Text, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { t } from '../i18n';

interface ConfirmButtonProps extends Omit<ButtonProps, 'children' | 'onClick'> {
  children: ReactNode;
  /** The question shown before acting. */
  message: string;
  confirmLabel?: string;
  onConfirm: () => Promise<unknown> | void;
}

/** A button that asks before doing something that is hard to undo. */
export function ConfirmButton({ children, message, confirmLabel, onConfirm, loading, color, ...buttonProps }: ConfirmButtonProps) {
  const [opened, { open, close }] = useDisclosure(false);
  const confirm = async () => {
    try {
      await onConfirm();
    } catch {
      // The action reports its own failure (notification); the dialog just closes.
    } finally {
      close();
    }
  };
  return (
    <>
      <Button {...buttonProps} color={color} loading={loading} onClick={open}>
        {children}
      </Button>
      <Modal opened={opened} onClose={close} title={typeof children === 'string' ? children : t('common.confirm')} centered>
        <Text mb="lg">{message}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button color={color} loading={loading} onClick={() => void confirm()}>
            {confirmLabel ?? (typeof children === 'string' ? children : t('common.confirm'))}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
