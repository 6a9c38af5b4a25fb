export const PALETTE = {
  red: '#c8102e',
  orange: '#fa8c16',
  gold: '#faad14',
  blue: '#1677ff',
  green: '#52c41a',
  teal: '#13c2c2',
  purple: '#722ed1',
  grey: '#8c8c8c',
} as const;

export const SERIES_COLORS = [PALETTE.blue, PALETTE.green, PALETTE.gold, PALETTE.red, PALETTE.purple, PALETTE.teal, PALETTE.orange];
