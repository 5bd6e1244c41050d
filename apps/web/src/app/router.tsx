import { createBrowserRouter, RouterProvider } from 'react-router';
import { loadNamespaces } from '@/lib/i18n';
import { RouteError } from './routes/route-error';

/**
 * A lazy page together with the message namespaces it shows (all feature namespaces unless
 * named), fetched side by side so the page never renders raw keys. The landing and dashboard
 * pages name theirs, to keep their first load small.
 */
function page<T>(load: () => Promise<T>, namespaces?: readonly string[]): () => Promise<T> {
  return async () => {
    const [module] = await Promise.all([load(), loadNamespaces(namespaces)]);
    return module;
  };
}

// Each page is its own chunk; only editable-code pages (code tasks, the playground) pull in Monaco's chunk.
const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      { path: '/login', lazy: page(() => import('./routes/auth/login'), []) },
      { path: '/register', lazy: page(() => import('./routes/auth/register'), []) },
      { path: '/forgot-password', lazy: page(() => import('./routes/auth/forgot-password'), []) },
      { path: '/reset-password', lazy: page(() => import('./routes/auth/reset-password'), []) },
      { path: '/take', lazy: page(() => import('./routes/take')) },
      { path: '/rooms/join/:joinToken', lazy: page(() => import('./routes/rooms/join'), ['rooms']) },
      { path: '/rooms/:id', lazy: page(() => import('./routes/rooms/room'), ['rooms']) },
      { path: '/rooms/:id/scorecard', lazy: page(() => import('./routes/rooms/scorecard'), ['rooms']) },
      { path: '/rooms/:id/replay', lazy: page(() => import('./routes/rooms/replay'), ['rooms']) },
      {
        lazy: page(() => import('./routes/app/root'), []),
        children: [
          { index: true, lazy: page(() => import('./routes/app/dashboard'), []) },
          { path: 'practice', lazy: page(() => import('./routes/app/practice/questions')) },
          { path: 'practice/questions/:id', lazy: page(() => import('./routes/app/practice/question')) },
          { path: 'practice/quiz', lazy: page(() => import('./routes/app/practice/quiz')) },
          { path: 'practice/attempts', lazy: page(() => import('./routes/app/practice/attempts')) },
          { path: 'practice/attempts/:id', lazy: page(() => import('./routes/app/practice/attempt')) },
          { path: 'practice/attempts/:id/result', lazy: page(() => import('./routes/app/practice/attempt-result')) },
          { path: 'drills', lazy: page(() => import('./routes/app/drills')) },
          { path: 'drills/stats', lazy: page(() => import('./routes/app/drills-stats')) },
          { path: 'admin/drills', lazy: page(() => import('./routes/app/admin-drills')) },
          { path: 'admin/judge', lazy: page(() => import('./routes/app/admin-judge')) },
          { path: 'hiring', lazy: page(() => import('./routes/app/hiring')) },
          { path: 'hiring/orgs/:orgId/questions/new', lazy: page(() => import('./routes/app/hiring-question')) },
          { path: 'hiring/orgs/:orgId/questions/:id', lazy: page(() => import('./routes/app/hiring-question')) },
          { path: 'hiring/orgs/:orgId/sets', lazy: page(() => import('./routes/app/hiring-sets')) },
          { path: 'hiring/orgs/:orgId/sets/:setId', lazy: page(() => import('./routes/app/hiring-sets-builder')) },
          { path: 'hiring/orgs/:orgId/sets/:setId/versions/:version', lazy: page(() => import('./routes/app/hiring-sets-version')) },
          { path: 'hiring/orgs/:orgId/sets/:setId/invites', lazy: page(() => import('./routes/app/hiring-set-invites')) },
          { path: 'hiring/orgs/:orgId/sets/:setId/results', lazy: page(() => import('./routes/app/hiring-set-results')) },
          { path: 'hiring/orgs/:orgId/sets/:setId/results/compare', lazy: page(() => import('./routes/app/hiring-set-compare')) },
          { path: 'hiring/orgs/:orgId/sets/:setId/results/:attemptId', lazy: page(() => import('./routes/app/hiring-set-report')) },
          { path: 'hiring/orgs/:orgId/sets/:setId/statistics', lazy: page(() => import('./routes/app/hiring-set-statistics')) },
          { path: 'hiring/orgs/:orgId/webhooks', lazy: page(() => import('./routes/app/hiring-webhooks')) },
          { path: 'hiring/orgs/:orgId/settings', lazy: page(() => import('./routes/app/hiring-org-settings')) },
          { path: 'account', lazy: page(() => import('./routes/app/account')) },
          { path: 'rooms', lazy: page(() => import('./routes/app/rooms'), ['rooms']) },
          { path: 'org-invite/:token', lazy: page(() => import('./routes/app/org-invite')) },
          { path: '*', lazy: page(() => import('./routes/not-found'), []) },
        ],
      },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
