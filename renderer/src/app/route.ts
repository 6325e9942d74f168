// Screens are addressed by the URL hash, so reloads and the browser's back button keep the place.
export type Route =
  | { screen: 'home' }
  | { screen: 'issue'; issueId: string; articleId: string | null }
  | { screen: 'search'; query: string }
  | { screen: 'settings' };

export function parseRoute(hash: string): Route {
  const [path, queryString = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  if (parts[0] === 'issue' && parts[1]) return { screen: 'issue', issueId: parts[1], articleId: parts[2] ?? null };
  if (parts[0] === 'search') return { screen: 'search', query: new URLSearchParams(queryString).get('q') ?? '' };
  if (parts[0] === 'settings') return { screen: 'settings' };
  return { screen: 'home' };
}

export function routeHash(route: Route): string {
  switch (route.screen) {
    case 'home':
      return '#/';
    case 'issue':
      return `#/issue/${encodeURIComponent(route.issueId)}${route.articleId ? `/${encodeURIComponent(route.articleId)}` : ''}`;
    case 'search':
      return route.query ? `#/search?${new URLSearchParams({ q: route.query }).toString()}` : '#/search';
    case 'settings':
      return '#/settings';
  }
}
