//! "Name ID" and "Signing", side by side: who the user is to the application (format and
//! the directory field that fills it), and what carries Gatehouse's signature.

import { Select, SegmentedControl, Stack, Text, Input } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconId, IconSignature } from '@tabler/icons-react';
import type { SamlSigning } from '../../bindings/SamlSigning';
import { NAME_ID_FORMATS, type SsoFormValues } from './draft';
import { FieldInput } from './FieldInput';
import { SsoSection } from './Section';
import classes from './SsoTab.module.css';

const SIGNING: { value: SamlSigning; label: string; help: string }[] = [
  { value: 'assertion', label: 'Assertion', help: 'The assertion inside the Response is signed; the Response itself is not.' },
  { value: 'response', label: 'Response', help: 'The whole Response is signed; the assertion inside it is not signed separately.' },
  { value: 'both', label: 'Both', help: 'The assertion is signed, and so is the Response around it. Accepted by the strictest applications.' },
];

export function NameIdSigningSection({ form, connectorName }: { form: UseFormReturnType<SsoFormValues>; connectorName: string }) {
  const values = form.getValues();
  const signing = SIGNING.find((s) => s.value === values.signing) ?? SIGNING[2];
  return (
    <div className={classes.twoCols}>
      <SsoSection
        icon={IconId}
        title="Name ID"
        description={`How ${connectorName} identifies the user who signs in.`}
        testId="sso-nameid"
      >
        <Stack gap="md">
          <Select
            label="Format"
            data={NAME_ID_FORMATS.map((f) => ({ value: f.value, label: f.label }))}
            allowDeselect={false}
            renderOption={({ option }) => {
              const f = NAME_ID_FORMATS.find((x) => x.value === option.value);
              return (
                <div>
                  <Text size="sm">{option.label}</Text>
                  <Text size="xs" c="dimmed">
                    {f?.help}
                  </Text>
                </div>
              );
            }}
            description={<span className={classes.mono}>{values.nameIdFormat}</span>}
            comboboxProps={{ keepMounted: false }}
            {...form.getInputProps('nameIdFormat')}
            data-testid="sso-nameid-format"
          />
          <FieldInput
            label="Directory field"
            description="The user's value of this field is the NameID, such as email or username."
            withAsterisk
            {...form.getInputProps('nameIdField')}
            data-testid="sso-nameid-field"
          />
        </Stack>
      </SsoSection>

      <SsoSection
        icon={IconSignature}
        title="Signing"
        description="What carries Gatehouse's signature (SHA-256, with the active certificate)."
        testId="sso-signing"
      >
        <Input.Wrapper label="Sign" error={form.errors.signing}>
          <SegmentedControl
            fullWidth
            mt={6}
            data={SIGNING.map((s) => ({ value: s.value, label: s.label }))}
            value={values.signing}
            onChange={(v) => form.setFieldValue('signing', v as SamlSigning)}
            data-testid="sso-signing-choice"
          />
        </Input.Wrapper>
        <Text size="sm" c="dimmed" mt="sm" data-testid="sso-signing-help">
          {signing.help}
        </Text>
      </SsoSection>
    </div>
  );
}
