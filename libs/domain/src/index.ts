export * from './catalog';
export * from './accounts/password-policy';
export * from './grading';
export * from './sets';
export * from './attempts';
export * from './srs';
export * from './hiring';
