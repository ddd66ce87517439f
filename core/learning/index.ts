export * from './choose';
export * from './draw';
export * from './evidence';
export * from './kinds';
export * from './learn';
export * from './reason';
export * from './totals';
