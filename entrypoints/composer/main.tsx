import { render } from 'preact';
import { i18n } from '#i18n';
import '../../components/theme.css';
import './composer-page.css';
import { App } from './App';

document.documentElement.lang = navigator.language.startsWith('zh') ? 'zh-CN' : navigator.language;
document.title = i18n.t('composerPageTitle');
render(<App />, document.getElementById('app')!);
