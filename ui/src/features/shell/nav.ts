//! The console's sections, in navigation order.

import {
  IconActivity,
  IconApps,
  IconBuildingStore,
  IconSettings,
  IconUsers,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';

export type NavItem = { to: string; label: string; icon: Icon };
export type NavSection = { label: string; items: NavItem[] };

export const NAV_SECTIONS: NavSection[] = [
  {
    label: 'Directory',
    items: [
      { to: '/users', label: 'Users', icon: IconUsers },
      { to: '/groups', label: 'Groups', icon: IconUsersGroup },
    ],
  },
  {
    label: 'Integrations',
    items: [
      { to: '/applications', label: 'Applications', icon: IconApps },
      { to: '/catalog', label: 'Catalog', icon: IconBuildingStore },
    ],
  },
  {
    label: 'Organization',
    items: [
      { to: '/activity', label: 'Activity', icon: IconActivity },
      { to: '/settings', label: 'Settings', icon: IconSettings },
    ],
  },
];
