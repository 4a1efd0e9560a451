import { render } from 'preact';
import { i18n } from '#i18n';
import '../../components/theme.css';
import './welcome.css';
import { App } from './App';

document.documentElement.lang = navigator.language.startsWith('zh') ? 'zh-CN' : navigator.language;
document.title = i18n.t('welcomePageTitle');
render(<App />, document.getElementById('app')!);
