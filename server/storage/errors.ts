/**
 * Failures of the storage that a client should hear about plainly (a full disk, a damaged
 * database): the app turns them into the contract's error with this status and code, and the
 * server keeps running. Any other error stays a generic 500.
 */
export type StorageFailureCode = 'disk_full' | 'damaged_data' | 'storage_unavailable';

export class StorageFailure extends Error {
  constructor(
    readonly status: 500 | 503 | 507,
    readonly code: StorageFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'StorageFailure';
  }
}
