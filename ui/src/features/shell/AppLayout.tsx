//! The console frame: navigation on the left (wordmark and organization on top, sections,
//! version at the bottom), a header with breadcrumbs and the theme toggle, and the page.

import {
  Anchor,
  AppShell,
  Box,
  Breadcrumbs,
  Group,
  NavLink,
  ScrollArea,
  Skeleton,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { Link, Outlet, useLocation, useMatches, type UIMatch } from 'react-router';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { Wordmark } from '../../components/Logo';
import type { RouteHandle } from '../../routes/handle';
import { useSettings } from '../settings/queries';
import { NAV_SECTIONS } from './nav';
import { useAppInfo } from './queries';
import { ThemeToggle } from './ThemeToggle';
import classes from './AppLayout.module.css';

export function AppLayout() {
  const location = useLocation();
  return (
    <AppShell
      layout="alt"
      header={{ height: 56 }}
      navbar={{ width: 228, breakpoint: 0 }}
      padding={0}
      classNames={{ navbar: classes.navbar, header: classes.header, main: classes.main }}
    >
      <AppShell.Header px="xl">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <PageBreadcrumbs />
          <ThemeToggle />
        </Group>
      </AppShell.Header>

      <AppShell.Navbar>
        <NavTop />
        <AppShell.Section grow component={ScrollArea} px="sm" py="xs">
          <MainNav />
        </AppShell.Section>
        <AppShell.Section px="md" py="sm" className={classes.navFooter}>
          <VersionLine />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <Box className={classes.content}>
          <ErrorBoundary resetKey={location.pathname}>
            <Outlet />
          </ErrorBoundary>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}

function NavTop() {
  const settings = useSettings();
  return (
    <AppShell.Section px="md" pt="md" pb="sm">
      <UnstyledButton component={Link} to="/applications" aria-label="Gatehouse home" className={classes.brand}>
        <Wordmark />
      </UnstyledButton>
      <Box mt={10} pl={2} h={20} data-testid="nav-org-name">
        {settings.isPending ? (
          <Skeleton h={12} w={120} mt={4} />
        ) : (
          <Text size="xs" c="dimmed" truncate fw={500}>
            {settings.data?.organizationName || 'No organization name set'}
          </Text>
        )}
      </Box>
    </AppShell.Section>
  );
}

function MainNav() {
  const { pathname } = useLocation();
  return (
    <Stack gap="md" component="nav" aria-label="Main">
      {NAV_SECTIONS.map((section) => (
        <Stack key={section.label} gap={2}>
          <Text size="xs" fw={600} c="dimmed" px="sm" pb={4} className={classes.sectionLabel}>
            {section.label}
          </Text>
          {section.items.map((item) => {
            const active = pathname === item.to || pathname.startsWith(`${item.to}/`);
            return (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={item.label}
                leftSection={<item.icon size={18} stroke={1.6} />}
                active={active}
                aria-current={active ? 'page' : undefined}
                className={classes.navLink}
                data-testid={`nav-${item.label.toLowerCase()}`}
              />
            );
          })}
        </Stack>
      ))}
    </Stack>
  );
}

function VersionLine() {
  const info = useAppInfo();
  return (
    <Text size="xs" c="dimmed" data-testid="app-version">
      {info.data ? `Gatehouse ${info.data.version}` : 'Gatehouse'}
    </Text>
  );
}

function PageBreadcrumbs() {
  const matches = useMatches() as UIMatch<unknown, RouteHandle | undefined>[];
  const crumbs = matches.filter((m) => m.handle?.crumb);
  return (
    <Breadcrumbs
      separator={<IconChevronRight size={14} stroke={1.6} />}
      separatorMargin={6}
      aria-label="Breadcrumb"
      data-testid="breadcrumbs"
      className={classes.crumbs}
    >
      {crumbs.map((m, i) => {
        const content = m.handle!.crumb!(m.params);
        const last = i === crumbs.length - 1;
        return last ? (
          <Text key={m.id} size="sm" fw={600} aria-current="page" truncate>
            {content}
          </Text>
        ) : (
          <Anchor key={m.id} component={Link} to={m.pathname} size="sm" c="dimmed">
            {content}
          </Anchor>
        );
      })}
    </Breadcrumbs>
  );
}
