//! The console's routes. `/` opens Applications; each route names its breadcrumb.

import { Navigate, type RouteObject } from 'react-router';
import { ActivityPage } from '../features/activity/ActivityPage';
import { ApplicationCrumb, ApplicationDetailPage } from '../features/applications/ApplicationDetailPage';
import { ApplicationsPage } from '../features/applications/ApplicationsPage';
import { AddApplicationWizard } from '../features/applications/wizard/AddApplicationWizard';
import { CatalogPage } from '../features/catalog/CatalogPage';
import { ConnectorCrumb, ConnectorDetailPage } from '../features/catalog/ConnectorDetailPage';
import { GroupCrumb, GroupDetailPage } from '../features/groups/GroupDetailPage';
import { GroupsPage } from '../features/groups/GroupsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { AppLayout } from '../features/shell/AppLayout';
import { UserCrumb, UserDetailPage } from '../features/users/UserDetailPage';
import { UsersPage } from '../features/users/UsersPage';
import type { RouteHandle } from './handle';
import { RouteError } from './RouteError';

const crumb = (label: string): RouteHandle => ({ crumb: () => label });

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/applications" replace /> },
      {
        path: 'users',
        handle: crumb('Users'),
        children: [
          { index: true, element: <UsersPage /> },
          {
            path: ':id',
            element: <UserDetailPage />,
            handle: { crumb: (p) => <UserCrumb id={p.id ?? ''} /> } satisfies RouteHandle,
          },
        ],
      },
      {
        path: 'groups',
        handle: crumb('Groups'),
        children: [
          { index: true, element: <GroupsPage /> },
          {
            path: ':id',
            element: <GroupDetailPage />,
            handle: { crumb: (p) => <GroupCrumb id={p.id ?? ''} /> } satisfies RouteHandle,
          },
        ],
      },
      {
        path: 'applications',
        handle: crumb('Applications'),
        children: [
          { index: true, element: <ApplicationsPage /> },
          { path: 'new', element: <AddApplicationWizard />, handle: crumb('Add application') },
          {
            path: ':id',
            element: <ApplicationDetailPage />,
            handle: { crumb: (p) => <ApplicationCrumb id={p.id ?? ''} /> } satisfies RouteHandle,
          },
        ],
      },
      {
        path: 'catalog',
        handle: crumb('Catalog'),
        children: [
          { index: true, element: <CatalogPage /> },
          {
            path: ':id',
            element: <ConnectorDetailPage />,
            handle: { crumb: (p) => <ConnectorCrumb id={p.id ?? ''} /> } satisfies RouteHandle,
          },
        ],
      },
      { path: 'activity', element: <ActivityPage />, handle: crumb('Activity') },
      { path: 'settings', element: <SettingsPage />, handle: crumb('Settings') },
      { path: '*', element: <Navigate to="/applications" replace /> },
    ],
  },
];
