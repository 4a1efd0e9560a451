import '../../components/theme.css';
import './popup.css';

// The first screen is in popup.html and painted from it; the popup's code is loaded after that
// paint, so that running it does not hold the first frame back.
requestAnimationFrame(() => setTimeout(() => void import('./start').then(({ start }) => start())));
