export * from './anki-note';
