export async function runBench(_args: string[]): Promise<void> {}
