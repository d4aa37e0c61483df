import { render } from 'preact';
import { isLanguage } from '../shared/i18n';
import { SignInPage } from './sign-in/sign-in-page';
import './admin.css';

const requested = new URLSearchParams(location.search).get('lang');
const language = isLanguage(requested) ? requested : 'zh-CN';
document.documentElement.lang = language;

render(<SignInPage language={language} />, document.getElementById('app')!);
