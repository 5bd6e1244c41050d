// Module hook for suites run by jest-light-runner (light-runner-setup.mjs registers it): Node's ESM loader, asked to import
// a .ts test file, hands it to the CommonJS loader, where @swc-node/register compiles it as the rest
// of the repository is compiled (CommonJS with decorator metadata, the tsconfig's paths).
export async function load(url, context, nextLoad) {
  if (url.startsWith('file:') && /\.tsx?$/.test(new URL(url).pathname)) return { format: 'commonjs', shortCircuit: true };
  return nextLoad(url, context);
}
