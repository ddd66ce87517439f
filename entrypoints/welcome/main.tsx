import { render } from 'preact';
import '../../assets/base.css';
import '../../assets/pages.css';
import { WelcomePage } from '../../components/pages/WelcomePage';
import { sendMessage } from '../../platform/messaging';
import { scheduleSource } from '../../platform/storage';

render(
  <WelcomePage start={() => sendMessage('welcomeDone', null)} schedule={scheduleSource} clock={Date.now} />,
  document.getElementById('app') as HTMLElement,
);
