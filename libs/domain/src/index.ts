export * from './accounts/password-policy';
export * from './grading';
