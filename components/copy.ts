// Moved to components/shared/copy.ts. Kept only so components/FamiliesSetting.tsx (being moved to
// components/settings/ on another branch) builds until it imports the new path; then delete.
export * from './shared/copy';
