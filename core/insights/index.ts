// What Outlet learns from a person's own check-ins, on their device. One folder: the picker's weights
// and the support card (signals), the week view and what helped (week), the pattern rule (pattern),
// the weekly reflection (reflection) and the year at a glance (year).
export * from './pattern';
export * from './reflection';
export * from './signals';
export * from './states';
export * from './week';
export * from './year';
