export * from './holidays';
export * from './categories';
export * from './departments';
export * from './divisions';
export * from './category-tree';
export * from './dispatch-catalogue';
export * from './call-samples';
