//! Import users from a CSV file: what the columns are called, choose a file (read here, sent
//! as text), and the outcome: every user imported, or the bad rows by line and nothing
//! imported (a file is all-or-nothing).

import {
  Alert,
  Button,
  Code,
  CopyButton,
  FileButton,
  Group,
  Modal,
  Paper,
  ScrollArea,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
  Tooltip,
  ActionIcon,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy, IconFileSpreadsheet, IconUpload, IconX } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { CsvImportReport } from '../../bindings/CsvImportReport';
import { showSuccessToast } from '../../components/notify';
import { useOpenSession } from '../../components/useOpenSession';
import { useImportUsers } from './queries';
import classes from './ImportCsvModal.module.css';

const EXAMPLE = [
  'username,email,firstname,lastname,jobTitle,department,phone.work,address.work.locality,custom.slackHandle,state',
  'ada,ada@example.com,Ada,Lovelace,Principal Engineer,Engineering,+1 415 555 0100,London,@ada,active',
].join('\n');

export function ImportCsvModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const session = useOpenSession(opened);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size={720}
      title={
        <Title order={2} fz="lg">
          Import users from CSV
        </Title>
      }
    >
      <ImportCsv key={session} onClose={onClose} />
    </Modal>
  );
}

type Chosen = { name: string; size: number; text: string };

function ImportCsv({ onClose }: { onClose: () => void }) {
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const importer = useImportUsers();
  const report = importer.data;

  const choose = (file: File | null) => {
    importer.reset();
    setChosen(null);
    setReadError(null);
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => setChosen({ name: file.name, size: file.size, text: String(reader.result ?? '') });
    reader.onerror = () => setReadError(`Couldn't read ${file.name}: ${reader.error?.message ?? 'unknown error'}`);
    reader.readAsText(file);
  };

  if (report && report.errors.length === 0) {
    return (
      <Stack align="center" gap="sm" py="xl" ta="center" data-testid="users-import-result">
        <ThemeIcon size={56} radius="xl" color="teal" variant="light">
          <IconCheck size={30} />
        </ThemeIcon>
        <Title order={3} fz="lg">
          Imported {report.imported.toLocaleString()} {report.imported === 1 ? 'user' : 'users'}
        </Title>
        <Text size="sm" c="dimmed">
          Every row of {chosen?.name ?? 'the file'} is now in the directory.
        </Text>
        <Button mt="md" onClick={onClose} data-testid="users-import-done">
          Done
        </Button>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      {!report && (
        <>
          <Text size="sm">
            The first row names the columns; each following row is one user. Column names ignore case, and empty cells are left
            empty.
          </Text>

          <Paper withBorder p="md" className={classes.columns}>
            <Stack gap={10}>
              <ColumnLine label="Required">
                <C>username</C> <C>email</C>
              </ColumnLine>
              <ColumnLine label="Name">
                <C>firstname</C> <C>middlename</C> <C>lastname</C> <C>displayname</C>
              </ColumnLine>
              <ColumnLine label="Employment">
                <C>jobTitle</C> <C>employeeIdentifier</C> <C>employeeType</C> <C>department</C> <C>costCenter</C>{' '}
                <C>company</C> <C>manager</C> <C>location</C>
              </ColumnLine>
              <ColumnLine label="Other">
                <C>description</C> <C>locale</C> <C>preferredLanguage</C> <C>state</C>{' '}
                <Text span size="xs" c="dimmed">
                  (active, suspended or password_expired)
                </Text>
              </ColumnLine>
              <ColumnLine label="Phones">
                <C>phone.&lt;type&gt;</C>{' '}
                <Text span size="xs" c="dimmed">
                  e.g. <C>phone.work</C> <C>phone.mobile</C>
                </Text>
              </ColumnLine>
              <ColumnLine label="Addresses">
                <C>address.&lt;type&gt;.&lt;field&gt;</C>{' '}
                <Text span size="xs" c="dimmed">
                  e.g. <C>address.work.locality</C>; fields streetAddress, poBox, locality, region, postalCode, country
                </Text>
              </ColumnLine>
              <ColumnLine label="Custom">
                <C>custom.&lt;name&gt;</C>{' '}
                <Text span size="xs" c="dimmed">
                  e.g. <C>custom.slackHandle</C>
                </Text>
              </ColumnLine>
            </Stack>
            <Group justify="space-between" align="flex-end" mt="md" gap="xs" wrap="nowrap">
              <Code block className={classes.example}>
                {EXAMPLE}
              </Code>
              <CopyButton value={EXAMPLE} timeout={1500}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? 'Copied' : 'Copy example'}>
                    <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label="Copy example">
                      {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            </Group>
          </Paper>

          <Alert variant="light" color="gray" icon={<IconAlertTriangle size={18} />} p="sm">
            <Text size="sm">
              <b>A file is imported whole or not at all.</b> If any row has a problem, nothing is imported and every problem is
              listed by line, so you can fix the file and import it again.
            </Text>
          </Alert>
        </>
      )}

      <Paper withBorder p="md" className={classes.drop}>
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <ThemeIcon size={40} radius="md" variant="light" color={chosen ? 'gate' : 'gray'}>
              <IconFileSpreadsheet size={22} stroke={1.6} />
            </ThemeIcon>
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} truncate data-testid="users-import-file-name">
                {chosen ? chosen.name : 'No file chosen'}
              </Text>
              <Text size="xs" c="dimmed">
                {chosen ? `${formatSize(chosen.size)} · ${countRows(chosen.text)}` : 'A .csv file, UTF-8, comma-separated'}
              </Text>
            </div>
          </Group>
          <FileButton
            onChange={choose}
            accept=".csv,text/csv"
            inputProps={{ 'aria-label': 'CSV file', 'data-testid': 'users-import-file' } as Record<string, string>}
          >
            {(props) => (
              <Button variant="default" leftSection={<IconUpload size={16} />} {...props}>
                {chosen ? 'Choose another file' : 'Choose file'}
              </Button>
            )}
          </FileButton>
        </Group>
      </Paper>

      {readError && (
        <Alert color="red" variant="light" icon={<IconX size={18} />} role="alert">
          {readError}
        </Alert>
      )}

      {report && report.errors.length > 0 && <ImportErrors report={report} />}

      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {report ? 'Close' : 'Cancel'}
        </Button>
        <Button
          onClick={() =>
            chosen &&
            importer.mutate(chosen.text, {
              onSuccess: (r) => {
                if (r.errors.length === 0) showSuccessToast(`Imported ${r.imported.toLocaleString()} ${r.imported === 1 ? 'user' : 'users'}`);
              },
            })
          }
          disabled={!chosen || (report !== undefined && report.errors.length > 0)}
          loading={importer.isPending}
          leftSection={<IconUpload size={16} />}
          data-testid="users-import-submit"
        >
          Import
        </Button>
      </Group>
    </Stack>
  );
}

