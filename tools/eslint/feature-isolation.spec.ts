import { RuleTester } from 'eslint';
// @ts-expect-error -- a plain ESM rule module without types
import { featureIsolation } from './feature-isolation.mjs';

const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });
const inFeature = '/repo/apps/web/src/features/candidate/components/page.tsx';

// RuleTester declares its own describe/it blocks: one per valid and invalid case.
describe('goprep/feature-isolation', () => {
  tester.run('feature-isolation', featureIsolation, {
    valid: [
      { filename: inFeature, code: "import { x } from '../api/get-status';" },
      { filename: inFeature, code: "import { x } from '@/features/candidate/api/get-status';" },
      { filename: inFeature, code: "import { Button } from '@/components/ui/button';" },
      { filename: inFeature, code: "import { api } from '../../../lib/api';" },
      { filename: inFeature, code: "import { useQuery } from '@tanstack/react-query';" },
      {
        filename: '/repo/apps/web/src/app/routes/take.tsx',
        code: "import { AttemptRunner } from '@/features/quizzes/components/quiz-runner';",
      },
    ],
    invalid: [
      {
        filename: inFeature,
        code: "import { QuizRunner } from '@/features/quizzes/components/quiz-runner';",
        errors: [{ messageId: 'crossFeature' }],
      },
      {
        filename: inFeature,
        code: "import { QuizRunner } from '../../quizzes/components/quiz-runner';",
        errors: [{ messageId: 'crossFeature' }],
      },
      {
        filename: inFeature,
        code: "export { QuizRunner } from '@/features/quizzes';",
        errors: [{ messageId: 'crossFeature' }],
      },
      {
        filename: inFeature,
        code: "const m = import('@/features/drills/api/get-due');",
        errors: [{ messageId: 'crossFeature' }],
      },
    ],
  });
});
