//! Read-only facts about this installation, with copy buttons for the paths (support asks
//! for them; the admin needs them for backups).

import { Badge, DataList, Skeleton, Stack, Text } from '@mantine/core';
import { CopyValue } from '../../components/CopyValue';
import { QueryError } from '../../components/QueryError';
import { useAppInfo } from '../shell/queries';
import { SettingsSection } from './SettingsSection';

export function AboutCard() {
  const info = useAppInfo();
  return (
    <SettingsSection title="About" description="This installation of Gatehouse and where it keeps its data." testId="about-card">
      {info.isPending ? (
        <Stack gap="sm">
          {[0, 1, 2, 3, 4].map((i) => (
            <Skeleton key={i} h={18} />
          ))}
        </Stack>
      ) : info.isError ? (
        <QueryError error={info.error} title="Couldn't read installation details" />
      ) : (
        <DataList labelWidth={140} gap="sm" withDivider>
          <DataList.Item>
            <DataList.ItemLabel>Version</DataList.ItemLabel>
            <DataList.ItemValue>
              <Text size="sm" fw={500} data-testid="about-version">
                {info.data.version}
              </Text>
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Schema version</DataList.ItemLabel>
            <DataList.ItemValue>
              <Badge variant="light" color="gray">
                {info.data.schemaVersion}
              </Badge>
            </DataList.ItemValue>
          </DataList.Item>
          <PathItem label="Data folder" value={info.data.dataDir} />
          <PathItem label="Database file" value={info.data.databasePath} />
          <PathItem label="Log file" value={info.data.logFile} />
        </DataList>
      )}
    </SettingsSection>
  );
}

function PathItem({ label, value }: { label: string; value: string }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue miw={0}>
        <CopyValue value={value} label={label} />
      </DataList.ItemValue>
    </DataList.Item>
  );
}
