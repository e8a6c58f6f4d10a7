// The lab's entry point. Any error that escapes is shown on the page, never left as a blank one.
import './styles.css';
import { App } from './app/app.ts';

const root = document.getElementById('app')!;
try {
  new App(root);
} catch (err) {
  root.textContent = `The lab could not start: ${err instanceof Error ? err.message : String(err)}`;
}
