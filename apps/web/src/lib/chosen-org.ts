import { useSearchParams } from 'react-router';
import { useUser } from './auth';

/** The user's organizations and the one the Hiring page works on: named by ?org=, else the first. */
export function useChosenOrg() {
  const { data: user } = useUser();
  const [params] = useSearchParams();
  const orgs = user?.organizations ?? [];
  const org = orgs.find((o) => o.id === params.get('org')) ?? orgs[0];
  return { orgs, org };
}
