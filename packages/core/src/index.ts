export * from './errors';
export * from './org';
export * from './calendar';
export * from './scoring';
export * from './cases';
export * from './intake';
export * from './proactive';
export * from './settings';
