//! Toasts with one look across the app: success in green, errors in red with the core's code.

import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { IpcError } from '../lib/ipc';

const TITLES: Record<IpcError['code'], string> = {
  invalid_input: 'Check your input',
  conflict: 'Conflict',
  not_found: 'Not found',
  store_too_new: 'Data written by a newer Gatehouse',
  store_unavailable: 'Data unavailable',
  internal: 'Something went wrong',
};

export function showErrorToast(error: unknown, title?: string): void {
  const err = IpcError.from(error);
  notifications.show({
    color: 'red',
    icon: <IconAlertTriangle size={18} />,
    title: title ?? TITLES[err.code],
    message: err.message,
    autoClose: 8000,
  });
}

export function showSuccessToast(title: string, message?: string): void {
  notifications.show({
    color: 'teal',
    icon: <IconCheck size={18} />,
    title,
    message: message ?? '',
    autoClose: 3500,
  });
}
