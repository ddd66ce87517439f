// Shared setup for unit tests (the lead fills this in).
export {};
