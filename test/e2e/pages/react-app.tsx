/** @jsxImportSource react */
/**
 * A React 19 controlled textarea, bundled by site.ts into /generated/react-app.js.
 * React keeps its own copy of the value and re-renders the DOM from it, so
 * text that reaches the DOM without React hearing of it would be lost on the
 * next render; #react-state shows React's state for the test to read.
 */
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  const [text, setText] = useState('前半句，后半句。');
  useEffect(() => {
    document.documentElement.dataset.ready = 'true';
  }, []);
  return (
    <>
      <label>
        React 输入框{' '}
        <textarea id="react-field" value={text} onChange={(event) => setText(event.currentTarget.value)} />
      </label>
      <output id="react-state" data-value={text} />
    </>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('react.html has no #root');
createRoot(container).render(<App />);
