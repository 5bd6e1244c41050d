// A web feature never imports another feature (bulletproof-react's rule, as a lint error): shared
// pieces live in apps/web/src/components or lib, and a route composes features. Features reach each
// other's code either through the `@/` alias or by relative paths; both are resolved here.
import path from 'node:path';

const FEATURE = /(?:^|\/)apps\/web\/src\/features\/([^/]+)\//;

/** The feature a file or import target lies in, or null. */
function featureOf(file) {
  const match = FEATURE.exec(file.split(path.sep).join('/'));
  return match ? match[1] : null;
}

/** Where an import specifier points, as a path under apps/web/src, or null for packages. */
function targetOf(specifier, importer) {
  const posix = importer.split(path.sep).join('/');
  const srcAt = posix.indexOf('apps/web/src/');
  if (srcAt < 0) return null;
  if (specifier.startsWith('@/')) return `${posix.slice(0, srcAt)}apps/web/src/${specifier.slice(2)}/`;
  if (specifier.startsWith('.')) return `${path.posix.resolve(path.posix.dirname(posix), specifier)}/`;
  return null;
}

export const featureIsolation = {
  meta: {
    type: 'problem',
    docs: { description: 'A web feature must not import another feature; move shared code to components/ or lib/.' },
    schema: [],
    messages: {
      crossFeature: "Feature '{{from}}' imports feature '{{to}}' ({{specifier}}); move the shared piece to components/ or lib/, or compose the two in a route.",
    },
  },
  create(context) {
    const file = context.filename ?? context.getFilename();
    const from = featureOf(file);
    if (!from) return {};
    const check = (node) => {
      const specifier = node.source?.value;
      if (typeof specifier !== 'string') return;
      const target = targetOf(specifier, file);
      const to = target ? featureOf(target) : null;
      if (to && to !== from) context.report({ node: node.source, messageId: 'crossFeature', data: { from, to, specifier } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { 'feature-isolation': featureIsolation } };
