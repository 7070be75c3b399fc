//! The fields of an application's general info, as the core names them in errors.

import type { GeneralInfo } from '../../bindings/GeneralInfo';

export const GENERAL_FIELDS: readonly (keyof GeneralInfo)[] = ['label', 'description', 'portalImage', 'portalColor', 'showInPortal'];
