import { ComingNext } from './coming-next';

export function Component() {
  return <ComingNext section="hiring" />;
}
