// Moved to components/shared/useStoredValue.ts. Kept only so OptionsApp.tsx, WelcomeApp.tsx (options
// branch) and entrypoints/popup/App.tsx (popup branch) build until they import the new path; then delete.
export * from './shared/useStoredValue';
