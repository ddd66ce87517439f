import { useEffect } from 'preact/hooks';
import { i18n } from '../shared/words';

/** "Need more support?": when to reach out, what to do in a crisis, and what Outlet is not. */
export function SupportPage() {
  useEffect(() => {
    document.title = i18n.t('supportPage.title');
  }, []);
  return (
    <main class="options support">
      <h1>{i18n.t('supportPage.title')}</h1>
      <p>{i18n.t('supportPage.intro')}</p>

      <section aria-labelledby="crisis-title" class="crisis">
        <h2 id="crisis-title">{i18n.t('supportPage.crisisTitle')}</h2>
        <p>{i18n.t('supportPage.crisisBody')}</p>
        <p>{i18n.t('supportPage.crisisNumbers')}</p>
        <p>
          {i18n.t('supportPage.helplines')}{' '}
          <a href="https://findahelpline.com" target="_blank" rel="noreferrer noopener">
            findahelpline.com
          </a>
        </p>
      </section>

      <section aria-labelledby="hard-title">
        <h2 id="hard-title">{i18n.t('supportPage.hardTitle')}</h2>
        <p>{i18n.t('supportPage.hardIntro')}</p>
        <ul class="reasons">
          <li>{i18n.t('supportPage.hardGrewUp')}</li>
          <li>{i18n.t('supportPage.hardCulture')}</li>
          <li>{i18n.t('supportPage.hardFlat')}</li>
          <li>{i18n.t('supportPage.hardBody')}</li>
        </ul>
        <p>{i18n.t('supportPage.hardClose')}</p>
      </section>

      <section aria-labelledby="signs-title">
        <h2 id="signs-title">{i18n.t('supportPage.signsTitle')}</h2>
        <p>{i18n.t('supportPage.signsIntro')}</p>
        <ul>
          <li>{i18n.t('supportPage.signDistress')}</li>
          <li>{i18n.t('supportPage.signRelationships')}</li>
          <li>{i18n.t('supportPage.signHarm')}</li>
          <li>{i18n.t('supportPage.signPattern')}</li>
        </ul>
        <p>{i18n.t('supportPage.signNotHelping')}</p>
        <p>{i18n.t('supportPage.therapy')}</p>
      </section>

      <section aria-labelledby="crying-title">
        <h2 id="crying-title">{i18n.t('supportPage.cryingTitle')}</h2>
        <p>{i18n.t('supportPage.cryingBody')}</p>
      </section>

      <section aria-labelledby="notice-title">
        <h2 id="notice-title">{i18n.t('supportPage.noticeTitle')}</h2>
        {/* The rule of core/insights/support.ts, in plain words: change both together. */}
        <p>{i18n.t('supportPage.noticeBody')}</p>
        <ul>
          <li>{i18n.t('supportPage.noticeFeelings')}</li>
          <li>{i18n.t('supportPage.noticeDays')}</li>
          <li>{i18n.t('supportPage.noticeAfter')}</li>
        </ul>
        <p>{i18n.t('supportPage.noticeShows')}</p>
      </section>

      <p class="help">{i18n.t('supportPage.notMedical')}</p>
    </main>
  );
}
