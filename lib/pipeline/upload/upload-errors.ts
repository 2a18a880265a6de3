import { AppError } from "@/lib/platform/errors/app-error";
/** An upload the server will not take, with a reason the admin can act on. */
export class UploadRejectedError extends AppError {
  override name = "UploadRejectedError";
  constructor(message: string) {
    super("upload_rejected", message);
  }
}

export class UploadNotFoundError extends AppError {
  override name = "UploadNotFoundError";
  constructor() {
    super(
      "upload_not_found",
      "No such upload in progress for this sermon; start the upload again.",
    );
  }
}
