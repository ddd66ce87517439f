// Everything the check-in needs once a feeling is picked: the catalogue, the picker, what the
// person's answers taught, and the outlet step's components. The popup loads it right after its
// first screen is up, so the feelings appear without waiting for any of this.

export { outletWeights, supportSignal } from '../core/insights';
export { journalPromptKey, outletById, pick } from '../core/outlets';
export { BreathPacer } from './BreathPacer';
export { OutletCard } from './OutletCard';
export { SupportCard } from './SupportCard';
export { TimerAction } from './TimerAction';

export type OutletFlow = typeof import('./outlet-flow');
