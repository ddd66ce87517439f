// Everything the check-in needs once the first screen is up: the catalogue, the picker, what the
// person's answers taught, and the later steps' components. The popup loads it right after its
// first screen, so the feelings appear without waiting for any of this.
//
// Careful: with Vite 8's bundler, a local name in the importing code that equals one of these export
// names (say a prop destructured as `PauseChoices`) silently merges this chunk back into the first
// screen. `npm run bench` shows the split ("outlet step loaded after the first screen").

// Its styles come with it: nothing on the first screen needs them.
import '../assets/outlet.css';

export { pendingHelpedQuestion, reachedOutCount, recentlyShown } from '../core/history';
export { helpfulAnswers, outletWeights, supportSignal } from '../core/insights/signals';
export { journalPromptKey, pick } from '../core/outlets';
export { HelpedQuestion } from './HelpedQuestion';
export { BreathStep, HelpedStep, RunningTimer, TimerStep } from './LaterSteps';
export { OutletCard } from './OutletCard';
export { PauseChoices } from './PauseChoices';
export { SupportCard } from './SupportCard';

export type OutletFlow = typeof import('./outlet-flow');
