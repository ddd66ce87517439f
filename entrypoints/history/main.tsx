import { render } from 'preact';
import '../../assets/base.css';
import '../../assets/pages.css';
import '../../assets/history.css';
import { HistoryApp } from '../../components/history/HistoryApp';

render(<HistoryApp now={() => Date.now()} />, document.getElementById('app') as HTMLElement);
