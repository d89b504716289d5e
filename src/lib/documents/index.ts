export { readDocument } from './read-document';
export type { DocumentEncoding, DocumentProblem, DocumentProblemKind, ReadDocument } from './types';
