/** A refusal or failure of backup or restore, told to the operator in one line (no stack trace). */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}
