// Moved to core/time/hours.ts. Kept only so components/HoursSetting.tsx (being moved to
// components/settings/ on another branch) builds until it imports core/time/hours itself; then delete.
export * from './time/hours';
