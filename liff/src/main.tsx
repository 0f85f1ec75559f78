import '@fontsource/sarabun/thai-400.css';
import '@fontsource/sarabun/thai-600.css';
import './styles.css';
import { render, type ComponentChild } from 'preact';
import { createApi } from './api.ts';
import { App, preloadScreen } from './app.tsx';
import { messagesFor, pickLang } from './messages.ts';
import { parseRoute } from './router.ts';
import { boot } from './session.ts';
import { AppContext, Panel } from './ui.tsx';

// User Timing marks (ita:*): where a page load's time goes, read by npm run bench:liff and
// visible in any browser's performance panel.
performance.mark('ita:main');
const root = document.getElementById('app')!;
const show = (vnode: ComponentChild) => {
  root.textContent = ''; // the static "loading" line from index.html
  render(vnode, root);
};

// Like LINE's liff-playground: nothing renders until liff.init() has resolved (the deep link
// is only in place then). Every outcome renders something: the app, or a page saying what to do.
const booting = boot(); // runs up to liff.init's first wait (the SDK's or the mock's loading)
booting.then(
  (b) => {
    document.documentElement.lang = b.kind === 'ready' ? b.session.lang : b.lang;
    if (b.kind === 'redirecting') return; // LINE Login takes over the page
    if (b.kind === 'problem') {
      const m = messagesFor(b.lang);
      const p = m.problem[b.problem];
      show(
        <div class="page">
          <Panel title={p.title} body={p.body} code={b.problem}>
            {b.problem === 'OFFLINE' && (
              <>
                <p class="command"><code>{m.problem.OFFLINE.example}</code></p>
                <a class="btn btn--primary" href="/dev/simulator">{m.problem.OFFLINE.open}</a>
              </>
            )}
          </Panel>
        </div>,
      );
      return;
    }
    const { session } = b;
    const m = messagesFor(session.lang);
    document.title = m.appTitle;
    const api = createApi({ token: session.token, lang: session.lang });
    // Ask for the first screen's data now, before rendering: a component's effects run only
    // after the next frame. My items comes with /me (top bar and counts) in one request; other
    // screens' data first (it is what the user came for), then /me.
    const route = parseRoute(location);
    if (route.name === 'items') api.prime.listAndMe(route.filter);
    else {
      if (route.name === 'item') api.prime.item(route.id);
      api.prime.me();
    }
    preloadScreen(route);
    show(
      <AppContext.Provider value={{ api, m, lang: session.lang, session }}>
        <App />
      </AppContext.Provider>,
    );
    performance.mark('ita:app');
  },
  () => {
    const m = messagesFor(navigator.language.startsWith('en') ? 'en' : 'th');
    show(<div class="page"><Panel title={m.problem.LIFF_INIT.title} body={m.problem.LIFF_INIT.body} /></div>);
  },
);
