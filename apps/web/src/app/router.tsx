import { createBrowserRouter, RouterProvider } from 'react-router';
import { RouteError } from './routes/route-error';

// Each page is its own chunk; only code pages pull in the CodeViewer's Monaco chunk.
const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      { path: '/login', lazy: () => import('./routes/auth/login') },
      { path: '/register', lazy: () => import('./routes/auth/register') },
      {
        lazy: () => import('./routes/app/root'),
        children: [
          { index: true, lazy: () => import('./routes/app/dashboard') },
          { path: 'practice', lazy: () => import('./routes/app/practice/questions') },
          { path: 'practice/questions/:id', lazy: () => import('./routes/app/practice/question') },
          { path: 'practice/quiz', lazy: () => import('./routes/app/practice/quiz') },
          { path: 'practice/attempts', lazy: () => import('./routes/app/practice/attempts') },
          { path: 'practice/attempts/:id', lazy: () => import('./routes/app/practice/attempt') },
          { path: 'practice/attempts/:id/result', lazy: () => import('./routes/app/practice/attempt-result') },
          { path: 'drills', lazy: () => import('./routes/app/drills') },
          { path: 'hiring', lazy: () => import('./routes/app/hiring') },
          { path: 'hiring/orgs/:orgId/questions/new', lazy: () => import('./routes/app/hiring-question') },
          { path: 'hiring/orgs/:orgId/questions/:id', lazy: () => import('./routes/app/hiring-question') },
          { path: 'account', lazy: () => import('./routes/app/account') },
          { path: 'org-invite/:token', lazy: () => import('./routes/app/org-invite') },
          { path: '*', lazy: () => import('./routes/not-found') },
        ],
      },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
