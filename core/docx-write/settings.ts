/**
 * word/settings.xml: separate odd and even footers (the page number sits right
 * on odd pages, left on even ones), no compression of punctuation (it would
 * change the characters a line holds), Word 2013+ layout.
 */
import { W_NS, XML_DECLARATION, el, wVal } from './xml';

export function settingsXml(): string {
  return (
    `${XML_DECLARATION}<w:settings xmlns:w="${W_NS}">` +
    el('w:zoom', { 'w:percent': 100 }) +
    wVal('defaultTabStop', 420) +
    el('w:evenAndOddHeaders') +
    wVal('characterSpacingControl', 'doNotCompress') +
    '<w:compat>' +
    el('w:compatSetting', { 'w:name': 'compatibilityMode', 'w:uri': 'http://schemas.microsoft.com/office/word', 'w:val': 15 }) +
    '</w:compat>' +
    wVal('themeFontLang', 'en-US') +
    '</w:settings>'
  );
}
