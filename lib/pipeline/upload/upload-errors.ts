/** An upload the server will not take, with a reason the admin can act on. */
export class UploadRejectedError extends Error {
  readonly status = 422;
  constructor(message: string) {
    super(message);
    this.name = "UploadRejectedError";
  }
}

export class UploadNotFoundError extends Error {
  readonly status = 404;
  constructor() {
    super("No such upload in progress for this sermon; start the upload again.");
    this.name = "UploadNotFoundError";
  }
}
