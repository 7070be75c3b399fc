//! Test double of ../ipc.ts for `vi.mock('…/lib/ipc')`: the real `IpcError`, and a `vi.fn`
//! per command. Tests give the functions their answers (see test/ipc.ts for defaults).

import { vi } from 'vitest';
import type * as Real from '../ipc';

const actual = await vi.importActual<typeof Real>('../ipc');

export const IpcError = actual.IpcError;
export const isIpcError = actual.isIpcError;

export const getAppInfo = vi.fn<typeof Real.getAppInfo>();
export const getSettings = vi.fn<typeof Real.getSettings>();
export const updateSettings = vi.fn<typeof Real.updateSettings>();
export const listCatalog = vi.fn<typeof Real.listCatalog>();
export const listEvents = vi.fn<typeof Real.listEvents>();
export const listEventNames = vi.fn<typeof Real.listEventNames>();
export const listUsers = vi.fn<typeof Real.listUsers>();
export const getUser = vi.fn<typeof Real.getUser>();
export const getUserGroups = vi.fn<typeof Real.getUserGroups>();
export const createUser = vi.fn<typeof Real.createUser>();
export const updateUser = vi.fn<typeof Real.updateUser>();
export const setUserState = vi.fn<typeof Real.setUserState>();
export const deleteUser = vi.fn<typeof Real.deleteUser>();
export const importUsersCsv = vi.fn<typeof Real.importUsersCsv>();
export const listGroups = vi.fn<typeof Real.listGroups>();
export const getGroup = vi.fn<typeof Real.getGroup>();
export const createGroup = vi.fn<typeof Real.createGroup>();
export const updateGroup = vi.fn<typeof Real.updateGroup>();
export const deleteGroup = vi.fn<typeof Real.deleteGroup>();
export const addGroupMembers = vi.fn<typeof Real.addGroupMembers>();
export const removeGroupMembers = vi.fn<typeof Real.removeGroupMembers>();
export const isDirectoryEmpty = vi.fn<typeof Real.isDirectoryEmpty>();
export const loadSample = vi.fn<typeof Real.loadSample>();
export const listApplications = vi.fn<typeof Real.listApplications>();
export const getApplication = vi.fn<typeof Real.getApplication>();
export const suggestIdpUrlSuffix = vi.fn<typeof Real.suggestIdpUrlSuffix>();
export const createApplication = vi.fn<typeof Real.createApplication>();
export const updateApplicationGeneral = vi.fn<typeof Real.updateApplicationGeneral>();
export const deleteApplications = vi.fn<typeof Real.deleteApplications>();
export const bindGroup = vi.fn<typeof Real.bindGroup>();
export const unbindGroup = vi.fn<typeof Real.unbindGroup>();
export const listEffectiveUsers = vi.fn<typeof Real.listEffectiveUsers>();
export const getMappings = vi.fn<typeof Real.getMappings>();
export const saveMappings = vi.fn<typeof Real.saveMappings>();
export const restoreDefaultMappings = vi.fn<typeof Real.restoreDefaultMappings>();
export const previewMappings = vi.fn<typeof Real.previewMappings>();
export const getExprCatalog = vi.fn<typeof Real.getExprCatalog>();
export const getSso = vi.fn<typeof Real.getSso>();
export const saveSso = vi.fn<typeof Real.saveSso>();
export const previewSpMetadataFile = vi.fn<typeof Real.previewSpMetadataFile>();
export const applySpMetadataFile = vi.fn<typeof Real.applySpMetadataFile>();
export const generateCertificate = vi.fn<typeof Real.generateCertificate>();
export const activateNextCertificate = vi.fn<typeof Real.activateNextCertificate>();
export const discardNextCertificate = vi.fn<typeof Real.discardNextCertificate>();
export const exportCertificate = vi.fn<typeof Real.exportCertificate>();
export const exportMetadata = vi.fn<typeof Real.exportMetadata>();
export const previewAssertion = vi.fn<typeof Real.previewAssertion>();
export const saveAssertion = vi.fn<typeof Real.saveAssertion>();
export const testSso = vi.fn<typeof Real.testSso>();
export const getDialogOverride = vi.fn<typeof Real.getDialogOverride>();
