/**
 * What the importer refuses: the project's one error type (AppError) with a
 * one-line Vietnamese message for the person importing.
 */
import { AppError } from "../domain/errors.js";

export { AppError } from "../domain/errors.js";

function oneLine(message: string): string {
  return message.replace(/\s+/g, " ").trim();
}

/** A file the importer cannot read (not a PDF/Word/text file, damaged, no text layer). */
export function unreadable(message: string): AppError {
  return new AppError("validation", oneLine(message), "file");
}

export function tooLarge(message: string): AppError {
  return new AppError("too_large", oneLine(message), "file");
}
