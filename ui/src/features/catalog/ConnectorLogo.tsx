//! A connector's logo (a data URL from the catalog) shown like an app icon; the name's
//! initial on a neutral tile when there is none.

import { Box, Text } from '@mantine/core';
import classes from './ConnectorLogo.module.css';

export function ConnectorLogo({ name, src, size = 44 }: { name: string; src: string; size?: number }) {
  const radius = Math.round(size * 0.22);
  if (src) {
    return (
      <img
        src={src}
        alt={`${name} logo`}
        width={size}
        height={size}
        className={classes.img}
        style={{ borderRadius: radius }}
        draggable={false}
      />
    );
  }
  return (
    <Box className={classes.tile} w={size} h={size} style={{ borderRadius: radius }} role="img" aria-label={`${name} logo`}>
      <Text fw={700} fz={size * 0.42} c="dimmed" aria-hidden>
        {name.slice(0, 1).toUpperCase()}
      </Text>
    </Box>
  );
}
