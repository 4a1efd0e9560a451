import { describe, expect, it } from 'vitest';
import { paragraphsHtml } from '../../utils/page/insert/content-editable';
import { escapeHtml } from '../../utils/page/insert/text-check';

describe('paragraphsHtml (Firefox multi-paragraph insertion)', () => {
  it('lets the first and last lines join the text around the caret, the middle become paragraphs', () => {
    expect(paragraphsHtml('一\n二\n三', 'div')).toBe('一<div>二</div>三');
    expect(paragraphsHtml('一\n二\n三\n四', 'p')).toBe('一<p>二</p><p>三</p>四');
    expect(paragraphsHtml('一\n二', 'div')).toBe('一<br>二');
    expect(paragraphsHtml('一', 'div')).toBe('一');
  });

  it('keeps an empty middle line as an empty paragraph', () => {
    expect(paragraphsHtml('一\n\n三', 'div')).toBe('一<div><br></div>三');
  });

  it('never lets the user\'s text become markup', () => {
    expect(paragraphsHtml('<img src=x onerror=alert(1)>\n"&\'', 'div')).toBe(
      '&#60;img src=x onerror=alert(1)&#62;<br>&#34;&#38;&#39;',
    );
    expect(escapeHtml('a<b>&"\'')).toBe('a&#60;b&#62;&#38;&#34;&#39;');
  });
});
