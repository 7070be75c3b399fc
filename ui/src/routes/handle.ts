//! What a route tells the shell about itself: its breadcrumb.

import type { ReactNode } from 'react';
import type { Params } from 'react-router';

export type RouteHandle = {
  crumb?: (params: Params<string>) => ReactNode;
};
