//! The SSO tab over IPC: the view (configuration, placeholders, certificates), save, SP
//! metadata import, certificate changes, exports and the assertion preview. Every change
//! refreshes the view and the application (its header and the list carry the certificate's
//! expiry badge) and the activity log, where the core records each change.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { KeyAlgorithm } from '../../bindings/KeyAlgorithm';
import type { SsoConfigInput } from '../../bindings/SsoConfigInput';
import type { SsoView } from '../../bindings/SsoView';
import {
  activateNextCertificate,
  applySpMetadataFile,
  discardNextCertificate,
  exportCertificate,
  exportMetadata,
  generateCertificate,
  getSso,
  previewAssertion,
  previewSpMetadataFile,
  saveAssertion,
  saveSso,
  testSso,
} from '../../lib/ipc';
import { directoryKeys } from '../directory/queries';

export const ssoKeys = {
  view: (id: string) => ['application', id, 'sso'] as const,
};

export function useSsoView(id: string) {
  return useQuery({ queryKey: ssoKeys.view(id), queryFn: () => getSso(id) });
}

/** After a change: the view (set when the core returned it), the application, the list, the log. */
function useChanged(id: string) {
  const queryClient = useQueryClient();
  return (view?: SsoView) => {
    if (view) queryClient.setQueryData(ssoKeys.view(id), view);
    else void queryClient.invalidateQueries({ queryKey: ssoKeys.view(id) });
    void queryClient.invalidateQueries({ queryKey: directoryKeys.application(id), exact: true });
    void queryClient.invalidateQueries({ queryKey: directoryKeys.applications });
    void queryClient.invalidateQueries({ queryKey: ['events'] });
    void queryClient.invalidateQueries({ queryKey: ['eventNames'] });
  };
}

export function useSaveSso(id: string) {
  const changed = useChanged(id);
  return useMutation({
    mutationFn: (input: SsoConfigInput) => saveSso(id, input),
    meta: { fieldErrors: true },
    onSuccess: (view) => changed(view),
  });
}

/** Reads a metadata file and lists its changes; refusals (field "file") are shown in the modal. */
export function usePreviewSpMetadata(id: string) {
  return useMutation({
    mutationFn: (path: string) => previewSpMetadataFile(id, path),
    meta: { fieldErrors: true },
  });
}

export function useApplySpMetadata(id: string) {
  const changed = useChanged(id);
  return useMutation({
    mutationFn: (path: string) => applySpMetadataFile(id, path),
    meta: { fieldErrors: true },
    onSuccess: (view) => changed(view),
  });
}

export type GenerateRequest = { algorithm: KeyAlgorithm; days: number; next: boolean };

export function useGenerateCertificate(id: string) {
  const changed = useChanged(id);
  return useMutation({
    mutationFn: ({ algorithm, days, next }: GenerateRequest) => generateCertificate(id, algorithm, days, next),
    meta: { fieldErrors: true },
    onSuccess: () => changed(),
  });
}

export function useActivateNext(id: string) {
  const changed = useChanged(id);
  return useMutation({ mutationFn: () => activateNextCertificate(id), onSuccess: () => changed() });
}

export function useDiscardNext(id: string) {
  const changed = useChanged(id);
  return useMutation({ mutationFn: () => discardNextCertificate(id), onSuccess: () => changed() });
}

export function useExport(id: string) {
  return useMutation({
    mutationFn: ({ what, path }: { what: 'certificate' | 'metadata' | 'response'; path: string }) =>
      what === 'certificate' ? exportCertificate(id, path) : what === 'metadata' ? exportMetadata(id, path) : saveAssertion(id, path),
  });
}

/** Builds a signed Response: on an explicit click only (each build is recorded). */
export function useAssertionPreview(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (user: string) => previewAssertion(id, user),
    meta: { fieldErrors: true },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['events'] });
      void queryClient.invalidateQueries({ queryKey: ['eventNames'] });
    },
  });
}

export function useTestSso(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (user: string) => testSso(id, user),
    meta: { fieldErrors: true },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['events'] }),
  });
}
