//! An application's picture: its connector's logo, or (portal image "color") a dot of its
//! colour with the label's initial, as the user portal shows it.

import { Box, Text } from '@mantine/core';
import type { PortalImage } from '../../bindings/PortalImage';
import { ConnectorLogo } from '../catalog/ConnectorLogo';
import { useCatalog } from '../catalog/queries';

export function AppLogo({
  connectorId,
  label,
  portalImage = 'logo',
  portalColor,
  size = 32,
}: {
  connectorId: string;
  label: string;
  portalImage?: PortalImage;
  portalColor?: string;
  size?: number;
}) {
  const catalog = useCatalog();
  if (portalImage === 'color') {
    return (
      <Box
        w={size}
        h={size}
        style={{
          borderRadius: '50%',
          background: portalColor,
          flexShrink: 0,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
        }}
        role="img"
        aria-label={`${label} colour`}
        data-portal-color={portalColor}
      >
        <Text fw={700} fz={size * 0.42} c="white" aria-hidden style={{ textShadow: '0 1px 1px rgba(0,0,0,0.15)' }}>
          {label.trim().slice(0, 1).toUpperCase()}
        </Text>
      </Box>
    );
  }
  const connector = catalog.data?.connectors.find((c) => c.id === connectorId);
  return <ConnectorLogo name={connector?.name ?? label} src={connector?.logoDataUrl ?? ''} size={size} />;
}
