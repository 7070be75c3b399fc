//! Broken connector files, named one by one: the catalog still shows every connector that
//! loaded, and whoever maintains the data sees exactly what to fix.

import { Alert, Code, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { CatalogIssue } from '../../bindings/CatalogIssue';

export function CatalogIssuesAlert({ issues }: { issues: CatalogIssue[] }) {
  const files = new Set(issues.map((i) => i.file)).size;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle size={20} />}
      title={
        files === 1
          ? 'One connector file could not be loaded'
          : `${files} connector files could not be loaded`
      }
      data-testid="catalog-issues"
      mb="lg"
    >
      <Text size="sm" mb="xs">
        The connectors below are still available. These files need fixing:
      </Text>
      <List size="sm" spacing={6}>
        {issues.map((issue, i) => (
          <List.Item key={`${issue.file}#${issue.field}#${i}`} data-testid="catalog-issue">
            <Code>{issue.file}</Code>
            {issue.field && (
              <>
                {' '}
                at <Code>{issue.field}</Code>
              </>
            )}
            : {issue.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
