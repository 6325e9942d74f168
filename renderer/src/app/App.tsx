// The window: a top bar with the three places (期刊, 搜索, 设置) and the current screen.
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, getApi } from '../api/client';
import { onShellCommand, type ScreenRequest } from '../api/shell';
import { NoticeProvider } from '../common/Notices';
import { HomeScreen } from '../home/HomeScreen';
import { SearchScreen } from '../search/SearchScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { WorkspaceScreen } from '../workspace/WorkspaceScreen';
import { parseRoute, routeHash, type Route } from './route';

export type Navigate = (route: Route, options?: { replace?: boolean }) => void;

function useRoute(): [Route, Navigate] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const navigate = useCallback<Navigate>((next, options) => {
    const hash = routeHash(next);
    if (options?.replace) window.history.replaceState(null, '', hash);
    else window.history.pushState(null, '', hash);
    setRoute(parseRoute(hash));
  }, []);
  return [route, navigate];
}

export function App() {
  const [route, navigate] = useRoute();
  const [fatal, setFatal] = useState<string | null>(null);
  const [lastIssueId, setLastIssueId] = useState<string | null>(null);
  const [request, setRequest] = useState<ScreenRequest | null>(null);
  const requestDone = useCallback(() => setRequest(null), []);

  // Menu commands from the Electron shell (Ctrl/Cmd+N, I, E, F…).
  useEffect(
    () =>
      onShellCommand((command) => {
        const current = parseRoute(window.location.hash);
        const issueId = current.screen === 'issue' ? current.issueId : lastIssueId;
        const ask = () => setRequest({ name: command.name, nonce: Date.now() + Math.random() });
        switch (command.name) {
          case 'issue:open':
            navigate({ screen: 'issue', issueId: command.issueId, articleId: null });
            return;
          case 'issue:new':
            navigate({ screen: 'home' });
            ask();
            return;
          case 'search:open':
            navigate({ screen: 'search', query: '' });
            return;
          case 'settings:open':
            navigate({ screen: 'settings' });
            return;
          default:
            if (!issueId) return;
            if (current.screen !== 'issue') navigate({ screen: 'issue', issueId, articleId: null });
            ask();
        }
      }),
    [navigate, lastIssueId],
  );

  useEffect(() => {
    let api;
    try {
      api = getApi();
    } catch (e) {
      setFatal(errorMessage(e));
      return;
    }
    api.app.startup({}).then(
      ({ openIssueId }) => {
        if (openIssueId && parseRoute(window.location.hash).screen === 'home') navigate({ screen: 'issue', issueId: openIssueId, articleId: null }, { replace: true });
      },
      (e: unknown) => setFatal(errorMessage(e)),
    );
  }, [navigate]);

  useEffect(() => {
    if (route.screen === 'issue') setLastIssueId(route.issueId);
  }, [route]);

  const nav = (target: Route['screen'], label: string, to: Route) => (
    <a
      href={routeHash(to)}
      className={`nav-link${route.screen === target ? ' active' : ''}`}
      aria-current={route.screen === target ? 'page' : undefined}
      onClick={(e) => {
        e.preventDefault();
        navigate(to);
      }}
    >
      {label}
    </a>
  );

  return (
    <NoticeProvider>
      <div className="app">
        <header className="topbar">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">
              周
            </span>
            <span className="brand-name">周刊编辑台</span>
          </div>
          <nav className="nav" aria-label="主导航">
            {nav('home', '期刊', { screen: 'home' })}
            {route.screen === 'issue' ? nav('issue', '编辑', route) : lastIssueId && nav('issue', '编辑', { screen: 'issue', issueId: lastIssueId, articleId: null })}
            {nav('search', '搜索', { screen: 'search', query: '' })}
            {nav('settings', '设置', { screen: 'settings' })}
          </nav>
        </header>
        <main className="screen">
          {fatal ? (
            <div className="fatal" role="alert">
              {fatal}
            </div>
          ) : route.screen === 'home' ? (
            <HomeScreen navigate={navigate} request={request} onRequestDone={requestDone} />
          ) : route.screen === 'issue' ? (
            <WorkspaceScreen key={route.issueId} issueId={route.issueId} articleId={route.articleId} navigate={navigate} request={request} onRequestDone={requestDone} />
          ) : route.screen === 'search' ? (
            <SearchScreen query={route.query} navigate={navigate} currentIssueId={lastIssueId} />
          ) : (
            <SettingsScreen />
          )}
        </main>
      </div>
    </NoticeProvider>
  );
}
