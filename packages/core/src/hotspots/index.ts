// 每月一题: hotspot metrics and ranking.
export * from './hotspot-ranking';
export * from './hotspot-period';
export * from './topic-rules';
