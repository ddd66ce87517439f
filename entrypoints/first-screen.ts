// A classic script in the head of popup.html and checkin.html: it runs before the first screen
// (prerendered into the page) is even parsed, and keeps that screen live until the app takes over (see
// components/checkin/early-input.ts). Kept tiny: no framework, no browser APIs. Vite says it "can't be
// bundled without type=module": on purpose, a module would wait for the whole page to be parsed.
import { captureEarlyInput } from '../components/checkin/early-input';

export default defineUnlistedScript(() => captureEarlyInput());
