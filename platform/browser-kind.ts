/** Firefox rejects notifications with buttons, and has no popup-opening API from the background. */
export const isFirefox = import.meta.env.FIREFOX === true;
