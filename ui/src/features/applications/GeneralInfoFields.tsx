//! The general info of an application (display label, description, user portal image and
//! colour, shown in the portal), as edited in the wizard and on the General tab, with a
//! preview of the tile users will see in their portal.

import { Box, ColorInput, Grid, SegmentedControl, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconEyeOff } from '@tabler/icons-react';
import type { GeneralInfo } from '../../bindings/GeneralInfo';
import type { PortalImage } from '../../bindings/PortalImage';
import { AppLogo } from './AppLogo';
import classes from './GeneralInfoFields.module.css';

const SWATCHES = ['#4a5dd6', '#1c7ed6', '#0ca678', '#37b24d', '#f59f00', '#f76707', '#e03131', '#d6336c', '#7048e8', '#495057'];

export function GeneralInfoFields({
  form,
  connectorId,
  labelTestId,
}: {
  form: UseFormReturnType<GeneralInfo>;
  connectorId: string;
  labelTestId?: string;
}) {
  const v = form.values;
  return (
    <Grid gap="xl">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="md">
          <TextInput
            label="Display label"
            description="The application's name in the console and in the user portal."
            withAsterisk
            data-testid={labelTestId}
            {...form.getInputProps('label')}
          />
          <Textarea
            label="Description"
            description="Users see this in their portal."
            autosize
            minRows={2}
            maxRows={5}
            data-testid="app-description"
            {...form.getInputProps('description')}
          />
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              User portal image
            </Text>
            <Box className={classes.imageRow}>
              <SegmentedControl
                aria-label="User portal image"
                data={[
                  { value: 'logo', label: 'Logo' },
                  { value: 'color', label: 'Color indicator' },
                ]}
                value={v.portalImage}
                onChange={(value) => form.setFieldValue('portalImage', value as PortalImage)}
                data-testid="app-portal-image"
              />
              {v.portalImage === 'color' && (
                <ColorInput
                  aria-label="Portal colour"
                  format="hex"
                  swatches={SWATCHES}
                  swatchesPerRow={10}
                  w={170}
                  data-testid="app-portal-color"
                  {...form.getInputProps('portalColor')}
                />
              )}
            </Box>
            {form.errors.portalColor && v.portalImage !== 'color' && (
              <Text size="xs" c="red">
                {form.errors.portalColor}
              </Text>
            )}
          </Stack>
          <Switch
            label="Show in user portal"
            description="Users who have access see a tile for this application in their portal."
            data-testid="app-show-in-portal"
            {...form.getInputProps('showInPortal', { type: 'checkbox' })}
          />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap={6}>
          <Text size="xs" fw={600} c="dimmed" className={classes.previewTitle}>
            User portal preview
          </Text>
          <Box className={classes.portal} data-hidden={!v.showInPortal || undefined} data-testid="portal-preview">
            <Box className={classes.tile}>
              <AppLogo
                connectorId={connectorId}
                label={v.label || '?'}
                portalImage={v.portalImage}
                portalColor={v.portalColor}
                size={48}
              />
              <Text size="sm" fw={600} ta="center" lineClamp={2} mt={10}>
                {v.label || 'Display label'}
              </Text>
              {v.description && (
                <Text size="xs" c="dimmed" ta="center" lineClamp={2} mt={2}>
                  {v.description}
                </Text>
              )}
            </Box>
            {!v.showInPortal && (
              <Box className={classes.hiddenNote}>
                <IconEyeOff size={16} />
                <Text size="xs" fw={500}>
                  Not shown in the portal
                </Text>
              </Box>
            )}
          </Box>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