function ImportErrors({ report }: { report: CsvImportReport }) {
  const n = report.errors.length;
  return (
    <Stack gap="sm" data-testid="users-import-errors">
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="Nothing was imported" role="alert">
        <Text size="sm">
          {report.truncated ? `More than ${n} problems` : n === 1 ? 'One problem' : `${n} problems`} in the file. Fix{' '}
          {n === 1 ? 'it' : 'them'} and choose the file again: no user is created until every row is valid.
        </Text>
      </Alert>
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
        <ScrollArea.Autosize mah={260}>
          <Table verticalSpacing={6} fz="sm" stickyHeader className={classes.errors}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>Line</Table.Th>
                <Table.Th w={170}>Column</Table.Th>
                <Table.Th>Problem</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.errors.map((e, i) => (
                <Table.Tr key={`${e.line}-${e.field}-${i}`} data-testid={`import-error-${e.line}`}>
                  <Table.Td className={classes.line}>{e.line}</Table.Td>
                  <Table.Td>{e.field ? <Code>{e.field}</Code> : <Text span size="sm" c="dimmed">—</Text>}</Table.Td>
                  <Table.Td>{e.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </Paper>
      {report.truncated && (
        <Text size="xs" c="dimmed">
          Only the first {n} problems are listed.
        </Text>
      )}
    </Stack>
  );
}

function ColumnLine({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="sm" wrap="nowrap" align="baseline">
      <Text size="xs" fw={600} c="dimmed" w={86} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="xs" lh={1.9} component="div">
        {children}
      </Text>
    </Group>
  );
}

function C({ children }: { children: ReactNode }) {
  return <Code fz={11}>{children}</Code>;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function countRows(text: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '').length;
  const rows = Math.max(0, lines - 1);
  return rows === 1 ? '1 row' : `${rows.toLocaleString()} rows`;
}
