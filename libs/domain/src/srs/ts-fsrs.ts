/**
 * The only file that imports ts-fsrs. Its package ships a CommonJS build behind the `require`
 * export condition (what the compiled lib and Jest load: dist/index.cjs) but a single set of
 * typings inside a `"type": "module"` package, so tsc with `module: node16` reports TS1479 for a
 * CommonJS importer although the require resolves fine at run time. The web app resolves the same
 * source with `moduleResolution: bundler`, where there is no error, so `@ts-expect-error` would
 * itself fail there; hence `@ts-ignore`, on the module specifier line only: the imported names
 * above it are still checked.
 */
export {
  default_w,
  fsrs,
  Rating,
  State,
  StrategyMode,
  type Card as FsrsCard,
  type FSRS,
  type Grade,
  type StepUnit,
  // eslint-disable-next-line @typescript-eslint/ban-ts-comment
  // @ts-ignore TS1479, see above
} from 'ts-fsrs';
