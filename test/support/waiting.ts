/** Polls an async condition every `intervalMs` until it holds or `timeoutMs` passed; returns whether it held. */
export async function waitUntilAsync(predicate: () => Promise<boolean>, timeoutMs: number, intervalMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return true;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return predicate();
}
