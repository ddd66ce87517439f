// The six outlet families from CONTENT.md. Kept apart from the catalogue so that code needing only
// the list (settings validation in the background) doesn't pull the whole catalogue into its bundle.
export const OUTLET_FAMILIES = ['movement', 'journaling', 'talking', 'creative', 'release', 'body'] as const;
export type OutletFamily = (typeof OUTLET_FAMILIES)[number];
