// The outlets: the catalogue's rows (./catalogue.ts, data) and the picker (./picker.ts, logic).
export * from './catalogue';
export * from './lookup';
export * from './own';
export * from './picker';
