import { hydrate, render } from 'preact';
import { i18n } from '#i18n';
import { App } from './App';

/** Takes over the first screen in the page for this locale (scripts/first-screen-plugin.ts), with whatever was typed into it meanwhile. */
export function start(): void {
  const app = document.getElementById('app')!;
  const locale = i18n.t('uiLocale');
  document.documentElement.lang = locale.replace('_', '-');
  document.title = i18n.t('appName');
  const typed = app.querySelector<HTMLInputElement>('#search-input')?.value ?? '';
  if (app.dataset.locale === locale && app.firstElementChild) {
    hydrate(<App initialQuery={typed} />, app);
  } else {
    app.replaceChildren();
    render(<App />, app);
  }
}
