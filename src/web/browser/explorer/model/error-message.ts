/** What went wrong, in the words a failed request or check threw, for a line on the page. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
