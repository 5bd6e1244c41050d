export * from './markdown';
export * from './html';
