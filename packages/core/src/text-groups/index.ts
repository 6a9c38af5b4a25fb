// Text grouping shared by hotspots (每月一题), duplicate search and warnings.
export * from './text-groups';
