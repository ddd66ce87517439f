import { defineWebExtConfig } from 'wxt';

// `npm start` opens the browser itself (scripts/start.mjs), so WXT never tries to launch one:
// on a machine without a display that would fail.
export default defineWebExtConfig({ disabled: true });
