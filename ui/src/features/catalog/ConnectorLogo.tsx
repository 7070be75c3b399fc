//! A connector's logo (a data URL from the catalog) on a neutral tile, so logos with
//! transparent backgrounds read in both colour schemes; the initial when there is none.

import { Box, Text } from '@mantine/core';
import classes from './ConnectorLogo.module.css';

export function ConnectorLogo({ name, src, size = 44 }: { name: string; src: string; size?: number }) {
  return (
    <Box className={classes.tile} w={size} h={size} style={{ borderRadius: size > 48 ? 14 : 10, padding: Math.round(size * 0.14) }}>
      {src ? (
        <img src={src} alt={`${name} logo`} className={classes.img} draggable={false} />
      ) : (
        <Text fw={700} fz={size * 0.42} c="dimmed" aria-label={`${name} logo`}>
          {name.slice(0, 1).toUpperCase()}
        </Text>
      )}
    </Box>
  );
}
