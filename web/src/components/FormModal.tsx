import { Modal, type ModalProps } from '@mantine/core';
import type { ReactNode } from 'react';

interface FormModalProps extends Omit<ModalProps, 'children'> {
  /** The form; mounted only while the modal is open, so every opening starts from fresh state. */
  children: ReactNode;
}

/** A modal holding a form that is mounted when the modal opens and dropped when it closes. */
export function FormModal({ opened, children, ...modalProps }: FormModalProps) {
  return (
    <Modal opened={opened} {...modalProps}>
      {opened && children}
    </Modal>
  );
}
